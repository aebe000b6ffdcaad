#!/usr/bin/env node
// Order-event stream benchmark launcher: runs events-bench.ts with ts-node (like bench/knowledge).
//
//   node bench/events/run.mjs [--rate 1000] [--seconds 20] [--database-url mysql://root@127.0.0.1:3306/hotline_bench_events]
//
// Throw-away database (its name must contain "bench"; it is dropped). Writes bench/events/results/latest.json (delete it, or keep it as a reference-<date>.json).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const env = { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'apps/api/tsconfig.spec.json'), TS_NODE_TRANSPILE_ONLY: 'true', LOG_LEVEL: 'silent' };
const r = spawnSync(
  process.execPath,
  ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', path.join(ROOT, 'bench/events/events-bench.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit', env, cwd: ROOT },
);
process.exit(r.status ?? 1);
