import type { OrderAction, OrderStatus, SystemEvent } from '@hotline/contracts';
import type { AuthUser } from '@hotline/server-identity';
import { OrderHistoryEntity } from '../entities';

/** Who made a change: a user, or the system (deadline effects) with no user behind it. */
export type OrderActor = AuthUser | null;

/** One line of an order's history as the writer is asked for it: what happened, and what it leaves to say. */
export interface HistoryLine {
  action: OrderAction | SystemEvent;
  from: OrderStatus | null;
  to: OrderStatus | null;
  comment?: string | null;
  data?: Record<string, unknown> | null;
}

/** The name a history row shows for the system's own effects. */
export const SYSTEM_ACTOR_NAME = '系统';

/** A history row, every column set: the one definition of who and what a line records. */
export function historyRow(orderId: number, line: HistoryLine, actor: OrderActor, at: Date): OrderHistoryEntity {
  return Object.assign(new OrderHistoryEntity(), {
    orderId,
    action: line.action,
    fromStatus: line.from,
    toStatus: line.to,
    actorId: actor?.id ?? null,
    actorName: actor ? actor.displayName : SYSTEM_ACTOR_NAME,
    actorRole: actor?.role ?? 'system',
    actorUnitId: actor?.unitId ?? null,
    comment: line.comment ?? null,
    data: line.data ?? null,
    createdAt: at,
  } satisfies Omit<OrderHistoryEntity, 'id'>);
}
