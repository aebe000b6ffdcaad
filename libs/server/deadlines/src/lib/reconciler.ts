import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import type { OrderStatus, ReconcilerRunView, TimerKind } from '@hotline/contracts';
import { AppConfig, inTransaction, REDIS } from '@hotline/server-platform';
import { DeadlinesConfig } from './deadlines.config';
import { reconcilerKeys, type TimerRef } from './queues';
import { TimerFiring } from './timer-firing';
import { TimerPlanner, toTimerRef, type OrderDeadlineRow } from './timer-planner';
import { TimerQueue } from './timer-queue';

const PAGE = 5000;
const DUE_BATCH = 500;
const BACKFILL_BATCH = 500;
const LOCK_MS = 10 * 60_000;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

/**
 * The database is the truth; Redis is a cache of what to do when. Each tick repairs the difference:
 * 1. timers still pending well after their due time (a job lost, failed for good, or stuck with a dead worker)
 *    are fired here — the ledger's unique key keeps that safe against the job running too;
 * 2. pending timers whose job is missing from Redis get it back. The comparison is cheap unless something
 *    looks wrong (no reconcile mark — Redis was wiped; fewer jobs than pending rows) or the periodic full scan
 *    is due;
 * 3. on full scans, open orders with deadlines but no timers (changed outside the API, or older than this
 *    feature) get their timers.
 * A tick that repaired anything is written to deadline_repair; the last tick is kept in Redis.
 */
