#!/usr/bin/env node
// Intake benchmark: the real API's POST /api/orders against a bare Fastify 5 + mysql2 baseline doing the same
// database work, under the same autocannon load, on a throw-away database. Plain ESM, no build step.
//
//   node bench/intake/run.mjs [--duration 20] [--warmup 3] [--connections 50] [--mix uniform|hotline] [--keep] [--profile]
//
// --mix hotline draws channel and appeal type the way a hotline's day does (most orders by phone, about half of
// them consultations) instead of uniformly: many intakes then count in the same summary cells at once.
//
// See bench/README.md. Everything listens on loopback only (loopback.cjs keeps the API, which would bind
// 0.0.0.0, on 127.0.0.1); the whole run is bounded by a watchdog.
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { allProcessTicks, CLK_TCK, findPid, sampleOtherDbSessions, systemBusyTicks, ticksOf } from '../lib/machine.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const API_MAIN = path.join(ROOT, 'dist/apps/api/main.js');
const CLI_MAIN = path.join(ROOT, 'dist/apps/cli/main.js');
const ORDERS_PATH = '/api/orders';

const { values: opt } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    'api-port': { type: 'string', default: '3100' },
    'baseline-port': { type: 'string', default: '3101' },
    'database-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/hotline_bench' },
    'redis-url': { type: 'string', default: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379' },
    out: { type: 'string' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    mix: { type: 'string', default: 'uniform' },
    'api-preload': { type: 'string', multiple: true, default: [] },
    'quiet-wait': { type: 'string', default: '90' },
    'max-attempts': { type: 'string', default: '3' },
    'max-other': { type: 'string', default: '0.25' },
    'serve-baseline': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});

// (the entry point is at the end of the file, after every const it uses is initialised)

// ======================================================================= orchestrator

