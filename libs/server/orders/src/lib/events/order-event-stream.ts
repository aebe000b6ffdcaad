import { Injectable } from '@nestjs/common';
import type { OutboxEvent } from './order-event';

/**
 * A reader of the outbox. The relay hands it the rows of its topics in id order, at least once: after a crash, or
 * when `handle` throws, the same rows come again (from the first one not yet passed), so a handler must be idempotent.
 * Returning an id passes only the rows up to it (the rest come again next time): a sender with its own retries and
 * dead letters (SMS, webhooks) can take a batch in part.
 */
export interface OrderEventSubscriber {
  /** Topics received: exact names, or prefixes ending in '.' ('order.' for every order event); all when omitted. */
  topics?: readonly string[];
  /** Rows per call (default 500). */
  batchSize?: number;
  handle(events: readonly OutboxEvent[]): Promise<void | number>;
  /**
   * Retries with backoff, then dead letters: after `attempts` failed calls in a row the rows are tried one by one and
   * those that still fail are parked in outbox_dead_letter (with every later row of the same order, so an order's
   * events stay in order) for an admin to replay; the position moves on. Without it a failing batch comes again every
   * tick and is never parked (the deadline timers must not lose an event).
   */
  retry?: RetryPolicy;
}

export interface RetryPolicy {
  /** Failed calls in a row before the rows are parked (≥ 1). */
  attempts: number;
  /** Wait after the first failure; doubled after each next one, up to maxMs. */
  baseMs: number;
  maxMs?: number;
}

/** The wait before the next try after `failures` failed calls in a row. */
export function retryDelayMs(policy: RetryPolicy, failures: number): number {
  return Math.min(policy.maxMs ?? 5 * 60_000, policy.baseMs * 2 ** Math.max(0, failures - 1));
}

export interface RegisteredSubscriber {
  name: string;
  /** As registered (a class instance keeps its methods: it is not copied). */
  subscriber: OrderEventSubscriber;
}

export function wantsTopic(s: Pick<OrderEventSubscriber, 'topics'>, topic: string): boolean {
  return !s.topics || s.topics.some((t) => (t.endsWith('.') ? topic.startsWith(t) : topic === t));
}

/**
 * Who reads the order-event stream (the outbox): every order change writes its events there in its own transaction
 * (writer/), and the relay in the worker (OrderEventRelay) delivers them to the subscribers registered here, each from
 * its own position (table outbox_subscriber). A row every subscriber has passed is deleted. Register in onModuleInit
 * of the process that runs the relay; a name is a position, so it must stay the same across releases.
 */
@Injectable()
export class OrderEventStream {
  private readonly subscribers = new Map<string, RegisteredSubscriber>();

  register(name: string, subscriber: OrderEventSubscriber): void {
    if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(name)) throw new Error(`order-event subscriber name "${name}": lower-case letters, digits, . _ -, at most 64`);
    // two readers on one position would each skip what the other took
    if (this.subscribers.has(name)) throw new Error(`order-event subscriber "${name}" is registered twice`);
    this.subscribers.set(name, { name, subscriber });
  }

  /** For readers that come and go at run time (one per webhook); their position row stays until deleted. */
  unregister(name: string): boolean {
    return this.subscribers.delete(name);
  }

  list(): RegisteredSubscriber[] {
    return [...this.subscribers.values()];
  }
}
