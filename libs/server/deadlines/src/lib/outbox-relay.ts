import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OrderEventSubscriber, OutboxEvent } from '@hotline/server-orders';
import { TIMER_OUTBOX_TOPIC } from './queues';
import { toTimerRef } from './timer-planner';
import { TimerQueue } from './timer-queue';

const BATCH = 1000;
/** Rows younger than this are left to the API's own after-commit step, which is usually a few ms behind. */
const SETTLE_MS = 1000;
const BUDGET_MS = 20_000;

/** The order-event stream's name for this reader (its position in outbox_subscriber). */
export const TIMER_SUBSCRIBER = 'deadline-timers';

/**
 * Feeds the timers queue from outbox rows that the API could not hand over after commit (Redis down, crash). Two
 * ways in: its own quick sweep (`drain`, every DEADLINES_RELAY_EVERY_MS, over the rows not yet marked done), and as
 * the order-event stream's subscriber of the timer topic, whose position lets the stream delete the rows it passed.
 */
@Injectable()
export class OutboxRelay implements OrderEventSubscriber {
  readonly topics = [TIMER_OUTBOX_TOPIC];

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly queue: TimerQueue,
  ) {}

  /** Relays until no settled row is left (or the time budget is spent); returns how many rows it relayed. */
  async drain(): Promise<number> {
    let relayed = 0;
    const until = Date.now() + BUDGET_MS;
    while (Date.now() < until) {
      const rows: { id: number; payload: string | null }[] = await this.ds.query(
        'SELECT id, payload FROM outbox WHERE topic = ? AND processed_at IS NULL AND created_at <= ? ORDER BY id LIMIT ?',
        [TIMER_OUTBOX_TOPIC, new Date(Date.now() - SETTLE_MS), BATCH],
      );
      if (!rows.length) break;
      await this.relay(rows);
      relayed += rows.length;
      if (rows.length < BATCH) break;
    }
    return relayed;
  }

  /** From the order-event stream: the rows among these that nobody has fed to the queue yet. */
  async handle(events: readonly OutboxEvent[]): Promise<void> {
    const ids = events.map((e) => e.id);
    const rows: { id: number; payload: string | null }[] = await this.ds.query(
      'SELECT id, payload FROM outbox WHERE id IN (?) AND processed_at IS NULL ORDER BY id',
      [ids],
    );
    if (rows.length) await this.relay(rows);
  }

  private async relay(rows: { id: number; payload: string | null }[]): Promise<void> {
    const payloads = rows.map((r) => timerPayload(r.payload));
    const timerIds = [...new Set(payloads.flatMap((p) => p.schedule))];
    // only what is still pending: a timer cancelled or fired since needs no job
    const timers: { id: number; order_id: number; kind: never; ref_id: number; due_at: Date }[] = timerIds.length
      ? await this.ds.query(
          `SELECT id, order_id, kind, ref_id, due_at FROM deadline_timer WHERE state = 'pending' AND id IN (${timerIds.map(() => '?').join(', ')})`,
          timerIds,
        )
      : [];
    await this.queue.schedule(timers.map((t) => toTimerRef(t.order_id, t)));
    await this.queue.remove(payloads.flatMap((p) => p.unschedule));
    await this.ds.query(`UPDATE outbox SET processed_at = ? WHERE id IN (${rows.map(() => '?').join(', ')})`, [new Date(), ...rows.map((r) => r.id)]);
  }
}

interface TimerPayload {
  schedule: number[];
  unschedule: string[];
}

/**
 * A timer row's payload; one that is missing or malformed carries nothing to schedule and is passed over, so a single
 * bad row cannot stop the relay (and with it every timer behind it) for good.
 */
export function timerPayload(raw: string | null): TimerPayload {
  let p: unknown = null;
  try {
    p = raw == null ? null : JSON.parse(raw);
  } catch {
    p = null;
  }
  const o = (p ?? {}) as Partial<Record<keyof TimerPayload, unknown>>;
  return {
    schedule: Array.isArray(o.schedule) ? o.schedule.filter((x): x is number => Number.isInteger(x)) : [],
    unschedule: Array.isArray(o.unschedule) ? o.unschedule.filter((x): x is string => typeof x === 'string') : [],
  };
}
