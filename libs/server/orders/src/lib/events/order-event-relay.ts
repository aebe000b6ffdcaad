import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OrderEventSubscriberView } from '@hotline/contracts';
import type { OutboxEvent } from './order-event';
import { OrderEventStream, wantsTopic, type RegisteredSubscriber } from './order-event-stream';

/**
 * How long a row must have been visible before the relay passes over it. Outbox ids are taken when a transaction
 * inserts, not when it commits, so a row with a lower id may still appear after a higher one is read; every writer's
 * transaction is far shorter than this (an action, a batch of timers).
 */
export const ORDER_EVENT_SETTLE_MS = 5_000;
const DEFAULT_BATCH = 500;
const PRUNE_BATCH = 2_000;
const BUDGET_MS = 20_000;

export interface RelayTick {
  /** Rows handed to each subscriber (those of its topics). */
  delivered: Record<string, number>;
  /** Subscribers whose handler threw this tick (they get the same rows again next tick). */
  failed: string[];
  pruned: number;
  /** The highest outbox id settled this tick. */
  horizon: number;
}

interface Row {
  id: number | string;
  topic: string;
  aggregate_id: number | string;
  payload: string | null;
  created_at: Date;
}

/**
 * Delivers the outbox to every registered subscriber in id order from its own position, advances the position, and
 * deletes the rows every subscriber has passed. Driven by a BullMQ scheduler in the worker (apps/worker, order-events);
 * two relays at once deliver some rows twice, never skip one (a position only moves forward from where it was read).
 */
@Injectable()
export class OrderEventRelay {
  private readonly logger = new Logger(OrderEventRelay.name);
  /** The outbox's highest id as seen at a moment: a row at or below it is settled once that moment is ORDER_EVENT_SETTLE_MS old. */
  private samples: { top: number; at: number }[] = [];
  private settled = 0;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly stream: OrderEventStream,
  ) {}

  async tick(settleMs = ORDER_EVENT_SETTLE_MS): Promise<RelayTick> {
    const horizon = await this.horizon(settleMs);
    const out: RelayTick = { delivered: {}, failed: [], pruned: 0, horizon };
    const subscribers = this.stream.list();
    const until = Date.now() + BUDGET_MS;
    for (const s of subscribers) {
      const n = await this.deliver(s, horizon, until);
      if (n == null) out.failed.push(s.name);
      else out.delivered[s.name] = n;
    }
    out.pruned = await this.prune(horizon);
    return out;
  }

  private async horizon(settleMs: number): Promise<number> {
    const [{ top }]: { top: number | string | null }[] = await this.ds.query('SELECT MAX(id) AS top FROM outbox');
    const now = Date.now();
    this.samples.push({ top: Number(top ?? 0), at: now });
    for (const s of this.samples) if (now - s.at >= settleMs) this.settled = Math.max(this.settled, s.top);
    this.samples = this.samples.filter((s) => now - s.at < settleMs);
    return this.settled;
  }

  private async position(name: string): Promise<number> {
    await this.ds.query('INSERT IGNORE INTO outbox_subscriber (name, last_id) VALUES (?, 0)', [name]);
    const [row]: { last_id: number | string }[] = await this.ds.query('SELECT last_id FROM outbox_subscriber WHERE name = ?', [name]);
    return Number(row.last_id);
  }

  /** Returns how many rows the subscriber was handed, or null when its handler threw. */
  private async deliver({ name, subscriber: s }: RegisteredSubscriber, horizon: number, until: number): Promise<number | null> {
    let pos = await this.position(name);
    let handed = 0;
    const batch = s.batchSize ?? DEFAULT_BATCH;
    while (pos < horizon && Date.now() < until) {
      const rows: Row[] = await this.ds.query('SELECT id, topic, aggregate_id, payload, created_at FROM outbox WHERE id > ? AND id <= ? ORDER BY id LIMIT ?', [
        pos,
        horizon,
        batch,
      ]);
      // nothing left below the horizon: the position moves to it, over ids of rolled-back or pruned rows
      let through = rows.length < batch ? horizon : Number(rows[rows.length - 1].id);
      const mine = rows.filter((r) => wantsTopic(s, r.topic)).map(toEvent);
      if (mine.length) {
        try {
          const upTo = await s.handle(mine);
          if (typeof upTo === 'number') through = Math.min(through, upTo);
        } catch (e) {
          const message = (e as Error).message ?? String(e);
          this.logger.warn(`order-event subscriber ${name} failed at outbox id ${mine[0].id}: ${message}`);
          await this.ds.query('UPDATE outbox_subscriber SET last_error = ?, failed_at = ? WHERE name = ?', [message.slice(0, 500), new Date(), name]);
          return null;
        }
        handed += mine.filter((e) => e.id <= through).length;
      }
      if (through <= pos) break;
      const res: { affectedRows: number } = await this.ds.query(
        'UPDATE outbox_subscriber SET last_id = ?, delivered = delivered + ?, last_error = NULL WHERE name = ? AND last_id = ?',
        [through, mine.filter((e) => e.id <= through).length, name, pos],
      );
      // another relay moved it meanwhile: carry on from where that one got to
      pos = res.affectedRows === 1 ? through : await this.position(name);
    }
    return handed;
  }

  /**
   * Deletes the rows every subscriber has passed: every one with a position, wherever it registered (a reader known
   * only to another process must not lose its rows); with none at all, every settled row. A reader that is retired
   * must have its row deleted from outbox_subscriber, or the table waits for it (its lag shows on the health view).
   */
  private async prune(horizon: number): Promise<number> {
    const [row]: { low: number | string | null; n: number | string }[] = await this.ds.query(
      'SELECT MIN(last_id) AS low, COUNT(*) AS n FROM outbox_subscriber',
    );
    const upTo = Number(row.n) ? Math.min(horizon, Number(row.low ?? 0)) : horizon;
    let pruned = 0;
    for (;;) {
      const res: { affectedRows: number } = await this.ds.query(`DELETE FROM outbox WHERE id <= ? ORDER BY id LIMIT ${PRUNE_BATCH}`, [upTo]);
      pruned += res.affectedRows;
      if (res.affectedRows < PRUNE_BATCH) break;
    }
    return pruned;
  }
}

