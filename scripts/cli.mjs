#!/usr/bin/env node
// `npm run generate -- …` / `npm run import -- FILE`: runs a CLI command, building the CLI first when it has not been built.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
if (!existsSync('dist/apps/cli/main.js')) {
  console.log('› building the cli…');
  const b = spawnSync('npx', ['nx', 'run', 'cli:build', '--outputStyle=static'], { stdio: 'inherit', env });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
// an import streams: a capped heap makes V8 collect early instead of growing the process towards its default limit
const heap = process.argv[2] === 'import' ? ['--max-old-space-size=320'] : [];
const r = spawnSync('node', [...heap, 'dist/apps/cli/main.js', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
