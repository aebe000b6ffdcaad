import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OrderStatus, TimerKind } from '@hotline/contracts';
import { diffTimers, planTimers, timerKey, type DeadlineFacts, type PlannedTimer } from '@hotline/domain';
import { CalendarProvider, TimeLimitsProvider } from '@hotline/server-orders';
import { TIMER_OUTBOX_TOPIC, timerJobId, type TimerRef } from './queues';

/** The order columns timers depend on (a WorkOrderEntity has them all). */
export interface OrderDeadlineRow {
  id: number;
  status: OrderStatus;
  appealType: string;
  urgent: boolean;
  signDueAt: Date | null;
  handleDueAt: Date | null;
  callbackDueAt: Date | null;
  callbackAt: Date | null;
}

/** Queue work that one transaction left for after its commit; the same ids are in its outbox row. */
export interface TimerWork {
  outboxId: number;
  schedule: TimerRef[];
  /** Job ids of timers that no longer stand. */
  unschedule: string[];
}

interface TimerRow {
  id: number;
  kind: TimerKind;
  ref_id: number;
  due_at: Date;
}

export function toTimerRef(orderId: number, r: TimerRow): TimerRef {
  return { id: Number(r.id), orderId: Number(orderId), kind: r.kind, refId: Number(r.ref_id), dueAt: r.due_at };
}

/**
 * Brings an order's timer rows in line with its deadlines, inside the caller's transaction (the order row is
 * locked by the caller): adds the timers the order should have, cancels those that no longer stand, and writes
 * one outbox row naming both, so the queue can be fed after commit — or later, by the relay, if that fails.
 */
@Injectable()
export class TimerPlanner {
  constructor(
    private readonly calendars: CalendarProvider,
    private readonly timeLimits: TimeLimitsProvider,
  ) {}

  async sync(em: EntityManager, o: OrderDeadlineRow, now: Date): Promise<TimerWork | null> {
    const limits = await this.timeLimits.limitsFor(o.appealType, o.urgent, await this.calendars.calendar());
    const rows: (TimerRow & { state: string })[] = await em.query(
      `SELECT id, kind, ref_id, due_at, state FROM deadline_timer WHERE order_id = ? AND state IN ('pending', 'fired')`,
      [o.id],
    );
    const supervisions: { id: number; feedback_due_at: Date }[] = await em.query(
      'SELECT id, feedback_due_at FROM supervision WHERE order_id = ? AND feedback_at IS NULL',
      [o.id],
    );
    const facts: DeadlineFacts = {
      status: o.status,
      signDueAt: o.signDueAt,
      handleDueAt: o.handleDueAt,
      callbackDueAt: o.callbackDueAt,
      callbackAt: o.callbackAt,
      openSupervisions: supervisions.map((s) => ({ id: Number(s.id), feedbackDueAt: s.feedback_due_at })),
    };
    const pending = rows.filter((r) => r.state === 'pending').map((r) => toTimerRef(o.id, r));
    const fired = rows.filter((r) => r.state === 'fired').map((r) => toTimerRef(o.id, r));
    const { add, cancel } = diffTimers(pending, planTimers(facts, limits, now), fired);
    if (!add.length && !cancel.length) return null;

    if (cancel.length)
      await em.query(`UPDATE deadline_timer SET state = 'cancelled', updated_at = ? WHERE id IN (${cancel.map(() => '?').join(', ')})`, [
        now,
        ...cancel.map((c) => c.id),
      ]);
    const schedule = add.length ? await this.insert(em, o.id, add, now) : [];
    const unschedule = cancel.map(timerJobId);
    const res = await em.query('INSERT INTO outbox (topic, aggregate_id, payload, created_at) VALUES (?, ?, ?, ?)', [
      TIMER_OUTBOX_TOPIC,
      o.id,
      JSON.stringify({ schedule: schedule.map((t) => t.id), unschedule }),
      now,
    ]);
    return { outboxId: Number(res.insertId), schedule, unschedule };
  }

  /**
   * Inserts new timers; a timer cancelled earlier with the same key (a deadline moved back to where it was) is
   * revived, one that fired already stays fired — its effect happened for exactly this due time.
   */
  private async insert(em: EntityManager, orderId: number, add: PlannedTimer[], now: Date): Promise<TimerRef[]> {
    await em.query(
      `INSERT INTO deadline_timer (order_id, kind, ref_id, due_at, deadline_at, state, created_at, updated_at)
       VALUES ${add.map(() => `(?, ?, ?, ?, ?, 'pending', ?, ?)`).join(', ')}
       ON DUPLICATE KEY UPDATE updated_at = IF(state = 'cancelled', ?, updated_at), state = IF(state = 'cancelled', 'pending', state)`,
      [...add.flatMap((t) => [orderId, t.kind, t.refId, t.dueAt, t.deadlineAt, now, now]), now],
    );
    const rows: TimerRow[] = await em.query(`SELECT id, kind, ref_id, due_at FROM deadline_timer WHERE order_id = ? AND state = 'pending'`, [orderId]);
    const wanted = new Set(add.map(timerKey));
    return rows.map((r) => toTimerRef(orderId, r)).filter((t) => wanted.has(timerKey(t)));
  }
}
