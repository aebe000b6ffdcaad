#!/usr/bin/env node
// Routing benchmark launcher: runs routing-bench.ts with ts-node (like bench/report).
//
//   node bench/routing/run.mjs [--data FILE] [--rows 1000000] [--classes 300] [--skip-scale] [--skip-quality]
//
// Data: ../shared/data/appeals-tipdm2020-train.jsonl relative to the repository root, or ROUTING_BENCH_DATA / --data.
// Nothing is written to the repository except bench/routing/results/latest.json (git-ignored).
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
    '--max-old-space-size=1024',
    '--expose-gc',
    '-r',
    'ts-node/register',
    '-r',
    'tsconfig-paths/register',
    path.join(ROOT, 'bench/routing/routing-bench.ts'),
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env, cwd: ROOT },
);
process.exit(r.status ?? 1);
