import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OrderEventSubscriberView } from '@hotline/contracts';
import type { OutboxEvent } from './order-event';
import { OrderEventStream, retryDelayMs, wantsTopic, type OrderEventSubscriber, type RegisteredSubscriber } from './order-event-stream';

/**
 * How long a row must have been visible before the relay passes over it. Outbox ids are taken when a transaction
 * inserts, not when it commits, so a row with a lower id may still appear after a higher one is read; every writer's
 * transaction is far shorter than this (an action, a batch of timers).
 */
export const ORDER_EVENT_SETTLE_MS = 5_000;
const DEFAULT_BATCH = 500;
const PRUNE_BATCH = 2_000;
const BUDGET_MS = 20_000;
/** How far ahead the eager horizon looks for an unbroken run of ids. */
const EAGER_SCAN = 5_000;
/** Dead letters of an order not yet delivered: later events of that order wait behind them (in order per order). */
const OPEN_LETTER = "status IN ('parked', 'replay')";

export interface RelayTick {
  /** Rows handed to each subscriber (those of its topics). */
  delivered: Record<string, number>;
  /** Subscribers whose handler threw this tick (they get the same rows again next tick, or after their backoff). */
  failed: string[];
  /** Subscribers still in their backoff after a failure, skipped this tick. */
  waiting: string[];
  /** Rows parked in the dead-letter list this tick, per subscriber. */
  parked: Record<string, number>;
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

  /**
   * `eager`: also pass rows younger than the settle window when the ids from the settled horizon up are unbroken (no
   * transaction can still commit a lower id then), so events reach subscribers within a tick; a gap (a transaction in
   * flight, or one rolled back) waits for the window as before. The worker ticks eagerly.
   */
  async tick(settleMs = ORDER_EVENT_SETTLE_MS, opts: { eager?: boolean } = {}): Promise<RelayTick> {
    const horizon = await this.horizon(settleMs, opts.eager ?? false);
    const out: RelayTick = { delivered: {}, failed: [], waiting: [], parked: {}, pruned: 0, horizon };
    const subscribers = this.stream.list();
    const until = Date.now() + BUDGET_MS;
    for (const s of subscribers) {
      const n = await this.deliver(s, horizon, until, out);
      if (n === 'waiting') out.waiting.push(s.name);
      else if (n == null) out.failed.push(s.name);
      else out.delivered[s.name] = n;
    }
    out.pruned = await this.prune(horizon);
    return out;
  }

  private async horizon(settleMs: number, eager: boolean): Promise<number> {
    const [{ top }]: { top: number | string | null }[] = await this.ds.query('SELECT MAX(id) AS top FROM outbox');
    const now = Date.now();
    this.samples.push({ top: Number(top ?? 0), at: now });
    for (const s of this.samples) if (now - s.at >= settleMs) this.settled = Math.max(this.settled, s.top);
    this.samples = this.samples.filter((s) => now - s.at < settleMs);
    if (eager && Number(top ?? 0) > this.settled) {
      const rows: { id: number | string }[] = await this.ds.query('SELECT id FROM outbox WHERE id > ? ORDER BY id LIMIT ?', [this.settled, EAGER_SCAN]);
      let h = this.settled;
      for (const r of rows) {
        if (Number(r.id) !== h + 1) break;
        h++;
      }
      // every id up to h is committed: settled for good (pruning may now delete them, the run restarts above)
      this.settled = h;
    }
    return this.settled;
  }

  private async position(name: string): Promise<number> {
    await this.ds.query('INSERT IGNORE INTO outbox_subscriber (name, last_id) VALUES (?, 0)', [name]);
    const [row]: { last_id: number | string }[] = await this.ds.query('SELECT last_id FROM outbox_subscriber WHERE name = ?', [name]);
    return Number(row.last_id);
  }

  private async state(name: string): Promise<{ pos: number; attempts: number; retryAt: Date | null }> {
    const pos = await this.position(name);
    const [row]: { attempts: number | string; retry_at: Date | null }[] = await this.ds.query(
      'SELECT attempts, retry_at FROM outbox_subscriber WHERE name = ?',
      [name],
    );
    return { pos, attempts: Number(row.attempts), retryAt: row.retry_at };
  }

