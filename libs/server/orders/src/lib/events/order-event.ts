import type { OrderAction, OrderStatus, Role, SystemEvent } from '@hotline/contracts';
import { OutboxEntity } from '../entities';

/** The outbox topic of an order event: `order.<action>` (order.create, order.dispatch, order.sign-overdue …). */
export const ORDER_EVENT_TOPIC_PREFIX = 'order.';
export const orderEventTopic = (action: OrderAction | SystemEvent): string => `${ORDER_EVENT_TOPIC_PREFIX}${action}`;

/**
 * What an order event carries: one line of the order's history, by id. Subscribers that need more reload the order
 * (payloads carry ids and the facts of the moment, never the row).
 */
export interface OrderEventPayload {
  orderId: number;
  historyId: number;
  action: OrderAction | SystemEvent;
  from: OrderStatus | null;
  to: OrderStatus | null;
  /** The order's version after the change. */
  version: number;
  actorId: number | null;
  actorRole: Role | 'system';
  at: string;
}

/** An outbox row as a subscriber receives it. `payload` is an OrderEventPayload for topics under `order.`. */
export interface OutboxEvent {
  id: number;
  topic: string;
  aggregateId: number;
  payload: Record<string, unknown> | null;
  createdAt: Date;
}

export function orderEventRow(payload: OrderEventPayload, at: Date): OutboxEntity {
  return Object.assign(new OutboxEntity(), {
    topic: orderEventTopic(payload.action),
    aggregateId: payload.orderId,
    payload: payload as unknown as Record<string, unknown>,
    createdAt: at,
    processedAt: null,
  } satisfies Omit<OutboxEntity, 'id'>);
}
