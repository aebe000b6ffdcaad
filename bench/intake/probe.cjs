'use strict';
// Preloaded into the API (`node -r bench/intake/probe.cjs dist/apps/api/main.js`) by `run.mjs --profile`.
// Controlled over the IPC channel (signals are taken: Nest's shutdown hooks listen to SIGUSR2 too):
//   {probe:'start'} starts the V8 CPU profiler, the SQL tally and the pool-wait timer;
//   {probe:'stop'}  stops them and writes <BENCH_PROBE_DIR>/api.cpuprofile and probe.json (written last).
// Nothing here changes the app's behaviour; it only observes.
const fs = require('node:fs');
const path = require('node:path');
const inspector = require('node:inspector');
const { monitorEventLoopDelay } = require('node:perf_hooks');

const outDir = process.env.BENCH_PROBE_DIR;
let active = false;
let t0 = 0n;
let cpu0 = null;
const sql = new Map();
const pool = { n: 0, totalMs: 0, maxMs: 0 };
const loop = monitorEventLoopDelay({ resolution: 10 });

const session = new inspector.Session();
session.connect();
const post = (method, params = {}) => new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));

hookMysql2();

process.on('message', (m) => {
  if (!m || typeof m !== 'object') return;
  if (m.probe === 'start') void start();
  if (m.probe === 'stop') void stop().catch((e) => process.stderr.write(`probe: ${e.stack}\n`));
});

async function start() {
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  sql.clear();
  Object.assign(pool, { n: 0, totalMs: 0, maxMs: 0 });
  loop.reset();
  loop.enable();
  cpu0 = process.cpuUsage();
  t0 = process.hrtime.bigint();
  active = true;
}

async function stop() {
  active = false;
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  loop.disable();
  const { profile } = await post('Profiler.stop');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'api.cpuprofile'), JSON.stringify(profile));
  const statements = [...sql.entries()]
    .map(([statement, s]) => ({ statement, count: s.n, avgMs: +(s.totalMs / s.n).toFixed(2), maxMs: +s.maxMs.toFixed(1), totalS: +(s.totalMs / 1000).toFixed(1) }))
    .sort((a, b) => b.count - a.count);
  const report = {
    wallS: +(wallMs / 1000).toFixed(1),
    cpuCoresUsed: +((cpu.user + cpu.system) / 1000 / wallMs).toFixed(2),
    eventLoopDelayMs: { p50: +(loop.percentile(50) / 1e6).toFixed(1), p99: +(loop.percentile(99) / 1e6).toFixed(1), max: +(loop.max / 1e6).toFixed(1) },
    poolWait: { acquisitions: pool.n, avgMs: pool.n ? +(pool.totalMs / pool.n).toFixed(2) : 0, maxMs: +pool.maxMs.toFixed(1) },
    statements,
    cpu: summarize(profile),
  };
  fs.writeFileSync(path.join(outDir, 'probe.json'), JSON.stringify(report, null, 2));
}

/** Counts and times every statement and every wait for a pooled connection (mysql2 is what TypeORM drives). */
function hookMysql2() {
  let mysql2;
  try {
    mysql2 = require(require.resolve('mysql2', { paths: [process.cwd()] }));
  } catch {
    return;
  }
  const proto = Object.getPrototypeOf(mysql2.Connection.prototype); // BaseConnection
  const query = proto.query;
  proto.query = function (...args) {
    const cmd = query.apply(this, args);
    if (active && cmd && typeof cmd.once === 'function') {
      const text = typeof args[0] === 'string' ? args[0] : args[0] && args[0].sql;
      const key = normalize(text);
      const start = process.hrtime.bigint();
      cmd.once('end', () => {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        const s = sql.get(key) || { n: 0, totalMs: 0, maxMs: 0 };
        s.n += 1;
        s.totalMs += ms;
        if (ms > s.maxMs) s.maxMs = ms;
        sql.set(key, s);
      });
    }
    return cmd;
  };
  const poolProto = Object.getPrototypeOf(mysql2.Pool.prototype); // BasePool
  const getConnection = poolProto.getConnection;
  poolProto.getConnection = function (cb) {
    if (!active || typeof cb !== 'function') return getConnection.call(this, cb);
    const start = process.hrtime.bigint();
    return getConnection.call(this, (err, conn) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      pool.n += 1;
      pool.totalMs += ms;
      if (ms > pool.maxMs) pool.maxMs = ms;
      cb(err, conn);
    });
  };
}

