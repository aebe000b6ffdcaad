/**
 * bench/events: order events through the order-event stream (the outbox, OrderEventRelay) to two subscribers, at a
 * steady rate, measuring each event's delivery lag (handed to the subscriber − committed). Two modes in the same go:
 *   baseline — the relay as it was before issue 14: settle window only (5 s), a tick every second;
 *   eager    — as the worker runs it now: eager horizon (no id gap → deliver at once), a tick every 200 ms.
 * The producer writes what the orders writer writes: one outbox row per history line, in small transactions from
 * several connections at once (so ids do commit out of order, and gaps appear), with a real OrderEventPayload.
 * The relay is ticked in this process (the worker runs the same call from a BullMQ job scheduler).
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ORDER_EVENT_SETTLE_MS, OrderEventRelay, OrderEventStream, type OutboxEvent } from '@hotline/server-orders';
import { dataSourceOptions, dropDatabase, ensureDatabase } from '@hotline/server-platform';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const RATE = Number(arg('rate', '1000'));
const SECONDS = Number(arg('seconds', '20'));
const DB_URL = arg('database-url', process.env['BENCH_DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306/hotline_bench_events');
if (!/bench/.test(DB_URL)) throw new Error('--database-url must name a database containing "bench": it is dropped');
/** Writer transactions per 50 ms slot, each inserting RATE/20/TX rows (an action writes one to three). */
const TX_PER_SLOT = 10;

// eslint-disable-next-line @typescript-eslint/no-implied-eval
const importEsm = new Function('p', 'return import(p)') as (p: string) => Promise<Record<string, (...a: unknown[]) => unknown>>;

interface Mode {
  name: string;
  eager: boolean;
  tickMs: number;
}