async function orchestrate() {
  const duration = int(opt.duration, 'duration', 1, 600);
  const warmup = int(opt.warmup, 'warmup', 0, 60);
  const connections = int(opt.connections, 'connections', 1, 1000);
  const apiPort = int(opt['api-port'], 'api-port', 1024, 65535);
  const basePort = int(opt['baseline-port'], 'baseline-port', 1024, 65535);
  const only = opt.only ?? 'both';
  if (!['both', 'api', 'baseline'].includes(only)) die('--only must be api or baseline');
  if (!['uniform', 'hotline'].includes(opt.mix)) die('--mix must be uniform or hotline');
  const dbUrl = new URL(opt['database-url']);
  const dbName = dbUrl.pathname.replace(/^\//, '');
  // this database is dropped at the end: refuse anything that does not look like a bench database
  if (!/^[A-Za-z0-9_]*bench[A-Za-z0-9_]*$/.test(dbName)) die(`refusing to use database "${dbName}": its name must contain "bench" (it is dropped at the end)`);
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(dbUrl.hostname)) die(`the bench stays on loopback; DATABASE host is ${dbUrl.hostname}`);

  const missing = [API_MAIN, CLI_MAIN].filter((f) => !existsSync(f));
  if (missing.length) {
    die(`build output missing: ${missing.map((f) => path.relative(ROOT, f)).join(', ')}\n` +
      '  build first:  NX_DAEMON=false npx nx run-many -t build -p api worker cli');
  }
  const { default: autocannon } = await import('autocannon');
  const mysql = await import('mysql2/promise');

  // the whole run is bounded: warm-ups, two measured runs, start-ups and the database preparation
  const budgetS = 2 * int(opt['max-attempts'], 'max-attempts', 1, 10) * (duration + warmup + int(opt['quiet-wait'], 'quiet-wait', 0, 600)) + 240;
  if (!(Number(opt['max-other']) >= 0)) die('--max-other must be a number of cores ≥ 0');
  const watchdog = setTimeout(() => {
    console.error(`\n✗ watchdog: the bench took longer than ${budgetS} s; stopping`);
    void cleanup().finally(() => process.exit(1));
  }, budgetS * 1000);
  watchdog.unref();

  const children = [];
  let admin = null;
  let cleaned = false;
  async function cleanup() {
    if (cleaned) return;
    cleaned = true;
    await Promise.all(children.map((c) => c.stop()));
    if (admin) {
      if (!opt.keep) {
        await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``).catch((e) => console.error(`could not drop ${dbName}: ${e.message}`));
        log(`dropped database ${dbName}`);
      } else log(`kept database ${dbName} (--keep)`);
      await admin.end().catch(() => {});
    }
  }
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.once(sig, () => {
      console.error(`\n${sig}: stopping`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  try {
    const ports = only === 'both' ? [apiPort, basePort] : only === 'api' ? [apiPort] : [basePort];
    for (const p of ports) await assertPortFree(p);

    admin = await mysql.createConnection({ host: dbUrl.hostname.replace(/^\[|\]$/g, ''), port: Number(dbUrl.port || 3306), user: decodeURIComponent(dbUrl.username || 'root'), password: decodeURIComponent(dbUrl.password) });
    const [[{ v: mariadbVersion }]] = await admin.query('SELECT VERSION() AS v');
    const [[{ flush }]] = await admin.query('SELECT @@innodb_flush_log_at_trx_commit AS flush');

    // 1. a fresh database with reference data and the demo accounts, through the real CLI
    log(`preparing database ${dbName} (cli demo --orders 0)…`);
    await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    const t0 = Date.now();
    // DEMO_SCALE=0: newer CLIs also generate years of history orders in `demo`; the bench wants none
    await runToEnd('cli', [CLI_MAIN, 'demo', '--orders', '0'], { DATABASE_URL: dbUrl.href, REDIS_URL: opt['redis-url'], NODE_ENV: 'development', LOG_LEVEL: 'warn', DEMO_SCALE: '0' });
    const [[{ n: ordersBefore }]] = await admin.query(`SELECT COUNT(*) AS n FROM \`${dbName}\`.work_order`);
    log(`  database ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    // the baseline's copy tables: same columns and indexes, no foreign keys (CREATE TABLE … LIKE drops them)
    await admin.query(`USE \`${dbName}\``);
    for (const [copy, of] of [['bench_baseline_seq', 'order_number_seq'], ['bench_baseline_order', 'work_order'], ['bench_baseline_history', 'order_history']]) {
      await admin.query(`CREATE TABLE ${copy} LIKE ${of}`);
    }
    const [[{ fks }]] = await admin.query(
      "SELECT COUNT(*) AS fks FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME LIKE 'bench\\_baseline\\_%'", [dbName]);
    if (Number(fks)) die(`copy tables unexpectedly carry ${fks} foreign keys`);

    const result = {
      bench: 'intake',
      date: new Date().toISOString(),
      command: `node bench/intake/run.mjs ${process.argv.slice(2).join(' ')}`.trim(),
      machine: {
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        cpuCount: os.cpus().length,
        totalMemGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
        os: `${os.type()} ${os.release()} ${os.arch()}`,
        node: process.version,
        loadAvgAtStart: os.loadavg().map((x) => +x.toFixed(2)),
        mariadb: mariadbVersion,
        innodbFlushLogAtTrxCommit: Number(flush),
      },
      app: appState(),
      load: { connections, durationS: duration, warmupS: warmup, mix: opt.mix, pipelining: 1, tool: 'autocannon 8 (programmatic), same process as this script', target: 'POST /api/orders, a freshly varied valid body per request' },
      api: null,
      baseline: null,
      ratio: null,
      notes: [],
    };

    // 2. the real API
    let bodies = null;
    if (only !== 'baseline') {
      const probeDir = path.join(HERE, 'profiles', new Date().toISOString().replace(/[:.]/g, '-'));
      const preloads = [path.join(HERE, 'loopback.cjs'), ...(opt.profile ? [path.join(HERE, 'probe.cjs')] : []), ...opt['api-preload'].map((f) => path.resolve(f))];
      for (const f of preloads) if (!existsSync(f)) die(`--api-preload ${f}: no such file`);
      const nodeArgs = [...preloads.flatMap((f) => ['-r', f]), API_MAIN];
      if (opt['api-preload'].length) result.notes.push(`API started with experiment preloads: ${opt['api-preload'].join(', ')} (not the app as shipped)`);
      const api = startChild('api', nodeArgs, {
        DATABASE_URL: dbUrl.href,
        REDIS_URL: opt['redis-url'],
        PORT: String(apiPort),
        NODE_ENV: 'production',
        JWT_SECRET: `bench-${randomBytes(18).toString('hex')}`,
        LOG_LEVEL: 'warn',
        QUEUE_PREFIX: 'bench',
        // no static web app: results must not depend on whether the web build is present
        WEB_DIST: path.join(HERE, 'no-web'),
        ...(opt.profile ? { BENCH_PROBE_DIR: probeDir } : {}),
      }, { ipc: opt.profile });
      children.push(api);
      const base = `http://127.0.0.1:${apiPort}`;
      await waitHealthy(api, `${base}/api/health`);
      const token = await login(base);
      bodies = await bodyFactory(base, token);
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
      await smokeTest(`${base}${ORDERS_PATH}`, headers, bodies);

      const before = await dbStatus(admin);
      result.api = await measure(autocannon, 'api', base, headers, bodies, { duration, warmup, connections }, {
        pid: api.pid,
        admin,
        dbName,
        beforeMeasure: opt.profile ? () => api.send({ probe: 'start' }) : null,
      });
      result.api.rowsInserted = (await settledCount(admin, 'work_order')) - Number(ordersBefore);
      result.api.mariadb = diffStatus(before, await dbStatus(admin), result.api.created);
      if (opt.profile) {
        api.send({ probe: 'stop' });
        const report = await waitFile(path.join(probeDir, 'probe.json'), 30_000);
        result.api.profile = { dir: path.relative(ROOT, probeDir), ...JSON.parse(readFileSync(report, 'utf8')) };
        result.notes.push('API measured with --profile: the CPU profiler and SQL probe were on during the measured run, so its numbers are lower than without them.');
      }
      await api.stop();
    }

    // 3. the baseline: bare Fastify 5 + mysql2 pool, same statements, copy tables
    if (only !== 'api') {
      const baseline = startChild('baseline', [fileURLToPath(import.meta.url), '--serve-baseline'], {
        BENCH_DB_URL: dbUrl.href,
        BENCH_PORT: String(basePort),
      });
      children.push(baseline);
      const base = `http://127.0.0.1:${basePort}`;
      await waitHealthy(baseline, `${base}/health`);
      bodies ??= await bodyFactoryFromDb(admin);
      const headers = { 'content-type': 'application/json' };
      await smokeTest(`${base}${ORDERS_PATH}`, headers, bodies);
      const before = await dbStatus(admin);
      result.baseline = await measure(autocannon, 'baseline', base, headers, bodies, { duration, warmup, connections }, { pid: baseline.pid, admin, dbName });
      result.baseline.rowsInserted = await settledCount(admin, 'bench_baseline_order');
      result.baseline.mariadb = diffStatus(before, await dbStatus(admin), result.baseline.created);
      await baseline.stop();
    }

    if (result.api && result.baseline) result.ratio = +(result.api.rps / result.baseline.rps).toFixed(3);
    for (const side of ['api', 'baseline']) {
      const r = result[side];
      if (r?.disturbed) result.notes.push(`${side}: DISTURBED — other processes used ${r.cpuCoresUsed.otherProcesses} cores during the measured run (other MariaDB sessions ${r.otherDbSessions}; req/s per attempt: ${r.attempts.map((x) => `${x.rps} with ${x.otherProcesses} other cores, ${x.otherDbSessions} other DB sessions`).join('; ')}; biggest others in the last: ${r.topOtherProcesses.map((x) => `${x.cores} ${x.cmd.slice(0, 60)}`).join(' | ') || 'none identified'}); do not quote this run`);
      if (r && (r.errors || r.non2xx || r.timeouts)) result.notes.push(`${side}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx (status codes ${JSON.stringify(r.statusCodes)})`);
      // rows may exceed the 201s counted: requests in flight when autocannon stops still commit
      if (r && (r.rowsInserted < r.created || r.rowsInserted > r.created + 2 * connections * r.attempts.length)) {
        result.notes.push(`${side}: ${r.created} responses were 201 but ${r.rowsInserted} rows are in the table`);
      }
    }

    printSummary(result);
    const outFile = opt.out ? path.resolve(opt.out) : path.join(HERE, 'results', `intake-${result.date.replace(/[:.]/g, '-')}.json`);
    mkdirSync(path.dirname(outFile), { recursive: true });
    writeFileSync(outFile, JSON.stringify(result, null, 2) + '\n');
    if (!opt.out) writeFileSync(path.join(HERE, 'results', 'latest.json'), JSON.stringify(result, null, 2) + '\n');
    log(`result written to ${path.relative(process.cwd(), outFile)}`);
  } catch (e) {
    console.error(`\n✗ ${e instanceof Error ? e.message : e}`);
    process.exitCode = 1;
  } finally {
    await cleanup();
    clearTimeout(watchdog);
  }
}

/** Warm-up (discarded), then the measured run; every request gets a freshly generated body. */
async function measure(autocannon, label, baseUrl, headers, bodies, { duration, warmup, connections }, hooks) {
  const run = (seconds) =>
    new Promise((resolve, reject) => {
      autocannon(
        {
          url: baseUrl,
          connections,
          pipelining: 1,
          duration: seconds,
          timeout: 10,
          requests: [{ method: 'POST', path: ORDERS_PATH, headers, setupRequest: (req) => ({ ...req, body: JSON.stringify(bodies.next()) }) }],
        },
        (err, res) => (err ? reject(err) : resolve(res)),
      );
    });
  // On a shared machine other people's builds and tests steal CPU: a run during which other processes used
  // more than --max-other cores is measured again (up to --max-attempts), and flagged if it stays disturbed.
  const maxAttempts = hooks.beforeMeasure ? 1 : int(opt['max-attempts'], 'max-attempts', 1, 10);
  const maxOther = Number(opt['max-other']);
  let created = 1; // the smoke-test request
  const attempts = [];
  for (let attempt = 1; ; attempt++) {
    const idleBusy = await waitQuiet(int(opt['quiet-wait'], 'quiet-wait', 0, 600));
    if (idleBusy != null && idleBusy >= 0.25 * os.cpus().length) log(`  still busy (${idleBusy} cores in use); measuring anyway — see cpuCoresUsed.otherProcesses`);
    if (warmup > 0) {
      log(`${label}: warm-up ${warmup} s…`);
      created += (await run(warmup))['2xx'];
    }
    hooks.beforeMeasure?.();
    log(`${label}: measuring ${duration} s with ${connections} connections…`);
    const pids = { server: hooks.pid, mariadbd: findPid('mariadbd') ?? findPid('mysqld'), loadgen: process.pid };
    const cpu0 = cpuTicks(pids);
    const all0 = allProcessTicks();
    const sys0 = systemBusyTicks();
    const t0 = Date.now();
    const dbOthers = sampleOtherDbSessions(hooks.admin, hooks.dbName);
    const r = await run(duration);
    const otherDbSessions = await dbOthers.stop();
    const cpu1 = cpuTicks(pids);
    const sys1 = systemBusyTicks();
    const all1 = allProcessTicks();
    created += r['2xx'];
    const wallS = (Date.now() - t0) / 1000;
    const cpuCoresUsed = Object.fromEntries(Object.keys(pids).map((k) => [k, cpu0[k] == null || cpu1[k] == null ? null : +((cpu1[k] - cpu0[k]) / CLK_TCK / wallS).toFixed(2)]));
    if (sys0 != null && sys1 != null) {
      cpuCoresUsed.wholeMachine = +((sys1 - sys0) / CLK_TCK / wallS).toFixed(2);
      // anything else running on the machine meanwhile (other builds and tests skew the numbers)
      cpuCoresUsed.otherProcesses = +Math.max(0, cpuCoresUsed.wholeMachine - (cpuCoresUsed.server ?? 0) - (cpuCoresUsed.mariadbd ?? 0) - (cpuCoresUsed.loadgen ?? 0)).toFixed(2);
    }
    const other = cpuCoresUsed.otherProcesses;
    const ours = new Set(Object.values(pids));
    const topOthers = [...all1.entries()]
      .filter(([pid]) => !ours.has(pid))
      .map(([pid, p]) => ({ pid, cores: +((p.ticks - (all0.get(pid)?.ticks ?? 0)) / CLK_TCK / wallS).toFixed(2), cmd: p.cmd }))
      .filter((p) => p.cores >= 0.05)
      .sort((a, b) => b.cores - a.cores)
      .slice(0, 5);
    attempts.push({ rps: r.requests.average, otherProcesses: other ?? null, otherDbSessions, topOthers });
    // other clients of the shared MariaDB (other people's integration tests) slow it down without showing
    // up as other processes' CPU: more than half an active foreign session on average counts as disturbed
    const disturbed = (other != null && other > maxOther) || (otherDbSessions != null && otherDbSessions > 0.5);
    if (disturbed && attempt < maxAttempts) {
      log(`${label}: disturbed (other processes ${other} cores, limit ${maxOther}; other active MariaDB sessions ${otherDbSessions}, limit 0.5); measuring again (${attempt + 1}/${maxAttempts})`);
      continue;
    }
    return {
      rps: r.requests.average,
      rpsStddev: r.requests.stddev,
      totalRequests: r.requests.total,
      created, // 201s over smoke test, warm-ups and runs (rowsInserted is compared with it)
      latencyMs: { avg: r.latency.average, p50: r.latency.p50, p90: r.latency.p90, p97_5: r.latency.p97_5, p99: r.latency.p99, max: r.latency.max },
      throughputKiBps: +(r.throughput.average / 1024).toFixed(1),
      errors: r.errors,
      timeouts: r.timeouts,
      non2xx: r.non2xx,
      statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count])),
      measuredS: r.duration,
      cpuCoresUsed, // during the measured run, from /proc/<pid>/stat (loadgen = this script with autocannon)
      topOtherProcesses: topOthers, // the biggest other CPU users meanwhile (processes that started during the run count in full)
      otherDbSessions, // average number of active MariaDB sessions on other databases during the run
      disturbed,
      attempts,
    };
  }
}

