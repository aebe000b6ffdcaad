import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { statSync } from 'node:fs';
import type { DataSource, QueryRunner } from 'typeorm';
import { APPEAL_TYPES, CHANNELS, type ImportRowError } from '@hotline/contracts';
import { existingOrderNumbers, insertRows, OrderBulkWriter } from '@hotline/server-orders';
import { ReferenceService } from '@hotline/server-reference-data';
import { applyDeltas, callDeltas } from '@hotline/server-statistics';
import { readRecords } from '@hotline/server-platform';
import { CALL_HEADERS, indexHeaders, ORDER_HEADERS, parseCallRow, parseOrderRow, type LegacyCall, type LegacyOrder, type Names } from './legacy';
import { prepareOrders, prepareOrdersYielding, yieldToIo, type PreparedBatch } from './order-batch';
import { SummaryStaging } from './summary-staging';

export type ImportKind = 'orders' | 'calls';

export interface ImportProgress {
  processed: number;
  inserted: number;
  skipped: number;
  errors: number;
  /** 0..1 of the file's bytes */
  progress: number;
}

export interface ImportSummary extends ImportProgress {
  ms: number;
  /** the first errors; all of them are in import_error when run as a job */
  firstErrors: ImportRowError[];
}

export interface ImportOptions {
  jobId?: number | null;
  onProgress?: (p: ImportProgress) => void;
  /** called with every error (the CLI writes them to a file) */
  onErrors?: (errors: ImportRowError[]) => void;
  batchSize?: number;
}

const KEEP_ERRORS = 100;
/** Characters of appeal text one batch holds at most (≈ 16 MB on the heap) */
const MAX_BATCH_CHARS = 8_000_000;

/**
 * Imports the legacy system's orders or call records from CSV or XLSX, streaming (a few batches in memory),
 * idempotent by 工单编号 (orders already there are skipped, so importing a file twice changes nothing) and by
 * (呼叫时间, 主叫号码) for calls. A row with any error is not stored at all and is reported with its row
 * number, column and reason; good rows go in batch by batch, each batch in one transaction with its history
 * and its summary-table deltas.
 */
