#!/usr/bin/env node
// Order search benchmark: the queries the roles run all day, over HTTP against a real API process, on generated
// 2018–2020 data in a database of its own; then the old LIKE / exact-count SQL on the same data, for the ratio.
//
//   node bench/search/run.mjs [--scale 0.7] [--runs 20] [--baseline-runs 3] [--no-baseline] [--no-rebuild]
//
// Needs `npm run build` (dist/apps/api and dist/apps/cli). An empty hotline_bench_search (BENCH_SEARCH_DATABASE_URL to
// change) is generated at --scale first (scale 1 ≈ 2.8M orders, 15–25 min on 2 cores); a filled one is reused. The cli
// then migrates, fills the text index (search-rebuild) and adds the demo accounts. The API runs with
// SQL_COUNT_HEADER=1, so each response says how many SQL statements it took (x-sql-count).
// Results: bench/search/results/latest.json.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import os from 'node:os';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(ROOT, 'package.json'));
const mysql = require('mysql2/promise');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const SCALE = opt('--scale', '0.7');
const RUNS = Number(opt('--runs', '20'));
const BASE_RUNS = Number(opt('--baseline-runs', '3'));
const DB_URL = process.env.BENCH_SEARCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/hotline_bench_search';
const PASSWORD = 'Demo@12345';
const env = {
  ...process.env,
  DATABASE_URL: DB_URL,
  LOG_LEVEL: 'warn',
  QUEUE_PREFIX: 'bench_search',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/14',
};

function cli(...a) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/apps/cli/main.js'), ...a], { stdio: 'inherit', env: { ...env, ...cliEnv }, cwd: ROOT });
  if (r.status !== 0) throw new Error(`cli ${a.join(' ')} failed`);
}
let cliEnv = {};

const freePort = () =>
  new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const r1 = (x) => Math.round(x * 10) / 10;

