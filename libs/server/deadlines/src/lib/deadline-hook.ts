import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OrderChange, OrderChangeHook, WorkOrderEntity } from '@hotline/server-orders';
import { TimerPlanner, type TimerWork } from './timer-planner';
import { TimerQueue } from './timer-queue';

/** How long an action's response may wait for a queue that seems up after commit before leaving it to the relay. */
const FEED_TIMEOUT_MS = 2000;
/** Order columns whose change can start, move or stop a deadline. */
const DEADLINE_FIELDS = ['status', 'signDueAt', 'handleDueAt', 'callbackDueAt', 'callbackAt'] as const satisfies readonly (keyof WorkOrderEntity)[];
/** Actions that open or close a supervision (its feedback deadline lives in the supervision table). */
const SUPERVISION_ACTIONS = ['supervise', 'feedback'];

function sameTime(a: unknown, b: unknown): boolean {
  return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
}

/**
 * Follows every order change: in the action's own transaction it rewrites the order's timer rows and their
 * outbox row; after commit it feeds BullMQ and marks the outbox row done. If feeding fails, the worker's outbox
 * relay (and behind it the reconciler) does it later, so a commit never loses a timer.
 */
@Injectable()
export class DeadlineHook implements OrderChangeHook {
  /** Work of a transaction, keyed by the change's `after` row (the same object reaches onCommitted). */
  private readonly work = new WeakMap<WorkOrderEntity, TimerWork>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly planner: TimerPlanner,
    private readonly queue: TimerQueue,
  ) {}

  async onOrderChange(change: OrderChange): Promise<void> {
    if (!change.before) return; // intake: a registered order has no deadline yet
    const touched = SUPERVISION_ACTIONS.includes(change.action) || DEADLINE_FIELDS.some((f) => !sameTime(change.before?.[f], change.after[f]));
    if (!touched) return;
    const work = await this.planner.sync(change.em, change.after, change.at);
    if (work) this.work.set(change.after, work);
  }

  async onCommitted(change: Omit<OrderChange, 'em'>): Promise<void> {
    const work = this.work.get(change.after);
    if (!work) return;
    this.work.delete(change.after);
    // Redis known to be down: the outbox row stays unprocessed and the worker's relay feeds the queue once Redis is
    // back (the reconciler too, should Redis come back empty), so the user's action need not wait for the timeout
    if (this.queue.connectionLost) return;
    const feed = (async () => {
      await this.queue.schedule(work.schedule);
      await this.queue.remove(work.unschedule);
      await this.ds.query('UPDATE outbox SET processed_at = ? WHERE id = ? AND processed_at IS NULL', [new Date(), work.outboxId]);
    })();
    // a connection that drops now would hold the add until Redis returns: the user's action must not wait that long
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`queue not fed within ${FEED_TIMEOUT_MS} ms`)), FEED_TIMEOUT_MS)),
    );
    feed.catch(() => undefined); // reported below, or moot after the timeout
    try {
      await Promise.race([feed, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}