/** Where each subscriber stands, for the queue-health view: rows still ahead of it and the oldest one's age. */
export async function subscriberLag(ds: DataSource, now = new Date()): Promise<OrderEventSubscriberView[]> {
  const rows: { name: string; last_id: number | string; delivered: number | string; last_error: string | null; failed_at: Date | null; updated_at: Date }[] =
    await ds.query('SELECT name, last_id, delivered, last_error, failed_at, updated_at FROM outbox_subscriber ORDER BY name');
  const out: OrderEventSubscriberView[] = [];
  for (const r of rows) {
    const [ahead]: { n: number | string; oldest: Date | null }[] = await ds.query('SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM outbox WHERE id > ?', [
      r.last_id,
    ]);
    out.push({
      name: r.name,
      lastId: Number(r.last_id),
      delivered: Number(r.delivered),
      pending: Number(ahead.n),
      oldestPendingAgeMs: ahead.oldest ? Math.max(0, now.getTime() - new Date(ahead.oldest).getTime()) : null,
      lastError: r.last_error,
      failedAt: r.failed_at ? new Date(r.failed_at).toISOString() : null,
      updatedAt: new Date(r.updated_at).toISOString(),
    });
  }
  return out;
}

function toEvent(r: Row): OutboxEvent {
  return {
    id: Number(r.id),
    topic: r.topic,
    aggregateId: Number(r.aggregate_id),
    payload: r.payload == null ? null : (JSON.parse(r.payload) as Record<string, unknown>),
    createdAt: r.created_at,
  };
}