async function main() {
  const u = new URL(DB_URL);
  const dbName = u.pathname.slice(1);
  const admin = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: u.username || 'root', password: u.password });
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const db = await mysql.createConnection({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: u.username || 'root',
    password: u.password,
    database: dbName,
  });
  const has = async () => {
    const [[t]] = await db.query("SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'work_order'");
    if (!Number(t.n)) return 0;
    const [[r]] = await db.query('SELECT COUNT(*) AS n FROM work_order');
    return Number(r.n);
  };
  if (!(await has())) {
    console.log(`› generating 2018–2020 at scale ${SCALE} into ${dbName}…`);
    cli('generate', '--years', '2018-2020', '--scale', SCALE);
  }
  const orders = await has();
  console.log(`› ${orders} orders; migrating and filling the text index…`);
  const t0 = Date.now();
  if (!args.includes('--no-rebuild')) cli('search-rebuild'); // --no-rebuild: the index is known to be complete
  const rebuildMs = args.includes('--no-rebuild') ? null : Date.now() - t0;
  cliEnv = { DEMO_SCALE: '0' };
  cli('demo'); // the demo accounts (no orders at DEMO_SCALE=0)

  // fixtures: a caller with history, an order number, the unit with most orders, a busy category
  const [[caller]] = await db.query(
    "SELECT caller_phone AS phone FROM work_order WHERE caller_phone IS NOT NULL AND created_at >= '2020-06-01' GROUP BY caller_phone HAVING COUNT(*) >= 2 LIMIT 1",
  );
  const [[numbered]] = await db.query("SELECT number FROM work_order WHERE created_at >= '2019-06-01' ORDER BY created_at LIMIT 1");
  const [[unit]] = await db.query(
    "SELECT u.id, u.code FROM work_order o JOIN unit u ON u.id = o.main_unit_id WHERE o.created_at >= '2020-12-01' AND u.code IS NOT NULL GROUP BY u.id, u.code ORDER BY COUNT(*) DESC LIMIT 1",
  );
  const [[cat]] = await db.query(
    "SELECT c.id FROM work_order o JOIN category c ON c.id = o.category_id WHERE o.created_at >= '2020-06-01' AND o.created_at < '2020-07-01' AND c.parent_id IS NULL GROUP BY c.id ORDER BY COUNT(*) DESC LIMIT 1",
  );
  const catId = cat?.id ?? (await db.query('SELECT id FROM category WHERE parent_id IS NULL LIMIT 1'))[0][0].id;

  const port = await freePort();
  const api = spawn(process.execPath, [path.join(ROOT, 'dist/apps/api/main.js')], {
    env: { ...env, PORT: String(port), SQL_COUNT_HEADER: '1' },
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        /* not yet */
      }
      if (i > 300) throw new Error('the API did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    const tokens = {};
    const login = async (username) => {
      const r = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      if (!r.ok) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
      tokens[username] = (await r.json()).accessToken;
    };
    for (const who of ['agent', 'dispatcher', 'leader', 'callback', unit.code]) await login(who);

    const QUERIES = [
      ['caller history (phone)', 'agent', `phone=${caller.phone}&pageSize=5`],
      ['text 停水', 'dispatcher', `q=${encodeURIComponent('停水')}`],
      ['text 噪音 in 2020', 'dispatcher', `q=${encodeURIComponent('噪音')}&from=2020-01-01&to=2020-12-31`],
      ['order number in the box', 'agent', `q=${numbered.number}`],
      ['unit 待签收 (to sign)', unit.code, 'status=dispatched&unitPart=main'],
      ['unit 办理中 (handling)', unit.code, 'status=handling&sort=handleDueAt&unitPart=main'],
      ['unit overdue', unit.code, 'overdue=true&sort=handleDueAt&unitPart=main'],
      ['center overdue', 'dispatcher', 'overdue=true&sort=handleDueAt'],
      ['callback queue', 'callback', 'callbackQueue=true&sort=createdAt'],
      ['month × category', 'leader', `categoryId=${catId}&from=2020-06-01&to=2020-06-30`],
      ['unit all orders', unit.code, ''],
      ['leader first page', 'leader', ''],
      ['deep page 200', 'leader', 'page=200'],
    ];
    const results = [];
    for (const [name, who, qs] of QUERIES) {
      const times = [];
      const sqls = new Set();
      let total;
      for (let i = 0; i < RUNS + 2; i++) {
        const t = performance.now();
        const r = await fetch(`${base}/api/orders?${qs}`, { headers: { authorization: `Bearer ${tokens[who]}` } });
        const body = await r.json();
        const ms = performance.now() - t;
        if (!r.ok) throw new Error(`${name}: ${r.status} ${JSON.stringify(body)}`);
        if (i >= 2) times.push(ms); // two warm-up runs
        sqls.add(Number(r.headers.get('x-sql-count')));
        total = `${body.total}${body.totalBounded ? '+' : ''}`;
      }
      const row = {
        name,
        who,
        query: qs,
        runs: times.length,
        p50: r1(pct(times, 50)),
        p95: r1(pct(times, 95)),
        max: r1(Math.max(...times)),
        sql: [...sqls],
        total,
      };
      results.push(row);
      console.log(`${name.padEnd(26)} p50 ${String(row.p50).padStart(7)} ms  p95 ${String(row.p95).padStart(7)} ms  SQL ${row.sql.join('/')}  total ${total}`);
    }

    // the old search on the same data: LIKE over content and address, then an exact COUNT (getManyAndCount)
    const baseline = [];
    if (!args.includes('--no-baseline')) {
      const [sub] = await db.query(
        'WITH RECURSIVE t AS (SELECT id FROM unit WHERE id = ? UNION ALL SELECT u.id FROM unit u JOIN t ON u.parent_id = t.id) SELECT id FROM t',
        [unit.id],
      );
      const scope = sub.map((r) => r.id);
      const inScope = `(o.main_unit_id IN (${scope.join(',')}) OR EXISTS (SELECT 1 FROM order_co_unit cu WHERE cu.order_id = o.id AND cu.unit_id IN (${scope.join(',')})))`;
      const like = (q) => [`(o.number = ? OR o.content LIKE ? OR o.address LIKE ?)`, [q, `%${q}%`, `%${q}%`]];
      const OLD = [
        ['text 停水', ...like('停水')],
        ['text 噪音 in 2020', `${like('噪音')[0]} AND o.created_at >= '2019-12-31 16:00:00' AND o.created_at < '2020-12-31 16:00:00'`, like('噪音')[1]],
        ['order number in the box', ...like(numbered.number)],
        ['unit all orders', inScope, []],
        ['leader first page', '1=1', []],
      ];
      for (const [name, where, params] of OLD) {
        const times = [];
        for (let i = 0; i < BASE_RUNS + 1; i++) {
          const t = performance.now();
          await db.query(`SELECT o.* FROM work_order o WHERE ${where} ORDER BY o.created_at DESC, o.id DESC LIMIT 20`, params);
          await db.query(`SELECT COUNT(DISTINCT o.id) AS n FROM work_order o WHERE ${where}`, params);
          if (i >= 1) times.push(performance.now() - t);
        }
        const now = results.find((r) => r.name === name);
        const row = { name, runs: times.length, p50: r1(pct(times, 50)), p95: r1(pct(times, 95)), sql: 2, ratioP95: r1(pct(times, 95) / now.p95) };
        baseline.push(row);
        console.log(`old ${name.padEnd(22)} p50 ${String(row.p50).padStart(7)} ms  p95 ${String(row.p95).padStart(7)} ms  → ${row.ratioP95}× the new p95`);
      }
    }

    const [[ft]] = await db.query(
      "SELECT ROUND(SUM(data_length + index_length) / 1048576) AS mb FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'order_text'",
    );
    const [[bp]] = await db.query('SELECT @@innodb_buffer_pool_size / 1048576 AS mb, VERSION() AS version');
    const out = {
      date: new Date().toISOString(),
      machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, memGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      server: { version: bp.version, bufferPoolMb: Number(bp.mb) },
      scale: Number(SCALE),
      orders,
      orderTextMb: Number(ft.mb),
      rebuildMs,
      runs: RUNS,
      results,
      baseline,
    };
    mkdirSync(path.join(ROOT, 'bench/search/results'), { recursive: true });
    writeFileSync(path.join(ROOT, 'bench/search/results/latest.json'), `${JSON.stringify(out, null, 2)}\n`);
    const worst = Math.max(...results.map((r) => r.p95));
    const sqlMax = Math.max(...results.flatMap((r) => r.sql));
    console.log(`worst p95 ${worst} ms (target ≤ 100), at most ${sqlMax} SQL per request (target ≤ 3) → bench/search/results/latest.json`);
  } finally {
    api.kill('SIGTERM');
    await db.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
