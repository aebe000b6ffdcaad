#!/usr/bin/env node
// `npm test`: every test — lint (module boundaries), unit (*.spec.ts), integration (*.int-spec.ts against real
// MariaDB + Redis) and end-to-end (Playwright in Debian's Chromium against the real API) — then one closing
// line "N passed, N failed". Stops early only when a prerequisite (services, chromium) is missing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { checkServices } from './services.mjs';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NG_CLI_ANALYTICS: 'false', FORCE_COLOR: '0' };
const only = process.argv.slice(2); // e.g. `npm test -- unit int`
const want = (step) => only.length === 0 || only.includes(step);

if (!existsSync('node_modules/.package-lock.json') || statSync('package-lock.json').mtimeMs > statSync('node_modules/.package-lock.json').mtimeMs) {
  console.log('› installing dependencies (npm ci)…');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const problems = await checkServices(env);
if (problems.length) {
  console.error(`\nCannot run the tests:\n\n${problems.join('\n\n')}\n`);
  process.exit(1);
}

let passed = 0;
let failed = 0;
const failedSteps = [];

/** Runs a step, echoing its output and adding up the test counts its runner prints. */
function step(name, cmd, args, { counts = true, env: extra = {} } = {}) {
  return new Promise((resolve) => {
    console.log(`\n━━ ${name} ━━`);
    const child = spawn(cmd, args, { env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (stream) => (d) => {
      stream.write(d);
      out += d.toString();
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    child.on('close', (code) => {
      if (counts) {
        // Jest: "Tests:       1 failed, 2 skipped, 34 passed, 37 total"; Playwright: "  12 passed (30s)" / "  1 failed"
        for (const m of out.matchAll(/^Tests:\s+(.*)$/gm)) {
          passed += Number(/(\d+) passed/.exec(m[1])?.[1] ?? 0);
          failed += Number(/(\d+) failed/.exec(m[1])?.[1] ?? 0);
        }
        for (const m of out.matchAll(/^\s+(\d+) (passed|failed)( \(|$)/gm)) {
          if (m[2] === 'passed') passed += Number(m[1]);
          else failed += Number(m[1]);
        }
      }
      if (code !== 0) failedSteps.push(name);
      resolve(code);
    });
  });
}

if (want('lint')) await step('copy-paste (jscpd, threshold in .jscpd.json)', 'npx', ['jscpd', 'apps', 'libs'], { counts: false });
if (want('lint')) await step('format (prettier --check apps libs)', 'npx', ['prettier', '--check', '--log-level', 'warn', 'apps', 'libs'], { counts: false });
if (want('lint')) await step('lint (module boundaries, style)', 'npx', ['nx', 'run-many', '-t', 'lint', '--outputStyle=static'], { counts: false });
if (want('unit')) await step('unit tests', 'npx', ['nx', 'run-many', '-t', 'test', '--outputStyle=static', '--', '--ci']);
if (want('unit')) await step('script tests (node --test)', 'node', ['--test', 'scripts/demo-secret.test.mjs', 'scripts/pbx-sim.test.mjs'], { counts: false });
if (want('int')) await step('integration tests (MariaDB + Redis)', 'npx', ['jest', '-c', 'jest.int.config.cts', '--ci']);
// the short tier: Redis and MariaDB killed for 3 s each (≈ 1.5 min); `npm run chaos` adds two APIs + two workers and longer outages
const chaosShort = ['apps/api/test/chaos/redis.chaos-spec.ts', 'apps/api/test/chaos/mariadb.chaos-spec.ts'];
if (want('int')) await step('fault injection, short tier (private Redis and MariaDB killed)', 'npx', ['jest', '-c', 'jest.chaos.config.cts', '--ci', ...chaosShort], { env: { CHAOS_TIER: 'short' } });
if (want('e2e') && existsSync('apps/web-e2e/playwright.config.ts')) {
  const chromium = env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
    if (!canInstall) {
      console.error(`\nChromium is missing at ${chromium}. Install Debian's package, then run npm test again:\n  sudo apt-get update && sudo apt-get install -y chromium fonts-wqy-zenhei\n`);
      process.exit(1);
    }
    console.log('› installing Debian chromium for the end-to-end tests…');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const r = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-wqy-zenhei'], { stdio: 'inherit', env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  await step('build for end-to-end', 'npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'cli', 'worker', 'web', '--outputStyle=static'], { counts: false });
  if (!failedSteps.includes('build for end-to-end')) await step('end-to-end (Playwright, Chromium)', 'npx', ['playwright', 'test', '-c', 'apps/web-e2e/playwright.config.ts']);
}

if (failedSteps.length) console.log(`\nfailed steps: ${failedSteps.join(', ')}`);
if (failedSteps.length && failed === 0) failed = failedSteps.length; // a step that failed without counting (lint, build) still fails the run
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failedSteps.length ? 1 : 0);
