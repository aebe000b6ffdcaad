#!/usr/bin/env node
// `npm run pbx-sim`: a PBX simulator speaking Zammad's generic CTI push API to the hotline's endpoint.
//
//   node scripts/pbx-sim.mjs [--url http://localhost:3000] [--calls 600] [--backfill] [--live MINUTES] [--speed 20] [--seed 1]
//
// --backfill (the default when nothing else is asked) sends today's calls up to now in a short burst, each event
// with its own time (`at`), so the wallboard and the dashboard show a realistic day at once: arrivals by hour, rings
// of a few seconds, some callers giving up, answered by the demo agents (by their extension, else their username).
// --live MINUTES then keeps calling in real time (`--speed` times faster), so an agent logged in sees calls pop.
// The endpoint is read from GET /api/admin/telephony as admin (ADMIN_USER / ADMIN_PASSWORD, default the demo's).
import { setTimeout as sleep } from 'node:timers/promises';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const v = args[i + 1];
  return v === undefined || v.startsWith('--') ? true : v;
};
const base = String(opt('url', process.env.PBX_SIM_URL ?? `http://localhost:${process.env.PORT ?? 3000}`)).replace(/\/$/, '');
const perDay = Number(opt('calls', 600));
const liveMinutes = Number(opt('live', 0));
const backfill = opt('backfill', false) || !liveMinutes;
const speed = Number(opt('speed', 20));
const waitReady = opt('wait', false);
let seed = Number(opt('seed', Date.now() % 100000));

/** Share of a day's calls arriving in each hour (China time): quiet nights, peaks mid-morning and mid-afternoon. */
export const HOURLY = [0.6, 0.4, 0.3, 0.3, 0.3, 0.5, 1.2, 3.0, 6.5, 8.8, 9.2, 8.0, 5.6, 6.2, 8.0, 8.4, 7.6, 6.0, 3.8, 3.2, 2.8, 2.2, 1.6, 1.0];
const HOURLY_SUM = HOURLY.reduce((a, b) => a + b, 0);

