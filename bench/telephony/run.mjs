#!/usr/bin/env node
// Telephony benchmark: the real API's CTI endpoint (POST /api/cti/<token>) under a sustained open-loop stream of
// Zammad CTI events (newCall, answer, hangup), and the time from an answer event to the call pop arriving at a
// connected event-stream client. Against a baseline in the same go: a bare node:http + mysql2 + ioredis server doing
// the same database work per event (one upsert of the call row) and the same pop path (Redis publish → subscriber
// → SSE). Plain ESM, no build step; the API comes from dist/ (build first).
//
//   node bench/telephony/run.mjs [--rate 200] [--duration 20] [--warmup 3] [--only api|baseline] [--keep]
//
// Targets (issue 12): 200 events/s sustained, ingest p99 ≤ 50 ms, answer → pop p95 ≤ 300 ms.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findPid, sampleOtherDbSessions, systemBusyTicks, ticksOf, CLK_TCK } from '../lib/machine.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const API_MAIN = path.join(ROOT, 'dist/apps/api/main.js');
const CLI_MAIN = path.join(ROOT, 'dist/apps/cli/main.js');
const LOOPBACK = path.join(ROOT, 'bench/intake/loopback.cjs');

const { values: opt } = parseArgs({
  options: {
    rate: { type: 'string', default: '200' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    only: { type: 'string', default: 'both' },
    'api-port': { type: 'string', default: '3130' },
    'baseline-port': { type: 'string', default: '3131' },
    'database-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/hotline_bench_tel' },
    'redis-url': { type: 'string', default: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379' },
    keep: { type: 'boolean', default: false },
  },
  strict: true,
});
const rate = Number(opt.rate);
const duration = Number(opt.duration);
const warmup = Number(opt.warmup);
const dbUrl = new URL(opt['database-url']);
const dbName = dbUrl.pathname.slice(1);
if (!/bench/.test(dbName)) throw new Error(`refusing database ${dbName}: its name must contain "bench" (it is dropped)`);
const prefix = `bench_tel_${process.pid}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (xs, p) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return +s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)].toFixed(2);
};

// ------------------------------------------------------------------ the load: an open-loop event stream

/** Sends `rate` events a second for `seconds`, as calls of newCall → answer (90 %) → hangup, 0.5–3 s apart. */
async function drive({ url, popUrl, seconds, measure }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const lat = [];
  const pops = [];
  const pending = new Map(); // callId → answer sent at
  let errors = 0;
  let sent = 0;
  const stream = await openStream(popUrl, (data) => {
    const t = pending.get(data.callId);
    if (t != null) {
      pending.delete(data.callId);
      if (measure) pops.push(performance.now() - t);
    }
  });
  const post = (body) =>
    new Promise((resolve) => {
      const payload = JSON.stringify(body);
      const t0 = performance.now();
      const req = http.request(
        url,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) errors++;
            else if (measure) lat.push(performance.now() - t0);
            resolve(t0);
          });
        },
      );
      req.on('error', () => (errors++, resolve(t0)));
      req.end(payload);
    });
  const started = performance.now();
  const inflight = [];
  let n = 0;
  let call = 0;
  // events are scheduled on a fixed clock (open loop): a slow server makes latency, not a slower sender
  const queue = [];
  const end = started + seconds * 1000;
  while (performance.now() < end) {
    const due = started + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const now = performance.now();
    let ev = queue.length && queue[0].at <= now ? queue.shift() : null;
    if (!ev) {
      const id = `${prefix}-${measure ? 'm' : 'w'}${call++}`; // the warm-up's calls are not the measured ones: a repeated callId changes nothing and pops nobody
      const base = { callId: id, from: `139${String(call).padStart(8, '0')}`, to: '12345', direction: 'in', queue: '市民热线' };
      ev = { body: { ...base, event: 'newCall' } };
      const answered = Math.random() < 0.9;
      const t1 = now + 500 + Math.random() * 1500;
      if (answered) queue.push({ at: t1, body: { ...base, event: 'answer', answeringNumber: 'agent' } });
      queue.push({ at: t1 + 500 + Math.random() * 1500, body: { ...base, event: 'hangup', cause: answered ? 'normalClearing' : 'cancel' } });
      queue.sort((a, b) => a.at - b.at);
    }
    const body = ev.body;
    // the pop is timed from the moment the answer event leaves the PBX to its arrival at the stream
    if (body.event === 'answer') pending.set(body.callId, performance.now());
    inflight.push(post(body));
    sent++;
    n++;
  }
  await Promise.all(inflight);
  await sleep(1000); // pops still on their way
  stream.close();
  agent.destroy();
  const elapsed = (performance.now() - started) / 1000;
  return { sent, achievedRate: +(sent / elapsed).toFixed(1), errors, ingest: summary(lat), pop: summary(pops), popsMissing: measure ? pending.size : null };
}

const summary = (xs) => ({ n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), p99: pct(xs, 99), max: xs.length ? +Math.max(...xs).toFixed(2) : null });

/** A connected event-stream client (like the browser's): calls `onPop` with each call-pop's data. */
function openStream(url, onPop) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream ${url} → ${res.statusCode}`));
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buf += chunk;
        for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          if (!/^event: call-pop$/m.test(block)) continue;
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (data) onPop(JSON.parse(data.slice(6)));
        }
      });
      resolve({ close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

// ------------------------------------------------------------------ the two servers

async function startApi(env) {
  const port = Number(opt['api-port']);
  const child = spawn(process.execPath, ['-r', LOOPBACK, API_MAIN], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  await until(`http://127.0.0.1:${port}/api/health`);
  const login = await jsonReq('POST', `http://127.0.0.1:${port}/api/auth/login`, { username: 'admin', password: 'Demo@12345' });
  const view = await jsonReq('GET', `http://127.0.0.1:${port}/api/admin/telephony`, null, login.accessToken);
  const agent = await jsonReq('POST', `http://127.0.0.1:${port}/api/auth/login`, { username: 'agent', password: 'Demo@12345' });
  return {
    child,
    url: `http://127.0.0.1:${port}${new URL(view.endpoint).pathname}`,
    popUrl: `http://127.0.0.1:${port}/api/notifications/stream?access_token=${agent.accessToken}`,
  };
}

async function startBaseline(env) {
  const port = Number(opt['baseline-port']);
  const child = spawn(process.execPath, [path.join(HERE, 'baseline.mjs')], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  await until(`http://127.0.0.1:${port}/health`);
  return { child, url: `http://127.0.0.1:${port}/cti`, popUrl: `http://127.0.0.1:${port}/stream?user=agent` };
}

async function until(url) {
  for (let i = 0; i < 240; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    await sleep(250);
  }
  throw new Error(`${url} did not come up`);
}

async function jsonReq(method, url, body, token) {
  const r = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!r.ok) throw new Error(`${method} ${url} → ${r.status}`);
  return r.json();
}

async function measure(name, start, env) {
  const server = await start(env);
  try {
    await drive({ ...server, seconds: warmup, measure: false });
    const db = findPid('mariadbd');
    const before = { sys: systemBusyTicks(), srv: ticksOf(server.child.pid), db: ticksOf(db), at: Date.now() };
    const others = sampleOtherDbSessions(admin, dbName);
    const res = await drive({ ...server, seconds: duration, measure: true });
    const wall = (Date.now() - before.at) / 1000;
    const cpu = (a, b) => (a == null || b == null ? null : +((b - a) / CLK_TCK / wall).toFixed(2));
    const srvCpu = cpu(before.srv, ticksOf(server.child.pid));
    const dbCpu = cpu(before.db, ticksOf(db));
    const sysCpu = cpu(before.sys, systemBusyTicks());
    // CPU time per event (server and MariaDB): what the load cannot stretch, unlike the latencies
    const perEvent = (a, b) => (a == null || b == null ? null : +((((b - a) / CLK_TCK) * 1000) / res.sent).toFixed(2));
    const cpuMsPerEvent = { server: perEvent(before.srv, ticksOf(server.child.pid)), mariadb: perEvent(before.db, ticksOf(db)) };
    return {
      name,
      ...res,
      cpuMsPerEvent,
      cpu: { server: srvCpu, mariadb: dbCpu, machine: sysCpu, others: sysCpu == null ? null : +(sysCpu - (srvCpu ?? 0) - (dbCpu ?? 0)).toFixed(2) },
      otherDbSessions: await others.stop(),
    };
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
  }
}

// ------------------------------------------------------------------ main

if (!existsSync(API_MAIN) || !existsSync(CLI_MAIN)) {
  console.error('build first: NX_DAEMON=false npx nx run-many -t build -p api cli');
  process.exit(1);
}
const mysql = await import('mysql2/promise');
const admin = await mysql.createConnection({
  host: dbUrl.hostname,
  port: Number(dbUrl.port || 3306),
  user: decodeURIComponent(dbUrl.username || 'root'),
  password: decodeURIComponent(dbUrl.password),
});
await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
const env = {
  ...process.env,
  NODE_ENV: 'development',
  DATABASE_URL: opt['database-url'],
  REDIS_URL: opt['redis-url'],
  QUEUE_PREFIX: prefix,
  LOG_LEVEL: 'warn',
  DEMO_ORDERS: '0',
  DEMO_SCALE: '0',
  JWT_SECRET: 'bench-telephony-secret-0123456789',
  API_DOCS: 'false',
};
execFileSync(process.execPath, [CLI_MAIN, 'demo'], { env, stdio: 'ignore' });
const load = os.loadavg();
const results = [];
try {
  if (opt.only !== 'api') results.push(await measure('baseline', startBaseline, env));
  if (opt.only !== 'baseline') results.push(await measure('api', startApi, env));
} finally {
  if (!opt.keep) await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await admin.end();
}
const out = { at: new Date().toISOString(), rate, duration, warmup, cpus: os.cpus().length, loadavgBefore: load.map((x) => +x.toFixed(2)), results };
mkdirSync(path.join(HERE, 'results'), { recursive: true });
const file = path.join(HERE, 'results', `${out.at.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(out, null, 2));
console.log(JSON.stringify(out, null, 2));
const api = results.find((r) => r.name === 'api');
const base = results.find((r) => r.name === 'baseline');
if (api && base) {
  const ratio = (a, b) => (a == null || b == null || b === 0 ? '—' : `${(a / b).toFixed(1)}×`);
  console.log(
    `\n| | events/s done | ingest p50 / p95 / p99 ms | pop p50 / p95 ms | CPU ms/event server + db | errors |\n| --- | --- | --- | --- | --- | --- |`,
  );
  for (const r of [base, api])
    console.log(
      `| ${r.name} | ${r.achievedRate} | ${r.ingest.p50} / ${r.ingest.p95} / ${r.ingest.p99} | ${r.pop.p50} / ${r.pop.p95} | ${r.cpuMsPerEvent.server} + ${r.cpuMsPerEvent.mariadb} | ${r.errors} |`,
    );
  console.log(`api / baseline: ingest p99 ${ratio(api.ingest.p99, base.ingest.p99)}, pop p95 ${ratio(api.pop.p95, base.pop.p95)}`);
  console.log(
    `targets: ingest p99 ≤ 50 ms ${api.ingest.p99 <= 50 ? 'met' : 'MISSED'}; pop p95 ≤ 300 ms ${api.pop.p95 <= 300 ? 'met' : 'MISSED'}; ${api.achievedRate} events/s`,
  );
}
console.log(`(results in ${path.relative(ROOT, file)})`);