  /** Returns how many rows the subscriber was handed, null when its handler threw, 'waiting' during its backoff. */
  private async deliver({ name, subscriber: s }: RegisteredSubscriber, horizon: number, until: number, out: RelayTick): Promise<number | null | 'waiting'> {
    const state = await this.state(name);
    if (s.retry && state.retryAt && new Date(state.retryAt).getTime() > Date.now()) return 'waiting';
    let pos = state.pos;
    let handed = s.retry ? await this.replay(name, s) : 0;
    const batch = s.batchSize ?? DEFAULT_BATCH;
    while (pos < horizon && Date.now() < until) {
      const rows: Row[] = await this.ds.query('SELECT id, topic, aggregate_id, payload, created_at FROM outbox WHERE id > ? AND id <= ? ORDER BY id LIMIT ?', [
        pos,
        horizon,
        batch,
      ]);
      // nothing left below the horizon: the position moves to it, over ids of rolled-back or pruned rows
      let through = rows.length < batch ? horizon : Number(rows[rows.length - 1].id);
      let mine = rows.filter((r) => wantsTopic(s, r.topic)).map(toEvent);
      let parked = 0;
      if (mine.length && s.retry) {
        const held = await this.heldOrders(name, mine);
        if (held.size) {
          parked += await this.park(
            name,
            mine.filter((e) => held.has(e.aggregateId)),
            'waits behind an earlier dead letter of its order',
            0,
          );
          mine = mine.filter((e) => !held.has(e.aggregateId));
        }
      }
      if (mine.length) {
        try {
          const upTo = await s.handle(mine);
          if (typeof upTo === 'number') through = Math.min(through, upTo);
        } catch (e) {
          const message = (e as Error).message ?? String(e);
          const failures = state.attempts + 1;
          this.logger.warn(`order-event subscriber ${name} failed at outbox id ${mine[0].id} (${failures}): ${message}`);
          if (!s.retry || failures < s.retry.attempts) {
            const retryAt = s.retry ? new Date(Date.now() + retryDelayMs(s.retry, failures)) : null;
            await this.ds.query('UPDATE outbox_subscriber SET last_error = ?, failed_at = ?, attempts = ?, retry_at = ? WHERE name = ?', [
              message.slice(0, 500),
              new Date(),
              failures,
              retryAt,
              name,
            ]);
            return null;
          }
          // out of retries: row by row, parking what still fails (and what follows it of the same order)
          const ok = await this.oneByOne(name, s, mine, failures);
          parked += mine.length - ok.length;
          mine = ok;
        }
        handed += mine.filter((e) => e.id <= through).length;
      }
      if (parked) out.parked[name] = (out.parked[name] ?? 0) + parked;
      if (through <= pos) break;
      const res: { affectedRows: number } = await this.ds.query(
        'UPDATE outbox_subscriber SET last_id = ?, delivered = delivered + ?, last_error = NULL, attempts = 0, retry_at = NULL WHERE name = ? AND last_id = ?',
        [through, mine.filter((e) => e.id <= through).length, name, pos],
      );
      state.attempts = 0;
      // another relay moved it meanwhile: carry on from where that one got to
      pos = res.affectedRows === 1 ? through : await this.position(name);
    }
    return handed;
  }

  /** Hands the events one at a time; returns those taken, parks the rest (a failed one holds its order's later ones). */
  private async oneByOne(name: string, s: OrderEventSubscriber, events: OutboxEvent[], attempts: number): Promise<OutboxEvent[]> {
    const ok: OutboxEvent[] = [];
    const blocked = new Set<number>();
    for (const e of events) {
      if (blocked.has(e.aggregateId)) {
        await this.park(name, [e], 'waits behind an earlier dead letter of its order', 0);
        continue;
      }
      try {
        await s.handle([e]);
        ok.push(e);
      } catch (err) {
        blocked.add(e.aggregateId);
        await this.park(name, [e], (err as Error).message ?? String(err), attempts);
      }
    }
    return ok;
  }

  private async park(name: string, events: OutboxEvent[], error: string, attempts: number): Promise<number> {
    if (!events.length) return 0;
    await this.ds.query(
      'INSERT IGNORE INTO outbox_dead_letter (subscriber, outbox_id, topic, aggregate_id, payload, event_at, error, attempts, status) VALUES ?',
      [
        events.map((e) => [
          name,
          e.id,
          e.topic,
          e.aggregateId,
          e.payload == null ? null : JSON.stringify(e.payload),
          e.createdAt,
          error.slice(0, 500),
          attempts,
          'parked',
        ]),
      ],
    );
    this.logger.warn(`order-event subscriber ${name}: ${events.length} event(s) parked as dead letters from outbox id ${events[0].id}`);
    return events.length;
  }

  private async heldOrders(name: string, events: OutboxEvent[]): Promise<Set<number>> {
    const rows: { aggregate_id: number | string }[] = await this.ds.query(
      `SELECT DISTINCT aggregate_id FROM outbox_dead_letter WHERE subscriber = ? AND ${OPEN_LETTER} AND aggregate_id IN (?)`,
      [name, [...new Set(events.map((e) => e.aggregateId))]],
    );
    return new Set(rows.map((r) => Number(r.aggregate_id)));
  }

  /** Dead letters an admin asked to replay, in outbox order; they go back to the list with the error if they fail again. */
  private async replay(name: string, s: OrderEventSubscriber): Promise<number> {
    const rows: (Row & { letter_id: number | string; event_at: Date })[] = await this.ds.query(
      `SELECT id AS letter_id, outbox_id AS id, topic, aggregate_id, payload, event_at AS created_at FROM outbox_dead_letter
       WHERE subscriber = ? AND status = 'replay' ORDER BY outbox_id LIMIT ?`,
      [name, s.batchSize ?? DEFAULT_BATCH],
    );
    if (!rows.length) return 0;
    const ids = rows.map((r) => Number(r.letter_id));
    try {
      await s.handle(rows.map(toEvent));
    } catch (e) {
      await this.ds.query("UPDATE outbox_dead_letter SET status = 'parked', error = ?, attempts = attempts + 1 WHERE id IN (?)", [
        ((e as Error).message ?? String(e)).slice(0, 500),
        ids,
      ]);
      return 0;
    }
    await this.ds.query("UPDATE outbox_dead_letter SET status = 'replayed', replayed_at = ? WHERE id IN (?)", [new Date(), ids]);
    return rows.length;
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
