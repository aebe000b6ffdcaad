#!/usr/bin/env node
// Report benchmark launcher: runs report-bench.ts with ts-node against its own database.
//
//   node bench/report/run.mjs [--scale 1] [--runs 5] [--check] [--keep]
//
// --scale 1 generates 2018–2020 (~2.8M orders, ~12M history rows, ~1.6M calls; 15–30 min on 2 cores) into
// hotline_bench_report (BENCH_REPORT_DATABASE_URL to change), which is dropped afterwards unless --keep;
// a kept database is reused by the next run. Results: bench/report/results/latest.json.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const env = {
  ...process.env,
  DATABASE_URL: process.env.BENCH_REPORT_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/hotline_bench_report',
  LOG_LEVEL: 'warn',
  TS_NODE_PROJECT: path.join(ROOT, 'apps/api/tsconfig.spec.json'),
  TS_NODE_TRANSPILE_ONLY: 'true',
};
const r = spawnSync(process.execPath, ['--max-old-space-size=6144', '-r', 'ts-node/register', '-r', 'tsconfig-paths/register', path.join(ROOT, 'bench/report/report-bench.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
  cwd: ROOT,
});
process.exit(r.status ?? 1);