// ---------------------------------------------------------------- request bodies

const NAMES = ['张先生', '李女士', '王先生', '刘女士', '陈先生', '杨女士', '赵先生', '黄女士', '周先生', '吴女士', null];
const STREETS = ['海州区通灌北路', '连云区中山路', '赣榆区青口镇黄海路', '东海县牛山街道和平路', '灌云县伊山镇人民路', '灌南县新安镇长江路', '海州区朝阳东路', '开发区花果山大道'];
const ISSUES = [
  '小区门口道路破损，雨天积水严重，影响居民出行，希望尽快维修。',
  '夜间施工噪音扰民，已持续一周，晚上十一点以后仍在作业。',
  '反映所在小区物业费收取不透明，要求公开收支明细。',
  '路边餐饮店油烟直排，楼上住户窗户无法打开。',
  '公交站台广告牌松动，大风天气存在安全隐患。',
  '咨询新生儿落户需要准备哪些材料，在哪里办理。',
  '建议在学校门口增设人行横道和减速带。',
  '小区地下车库照明损坏多日无人维修。',
];

/** Valid, varied bodies built from the API's own reference endpoints. */
async function bodyFactory(base, token) {
  const get = async (p) => {
    const res = await fetch(`${base}/api/${p}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`GET /api/${p} → ${res.status} ${await res.text()}`);
    return res.json();
  };
  const [categories, regions, channels, appealTypes] = await Promise.all([get('categories'), get('regions'), get('channels'), get('appeal-types')]);
  const leaves = [];
  const walk = (nodes) => nodes.forEach((n) => (n.children?.length ? walk(n.children) : leaves.push(n.id)));
  walk(categories);
  return makeBodies({ leaves, regions: regions.map((r) => r.id), channels: channels.map((c) => c.code), appealTypes: appealTypes.map((t) => t.code) });
}

async function bodyFactoryFromDb(admin) {
  const [leaves] = await admin.query('SELECT c.id FROM category c WHERE c.active = 1 AND NOT EXISTS (SELECT 1 FROM category k WHERE k.parent_id = c.id)');
  const [regions] = await admin.query('SELECT id FROM region');
  const [channels] = await admin.query('SELECT code FROM channel');
  const [types] = await admin.query('SELECT code FROM appeal_type');
  return makeBodies({ leaves: leaves.map((r) => r.id), regions: regions.map((r) => r.id), channels: channels.map((r) => r.code), appealTypes: types.map((r) => r.code) });
}

/** Of a hotline's day (the 2020 report): two thirds by phone and a third from collectors; about half consultations. */
const HOTLINE_MIX = {
  channel: [['phone', 0.6], ['patrol', 0.25], ['wechat', 0.05], ['web', 0.04], ['video', 0.06]],
  appealType: [['consult', 0.47], ['complaint', 0.25], ['help', 0.18], ['report', 0.05], ['suggestion', 0.05]],
};

function makeBodies(ref) {
  for (const [k, v] of Object.entries(ref)) if (!v.length) throw new Error(`no ${k} in the reference data`);
  const uniform = (a) => a[Math.floor(Math.random() * a.length)];
  const weighted = (w) => {
    let r = Math.random();
    for (const [v, p] of w) if ((r -= p) < 0) return v;
    return w[w.length - 1][0];
  };
  const mix = opt.mix === 'hotline';
  let n = 0;
  return {
    ref,
    next() {
      n += 1;
      const name = uniform(NAMES);
      return {
        channel: mix ? weighted(HOTLINE_MIX.channel) : uniform(ref.channels),
        appealType: mix ? weighted(HOTLINE_MIX.appealType) : uniform(ref.appealTypes),
        categoryId: uniform(ref.leaves),
        regionId: uniform(ref.regions),
        caller: { ...(name ? { name } : {}), phone: `1${uniform(['38', '39', '50', '58', '77', '86'])}${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, confidential: n % 17 === 0 },
        address: `${uniform(STREETS)}${1 + (n % 300)}号`,
        content: `${uniform(ISSUES)}（压测工单 ${n}）`,
        topics: [],
        urgent: n % 23 === 0,
      };
    },
  };
}