const normalized = new Map();
function normalize(text) {
  const hit = normalized.get(text);
  if (hit) return hit;
  const key = String(text || '?')
    .replace(/\s+/g, ' ')
    .replace(/`/g, '')
    .replace(/\(\?(, ?\?)*\)/g, '(…)')
    .slice(0, 110);
  if (normalized.size < 1000) normalized.set(text, key);
  return key;
}

// ---------------------------------------------------------------- CPU profile summary

const MARKERS = [
  ['Nest AuthGuard.canActivate (JWT verify + user cache)', (f) => f.functionName === 'canActivate' && isApp(f.url)],
  ['jsonwebtoken / jws (HS256 verify)', (f) => /node_modules\/(jsonwebtoken|jws|jwa)\//.test(f.url)],
  ['Nest ValidationPipe.transform', (f) => /@nestjs\/common\/pipes\/validation\.pipe/.test(f.url)],
  ['class-validator', (f) => f.url.includes('/node_modules/class-validator/')],
  ['class-transformer', (f) => f.url.includes('/node_modules/class-transformer/')],
  ['pino / pino-http / nestjs-pino', (f) => /node_modules\/(pino|pino-http|nestjs-pino|pino-std-serializers|sonic-boom)\//.test(f.url)],
  ['TypeORM', (f) => f.url.includes('/node_modules/typeorm/')],
  ['mysql2 (driver)', (f) => f.url.includes('/node_modules/mysql2/')],
  ['fastify core (+ find-my-way, avvio, light-my-request)', (f) => /node_modules\/(fastify|find-my-way|avvio|@fastify\/[^/]+)\//.test(f.url)],
  ['@nestjs/core (router, guards, interceptors)', (f) => f.url.includes('/node_modules/@nestjs/core/')],
  ['TypeORM SelectQueryBuilder + entity hydration (reads)', (f) => /typeorm\/query-builder\/(SelectQueryBuilder|transformer\/RawSqlResultsToEntityTransformer)\.js$/.test(f.url)],
  ['TypeORM InsertQueryBuilder (writes)', (f) => /typeorm\/query-builder\/InsertQueryBuilder\.js$/.test(f.url)],
  ['OrdersService (app code, incl. what it calls)', (f) => isApp(f.url) && /^(create|detail)$/.test(f.functionName)],
  ['toDetail mapper', (f) => isApp(f.url) && f.functionName === 'toDetail'],
  ['garbage collector', (f) => f.functionName === '(garbage collector)'],
];

function isApp(url) {
  return /dist\/apps\/api\/main\.js$/.test(url);
}

function bucket(f) {
  if (/^\(/.test(f.functionName) && !f.url) return f.functionName; // (garbage collector) (program) (idle) (root)
  const m = f.url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (m) return m[1];
  if (isApp(f.url)) return 'app: dist/apps/api/main.js';
  if (f.url.startsWith('node:')) return 'node core (js)';
  if (f.url.includes('/bench/')) return 'bench probe (this file)';
  return 'V8 builtins / native';
}

function summarize(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const selfUs = new Map();
  const markerUs = new Map(MARKERS.map(([label]) => [label, 0]));
  let totalUs = 0;
  let idleUs = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] || 0;
    const node = byId.get(id);
    if (!node) return;
    if (node.callFrame.functionName === '(idle)') {
      idleUs += dt;
      return;
    }
    totalUs += dt;
    selfUs.set(id, (selfUs.get(id) || 0) + dt);
    const hit = new Set();
    for (let cur = id; cur != null; cur = parent.get(cur)) {
      const f = byId.get(cur).callFrame;
      for (const [label, test] of MARKERS) if (!hit.has(label) && test(f)) hit.add(label);
    }
    for (const label of hit) markerUs.set(label, markerUs.get(label) + dt);
  });
  const pct = (us) => +((100 * us) / Math.max(1, totalUs)).toFixed(1);
  const packages = new Map();
  const functions = new Map();
  for (const [id, us] of selfUs) {
    const f = byId.get(id).callFrame;
    const b = bucket(f);
    packages.set(b, (packages.get(b) || 0) + us);
    const key = `${f.functionName || '(anonymous)'} ${b}${isApp(f.url) ? `:${f.lineNumber + 1}` : ''}`;
    functions.set(key, (functions.get(key) || 0) + us);
  }
  const top = (m, n) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => ({ name: k, pct: pct(us) }));
  return {
    busyS: +(totalUs / 1e6).toFixed(1),
    idleS: +(idleUs / 1e6).toFixed(1),
    note: 'pct = share of non-idle samples; inclusive = time with that frame anywhere on the stack (synchronous work only)',
    selfByPackage: top(packages, 20),
    inclusive: [...markerUs.entries()].map(([name, us]) => ({ name, pct: pct(us) })).sort((a, b) => b.pct - a.pct),
    topSelfFunctions: top(functions, 30),
  };
}