@Injectable()
export class ImportService {
  private readonly logger = new Logger(ImportService.name);
  /** the orders' bulk loads; it remembers the server's auto-increment step */
  private readonly orderWriter = new OrderBulkWriter();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly ref: ReferenceService,
  ) {}

  async importFile(kind: ImportKind, path: string, opts: ImportOptions = {}): Promise<ImportSummary> {
    const t0 = Date.now();
    const size = statSync(path).size;
    const state: ImportSummary = { processed: 0, inserted: 0, skipped: 0, errors: 0, progress: 0, ms: 0, firstErrors: [] };
    let bytes = 0;
    const qr = this.ds.createQueryRunner();
    await qr.connect();
    /** the writers of order batches (see below); qr is the first */
    const writers: Writer[] = [];
    try {
      // every reference was checked by name against the reference data: the per-row FK lookups only cost time
      await qr.query('SET FOREIGN_KEY_CHECKS = 0');
      const rows = readRecords(path, (b) => (bytes = b));
      const batch = opts.batchSize ?? 10_000;
      const report = async (errors: ImportRowError[]) => {
        if (!errors.length) return;
        state.errors += new Set(errors.map((e) => e.row)).size;
        for (const e of errors) if (state.firstErrors.length < KEEP_ERRORS) state.firstErrors.push(e);
        opts.onErrors?.(errors);
        if (opts.jobId)
          await insertRows(
            this.ds,
            'import_error',
            ['job_id', 'row_no', 'col', 'reason'],
            errors.map((e) => [opts.jobId, e.row, e.column, e.reason.slice(0, 500)]),
          );
      };
      const tick = async () => {
        state.progress = size ? Math.min(1, bytes / size) : 1;
        opts.onProgress?.({ ...state });
        if (opts.jobId) {
          await this.ds.query('UPDATE import_job SET processed_rows = ?, inserted_rows = ?, skipped_rows = ?, error_rows = ?, progress = ? WHERE id = ?', [
            state.processed,
            state.inserted,
            state.skipped,
            state.errors,
            state.progress,
            opts.jobId,
          ]);
        }
      };

      const first = await rows.next();
      if (first.done) throw new ImportFileError('the file is empty');
      if (kind === 'orders') {
        const { index, missing } = indexHeaders(first.value, ORDER_HEADERS);
        if (missing.length)
          throw new ImportFileError(
            `missing columns: ${missing.join('、')}`,
            missing.map((c) => ({ row: 1, column: c, reason: '缺少该列' })),
          );
        const names = await this.names();
        // two connections write batches: while one adds a batch's summary cells and commits, the other loads the
        // next batch's orders and history, so the server works on both cores. The pool also needs a connection for
        // the existence checks and the progress next to them: a pool of fewer than 4 gets one writer.
        writers.push({ qr, staging: null, last: Promise.resolve() });
        if (poolLimit(this.ds) >= 4) {
          const second = this.ds.createQueryRunner();
          await second.connect();
          writers.push({ qr: second, staging: null, last: Promise.resolve() });
          await second.query('SET FOREIGN_KEY_CHECKS = 0');
        }
        for (const w of writers) w.staging = await SummaryStaging.open(w.qr);
        if (writers.some((w) => !w.staging))
          this.logger.warn('cannot create temporary MEMORY tables on this connection: summary cells go in as literal upserts (slower)');
        const seen = new Map<string, number>();
        let pending: LegacyOrder[] = [];
        let pendingChars = 0;
        let errors: ImportRowError[] = [];
        let rowNo = 1;
        const jobId = opts.jobId ?? null;
        // While batches are written, the next is read, checked against the orders already there (on the pool: its
        // numbers are in no batch being written) and built, so parsing, building and the database overlap. Batches
        // go to the two writers in turn and commit in file order: a batch loads its orders and history while the
        // one before it is still adding its summary cells, but adds its own only once that one has committed (and
        // rolls back if it failed), so what is stored is always the file's batches up to some point. At most two
        // batches are written while the next is built, so memory stays flat.
        let committed: Promise<void> = Promise.resolve();
        let n = 0;
        const flush = async (orders: LegacyOrder[], errs: ImportRowError[]) => {
          const existing = await existingOrderNumbers(
            this.ds,
            orders.map((o) => o.number),
          );
          const fresh = existing.size ? orders.filter((o) => !existing.has(o.number)) : orders;
          const prepared = await prepareOrdersYielding(fresh, jobId);
          const w = writers[n++ % writers.length];
          const free = w.last;
          const before = committed;
          const done = (async () => {
            await free;
            await this.writeOrders(w, prepared, fresh, jobId, state, before);
            state.skipped += orders.length - fresh.length;
            await report(errs);
            await tick();
          })();
          // surface a failed write at the next await instead of as an unhandled rejection
          done.catch(() => undefined);
          w.last = done;
          committed = done;
          // go on reading once the other writer is free for the next batch
          await writers[n % writers.length].last;
        };
        for await (const cells of rows) {
          rowNo++;
          state.processed++;
          // the reader hands over a whole chunk of the file without a turn for I/O: give the writer one
          if (rowNo % 200 === 0) await yieldToIo();
          const r = parseOrderRow(cells, index, names, rowNo);
          if (!r.ok) errors.push(...r.errors);
          else {
            const dup = seen.get(r.value.number);
            if (dup) errors.push({ row: rowNo, column: '工单编号', reason: `与第 ${dup} 行的工单编号重复` });
            else {
              // a copy: the parsed number may be a slice of the file's text, which the map would keep for the whole
              // import (numbers are ASCII, checked by parseOrderRow)
              seen.set(Buffer.from(r.value.number, 'latin1').toString('latin1'), rowNo);
              pending.push(r.value);
              pendingChars += r.value.content.length;
            }
          }
          // a batch of long appeals is cut short, so three batches of text stay well inside the heap
          if (pending.length >= batch || pendingChars >= MAX_BATCH_CHARS) {
            await flush(pending, errors);
            pending = [];
            errors = [];
            pendingChars = 0;
          }
        }
        await flush(pending, errors);
        await committed;
      } else {
        const { index, missing } = indexHeaders(first.value, CALL_HEADERS);
        if (missing.length)
          throw new ImportFileError(
            `missing columns: ${missing.join('、')}`,
            missing.map((c) => ({ row: 1, column: c, reason: '缺少该列' })),
          );
        const platformId = (await this.ref.platform(undefined)).id;
        let pending: LegacyCall[] = [];
        let errors: ImportRowError[] = [];
        let rowNo = 1;
        const seen = new Set<string>();
        for await (const cells of rows) {
          rowNo++;
          state.processed++;
          const r = parseCallRow(cells, index, rowNo);
          if (!r.ok) errors.push(...r.errors);
          else {
            const key = `${r.value.calledAt.getTime()}|${r.value.phone}`;
            if (seen.has(key)) errors.push({ row: rowNo, column: '呼叫时间', reason: '同一号码同一时刻的呼叫重复' });
            else {
              seen.add(key);
              pending.push(r.value);
            }
          }
          if (pending.length >= batch * 2) {
            await this.writeCalls(qr, platformId, pending, state);
            await report(errors);
            pending = [];
            errors = [];
            await tick();
          }
        }
        await this.writeCalls(qr, platformId, pending, state);
        await report(errors);
      }
      bytes = size;
      await tick();
    } finally {
      // a writer may still be in a batch when another one failed: let it finish (or roll back) first
      await Promise.allSettled(writers.map((w) => w.last));
      for (const w of writers) {
        await w.staging?.close(w.qr).catch(() => undefined);
        if (w.qr === qr) continue;
        await w.qr.query('SET FOREIGN_KEY_CHECKS = 1').catch(() => undefined);
        await w.qr.release();
      }
      await qr.query('SET FOREIGN_KEY_CHECKS = 1').catch(() => undefined);
      await qr.release();
    }
    state.ms = Date.now() - t0;
    this.logger.log(
      `import ${path}: ${state.processed} rows, ${state.inserted} in, ${state.skipped} already there, ${state.errors} with errors, ${state.ms} ms`,
    );
    return state;
  }

  /**
   * One batch in one transaction: its orders with their history, topics and summary cells, or nothing of it. The
   * summary cells are added, and the batch committed, only once `before` (the batch before it) has committed.
   */
  private async writeOrders(
    w: Writer,
    b: PreparedBatch,
    fresh: LegacyOrder[],
    jobId: number | null,
    state: ImportProgress,
    before: Promise<void>,
  ): Promise<void> {
    const { qr, staging } = w;
    if (!b.numbers.length) return before;
    try {
      await this.inTransaction(qr, () => this.storePrepared(qr, staging, b, before));
      state.inserted += b.numbers.length;
    } catch (e) {
      if (!OrderBulkWriter.isShortfall(e)) throw e;
      // some of these numbers were stored since they were checked (another import of the same file): check
      // again inside the transaction, so the batch skips them like any order already there
      await this.inTransaction(qr, async () => {
        const existing = await existingOrderNumbers(
          qr,
          fresh.map((o) => o.number),
        );
        const rest = fresh.filter((o) => !existing.has(o.number));
        await this.storePrepared(qr, staging, prepareOrders(rest, jobId), before);
        state.inserted += rest.length;
        state.skipped += fresh.length - rest.length;
      });
    }
  }

  private async inTransaction(qr: QueryRunner, work: () => Promise<void>): Promise<void> {
    await qr.startTransaction();
    try {
      await work();
      await qr.commitTransaction();
    } catch (e) {
      await qr.rollbackTransaction();
      throw e;
    }
  }

  /** Stores a prepared batch inside the caller's transaction: orders with their history and topics, then the summary cells. */
  private async storePrepared(qr: QueryRunner, staging: SummaryStaging | null, b: PreparedBatch, before: Promise<void>): Promise<void> {
    if (!b.numbers.length) return before;
    await this.orderWriter.store(qr, b);
    // the summary cells are shared with the batch before (its month and year cells): wait for it to commit, which
    // also keeps the commits in file order
    await before;
    if (staging) await staging.add(qr, b.summaryRows);
    else for (const sql of b.sums.statements()) await qr.query(sql);
  }

  private async writeCalls(qr: QueryRunner, platformId: number, batch: LegacyCall[], state: ImportProgress): Promise<void> {
    if (!batch.length) return;
    await qr.startTransaction();
    try {
      const times = batch.map((c) => c.calledAt.getTime());
      const lo = new Date(Math.min(...times));
      const hi = new Date(Math.max(...times));
      const existing = new Set<string>(
        (await qr.query('SELECT called_at, caller_phone FROM call_record WHERE called_at BETWEEN ? AND ?', [lo, hi])).map(
          (r: { called_at: Date; caller_phone: string }) => `${new Date(r.called_at).getTime()}|${r.caller_phone}`,
        ),
      );
      const fresh = batch.filter((c) => !existing.has(`${c.calledAt.getTime()}|${c.phone}`));
      await insertRows(
        qr,
        'call_record',
        ['platform_id', 'called_at', 'caller_phone', 'answered', 'answered_at', 'hung_up_at'],
        fresh.map((c) => [platformId, c.calledAt, c.phone, c.answered ? 1 : 0, c.answeredAt, c.hungUpAt]),
      );
      await applyDeltas(
        qr.manager,
        fresh.flatMap((c) => callDeltas({ ...c, platformId, agentId: null, queue: '', counted: true })),
      );
      await qr.commitTransaction();
      state.inserted += fresh.length;
      state.skipped += batch.length - fresh.length;
    } catch (e) {
      await qr.rollbackTransaction();
      throw e;
    }
  }

  /** Names as the legacy export writes them (codes are accepted too). */
  async names(): Promise<Names> {
    const s = await this.ref.snapshot();
    const cityPlatform = s.platforms.find((p) => p.code === 'city');
    const regionByName = new Map(s.regions.map((r) => [r.name, r.id]));
    const platformByRegion = new Map(s.platforms.filter((p) => p.regionId != null).map((p) => [p.regionId as number, p.id]));
    const platforms = new Map<string, number>(s.platforms.flatMap((p) => [[p.name, p.id] as [string, number], [p.code, p.id] as [string, number]]));
    if (cityPlatform) ['市级', '市级平台', '市直'].forEach((n) => platforms.set(n, cityPlatform.id));
    for (const [name, rid] of regionByName) if (platformByRegion.has(rid)) platforms.set(name, platformByRegion.get(rid) as number);
    const channels = new Map<string, string>([
      ...CHANNELS.flatMap((c) => [[c.name, c.code] as [string, string], [c.code, c.code] as [string, string]]),
      ...s.channels.map((c) => [c.name, c.code] as [string, string]),
    ]);
    const types = new Map<string, string>([...APPEAL_TYPES.flatMap((t) => [[t.name, t.code] as [string, string], [t.code, t.code] as [string, string]])]);
    const categories = new Map(s.categories.filter((c) => c.active).map((c) => [c.path, c.id]));
    const topics = new Map<string, number>(
      s.topics.filter((t) => t.active).flatMap((t) => [[t.name, t.id] as [string, number], [t.code, t.id] as [string, number]]),
    );
    const units = new Map(s.units.filter((u) => u.active).map((u) => [u.name, u.id]));
    return {
      platform: (n) => platforms.get(n),
      channel: (n) => channels.get(n),
      appealType: (n) => types.get(n),
      category: (p) => categories.get(p),
      region: (n) => regionByName.get(n),
      topic: (n) => topics.get(n),
      unit: (n) => units.get(n),
    };
  }
}

/** A problem with the file as a whole (not one row): nothing is imported. */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly errors: ImportRowError[] = [],
  ) {
    super(message);
  }
}

/** How many connections the data source's pool opens at most (mysql2's default is 10). */
function poolLimit(ds: DataSource): number {
  const o = ds.options as { poolSize?: number; extra?: { connectionLimit?: number } };
  return o.extra?.connectionLimit ?? o.poolSize ?? 10;
}

/** A connection writing order batches, its staging tables, and the last batch given to it. */
interface Writer {
  qr: QueryRunner;
  staging: SummaryStaging | null;
  last: Promise<void>;
}