async function smokeTest(url, headers, bodies) {
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(bodies.next()) });
  if (res.status !== 201) throw new Error(`smoke test POST ${url} → ${res.status}: ${(await res.text()).slice(0, 500)}`);
}

async function login(base) {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'agent', password: 'Demo@12345' }) });
  if (!res.ok) throw new Error(`login as agent → ${res.status}: ${await res.text()}`);
  return (await res.json()).accessToken;
}

// ---------------------------------------------------------------- MariaDB counters

/** Row count once the requests still in flight when autocannon stopped have finished (stable for 0.5 s). */
async function settledCount(admin, table) {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const [[{ n }]] = await admin.query(`SELECT COUNT(*) AS n FROM ${table}`);
    if (Number(n) === last) return last;
    last = Number(n);
    await sleep(500);
  }
  return last;
}

const STATUS_VARS = ['Questions', 'Com_commit', 'Com_insert', 'Com_select', 'Innodb_row_lock_waits', 'Innodb_row_lock_time', 'Innodb_data_fsyncs', 'Innodb_os_log_fsyncs'];
async function dbStatus(admin) {
  const [rows] = await admin.query(`SHOW GLOBAL STATUS WHERE Variable_name IN (${STATUS_VARS.map(() => '?').join(',')})`, STATUS_VARS);
  return Object.fromEntries(rows.map((r) => [r.Variable_name, Number(r.Value)]));
}
/** Server-wide deltas over warm-up + run (other clients of the server would show up here too). */
function diffStatus(a, b, created) {
  const d = Object.fromEntries(STATUS_VARS.map((k) => [k, (b[k] ?? 0) - (a[k] ?? 0)]));
  return {
    ...d,
    note: 'server-wide deltas over warm-up and measured run',
    statementsPerOrder: +(d.Questions / Math.max(1, created)).toFixed(1),
    rowLockWaitsPerOrder: +(d.Innodb_row_lock_waits / Math.max(1, created)).toFixed(3),
    avgRowLockWaitMs: d.Innodb_row_lock_waits ? +(d.Innodb_row_lock_time / d.Innodb_row_lock_waits).toFixed(2) : 0,
  };
}

