#!/usr/bin/env node
// bench/web: the agent's first load and the initial bundle size.
// - Initial JS: the <script> and modulepreload files index.html loads before any lazy route, gzip -9, summed.
// - First load: a logged-in agent opens /intake in a fresh Chromium page (cold HTTP cache) until the phone field
//   is usable; the baseline, in the same run, is a bare HTML page served by the same server. Median of N runs.
// Needs `npx nx run-many -t build -p api cli worker web` first. Loopback only; stops its server at the end.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { dropE2eDatabase } from '../../apps/web-e2e/db.mjs';

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7;
const PORT = 3320;
const base = `http://127.0.0.1:${PORT}`;
const dist = 'dist/apps/web/browser';
if (!existsSync(join(dist, 'index.html')) || !existsSync('dist/apps/api/main.js')) {
  console.error('build first: npx nx run-many -t build -p api cli worker web');
  process.exit(1);
}

// --- initial bundle
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1]);
const files = [...new Set(initial)].map((f) => {
  const raw = readFileSync(join(dist, f));
  return { file: f, bytes: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
});
const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+\.css)"/g)].map((m) => m[1]);
const cssGzip = css.reduce((s, f) => s + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
const jsGzip = files.reduce((s, f) => s + f.gzip, 0);

// --- server: own database, real API serving the built app
const server = spawn('node', ['apps/web-e2e/server.mjs'], {
  env: { ...process.env, E2E_PORT: String(PORT), E2E_DATABASE_URL: 'mysql://root@127.0.0.1:3306/hotline_bench_web' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const stop = () => server.kill('SIGTERM');
process.on('exit', stop);
for (let i = 0; i < 120; i++) {
  const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
  if (ok) break;
  await new Promise((r) => setTimeout(r, 1000));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
const login = await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'agent', password: 'Demo@12345' }) })).json();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const workspace = [];
const bare = [];
for (let i = 0; i < RUNS; i++) {
  // fresh context = cold cache; the token is put where the app keeps it, as after a login
  const ctx = await browser.newContext();
  await ctx.addInitScript(([t, u]) => {
    localStorage.setItem('hotline.token', t);
    localStorage.setItem('hotline.user', JSON.stringify(u));
  }, [login.accessToken, login.user]);
  const page = await ctx.newPage();
  let t0 = Date.now();
  await page.goto(`${base}/intake`);
  await page.getByTestId('intake-phone').waitFor({ state: 'visible' });
  await page.getByTestId('intake-category').waitFor({ state: 'visible' });
  workspace.push(Date.now() - t0);
  await ctx.close();

  const ctx2 = await browser.newContext();
  const page2 = await ctx2.newPage();
  t0 = Date.now();
  await page2.goto(`${base}/api/health`);
  await page2.waitForLoadState('load');
  bare.push(Date.now() - t0);
  await ctx2.close();
}
await browser.close();
stop();
await new Promise((r) => setTimeout(r, 1000));
await dropE2eDatabase('mysql://root@127.0.0.1:3306/hotline_bench_web');

const result = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memGiB: +(os.totalmem() / 2 ** 30).toFixed(1), node: process.version },
  initialJs: { files: files.length, bytes: files.reduce((s, f) => s + f.bytes, 0), gzip: jsGzip, targetGzip: 1024 * 1024 },
  initialCssGzip: cssGzip,
  firstLoadMs: { runs: RUNS, workspaceMedian: median(workspace), workspaceMax: Math.max(...workspace), bareMedian: median(bare), ratio: +(median(workspace) / median(bare)).toFixed(2), targetMs: 2000, workspace, bare },
};
mkdirSync('bench/web/results', { recursive: true });
writeFileSync(`bench/web/results/${result.date.slice(0, 10)}.json`, JSON.stringify(result, null, 2));
console.log(JSON.stringify(result, null, 2));
console.log(`initial JS ${(jsGzip / 1024).toFixed(0)} KiB gzip (target ≤ 1024); agent workspace first load median ${result.firstLoadMs.workspaceMedian} ms (target ≤ 2000), ${result.firstLoadMs.ratio}× the bare page`);