function pct(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function run(ds: DataSource, mode: Mode) {
  // a fresh stream: ids from 1 again (a new relay's eager run starts from what it has settled itself)
  await ds.query('TRUNCATE TABLE outbox');
  await ds.query('DELETE FROM outbox_subscriber');
  const stream = new OrderEventStream();
  const lags: Record<string, number[]> = { 'bench-a': [], 'bench-b': [] };
  const seen: Record<string, Set<number>> = { 'bench-a': new Set(), 'bench-b': new Set() };
  for (const name of Object.keys(lags))
    stream.register(name, {
      topics: ['order.'],
      handle: async (events: readonly OutboxEvent[]) => {
        const now = Date.now();
        for (const e of events) {
          if (seen[name].has(e.id)) continue;
          seen[name].add(e.id);
          lags[name].push(now - (committed.get(e.id) ?? now));
        }
      },
    });
  const relay = new OrderEventRelay(ds, stream);
  /** outbox id → when its transaction committed: lag counts from when a reader could first have seen the row. */
  const committed = new Map<number, number>();
  let produced = 0;
  let order = 0;
  let running = true;
  const perTx = Math.max(1, Math.round(RATE / 20 / TX_PER_SLOT));
  const writeTx = async () => {
    const qr = ds.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      const at = new Date();
      const rows = Array.from({ length: perTx }, () => {
        const id = ++order;
        return ['order.dispatch', id, at];
      });
      const res: { insertId: number } = await qr.query(
        'INSERT INTO outbox (topic, aggregate_id, payload, created_at) VALUES ' + rows.map(() => '(?, ?, ?, ?)').join(', '),
        rows.flatMap(([topic, id]) => [topic, id, JSON.stringify({ orderId: id, action: 'dispatch', from: 'registered', to: 'dispatched', version: 2 }), at]),
      );
      await qr.commitTransaction();
      const now = Date.now();
      for (let i = 0; i < rows.length; i++) committed.set(res.insertId + i, now);
      produced += rows.length;
    } finally {
      await qr.release();
    }
  };
  // the producer: every 50 ms, TX_PER_SLOT transactions in parallel
  const producer = (async () => {
    const end = Date.now() + SECONDS * 1000;
    let next = Date.now();
    while (Date.now() < end) {
      await Promise.all(Array.from({ length: TX_PER_SLOT }, writeTx));
      next += 50;
      const wait = next - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  })();
  const relayLoop = (async () => {
    while (running) {
      const t = Date.now();
      const tk = await relay.tick(ORDER_EVENT_SETTLE_MS, { eager: mode.eager });
      if (process.env['BENCH_DEBUG']) console.log(`tick ${Date.now() - t} ms, horizon ${tk.horizon}, produced ${produced}`, JSON.stringify(tk.delivered));
      const wait = mode.tickMs - (Date.now() - t);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  })();
  const t0 = Date.now();
  await producer;
  const producedIn = (Date.now() - t0) / 1000;
  // let everything arrive (the baseline needs its settle window)
  const deadline = Date.now() + ORDER_EVENT_SETTLE_MS + 5_000;
  while (Date.now() < deadline && Object.values(seen).some((s) => s.size < produced)) await new Promise((r) => setTimeout(r, 100));
  running = false;
  await relayLoop;
  const [{ n: left }] = await ds.query('SELECT COUNT(*) AS n FROM outbox');
  const out: Record<string, unknown> = {
    mode: mode.name,
    eager: mode.eager,
    tickMs: mode.tickMs,
    produced,
    ratePerSec: Math.round(produced / producedIn),
    outboxLeft: Number(left),
  };
  for (const [name, l] of Object.entries(lags)) {
    const s = [...l].sort((a, b) => a - b);
    out[name] = { delivered: seen[name].size, p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), max: s[s.length - 1] };
  }
  return out;
}

async function main() {
  const machine = await importEsm(join(process.cwd(), 'bench/lib/machine.mjs'));
  await dropDatabase(DB_URL).catch(() => undefined);
  await ensureDatabase(DB_URL);
  const ds = new DataSource({ ...dataSourceOptions(DB_URL), extra: { connectionLimit: 30 } } as never);
  await ds.initialize();
  await ds.runMigrations();
  const mysql = await import('mysql2/promise');
  const admin = await mysql.createConnection({ host: '127.0.0.1', user: 'root' }).catch(() => null);
  const results: Record<string, unknown>[] = [];
  try {
    for (const mode of [
      { name: 'baseline (settle 5 s, tick 1 s)', eager: false, tickMs: 1000 },
      { name: 'eager (no id gap → at once, tick 200 ms)', eager: true, tickMs: 200 },
    ]) {
      const busy0 = machine['systemBusyTicks']() as number;
      const t0 = Date.now();
      const sessions = machine['sampleOtherDbSessions'](admin, new URL(DB_URL).pathname.slice(1)) as { stop(): Promise<number | null> };
      const r = await run(ds, mode);
      const cores = (Date.now() - t0) / 1000;
      r['machineBusyCores'] = +(((machine['systemBusyTicks']() as number) - busy0) / 100 / cores).toFixed(2);
      r['otherDbSessions'] = await sessions.stop();
      results.push(r);
      console.log(JSON.stringify(r));
    }
  } finally {
    await admin?.end();
    await ds.destroy();
    await dropDatabase(DB_URL);
  }
  const [base, eager] = results as { [k: string]: { p99: number } }[];
  const summary = {
    at: new Date().toISOString(),
    rate: RATE,
    seconds: SECONDS,
    results,
    p99RatioEagerToBaseline: +(eager['bench-a'].p99 / base['bench-a'].p99).toFixed(3),
    target: 'p99 ≤ 1000 ms at 1,000 events/s to two subscribers',
    met: eager['bench-a'].p99 <= 1000 && eager['bench-b'].p99 <= 1000,
  };
  mkdirSync(join(process.cwd(), 'bench/events/results'), { recursive: true });
  writeFileSync(join(process.cwd(), 'bench/events/results/latest.json'), JSON.stringify(summary, null, 2));
  console.log(JSON.stringify({ p99RatioEagerToBaseline: summary.p99RatioEagerToBaseline, met: summary.met }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
