import type { OrderStatus, SystemEvent, TimerKind } from '@hotline/contracts';
import type { TimeLimits } from './time-limits';

/** The facts of an order that decide which of its deadlines are running. */
export interface DeadlineFacts {
  status: OrderStatus;
  signDueAt: Date | null;
  handleDueAt: Date | null;
  callbackDueAt: Date | null;
  callbackAt: Date | null;
  openSupervisions: readonly { id: number; feedbackDueAt: Date }[];
}

export type DeadlineName = 'sign' | 'handle' | 'callback' | 'supervision';

export interface RunningDeadline {
  name: DeadlineName;
  /** The supervision's id for a supervision deadline, else 0. */
  refId: number;
  at: Date;
}

/** Statuses in which a deadline's clock runs. Suspension stops the handling clock; a pending return does not. */
const CLOCK_RUNS: Record<Exclude<DeadlineName, 'supervision'>, readonly OrderStatus[]> = {
  sign: ['dispatched'],
  handle: ['dispatched', 'handling', 'returning'],
  callback: ['callback_pending'],
};
const FINISHED: readonly OrderStatus[] = ['closed', 'merged'];

export function runningDeadlines(f: DeadlineFacts): RunningDeadline[] {
  const out: RunningDeadline[] = [];
  if (f.signDueAt && CLOCK_RUNS.sign.includes(f.status)) out.push({ name: 'sign', refId: 0, at: f.signDueAt });
  if (f.handleDueAt && CLOCK_RUNS.handle.includes(f.status)) out.push({ name: 'handle', refId: 0, at: f.handleDueAt });
  if (f.callbackDueAt && !f.callbackAt && CLOCK_RUNS.callback.includes(f.status)) out.push({ name: 'callback', refId: 0, at: f.callbackDueAt });
  if (!FINISHED.includes(f.status)) for (const s of f.openSupervisions) out.push({ name: 'supervision', refId: s.id, at: s.feedbackDueAt });
  return out;
}

export interface PlannedTimer {
  kind: TimerKind;
  refId: number;
  /** When the timer fires. */
  dueAt: Date;
  /** The deadline it belongs to. */
  deadlineAt: Date;
}

export const TIMER_DEADLINE: Record<TimerKind, DeadlineName> = {
  'sign-prewarn': 'sign',
  'sign-overdue': 'sign',
  'handle-prewarn': 'handle',
  'handle-overdue': 'handle',
  escalate: 'handle',
  'callback-overdue': 'callback',
  'supervision-overdue': 'supervision',
};

/**
 * Every timer an order should have now: for each running deadline its pre-warning (unless off, or the deadline
 * has passed already), its overdue moment, and for handling the long-overdue escalation. Due times depend on the
 * deadlines alone, so planning again yields the same timers; one due in the past fires at once.
 */
export function planTimers(f: DeadlineFacts, limits: TimeLimits, now: Date): PlannedTimer[] {
  const out: PlannedTimer[] = [];
  const add = (kind: TimerKind, refId: number, dueAt: Date | null, deadlineAt: Date) => {
    if (dueAt) out.push({ kind, refId, dueAt, deadlineAt });
  };
  const warn = (deadline: 'sign' | 'handle', at: Date) => (at.getTime() > now.getTime() ? limits.prewarnAt(deadline, at) : null);
  for (const d of runningDeadlines(f)) {
    switch (d.name) {
      case 'sign':
        add('sign-prewarn', 0, warn('sign', d.at), d.at);
        add('sign-overdue', 0, d.at, d.at);
        break;
      case 'handle':
        add('handle-prewarn', 0, warn('handle', d.at), d.at);
        add('handle-overdue', 0, d.at, d.at);
        add('escalate', 0, limits.escalateAt(d.at), d.at);
        break;
      case 'callback':
        add('callback-overdue', 0, d.at, d.at);
        break;
      case 'supervision':
        add('supervision-overdue', d.refId, d.at, d.at);
        break;
    }
  }
  return out;
}

/**
 * Checked again when a timer fires, on the order as it is then: the timer still stands only while the
 * deadline it belongs to runs with the same due time. Finished work and moved deadlines make it a no-op.
 */
export function timerApplies(t: { kind: TimerKind; refId: number; deadlineAt: Date }, f: DeadlineFacts): boolean {
  const name = TIMER_DEADLINE[t.kind];
  return runningDeadlines(f).some((d) => d.name === name && d.refId === t.refId && d.at.getTime() === t.deadlineAt.getTime());
}

/** The identity of a timer within its order: (kind, reference, due time). */
export function timerKey(t: { kind: TimerKind; refId: number; dueAt: Date }): string {
  return `${t.kind}.${t.refId}.${t.dueAt.getTime()}`;
}

/**
 * What to add and what to cancel to turn an order's timers into the planned ones. A timer that fired is never
 * added again (its effect happened for exactly that due time); only pending ones are cancelled.
 */
export function diffTimers<T extends { kind: TimerKind; refId: number; dueAt: Date }>(
  pending: readonly T[],
  planned: readonly PlannedTimer[],
  fired: readonly { kind: TimerKind; refId: number; dueAt: Date }[] = [],
): { add: PlannedTimer[]; cancel: T[] } {
  const want = new Set(planned.map(timerKey));
  const have = new Set([...pending, ...fired].map(timerKey));
  return { add: planned.filter((p) => !have.has(timerKey(p))), cancel: pending.filter((p) => !want.has(timerKey(p))) };
}

/** Who hears of an effect: the order's main unit, the supervisors, the callback agents. */
export type Audience = 'unit' | 'supervisors' | 'callback_agents';

export interface TimerEffect {
  /** History rows, in order (actor 'system'). */
  events: readonly SystemEvent[];
  /** The order column that records the moment it went overdue. */
  flag: 'signOverdueAt' | 'handleOverdueAt' | null;
  /** Counts as an urging (催办) of the unit. */
  autoUrge: boolean;
  notify: readonly Audience[];
}

/** Which effect each timer has when it fires. */
export const TIMER_EFFECTS: Record<TimerKind, TimerEffect> = {
  'sign-prewarn': { events: ['pre-warning'], flag: null, autoUrge: false, notify: ['unit'] },
  'sign-overdue': { events: ['sign-overdue', 'auto-urge'], flag: 'signOverdueAt', autoUrge: true, notify: ['unit', 'supervisors'] },
  'handle-prewarn': { events: ['pre-warning'], flag: null, autoUrge: false, notify: ['unit'] },
  'handle-overdue': { events: ['handle-overdue', 'auto-urge'], flag: 'handleOverdueAt', autoUrge: true, notify: ['unit', 'supervisors'] },
  escalate: { events: ['escalate'], flag: null, autoUrge: false, notify: ['supervisors', 'unit'] },
  'callback-overdue': { events: ['callback-overdue'], flag: null, autoUrge: false, notify: ['callback_agents'] },
  'supervision-overdue': { events: ['supervision-overdue'], flag: null, autoUrge: false, notify: ['supervisors', 'unit'] },
};
