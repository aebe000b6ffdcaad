#!/usr/bin/env node
// Knowledge-base retrieval benchmark launcher: runs knowledge-bench.ts with ts-node (like bench/report).
//
//   node bench/knowledge/run.mjs [--data DIR] [--split dev|test|both] [--size 50000] [--no-latency] [--quality-only]
//
// Data: ../shared/data relative to the repository root, or KNOWLEDGE_BENCH_DATA / --data. Nothing is written to the
// repository except bench/knowledge/results/latest.json (git-ignored).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const env = {
  ...process.env,
  TS_NODE_PROJECT: path.join(ROOT, 'apps/api/tsconfig.spec.json'),
  TS_NODE_TRANSPILE_ONLY: 'true',
};
const r = spawnSync(
  process.execPath,
  [
    '--max-old-space-size=4096',
    '--expose-gc',
    '-r',
    'ts-node/register',
    '-r',
    'tsconfig-paths/register',
    path.join(ROOT, 'bench/knowledge/knowledge-bench.ts'),
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env, cwd: ROOT },
);
process.exit(r.status ?? 1);
