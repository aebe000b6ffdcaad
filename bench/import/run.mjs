#!/usr/bin/env node
// Import benchmark: a legacy export of N orders (default 1,000,000; 1% of them with row errors) written as CSV,
// imported by the real CLI (`cli import FILE`, the code behind `npm run import`) into a throw-away database,
// then imported again (idempotent: must insert nothing). Reports rows/s and the importer's peak RSS.
//
//   node bench/import/run.mjs [--rows 1000000] [--bad 0.01] [--mix uniform|hotline] [--check] [--profile] [--keep] [--keep-file]
//
// --mix uniform (the default, the worst case for the summary tables): every channel, type, category, region and
// unit equally likely, so nearly every order has summary cells of its own. --mix hotline: the shares a 12345 export
// has (the seed report's): two thirds public channels, mostly the phone, a third from collectors; 47% consultations;
// categories and units by a Zipf law (a few dozen categories take most orders); regions by the seed's table 1.
//
// Uses dist/apps/cli (built first when missing) and hotline_bench_import (BENCH_IMPORT_DATABASE_URL), dropped
// afterwards unless --keep. --check runs `cli stats-check` after the first import (every summary cell against a
// recount from the orders); --profile writes a CPU profile of the first import (.cpuprofile) into results/.
// The machine is shared: each import records the CPU the importer, mariadbd and every other process used
// meanwhile (cpuCoresUsed, from /proc) and how many sessions of other databases were busy in MariaDB.
// BENCH_IMPORT_NODE_FLAGS adds node flags to the importer (experiments).
// Results: bench/import/results/latest.json (and import-<date>.json; the runs quoted are kept as reference-*.json).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import mysql from 'mysql2/promise';
import { allProcessTicks, CLK_TCK, findPid, sampleOtherDbSessions, systemBusyTicks, ticksOf } from '../lib/machine.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const CLI = path.join(ROOT, 'dist/apps/cli/main.js');
const { values: opt } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    bad: { type: 'string', default: '0.01' },
    keep: { type: 'boolean', default: false },
    'keep-file': { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    mix: { type: 'string', default: 'uniform' },
  },
});
if (!['uniform', 'hotline'].includes(opt.mix)) throw new Error(`--mix is uniform or hotline, not ${opt.mix}`);
const ROWS = Number(opt.rows);
const DB_URL = process.env.BENCH_IMPORT_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/hotline_bench_import';
const env = { ...process.env, DATABASE_URL: DB_URL, LOG_LEVEL: 'warn', NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const log = (s) => process.stderr.write(`${s}\n`);

function cli(args) {
  const r = spawnSync(process.execPath, [CLI, ...args], { env, cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/**
 * `cli import …` under /usr/bin/time (peak RSS), with the same heap cap as `npm run import` (scripts/cli.mjs),
 * while sampling the CPU of the importer, of mariadbd and of the whole machine.
 */
async function importRun(args, { profile = false, admin, dbName } = {}) {
  const node = ['--max-old-space-size=320', ...(process.env.BENCH_IMPORT_NODE_FLAGS ?? '').split(' ').filter(Boolean)];
  if (profile) node.push('--cpu-prof', `--cpu-prof-dir=${path.join(HERE, 'results')}`, '--cpu-prof-name=profile-latest.cpuprofile');
  const child = spawn('/usr/bin/time', ['-f', '%M %e', process.execPath, ...node, CLI, ...args], { env, cwd: ROOT });
  let out = '';
  let err = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (err += c));
  const mariadb = findPid('mariadbd');
  const t0 = { machine: systemBusyTicks(), mariadb: ticksOf(mariadb), others: allProcessTicks() };
  let importer = null;
  let importerTicks = 0;
  const sampler = setInterval(() => {
    importer ??= childOf(child.pid);
    const t = ticksOf(importer);
    if (t != null) importerTicks = t;
  }, 250);
  const dbSessions = sampleOtherDbSessions(admin, dbName);
  const t0ms = Date.now();
  const code = await new Promise((res) => child.on('close', res));
  clearInterval(sampler);
  const secs = (Date.now() - t0ms) / 1000;
  const others = allProcessTicks();
  const machine = (systemBusyTicks() - t0.machine) / CLK_TCK / secs;
  const mariadbd = ((ticksOf(mariadb) ?? 0) - (t0.mariadb ?? 0)) / CLK_TCK / secs;
  const imp = importerTicks / CLK_TCK / secs; // the importer started after t0: all its ticks are this run's
  const cpuCoresUsed = { importer: +imp.toFixed(2), mariadbd: +mariadbd.toFixed(2), wholeMachine: +machine.toFixed(2), otherProcesses: +Math.max(0, machine - imp - mariadbd).toFixed(2) };
  const topOtherProcesses = [...others.entries()]
    .filter(([pid]) => pid !== mariadb && pid !== importer && pid !== process.pid && pid !== child.pid)
    .map(([pid, x]) => ({ cores: +((x.ticks - (t0.others.get(pid)?.ticks ?? 0)) / CLK_TCK / secs).toFixed(2), cmd: x.cmd.slice(0, 80) }))
    .filter((x) => x.cores >= 0.02)
    .sort((a, b) => b.cores - a.cores)
    .slice(0, 6);
  if (code !== 0) throw new Error(`cli ${args.join(' ')} failed:\n${out}\n${err}`);
  const [kb, wall] = err.trim().split('\n').pop().split(' ').map(Number);
  return { out, maxRssMb: Math.round(kb / 1024), wallS: wall, cpuCoresUsed, topOtherProcesses, otherDbSessions: await dbSessions.stop(), loadAvg: os.loadavg().map((x) => +x.toFixed(2)) };
}

/** A deterministic PRNG, so every run writes the same file. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks from `xs` with the given weights (by name, or a function of the position), deterministic given rnd. */
function weighted(rnd, xs, weightOf) {
  const w = xs.map((x, i) => weightOf(x, i));
  const total = w.reduce((a, b) => a + b, 0);
  const cum = [];
  let acc = 0;
  for (const x of w) cum.push((acc += x / total));
  return () => {
    const r = rnd();
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return xs[lo];
  };
}

/** The pickers of one mix (see the header). */
function pickers(rnd, names) {
  const pick = (xs) => () => xs[Math.floor(rnd() * xs.length)];
  if (opt.mix === 'uniform') {
    return { channel: pick(names.channels), type: pick(names.types), category: pick(names.categories), region: pick(names.regions), unit: pick(names.units) };
  }
  const CHANNEL = { 电话: 0.5, 网站: 0.03, 微信: 0.06, APP: 0.03, 短信: 0.01, 邮件: 0.005, 领导信箱: 0.01, 省平台转办: 0.015, 好差评: 0.005, '国务院互联网+督查': 0.0005, 路面巡查: 0.22, 视频监控: 0.115 };
  const TYPE = { 咨询: 0.47, 求助: 0.16, 投诉: 0.25, 举报: 0.05, 建议: 0.04, 其他: 0.03 };
  const REGION = { 海州区: 39.3, 赣榆区: 11.8, 东海县: 9.2, 灌南县: 9.2, 连云区: 6.8, 开发区: 6.7, 灌云县: 4.3, 徐圩新区: 1.5, 云台山景区: 0.6 };
  // a fixed shuffle, so the Zipf law does not follow the reference data's order
  const shuffled = (xs) => {
    const r = prng(11);
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  const zipf = (_, i) => 1 / (i + 1);
  return {
    channel: weighted(rnd, names.channels, (n) => CHANNEL[n] ?? 0.005),
    type: weighted(rnd, names.types, (n) => TYPE[n] ?? 0.01),
    category: weighted(rnd, shuffled(names.categories), zipf),
    region: weighted(rnd, names.regions, (n) => REGION[n] ?? 0.5),
    unit: weighted(rnd, shuffled(names.units), zipf),
  };
}

async function writeCsv(file, names) {
  const rnd = prng(7);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const by = pickers(rnd, names);
  const out = createWriteStream(file);
  const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  const q = (s) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const fmt = (ms) => new Date(ms + 8 * 3600e3).toISOString().slice(0, 19).replace('T', ' ');
  await write('\ufeff工单编号,受理平台,受理时间,来源渠道,诉求类型,诉求分类,所属区域,专题,来电号码,诉求内容,处理方式,承办单位,派单时间,办理时限,办结时间,回访时间,满意度,是否解决\r\n');
  const start = Date.UTC(2019, 0, 1) - 8 * 3600e3;
  const bad = Number(opt.bad);
  for (let i = 0; i < ROWS; i++) {
    const at = start + Math.floor((i / ROWS) * 365 * 86400e3) + Math.floor(rnd() * 60e3);
    const direct = rnd() < 0.5;
    const finished = rnd() < 0.97;
    const called = !direct && finished && rnd() < 0.05;
    const row = [
      `L${String(i + 1).padStart(10, '0')}`,
      rnd() < 0.7 ? '市级' : by.region(),
      fmt(at),
      by.channel(),
      by.type(),
      by.category(),
      rnd() < 0.1 ? '' : by.region(),
      rnd() < 0.1 ? pick(names.topics) : '',
      `1${3 + Math.floor(rnd() * 6)}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`,
      `历史工单内容 ${i}：小区门口道路破损，雨天积水，行人通行不便，请尽快维修。`,
      direct ? '直接办结' : '派单',
      direct ? '' : by.unit(),
      direct ? '' : fmt(at + 600e3),
      direct ? '' : fmt(at + 5 * 86400e3),
      finished ? fmt(at + (direct ? 300e3 : 2 * 86400e3)) : '',
      called ? fmt(at + 3 * 86400e3) : '',
      called ? pick(['非常满意', '满意', '基本满意', '不满意']) : '',
      called ? pick(['是', '否']) : '',
    ];
    if (rnd() < bad) row[3 + Math.floor(rnd() * 3)] = '未知的值'; // an unknown channel, type or category
    await write(`${row.map(q).join(',')}\r\n`);
  }
  await new Promise((r) => out.end(r));
}

async function main() {
  if (!existsSync(CLI)) {
    log('› building the cli…');
    const b = spawnSync('npx', ['nx', 'run', 'cli:build', '--outputStyle=static'], { stdio: 'inherit', env, cwd: ROOT });
    if (b.status !== 0) process.exit(1);
  }
  const app = appInfo(); // what is measured, taken before the run (the tree may move meanwhile)
  const u = new URL(DB_URL);
  const server = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username || 'root'), password: decodeURIComponent(u.password) });
  const db = u.pathname.slice(1);
  await server.query(`DROP DATABASE IF EXISTS \`${db}\``);
  log('› migrating and seeding the reference data…');
  cli(['seed']);
  await server.query(`USE \`${db}\``);
  const col = async (sql) => (await server.query(sql))[0].map((r) => Object.values(r)[0]);
  const names = {
    regions: await col("SELECT name FROM region WHERE code <> 'city'"),
    channels: await col('SELECT name FROM channel'),
    types: await col("SELECT name FROM appeal_type WHERE code NOT IN ('praise', 'thanks')"),
    categories: await col('SELECT path FROM category WHERE active = 1'),
    topics: await col('SELECT name FROM topic'),
    units: await col("SELECT name FROM unit WHERE kind <> 'town' AND active = 1"),
  };
  const dir = path.join(os.tmpdir(), 'hotline-bench-import');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `orders-${ROWS}${opt.mix === 'uniform' ? '' : `-${opt.mix}`}.csv`);
  log(`› writing ${ROWS} rows to ${file}…`);
  let t = Date.now();
  await writeCsv(file, names);
  const bytes = statSync(file).size;
  log(`  ${(bytes / 1e6).toFixed(0)} MB in ${((Date.now() - t) / 1000).toFixed(0)} s`);

  const loadBefore = os.loadavg().map((x) => +x.toFixed(2));
  log(`› importing… (load average ${loadBefore.join(' ')})`);
  const first = await importRun(['import', file, '--kind', 'orders'], { profile: opt.profile, admin: server, dbName: db });
  log(first.out.trim().split('\n').slice(-3).join('\n'));
  log(`  cores: ${JSON.stringify(first.cpuCoresUsed)}`);
  let check = null;
  if (opt.check) {
    log('› checking every summary cell against a recount from the orders…');
    t = Date.now();
    const out = cli(['stats-check']);
    check = { ok: /summary tables match the orders/.test(out), seconds: Math.round((Date.now() - t) / 1000), out: out.trim().split('\n').slice(1) };
    log(out.trim());
  }
  log('› importing the same file again…');
  const second = await importRun(['import', file, '--kind', 'orders'], { admin: server, dbName: db });
  log(second.out.trim().split('\n').slice(-3).join('\n'));
  log(`  cores: ${JSON.stringify(second.cpuCoresUsed)}`);
  const parse = (out) => {
    const m = /(\d+) rows: (\d+) imported, (\d+) already there, (\d+) with errors .* in ([\d.]+) s — (\d+) rows\/s, peak RSS (\d+) MB/.exec(out);
    return m ? { rows: +m[1], imported: +m[2], skipped: +m[3], errors: +m[4], seconds: +m[5], rowsPerSecond: +m[6], peakRssMb: +m[7] } : null;
  };
  const [[{ orders }]] = await server.query('SELECT COUNT(*) AS orders FROM work_order');
  const [[{ history }]] = await server.query('SELECT COUNT(*) AS history FROM order_history');
  const [[{ mariadb }]] = await server.query('SELECT VERSION() AS mariadb');
  const [[vars]] = await server.query('SELECT @@innodb_buffer_pool_size AS bufferPool, @@innodb_flush_log_at_trx_commit AS flushAtCommit, @@local_infile AS localInfile');
  const run = (r) => ({ ...parse(r.out), processRssMb: r.maxRssMb, wallS: r.wallS, cpuCoresUsed: r.cpuCoresUsed, topOtherProcesses: r.topOtherProcesses, otherDbSessions: r.otherDbSessions, loadAvgAfter: r.loadAvg });
  const result = {
    rows: ROWS, mix: opt.mix, fileMb: Math.round(bytes / 1e6), first: run(first), statsCheck: check, second: run(second), orders: Number(orders), history: Number(history),
    at: new Date().toISOString(), loadAvgBefore: loadBefore,
    host: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memGiB: +(os.totalmem() / 2 ** 30).toFixed(1), node: process.version, mariadb, innodbBufferPoolMb: Number(vars.bufferPool) / 2 ** 20, flushLogAtTrxCommit: Number(vars.flushAtCommit), localInfile: Number(vars.localInfile) },
    app,
  };
  mkdirSync(path.join(HERE, 'results'), { recursive: true });
  const out = path.join(HERE, 'results', `import-${result.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(out, JSON.stringify(result, null, 2));
  writeFileSync(path.join(HERE, 'results', 'latest.json'), JSON.stringify(result, null, 2));
  log(JSON.stringify(result, null, 2));
  if (!opt['keep-file']) rmSync(dir, { recursive: true, force: true });
  if (!opt.keep) await server.query(`DROP DATABASE IF EXISTS \`${db}\``);
  await server.end();
}

function appInfo() {
  const git = (...a) => {
    try {
      return execFileSync('git', ['-C', ROOT, ...a], { encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  };
  const status = git('status', '--porcelain', '--', 'apps', 'libs');
  return { gitHead: git('rev-parse', '--short', 'HEAD'), uncommittedAppChanges: status == null ? null : status.split('\n').filter(Boolean).length, distCliBuiltAt: statSync(CLI).mtime.toISOString() };
}

// ---------------------------------------------------------------- CPU accounting (Linux /proc; the rest in bench/lib/machine.mjs)

function childOf(pid) {
  try {
    const c = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return c.length ? Number(c[0]) : null;
  } catch {
    return null;
  }
}

main().catch((e) => {
  log(e.stack ?? String(e));
  process.exit(1);
});
