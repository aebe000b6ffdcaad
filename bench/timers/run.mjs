#!/usr/bin/env node
// Timers benchmark: the built worker (dist/apps/worker/main.js) against 100,000 pending timers plus 1,000 that
// come due within the same second, on a throw-away database and a private Redis server (so FLUSHALL is safe
// and the memory figure is ours alone). Measures:
//   - lateness of each effect (ledger fired_at − due time): p50 / p99 / max, none early, none missed, none doubled
//   - Redis memory per pending timer
//   - the rebuild after a Redis wipe: time until the 100,000 pending timers are back as jobs
// Plain ESM, no build step beyond `npx nx run-many -t build -p worker cli`.
//
//   node bench/timers/run.mjs [--pending 100000] [--burst 1000] [--keep] [--out file.json]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import mysql from 'mysql2/promise';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const WORKER_MAIN = path.join(ROOT, 'dist/apps/worker/main.js');
const CLI_MAIN = path.join(ROOT, 'dist/apps/cli/main.js');
const PREFIX = 'bench_timers';
const BATCH = 2000;

const { values: opt } = parseArgs({
  options: {
    pending: { type: 'string', default: '100000' },
    burst: { type: 'string', default: '1000' },
    'database-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/hotline_bench_timers' },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
if (opt.help) {
  console.log('node bench/timers/run.mjs [--pending 100000] [--burst 1000] [--database-url mysql://…/x_bench_y] [--keep] [--out file.json]');
  process.exit(0);
}
const PENDING = Number(opt.pending);
const BURST = Number(opt.burst);
const dbUrl = new URL(opt['database-url']);
const dbName = dbUrl.pathname.slice(1);
if (!/^[A-Za-z0-9_]*bench[A-Za-z0-9_]*$/.test(dbName)) die(`refusing database "${dbName}": its name must contain "bench" (it is dropped)`);
for (const f of [WORKER_MAIN, CLI_MAIN]) if (!existsSync(f)) die(`${path.relative(ROOT, f)} is missing: run \`npx nx run-many -t build -p worker cli\` first`);

const children = [];
const watchdog = setTimeout(() => {
  console.error('watchdog: the benchmark took longer than 20 minutes');
  cleanup().finally(() => process.exit(3));
}, 20 * 60_000);
process.on('SIGINT', () => cleanup().finally(() => process.exit(130)));

let db;
let redis;
let queue;

main()
  .then(() => cleanup())
  .then(() => {
    clearTimeout(watchdog);
    process.exit(0);
  })
  .catch(async (e) => {
    console.error(e);
    await cleanup();
    process.exit(1);
  });

async function main() {
  const startedAt = new Date();
  const loadAvg = os.loadavg();
  // ---------------------------------------------------------------- services of our own
  const redisPort = await freePort();
  start('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
  const redisUrl = `redis://127.0.0.1:${redisPort}`;
  redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  redis.on('error', () => undefined); // refused until redis-server listens; `until` below waits for it
  await until('redis', () => redis.ping().catch(() => null), 10_000);
  const env = { ...process.env, DATABASE_URL: dbUrl.toString(), REDIS_URL: redisUrl, QUEUE_PREFIX: PREFIX, LOG_LEVEL: 'warn', NODE_ENV: 'development' };

  const server = await mysql.createConnection({ host: dbUrl.hostname, port: Number(dbUrl.port || 3306), user: decodeURIComponent(dbUrl.username || 'root'), password: decodeURIComponent(dbUrl.password) });
  await server.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await server.end();
  step('migrate, reference data, demo accounts');
  const seeded = spawnSync(process.execPath, [CLI_MAIN, 'demo'], { env: { ...env, DEMO_SCALE: '0' }, encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error(`cli demo failed:\n${seeded.stdout}\n${seeded.stderr}`);
  db = await mysql.createConnection({ uri: dbUrl.toString(), timezone: 'Z', multipleStatements: false });

  const [units] = await db.query("SELECT u.id FROM unit u JOIN app_user a ON a.unit_id = u.id AND a.role = 'unit_handler' WHERE u.kind <> 'town' ORDER BY u.id");
  const [[cat]] = await db.query('SELECT id FROM category WHERE level = 3 ORDER BY id LIMIT 1');
  const [[platform]] = await db.query('SELECT id FROM platform ORDER BY id LIMIT 1');
  const [[{ supervisors }]] = await db.query("SELECT COUNT(*) AS supervisors FROM app_user WHERE role = 'supervisor' AND active = 1");

  // ---------------------------------------------------------------- 100,000 pending timers, as the API leaves them
  const now = Date.now();
  // their outbox rows are done: the API fed the queue after each commit. So the worker's first start finds Redis
  // empty and rebuilds all of it from the table (the start-up reconcile), like a restart after a wipe.
  step(`insert ${PENDING} handling orders with a pending handle-overdue timer each (due 1 h – 30 days ahead)`);
  const t0 = Date.now();
  await insertOrders(1, PENDING, (i) => now + 3_600_000 + Math.floor((((i * 7919) % 1000) / 1000) * 29 * 86_400_000), units.map((u) => u.id), cat.id, platform.id, true);
  const insertMs = Date.now() - t0;

  const memBefore = await usedMemory();
  queue = new Queue('deadline-timers', { connection: redis, prefix: PREFIX });
  step('start the worker: its start-up reconcile puts every pending timer into Redis');
  const workerStart = Date.now();
  const worker = await startWorker(env);
  await until(`${PENDING} delayed jobs`, async () => (await queue.getJobCounts('delayed')).delayed >= PENDING, 300_000, 250);
  const loadMs = Date.now() - workerStart;
  await sleep(1500); // let the sweeps settle before measuring
  const memAfter = await usedMemory();
  const sample = await sampleJobMemory(200);
  const perTimer = Math.round((memAfter - memBefore) / PENDING);
  console.log(`  loaded in ${(loadMs / 1000).toFixed(1)} s; Redis ${(memBefore / 1e6).toFixed(1)} → ${(memAfter / 1e6).toFixed(1)} MB = ${perTimer} B per pending timer (job hash alone ≈ ${sample} B)`);

  // ---------------------------------------------------------------- 1,000 due within one second
  const burstAt = Math.ceil((Date.now() + 10_000) / 1000) * 1000;
  // these come through the outbox relay (as if the API's own after-commit step had failed): the slower path
  step(`insert ${BURST} more, due between ${new Date(burstAt).toISOString()} and +1 s, through the outbox relay`);
  await insertOrders(PENDING + 1, BURST, (i) => burstAt + Math.floor(((i - PENDING - 1) * 1000) / BURST), units.map((u) => u.id), cat.id, platform.id, false);
  await until('the relay to schedule the burst', async () => (await count('SELECT COUNT(*) AS n FROM outbox WHERE processed_at IS NULL')) === 0, 9_000, 100);
  const scheduledAhead = burstAt - Date.now();
  await until('every burst effect', async () => (await count('SELECT COUNT(*) AS n FROM deadline_effect WHERE order_id > ?', [PENDING])) >= BURST, 120_000, 100);
  await sleep(3000); // room for a double or a straggler, were there one
  const [late] = await db.query('SELECT TIMESTAMPDIFF(MICROSECOND, due_at, fired_at) / 1000 AS ms, fired_at FROM deadline_effect WHERE order_id > ? ORDER BY ms', [PENDING]);
  const ms = late.map((r) => Number(r.ms));
  const fired = ms.length;
  const burstHistory = await count(`SELECT COUNT(*) AS n FROM order_history WHERE order_id > ? AND action = 'handle-overdue'`, [PENDING]);
  const burstUrges = await count(`SELECT COUNT(*) AS n FROM order_history WHERE order_id > ? AND action = 'auto-urge'`, [PENDING]);
  const notices = await count('SELECT COUNT(*) AS n FROM notification WHERE order_id > ?', [PENDING]);
  const farFired = await count('SELECT COUNT(*) AS n FROM deadline_effect WHERE order_id <= ?', [PENDING]);
  const firedTimes = late.map((r) => new Date(r.fired_at).getTime());
  const lateness = { p50: pct(ms, 50), p90: pct(ms, 90), p99: pct(ms, 99), max: ms[ms.length - 1], min: ms[0] };
  console.log(`  lateness p50 ${lateness.p50} ms, p99 ${lateness.p99} ms, max ${lateness.max} ms; fired ${fired}/${BURST}; history ${burstHistory}, auto-urges ${burstUrges}, notices ${notices}; far timers fired ${farFired}`);

  // ---------------------------------------------------------------- the wipe
  step('FLUSHALL, then wait for the reconciler to put every pending timer back');
  const pendingNow = await count(`SELECT COUNT(*) AS n FROM deadline_timer WHERE state = 'pending'`);
  const wipedAt = Date.now();
  await redis.flushall();
  await until(`${pendingNow} jobs back`, async () => (await queue.getJobCounts('delayed')).delayed >= pendingNow, 300_000, 200);
  const rebuildMs = Date.now() - wipedAt;
  const [[repair]] = await db.query('SELECT started_at, finished_at, requeued, note FROM deadline_repair WHERE note LIKE ? ORDER BY id DESC LIMIT 1', ['%wiped%']);
  const sweeps = new Queue('deadline-sweeps', { connection: redis, prefix: PREFIX });
  const schedulers = await until('the sweep schedulers back', async () => ((await sweeps.getJobSchedulersCount()) >= 2 ? sweeps.getJobSchedulersCount() : null), 30_000, 200);
  await sweeps.close();
  console.log(`  ${pendingNow} timers back in ${(rebuildMs / 1000).toFixed(1)} s (the reconciler's own pass: ${repair ? ((new Date(repair.finished_at) - new Date(repair.started_at)) / 1000).toFixed(1) : '?'} s, ${repair?.requeued ?? '?'} re-added)`);
  await worker.stop();
  if (process.env.BENCH_SHOW_WORKER) console.error(worker.output());

  const versions = {
    node: process.version,
    mariadb: (await db.query('SELECT VERSION() AS v'))[0][0].v,
    redis: (await redis.info('server')).match(/redis_version:(\S+)/)?.[1],
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    loadAverageAtStart: loadAvg.map((l) => Number(l.toFixed(2))),
  };
  const result = {
    startedAt: startedAt.toISOString(),
    machine: versions,
    config: { pending: PENDING, burst: BURST, worker: 'dist/apps/worker/main.js, default settings', recipientsPerEffect: 1 + Number(supervisors), effect: 'handle-overdue: flag, 2 history rows, auto-urge, notices to the unit and the supervisors' },
    setup: { insertSeconds: insertMs / 1000 },
    load: { seconds: loadMs / 1000, via: 'start-up reconcile (Redis empty, every pending timer re-added from the table)' },
    memory: { bytesBefore: memBefore, bytesAfter: memAfter, bytesPerPendingTimer: perTimer, jobHashBytesSample: sample },
    burst: {
      scheduledAheadMs: scheduledAhead,
      fired,
      missed: BURST - fired,
      doubled: Math.max(0, burstHistory - BURST),
      early: ms.filter((x) => x < 0).length,
      historyRows: burstHistory,
      autoUrges: burstUrges,
      notices,
      farTimersFired: farFired,
      latenessMs: lateness,
      spreadMs: firedTimes.length ? Math.max(...firedTimes) - Math.min(...firedTimes) : null,
    },
    rebuild: { pending: pendingNow, seconds: rebuildMs / 1000, reconcilerPassSeconds: repair ? (new Date(repair.finished_at) - new Date(repair.started_at)) / 1000 : null, requeued: repair?.requeued ?? null, schedulersRestored: schedulers },
    targets: { p50: lateness.p50 <= 25, p99: lateness.p99 <= 250, noneMissed: fired === BURST, noneDoubled: burstHistory === BURST, rebuildWithin60s: rebuildMs <= 60_000 },
  };
  const outDir = path.join(HERE, 'results');
  mkdirSync(outDir, { recursive: true });
  const file = opt.out ?? path.join(outDir, `timers-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2));
  writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify(result, null, 2));
  console.log(JSON.stringify(result, null, 2));
  console.log(`\nresults: ${path.relative(ROOT, file)}`);
}

// ---------------------------------------------------------------- helpers

async function insertOrders(firstId, n, dueOf, unitIds, categoryId, platformId, processed) {
  const created = new Date(Date.now() - 3_600_000);
  for (let start = firstId; start < firstId + n; start += BATCH) {
    const ids = Array.from({ length: Math.min(BATCH, firstId + n - start) }, (_, k) => start + k);
    const orders = [];
    const timers = [];
    const outbox = [];
    for (const id of ids) {
      const due = new Date(dueOf(id));
      orders.push([id, `B${String(id).padStart(13, '0')}`, 'handling', 1, platformId, 'phone', 'complaint', categoryId, 0, '基准测试工单', 0, 'dispatched', unitIds[id % unitIds.length], created, created, created, due, created, created]);
      timers.push([id, id, 'handle-overdue', 0, due, due, 'pending', created, created]);
      outbox.push(['deadline.timers', id, JSON.stringify({ schedule: [id], unschedule: [] }), created, processed ? created : null]);
    }
    await db.query(
      `INSERT INTO work_order (id, number, status, version, platform_id, channel_code, appeal_type_code, category_id, caller_confidential, content, urgent, resolution, main_unit_id, dispatched_at, signed_at, sign_due_at, handle_due_at, created_at, updated_at) VALUES ?`,
      [orders],
    );
    await db.query('INSERT INTO deadline_timer (id, order_id, kind, ref_id, due_at, deadline_at, state, created_at, updated_at) VALUES ?', [timers]);
    await db.query('INSERT INTO outbox (topic, aggregate_id, payload, created_at, processed_at) VALUES ?', [outbox]);
  }
}

async function startWorker(env) {
  const port = await freePort();
  // BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the worker
  const nodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = start(process.execPath, [...nodeArgs, WORKER_MAIN], { ...env, WORKER_PORT: String(port) });
  await until('worker health', () => fetch(`http://127.0.0.1:${port}/health`).then((r) => r.status === 200).catch(() => false), 60_000, 200);
  return proc;
}

async function usedMemory() {
  return Number((await redis.info('memory')).match(/used_memory:(\d+)/)[1]);
}

/** MEMORY USAGE of a sample of job hashes (the delayed zset entry comes on top). */
async function sampleJobMemory(n) {
  const ids = await redis.zrange(`${PREFIX}:deadline-timers:delayed`, 0, n - 1);
  let total = 0;
  for (const id of ids) total += Number(await redis.memory('USAGE', `${PREFIX}:deadline-timers:${id}`));
  return ids.length ? Math.round(total / ids.length) : null;
}

async function count(sql, params = []) {
  const [[row]] = await db.query(sql, params);
  return Number(row.n);
}

function pct(sorted, p) {
  if (!sorted.length) return null;
  return Number(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)].toFixed(1));
}

function start(cmd, args, env = process.env) {
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out = (out + d).slice(-20_000)));
  child.stderr.on('data', (d) => (out = (out + d).slice(-20_000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const handle = {
    output: () => out,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
    },
  };
  children.push(handle);
  return handle;
}

async function cleanup() {
  await queue?.close().catch(() => undefined);
  redis?.disconnect();
  for (const c of children.reverse()) await c.stop().catch(() => undefined);
  if (db) {
    if (!opt.keep) await db.query(`DROP DATABASE IF EXISTS \`${dbName}\``).catch(() => undefined);
    await db.end().catch(() => undefined);
    db = null;
  }
}

async function until(what, fn, timeoutMs, stepMs = 100) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(stepMs);
  }
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function step(msg) {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);
}

function die(msg) {
  console.error(msg);
  process.exit(2);
}
