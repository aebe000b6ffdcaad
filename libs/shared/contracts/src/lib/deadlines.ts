import type { Page } from './api';
import type { OrderStatus, SystemEvent } from './lifecycle';
import type { KnowledgeNoticeKind } from './knowledge';

/**
 * Deadlines, timers and notifications on the wire. Durations are written the way admins type them:
 * a number and a unit — '30m', '2h', '5d', '0.5d', and '3s' for drills and tests.
 */

/** 'working': the Chinese working-day calendar (holidays, make-up weekends, office hours); 'natural': 24 × 7. */
export const DEADLINE_CLOCKS = ['working', 'natural'] as const;
export type DeadlineClockKind = (typeof DEADLINE_CLOCKS)[number];

/** The appeal-type value of the policy rows that apply to every type without rows of its own. */
export const ANY_APPEAL_TYPE = '*';

/** Timers kept per order; each fires its effect at most once for its (order, kind, due time). */
export const TIMER_KINDS = ['sign-prewarn', 'sign-overdue', 'handle-prewarn', 'handle-overdue', 'escalate', 'callback-overdue', 'supervision-overdue'] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

export const TIMER_STATES = ['pending', 'fired', 'cancelled'] as const;
export type TimerState = (typeof TIMER_STATES)[number];

export const TIMER_KIND_LABELS: Record<TimerKind, string> = {
  'sign-prewarn': '签收临期预警',
  'sign-overdue': '签收超时',
  'handle-prewarn': '办理临期预警',
  'handle-overdue': '办理超期',
  escalate: '超期升级督办',
  'callback-overdue': '回访超时',
  'supervision-overdue': '督办反馈超时',
};

export interface TimeLimitPolicyView {
  id: number;
  /** An appeal type code, or '*' for the default rows. */
  appealType: string;
  urgent: boolean;
  clock: DeadlineClockKind;
  /** Natural clock only: what one day of limits and extensions lasts (null = 24 h); drills compress it. */
  dayLength: string | null;
  signLimit: string;
  handleLimit: string;
  callbackLimit: string;
  /** Supervision feedback limit when the supervisor names no number of days. */
  feedbackLimit: string;
  /** Pre-warning when this share of the limit is used up; 0 = no pre-warning. */
  prewarnPercent: number;
  /** Overdue for this long after the handling deadline → escalated to the supervision queue. */
  longOverdueAfter: string;
  version: number;
  updatedAt: string;
}

export interface OrderTimerView {
  id: number;
  kind: TimerKind;
  state: TimerState;
  dueAt: string;
  /** The deadline the timer belongs to (for a pre-warning, the deadline it warns of). */
  deadlineAt: string;
  firedAt: string | null;
}

export interface NotificationView {
  id: number;
  kind: SystemEvent | KnowledgeNoticeKind;
  orderId: number | null;
  orderNumber: string | null;
  /** The unit the notice was addressed to (a unit's inbox), if any. */
  unitId: number | null;
  title: string;
  body: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage extends Page<NotificationView> {
  unread: number;
}

export interface QueueStatusView {
  name: string;
  counts: Record<string, number>;
}

export interface FailedJobView {
  queue: string;
  id: string;
  name: string;
  failedReason: string;
  attemptsMade: number;
  failedAt: string | null;
}

export interface ReconcilerRunView {
  startedAt: string;
  finishedAt: string;
  fullScan: boolean;
  /** Due timers the reconciler fired itself because no job had fired them. */
  fired: number;
  /** Pending timers whose job was missing from Redis and was added again. */
  requeued: number;
  /** Open orders that had deadlines but no timers (changed outside the API) and got them. */
  backfilled: number;
  note: string | null;
}

export interface DeadlineOpsView {
  queues: QueueStatusView[];
  failedJobs: FailedJobView[];
  timers: { pending: number; dueUnfired: number; nextDueAt: string | null };
  outboxPending: number;
  reconciler: { lastTickAt: string | null; lastTick: ReconcilerRunView | null; lastRepair: ReconcilerRunView | null };
  generatedAt: string;
}

export interface EscalatedOrderView {
  orderId: number;
  number: string;
  status: OrderStatus;
  mainUnitId: number | null;
  mainUnitName: string | null;
  handleDueAt: string | null;
  handleOverdueAt: string | null;
  escalatedAt: string;
  urgeCount: number;
  superviseCount: number;
  openSupervision: boolean;
}
