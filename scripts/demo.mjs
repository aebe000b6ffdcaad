#!/usr/bin/env node
// `npm run demo`: install what is missing, check MySQL and Redis, build, create + migrate + seed the database
// with demo data, then serve the API and the web app on http://localhost:$PORT (3000) with the worker beside it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { demoSecret, DEMO_SECRET_FILE } from './demo-secret.mjs';
import { checkServices } from './services.mjs';

// the tokens of this install are signed with its own random secret (made once, kept in .demo-secret), never
// with the development default printed in the source
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NG_CLI_ANALYTICS: 'false', JWT_SECRET: demoSecret() };
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const lockChanged = !existsSync('node_modules/.package-lock.json') || statSync('package-lock.json').mtimeMs > statSync('node_modules/.package-lock.json').mtimeMs;
if (lockChanged) {
  console.log('› installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

const problems = await checkServices(env);
if (problems.length) {
  console.error(`\nCannot start the demo:\n\n${problems.join('\n\n')}\n`);
  process.exit(1);
}

console.log('› building api, worker, cli and web…');
run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'worker', 'cli', 'web', '--outputStyle=static']);

console.log('› preparing the database…');
run('node', ['dist/apps/cli/main.js', 'demo']);

const port = env.PORT || '3000';
const children = [
  spawn('node', ['dist/apps/worker/main.js'], { stdio: 'inherit', env }),
  spawn('node', ['dist/apps/api/main.js'], { stdio: 'inherit', env: { ...env, PORT: port } }),
];
console.log(`
  12345 热线工单系统 is starting on http://localhost:${port}  (API docs: http://localhost:${port}/api/docs)
  Log in with password Demo@12345 as: agent (话务员), dispatcher (派单员), supervisor (督办员),
  callback (回访员), leader (领导), admin (管理员), or a unit's code such as gaj (市公安局), hzq (海州区政府).
  Tokens are signed with this install's own secret in ${process.env.JWT_SECRET ? 'JWT_SECRET' : DEMO_SECRET_FILE}.
  Ctrl+C stops everything.
`);
// today's calls from the PBX simulator, once the API answers, so the wallboard and 接通率 show a live day
// (a short burst in the background; the same day sent again counts nothing twice)
const sim = spawn('node', ['scripts/pbx-sim.mjs', '--backfill', '--wait', '--calls', process.env.DEMO_CALLS ?? '600', '--seed', '12345'], {
  stdio: 'inherit',
  env: { ...env, PBX_SIM_URL: `http://127.0.0.1:${port}` },
});
sim.on('exit', (code) => code && console.warn('  (the PBX simulator stopped; the demo runs without live calls)'));
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => { if (code) { stop(); process.exitCode = code; } });