@Injectable()
export class Reconciler {
  private readonly logger = new Logger(Reconciler.name);
  private readonly keys: ReturnType<typeof reconcilerKeys>;
  private lastFullScanAt = 0;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly firing: TimerFiring,
    private readonly planner: TimerPlanner,
    private readonly queue: TimerQueue,
    private readonly settings: DeadlinesConfig,
    config: AppConfig,
  ) {
    this.keys = reconcilerKeys(config.QUEUE_PREFIX);
  }

  /** One tick; null when another tick holds the lock. */
  async tick(forceFull = false): Promise<ReconcilerRunView | null> {
    const token = randomUUID();
    if ((await this.redis.set(this.keys.lock, token, 'PX', LOCK_MS, 'NX')) !== 'OK') return null;
    try {
      return await this.run(forceFull);
    } finally {
      await this.redis.eval(RELEASE, 1, this.keys.lock, token).catch(() => undefined);
    }
  }

  private async run(forceFull: boolean): Promise<ReconcilerRunView> {
    const started = new Date();
    const notes: string[] = [];
    const fired = await this.fireMissed(new Date(started.getTime() - this.settings.DEADLINES_GRACE_MS));

    const [{ n }] = await this.ds.query(`SELECT COUNT(*) AS n FROM deadline_timer WHERE state = 'pending'`);
    const marked = (await this.redis.exists(this.keys.reconciled)) === 1;
    let full = forceFull || !marked || started.getTime() - this.lastFullScanAt >= this.settings.DEADLINES_FULL_SCAN_EVERY_MS;
    if (!marked) notes.push('no reconcile mark in Redis (wiped, or first start)');
    if (!full && (await this.queue.waitingCount()) < Number(n)) {
      full = true;
      notes.push('fewer jobs in Redis than pending timers');
    }
    let requeued = 0;
    let backfilled = 0;
    if (full) {
      requeued = await this.requeueMissing();
      backfilled = await this.backfill();
      await this.redis.set(this.keys.reconciled, new Date().toISOString());
      this.lastFullScanAt = started.getTime();
    }
    const run: ReconcilerRunView = {
      startedAt: started.toISOString(),
      finishedAt: new Date().toISOString(),
      fullScan: full,
      fired,
      requeued,
      backfilled,
      note: notes.join('; ') || null,
    };
    await this.redis.set(this.keys.lastTick, JSON.stringify(run));
    if (fired + requeued + backfilled > 0) {
      await this.ds.query('INSERT INTO deadline_repair (started_at, finished_at, full_scan, fired, requeued, backfilled, note) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        started,
        new Date(run.finishedAt),
        full ? 1 : 0,
        fired,
        requeued,
        backfilled,
        run.note?.slice(0, 255) ?? null,
      ]);
      this.logger.warn(
        `repaired: ${fired} missed timers fired, ${requeued} jobs re-added, ${backfilled} orders given timers${run.note ? ` (${run.note})` : ''}`,
      );
    }
    return run;
  }

  private async fireMissed(cutoff: Date): Promise<number> {
    const due: { id: number }[] = await this.ds.query(`SELECT id FROM deadline_timer WHERE state = 'pending' AND due_at <= ? ORDER BY due_at LIMIT ?`, [
      cutoff,
      DUE_BATCH,
    ]);
    // fired together: the firing batches them into a few transactions
    const results = await Promise.all(due.map(({ id }) => this.firing.fire(Number(id))));
    return results.filter((r) => r.outcome === 'fired').length;
  }

  /** Every pending timer, page by page: one pipelined EXISTS per job, then the missing ones added again. */
  private async requeueMissing(): Promise<number> {
    let requeued = 0;
    // keyset pages in (due_at, id) order along ix_timer_state_due (which holds the id as InnoDB's row key)
    let after = { dueAt: new Date(0), id: 0 };
    for (;;) {
      const rows: { id: number; order_id: number; kind: TimerKind; ref_id: number; due_at: Date }[] = await this.ds.query(
        `SELECT id, order_id, kind, ref_id, due_at FROM deadline_timer
          WHERE state = 'pending' AND due_at >= ? AND (due_at > ? OR id > ?)
          ORDER BY due_at, id LIMIT ?`,
        [after.dueAt, after.dueAt, after.id, PAGE],
      );
      if (!rows.length) return requeued;
      const missing: TimerRef[] = await this.queue.missing(rows.map((r) => toTimerRef(r.order_id, r)));
      await this.queue.schedule(missing);
      requeued += missing.length;
      const last = rows[rows.length - 1];
      after = { dueAt: last.due_at, id: Number(last.id) };
    }
  }

  /** Open orders whose deadlines run but which have no timer row at all. */
  private async backfill(): Promise<number> {
    const ids: { id: number }[] = await this.ds.query(
      `SELECT o.id FROM work_order o
        WHERE ((o.status = 'dispatched' AND (o.sign_due_at IS NOT NULL OR o.handle_due_at IS NOT NULL))
            OR (o.status IN ('handling', 'returning') AND o.handle_due_at IS NOT NULL)
            OR (o.status = 'callback_pending' AND o.callback_at IS NULL AND o.callback_due_at IS NOT NULL))
          AND NOT EXISTS (SELECT 1 FROM deadline_timer t WHERE t.order_id = o.id)
        ORDER BY o.id LIMIT ?`,
      [BACKFILL_BATCH],
    );
    let done = 0;
    for (const { id } of ids) {
      const work = await inTransaction(this.ds, async (em) => {
        const [o] = await em.query(
          `SELECT id, status, appeal_type_code AS appealType, urgent, sign_due_at AS signDueAt, handle_due_at AS handleDueAt, callback_due_at AS callbackDueAt, callback_at AS callbackAt
             FROM work_order WHERE id = ? FOR UPDATE`,
          [id],
        );
        if (!o) return null;
        const row: OrderDeadlineRow = { ...o, id: Number(o.id), status: o.status as OrderStatus, urgent: !!Number(o.urgent) };
        return this.planner.sync(em, row, new Date());
      });
      if (!work) continue;
      await this.queue.schedule(work.schedule);
      await this.ds.query('UPDATE outbox SET processed_at = ? WHERE id = ?', [new Date(), work.outboxId]);
      done++;
    }
    return done;
  }
}
