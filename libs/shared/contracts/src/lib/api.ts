import type { OrderAction, OrderStatus, Role, Satisfaction, SystemEvent } from './lifecycle';
import type { DirectAnswerRecord } from './knowledge';

/** Wire types of the REST API (/api). Dates are ISO-8601 strings in UTC. */

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  unitName: string | null;
  active?: boolean;
  version?: number;
}

export interface LoginResponse {
  accessToken: string;
  user: UserView;
}

export interface RegionView {
  id: number;
  code: string;
  name: string;
  kind: 'city' | 'district' | 'county' | 'zone';
}
export interface UnitView {
  id: number;
  code: string;
  name: string;
  kind: 'bureau' | 'region_gov' | 'utility' | 'town' | 'other';
  parentId: number | null;
  regionId: number | null;
  active: boolean;
}
export interface CategoryNode {
  id: number;
  code: string;
  name: string;
  level: 1 | 2 | 3;
  parentId: number | null;
  defaultUnitId: number | null;
  active?: boolean;
  /** For admin edits (optimistic locking). */
  version?: number;
  children: CategoryNode[];
}
export interface ChannelView {
  code: string;
  name: string;
  group: 'public' | 'collector';
}
export interface AppealTypeView {
  code: string;
  name: string;
}
export interface TopicView {
  id: number;
  code: string;
  name: string;
  active: boolean;
  version?: number;
}
export interface PlatformView {
  id: number;
  code: string;
  name: string;
  regionId: number | null;
}
export interface HolidayView {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

export interface CallerView {
  name: string | null;
  phone: string | null;
  confidential: boolean;
}

export interface OrderSummary {
  id: number;
  number: string;
  status: OrderStatus;
  version: number;
  channel: string;
  appealType: string;
  categoryId: number;
  categoryPath: string;
  regionId: number | null;
  mainUnitId: number | null;
  mainUnitName: string | null;
  caller: CallerView;
  contentPreview: string;
  urgent: boolean;
  createdAt: string;
  signDueAt: string | null;
  handleDueAt: string | null;
  callbackDueAt: string | null;
  overdue: boolean;
}

export interface CoUnitView {
  unitId: number;
  unitName: string;
  repliedAt: string | null;
  reply: string | null;
}

export interface HistoryEntry {
  id: number;
  action: OrderAction | SystemEvent;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus | null;
  actorId: number | null;
  actorName: string | null;
  actorRole: Role | 'system';
  actorUnitId: number | null;
  comment: string | null;
  data: Record<string, unknown> | null;
  createdAt: string;
}

export interface OrderDetail extends OrderSummary {
  platformId: number;
  address: string | null;
  content: string;
  topics: string[];
  resolution: 'direct' | 'dispatched' | null;
  directAnswer: string | null;
  /** how the direct answer was made (知识库 article + version, 三方通话, other); null when not answered directly */
  directAnswerRecord?: DirectAnswerRecord | null;
  reply: string | null;
  coUnits: CoUnitView[];
  pendingReturn: { reason: string; requestedAt: string } | null;
  pendingExtension: { days: number; reason: string; requestedAt: string } | null;
  callback: { satisfaction: Satisfaction; solved: boolean; comment: string | null; at: string } | null;
  mergedIntoId: number | null;
  reworkCount: number;
  urgeCount: number;
  superviseCount: number;
  signedAt: string | null;
  repliedAt: string | null;
  closedAt: string | null;
  history: HistoryEntry[];
  /** Actions the requesting user may take now (status × role × scope). */
  allowedActions: OrderAction[];
}

export interface Page<T> {
  items: T[];
  /** Exact, unless `totalBounded`: then at least this many (the count stops there). */
  total: number;
  page: number;
  pageSize: number;
  /** The order search counts at most 10,000 matches; true when there are more (show "10,000+"). */
  totalBounded?: boolean;
  /**
   * A text search newest first may count only the orders registered since this day (YYYY-MM-DD, its first page
   * served from the newest orders' matches): `total` is then how many of those match, and `totalBounded` is true.
   */
  totalSince?: string;
}

/**
 * `GET /api/orders?unitPart=`: which part the unit has in the order. 'main': the main unit is in the unit's subtree;
 * 'co': a co-unit is and the main unit is not (协办). Taken against `unitId` when given, else the user's own unit.
 */
export const ORDER_UNIT_PARTS = ['main', 'co'] as const;
export type OrderUnitPart = (typeof ORDER_UNIT_PARTS)[number];

/** One reader of the order-event stream (the outbox) as the queue-health view shows it. */
export interface OrderEventSubscriberView {
  name: string;
  /** The outbox id it has passed. */
  lastId: number;
  delivered: number;
  /** Outbox rows after its position (of any topic: it passes those it does not read too). */
  pending: number;
  /** Age of the oldest of those rows (by their own time), null when none. */
  oldestPendingAgeMs: number | null;
  lastError: string | null;
  failedAt: string | null;
  updatedAt: string;
}