// ---------------------------------------------------------------- children

function startChild(name, args, env, { ipc = false } = {}) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', ...(ipc ? ['ipc'] : [])] });
  const tail = [];
  const keep = (prefix) => (chunk) => {
    for (const line of String(chunk).split('\n')) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > 40) tail.shift();
      if (prefix === 'err' || /"level":(40|50|60)/.test(line)) process.stderr.write(`  [${name}] ${line.slice(0, 400)}\n`);
    }
  };
  child.stdout.on('data', keep('out'));
  child.stderr.on('data', keep('err'));
  let exited = null;
  const exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve((exited = { code, signal }))));
  return {
    name,
    tail,
    pid: child.pid,
    exited: () => exited,
    send: (m) => child.send(m),
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 8000);
      await exit;
      clearTimeout(t);
    },
  };
}

function runToEnd(name, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    const t = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.once('exit', (code) => {
      clearTimeout(t);
      if (code === 0) resolve(out);
      else reject(new Error(`${name} exited with ${code}:\n${out.slice(-3000)}`));
    });
  });
}

async function waitHealthy(child, url, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exited()) throw new Error(`${child.name} exited during start-up (${JSON.stringify(child.exited())}):\n${child.tail.join('\n')}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(200);
  }
  throw new Error(`${child.name} not healthy at ${url} after ${timeoutMs / 1000} s:\n${child.tail.join('\n')}`);
}

/** What was measured: the build's fingerprint and the git state it was (presumably) built from. */
function appState() {
  const git = (...a) => {
    try {
      return execFileSync('git', a, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const status = git('status', '--porcelain', '--', 'apps', 'libs');
  return {
    gitHead: git('rev-parse', '--short', 'HEAD'),
    uncommittedAppChanges: status == null ? null : status.split('\n').filter(Boolean).length,
    distApi: { sha256: createHash('sha256').update(readFileSync(API_MAIN)).digest('hex').slice(0, 16), builtAt: statSync(API_MAIN).mtime.toISOString() },
  };
}

// ---------------------------------------------------------------- CPU accounting (Linux /proc)

function cpuTicks(pids) {
  return Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, ticksOf(pid)]));
}

/** Waits (bounded) until the rest of the machine is quiet, so other builds or tests do not skew the run. */
async function waitQuiet(maxWaitS) {
  const cores = os.cpus().length;
  const end = Date.now() + maxWaitS * 1000;
  let busy = 0;
  for (;;) {
    const a = systemBusyTicks();
    await sleep(2000);
    const b = systemBusyTicks();
    if (a == null || b == null) return null;
    busy = (b - a) / CLK_TCK / 2;
    if (busy < 0.25 * cores || Date.now() > end) return +busy.toFixed(2);
    log(`machine busy (${busy.toFixed(2)} of ${cores} cores in use by other processes); waiting for it to settle…`);
  }
}

function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', () => reject(new Error(`port ${port} is in use; pick another with --api-port / --baseline-port`)));
    srv.listen(port, '0.0.0.0', () => srv.close(resolve));
  });
}

async function waitFile(file, timeoutMs) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (existsSync(file)) return file;
    await sleep(200);
  }
  throw new Error(`${file} did not appear within ${timeoutMs / 1000} s`);
}

// ---------------------------------------------------------------- output

function printSummary(r) {
  const row = (label, x) =>
    x
      ? `  ${label.padEnd(9)} ${x.rps.toFixed(0).padStart(7)} req/s   p50 ${fmt(x.latencyMs.p50)}  p97.5 ${fmt(x.latencyMs.p97_5)}  p99 ${fmt(x.latencyMs.p99)}   errors ${x.errors}  timeouts ${x.timeouts}  non-2xx ${x.non2xx}   ${x.mariadb.statementsPerOrder} statements/order, ${x.mariadb.rowLockWaitsPerOrder} row-lock waits/order\n            cores busy: server ${x.cpuCoresUsed.server}, mariadbd ${x.cpuCoresUsed.mariadbd}, autocannon ${x.cpuCoresUsed.loadgen}, other processes ${x.cpuCoresUsed.otherProcesses}; other MariaDB sessions active ${x.otherDbSessions ?? '–'}${x.disturbed ? '  ⚠ DISTURBED' : ''}`
      : `  ${label.padEnd(9)} (not run)`;
  console.log(`
Intake benchmark — ${r.date}
  app       git ${r.app.gitHead}${r.app.uncommittedAppChanges ? ` + ${r.app.uncommittedAppChanges} uncommitted paths under apps/ libs/` : ''}, dist/apps/api/main.js ${r.app.distApi.sha256} built ${r.app.distApi.builtAt}
  machine   ${r.machine.cpuCount} × ${r.machine.cpuModel}, ${r.machine.totalMemGiB} GiB, ${r.machine.os}, Node ${r.machine.node}, MariaDB ${r.machine.mariadb}
  load      ${r.load.connections} connections, ${r.load.durationS} s after ${r.load.warmupS} s warm-up, ${r.load.mix ?? 'uniform'} mix
${row('api', r.api)}
${row('baseline', r.baseline)}
  ratio     ${r.ratio ?? '–'} (api / baseline req/s; target ≥ 0.5)${r.notes.length ? `\n  notes\n${r.notes.map((n) => `    - ${n}`).join('\n')}` : ''}
`);
  if (r.api?.profile) console.log(`  profile   ${r.api.profile.dir} (see probe.json / summary in the result file)\n`);
}

const fmt = (ms) => `${String(ms).padStart(4)} ms`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (m) => console.log(`› ${m}`);
function die(msg) {
  console.error(`✗ ${msg}`);
  process.exit(2);
}
function int(v, name, min, max) {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) die(`--${name} must be an integer in ${min}..${max}`);
  return n;
}

// ======================================================================= baseline server (child process)

/**
 * What intake costs without a framework: Fastify's own JSON-schema body check, the same in-memory
 * reference checks, then one READ COMMITTED transaction with the same statements the API sends —
 * counter bump, SELECT LAST_INSERT_ID(), order INSERT, history INSERT — against copy tables.
 * No auth, and the response is {id, number, status} (the API also reads the order back for its reply).
 */
async function serveBaseline() {
  const { default: Fastify } = await import('fastify');
  const mysql = await import('mysql2/promise');
  const u = new URL(process.env.BENCH_DB_URL);
  const pool = mysql.createPool({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
    database: u.pathname.slice(1),
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    connectionLimit: 20, // the app's default (DATABASE_URL ?connectionLimit=, data-source-options.ts)
  });
  const col = async (sql) => (await pool.query(sql))[0].map((r) => Object.values(r)[0]);
  const channels = new Set(await col('SELECT code FROM channel'));
  const appealTypes = new Set(await col('SELECT code FROM appeal_type'));
  const categories = new Set(await col('SELECT id FROM category WHERE active = 1'));
  const regions = new Set(await col('SELECT id FROM region'));
  const [[platform]] = await pool.query("SELECT id FROM platform ORDER BY code = 'city' DESC, id LIMIT 1");
  const [[actor]] = await pool.query("SELECT id, display_name AS name, role, unit_id AS unitId FROM app_user WHERE username = 'agent'");

  const str = (max, min = 0) => ({ type: 'string', minLength: min, maxLength: max });
  const bodySchema = {
    type: 'object',
    additionalProperties: false,
    required: ['channel', 'appealType', 'categoryId', 'caller', 'content'],
    properties: {
      channel: str(32, 1),
      appealType: str(32, 1),
      categoryId: { type: 'integer', minimum: 1 },
      regionId: { type: 'integer', minimum: 1 },
      platformId: { type: 'integer', minimum: 1 },
      caller: {
        type: 'object',
        additionalProperties: false,
        properties: { name: str(64), phone: { type: 'string', pattern: '^[0-9+\\-() ]{3,32}$' }, confidential: { type: 'boolean' } },
      },
      address: str(255),
      content: str(5000, 1),
      topics: { type: 'array', maxItems: 10, uniqueItems: true, items: { type: 'string' } },
      urgent: { type: 'boolean' },
    },
  };

  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  app.get('/health', async () => ({ status: 'ok' }));
  app.post(ORDERS_PATH, { schema: { body: bodySchema } }, async (req, reply) => {
    const b = req.body;
    if (!channels.has(b.channel) || !appealTypes.has(b.appealType) || !categories.has(b.categoryId) || (b.regionId != null && !regions.has(b.regionId))) {
      return reply.code(422).send({ code: 'UNKNOWN_REFERENCE' });
    }
    if (b.topics?.length) return reply.code(422).send({ code: 'UNKNOWN_REFERENCE', field: 'topics' });
    const now = new Date();
    const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
    const conn = await pool.getConnection();
    try {
      await conn.query('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
      await conn.query('START TRANSACTION');
      await conn.query('INSERT INTO bench_baseline_seq (day, last) VALUES (?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)', [day]);
      const [[{ seq }]] = await conn.query('SELECT LAST_INSERT_ID() AS seq');
      const number = `${day}${String(seq).padStart(6, '0')}`;
      const [res] = await conn.query(
        `INSERT INTO bench_baseline_order (number, status, version, platform_id, channel_code, appeal_type_code, category_id, region_id,
           caller_name, caller_phone, caller_confidential, address, content, urgent, created_by, created_at, updated_at)
         VALUES (?, 'registered', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [number, platform.id, b.channel, b.appealType, b.categoryId, b.regionId ?? null, b.caller.name ?? null, b.caller.phone ?? null,
          b.caller.confidential ? 1 : 0, b.address ?? null, b.content, b.urgent ? 1 : 0, actor.id, now, now],
      );
      await conn.query(
        `INSERT INTO bench_baseline_history (order_id, action, from_status, to_status, actor_id, actor_name, actor_role, actor_unit_id, comment, data, created_at)
         VALUES (?, 'create', NULL, 'registered', ?, ?, ?, ?, NULL, ?, ?)`,
        [res.insertId, actor.id, actor.name, actor.role, actor.unitId, JSON.stringify({ channel: b.channel, appealType: b.appealType }), now],
      );
      await conn.query('COMMIT');
      return reply.code(201).send({ id: res.insertId, number, status: 'registered' });
    } catch (e) {
      await conn.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      conn.release();
    }
  });
  const port = Number(process.env.BENCH_PORT);
  await app.listen({ host: '127.0.0.1', port });
  const stop = async () => {
    await app.close();
    await pool.end();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

// ======================================================================= entry point

if (opt['serve-baseline']) {
  await serveBaseline();
} else if (opt.help) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 8).join('\n').replace(/^\/\/ ?/gm, ''));
} else {
  await orchestrate();
}