const rnd = () => {
  // mulberry32: the same --seed gives the same day
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const phone = () => `1${pick('3456789')}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`;

/** One call's script: ring seconds, whether the caller gives up, talk seconds. */
export function callPlan(r = rnd) {
  // most rings are short; a busy moment makes a few long ones, and the longer it rings the likelier a hang-up
  const ring = r() < 0.85 ? 2 + r() * 10 : 12 + r() * 40;
  const abandoned = r() < (ring > 25 ? 0.45 : ring > 12 ? 0.12 : 0.01);
  const talk = 30 + Math.round(-Math.log(1 - r()) * 150);
  return { ring, abandoned, talk };
}

async function json(path, init = {}) {
  const r = await fetch(base + path, { ...init, headers: { 'content-type': 'application/json', ...(init.headers ?? {}) } });
  const text = await r.text();
  if (!r.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${r.status} ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : null;
}

async function ready() {
  for (let i = 0; ; i++) {
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    if (i > 120) throw new Error(`${base} did not come up`);
    await sleep(500);
  }
}

async function connect() {
  const login = await json('/api/auth/login', {
    method: 'POST',
    body: JSON.stringify({ username: process.env.ADMIN_USER ?? 'admin', password: process.env.ADMIN_PASSWORD ?? 'Demo@12345' }),
  });
  const view = await json('/api/admin/telephony', { headers: { authorization: `Bearer ${login.accessToken}` } });
  const agents = view.extensions.filter((u) => u.role === 'agent' || u.role === 'callback_agent').map((u) => u.extension ?? u.username);
  if (!agents.length) throw new Error('no agents to answer calls: seed the demo accounts first');
  return { endpoint: new URL(view.endpoint).pathname, agents };
}

let sent = 0;
async function push(endpoint, body) {
  const r = await fetch(base + endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (r.status !== 200) throw new Error(`CTI ${body.event} → ${r.status} ${await r.text()}`);
  sent++;
}

/** The events of one call starting at t0 (ms), in order, each with its time; none unless it is over by `until`. */
function callEvents(t0, agents, until, id) {
  const { ring, abandoned, talk } = callPlan();
  const from = phone();
  const common = { callId: id, from, to: '12345', direction: 'in', queue: rnd() < 0.8 ? '市民热线' : '企业热线' };
  const out = [{ ...common, event: 'newCall', user: agents, at: t0 }];
  const answeredAt = t0 + ring * 1000;
  if (abandoned) out.push({ ...common, event: 'hangup', cause: 'cancel', at: answeredAt });
  else {
    out.push({ ...common, event: 'answer', answeringNumber: pick(agents), at: answeredAt });
    out.push({ ...common, event: 'hangup', cause: 'normalClearing', at: answeredAt + talk * 1000 });
  }
  // only calls over by then: a backfilled call left ringing or talking would hold its agent "on call" on the wallboard
  if (out[out.length - 1].at > until) return [];
  return out.map((e) => ({ ...e, at: new Date(e.at).toISOString() }));
}

async function runBackfill({ endpoint, agents }) {
  const now = Date.now();
  const chinaMidnight = now - ((now + 8 * 3_600_000) % 86_400_000);
  const calls = [];
  for (let h = 0; h < 24; h++) {
    const n = Math.round((perDay * HOURLY[h]) / HOURLY_SUM);
    for (let k = 0; k < n; k++) {
      const t0 = chinaMidnight + h * 3_600_000 + Math.floor(rnd() * 3_600_000);
      if (t0 < now - 60_000) calls.push(t0);
    }
  }
  const run = `sim-${chinaMidnight.toString(36)}`;
  // the same day replayed again is the same calls (same ids, same seed): idempotent, nothing counted twice
  const scripts = calls.sort((a, b) => a - b).map((t0, i) => callEvents(t0, agents, now - 30_000, `${run}-${i}`));
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < scripts.length) for (const e of scripts[next++]) await push(endpoint, e);
    }),
  );
  console.log(`pbx-sim: backfilled ${scripts.length} calls of today (${sent} events) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function runLive({ endpoint, agents }) {
  const end = Date.now() + liveMinutes * 60_000;
  const pending = [];
  let n = 0;
  console.log(`pbx-sim: calling live for ${liveMinutes} min at ${speed}× …`);
  while (Date.now() < end) {
    const hour = new Date(Date.now() + 8 * 3_600_000).getUTCHours();
    const perSecond = ((perDay * HOURLY[hour]) / HOURLY_SUM / 3600) * speed;
    await sleep(Math.min(60_000, (-Math.log(1 - rnd()) / perSecond) * 1000));
    const id = `live-${Date.now().toString(36)}-${n++}`;
    const { ring, abandoned, talk } = callPlan();
    const common = { callId: id, from: phone(), to: '12345', direction: 'in', queue: '市民热线' };
    pending.push(
      (async () => {
        await push(endpoint, { ...common, event: 'newCall', user: agents });
        await sleep((ring * 1000) / Math.min(speed, 4));
        if (abandoned) return push(endpoint, { ...common, event: 'hangup', cause: 'cancel' });
        await push(endpoint, { ...common, event: 'answer', answeringNumber: pick(agents) });
        await sleep((talk * 1000) / speed);
        await push(endpoint, { ...common, event: 'hangup', cause: 'normalClearing' });
      })().catch((e) => console.error(`pbx-sim: ${e.message}`)),
    );
  }
  await Promise.all(pending);
  console.log(`pbx-sim: ${n} live calls, ${sent} events`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    if (waitReady) await ready();
    const pbx = await connect();
    if (backfill) await runBackfill(pbx);
    if (liveMinutes) await runLive(pbx);
  } catch (e) {
    console.error(`pbx-sim: ${e.message}`);
    process.exit(1);
  }
}
