// Starts what the end-to-end tests drive: a fresh `hotline_e2e` database with reference data and demo accounts (no
// orders: each spec makes those it needs), the worker, and the built API serving the built web app.
import { spawn, spawnSync } from 'node:child_process';
import { clearE2eRedis, dropE2eDatabase, E2E_DATABASE_URL } from './db.mjs';

const port = process.env.E2E_PORT ?? '3210';
const env = {
  ...process.env,
  DATABASE_URL: E2E_DATABASE_URL,
  QUEUE_PREFIX: process.env.E2E_QUEUE_PREFIX ?? 'e2e', // with E2E_DATABASE_URL and E2E_PORT: two runs side by side
  LOG_LEVEL: 'warn',
  NODE_ENV: 'test',
  PORT: port,
  WORKER_PORT: String(Number(port) + 1),
  WEB_DIST: 'dist/apps/web/browser',
  DEMO_SCALE: process.env.DEMO_SCALE ?? '0', // reference data and accounts only: each spec makes the orders it needs
};
await dropE2eDatabase();
await clearE2eRedis(env.QUEUE_PREFIX);
const seeded = spawnSync('node', ['dist/apps/cli/main.js', 'demo', '--orders', '40'], { stdio: 'inherit', env });
if (seeded.status !== 0) process.exit(seeded.status ?? 1);

const children = [spawn('node', ['dist/apps/worker/main.js'], { stdio: 'inherit', env }), spawn('node', ['dist/apps/api/main.js'], { stdio: 'inherit', env })];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
