import { loadavg } from 'node:os';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import type { OrderDetail, TimeLimitPolicyView } from '@hotline/contracts';
import { seedDemoAccounts } from '@hotline/server-demo';
import { dataSourceOptions, ensureDatabase } from '@hotline/server-platform';
import { seedReferenceData } from '@hotline/server-reference-data';
import { intake, sleep, type ApiEndpoint, type Client } from '../harness';

/** `CHAOS_TIER=short` (what `npm test` runs) keeps each scenario to seconds; `npm run chaos` runs the long one. */
export const SHORT = process.env['CHAOS_TIER'] === 'short';
// the scenarios start worker processes on a machine that is busy on purpose
process.env['IT_WORKER_START_MS'] ??= '150000';

/** Second-scale deadlines for appeal type 'help' (as in deadlines.int-spec.ts): every timer of an order is due within ~10 s. */
export const DRILL = {
  clock: 'natural',
  dayLength: '2s',
  signLimit: '3s',
  handleLimit: '2d',
  callbackLimit: '2s',
  feedbackLimit: '2s',
  prewarnPercent: 80,
  longOverdueAfter: '1d',
};
export const WORKER_ENV = {
  DEADLINES_RECONCILE_EVERY_MS: '500',
  DEADLINES_RELAY_EVERY_MS: '300',
  DEADLINES_GRACE_MS: '1500',
  DEADLINES_LOCK_MS: '2000',
  DEADLINES_STALLED_MS: '1000',
  DEADLINES_FULL_SCAN_EVERY_MS: '60000',
};
/** The ledger kinds each drilled order ends with, once each, when nobody acts on it after dispatch. */
export const EFFECT_KINDS = 5;

/** Puts the 'help' policy on the drill; returns how to put it back. */
export async function drillPolicy(admin: Client): Promise<() => Promise<void>> {
  const original = (await admin.get<TimeLimitPolicyView[]>('/api/admin/time-limits')).body.find(
    (p) => p.appealType === 'help' && !p.urgent,
  ) as TimeLimitPolicyView;
  const r = await admin.req<TimeLimitPolicyView>('PATCH', `/api/admin/time-limits/${original.id}`, { version: original.version, ...DRILL });
  if (r.status !== 200) throw new Error(`drill policy → ${r.status} ${JSON.stringify(r.body)}`);
  return async () => {
    const now = (await admin.get<TimeLimitPolicyView[]>('/api/admin/time-limits')).body.find((p) => p.id === original.id) as TimeLimitPolicyView;
    const { clock, dayLength, signLimit, handleLimit, callbackLimit, feedbackLimit, prewarnPercent, longOverdueAfter } = original;
    await admin.req('PATCH', `/api/admin/time-limits/${original.id}`, {
      version: now.version,
      ...{ clock, dayLength, signLimit, handleLimit, callbackLimit, feedbackLimit, prewarnPercent, longOverdueAfter },
    });
  };
}

export interface Sample {
  what: 'create' | 'dispatch';
  status: number;
  code?: string;
  ms: number;
  at: number;
  orderId?: number;
}

/**
 * Intake load: `workers` loops, each registering an order and dispatching it, until stop() is called. Records every
 * answer (status, error code, latency); a call that throws (connection refused, reset) is status 0.
 */
export function intakeLoad(api: ApiEndpoint, agent: Client, dispatcher: Client, workers: number, timeoutMs = 10_000) {
  const samples: Sample[] = [];
  let running = true;
  const call = async (what: Sample['what'], c: Client, path: string, body: unknown): Promise<Sample> => {
    const t = Date.now();
    let s: Sample;
    try {
      const r = await Promise.race([
        c.post(path, body),
        sleep(timeoutMs).then(() => ({ status: -1, body: { code: 'CLIENT_TIMEOUT' } }) as { status: number; body: { code?: string; id?: number } }),
      ]);
      s = {
        what,
        status: r.status,
        code: r.body?.code,
        ms: Date.now() - t,
        at: t,
        orderId: r.status < 300 ? (r.body?.id ?? (body as { id?: number }).id) : undefined,
      };
    } catch {
      s = { what, status: 0, ms: Date.now() - t, at: t };
    }
    samples.push(s);
    return s;
  };
  const loop = async () => {
    while (running) {
      const made = await call('create', agent, '/api/orders', intake(api, { appealType: 'help' }));
      if (made.status !== 201 && made.status !== 200) {
        await sleep(100);
        continue;
      }
      const order = { id: made.orderId as number, version: 1 };
      const fresh = await dispatcher.get<OrderDetail>(`/api/orders/${order.id}`).catch(() => null);
      if (fresh?.status !== 200) continue;
      await call('dispatch', dispatcher, `/api/orders/${order.id}/actions/dispatch`, { version: fresh.body.version, unitId: api.ref.unit('swjt').id });
    }
  };
  const loops = Array.from({ length: workers }, loop);
  return {
    samples,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** Counts of answers by status, for messages and docs: { '201': 40, '503': 3 }. */
export function byStatus(samples: Sample[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of samples) out[String(s.status)] = (out[String(s.status)] ?? 0) + 1;
  return out;
}

/** Every order that got a 2xx on dispatch has each of its deadline effects exactly once; returns the duplicates and the missing. */
export async function effectsOnce(db: Connection, ids: number[]): Promise<{ duplicated: number; missing: number }> {
  if (!ids.length) return { duplicated: 0, missing: 0 };
  const [rows] = await db.query<RowDataPacket[]>('SELECT order_id, kind, COUNT(*) AS n FROM deadline_effect WHERE order_id IN (?) GROUP BY order_id, kind', [
    ids,
  ]);
  const duplicated = rows.filter((r) => Number(r['n']) > 1).length;
  return { duplicated, missing: ids.length * EFFECT_KINDS - rows.length };
}

export const percentile = (xs: number[], p: number) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

export interface MariaDbHandle {
  port: number;
  datadir: string;
  url(database: string): string;
  /** SIGKILL by default: a crash, recovered from the redo log at the next start. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * A private MariaDB server (`mariadb-install-db` into its own datadir under /tmp, its own port): never the shared one
 * on 3306. Called with a handle's port and datadir it starts that server again on the same files.
 */
export async function startMariaDb(again?: { port: number; datadir: string }): Promise<MariaDbHandle> {
  const { spawn, execFile } = await import('node:child_process');
  const { mkdtempSync, existsSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { promisify } = await import('node:util');
  const { createConnection } = await import('mysql2/promise');
  const { freePort } = await import('../harness');
  const datadir = again?.datadir ?? mkdtempSync(join(tmpdir(), 'hotline-chaos-mariadb-'));
  const port = again?.port ?? (await freePort());
  if (!existsSync(join(datadir, 'data', 'mysql'))) {
    await promisify(execFile)('mariadb-install-db', [
      '--no-defaults',
      `--datadir=${join(datadir, 'data')}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      `--user=${process.getuid?.() === 0 ? 'root' : (process.env['USER'] ?? 'root')}`,
    ]);
  }
  const child = spawn(
    'mariadbd',
    [
      '--no-defaults',
      `--datadir=${join(datadir, 'data')}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--socket=${join(datadir, 'sock')}`,
      `--pid-file=${join(datadir, 'pid')}`,
      '--skip-name-resolve',
      '--innodb-buffer-pool-size=64M',
      ...(process.getuid?.() === 0 ? ['--user=root'] : []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout?.on('data', (d) => (out = (out + d).slice(-10_000)));
  child.stderr?.on('data', (d) => (out = (out + d).slice(-10_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ok = await createConnection({ host: '127.0.0.1', port, user: 'root' })
      .then(async (c) => (await c.end(), true))
      .catch(() => false);
    if (ok) break;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`mariadbd did not start:\n${out}`);
    await sleep(200);
  }
  return {
    port,
    datadir,
    url: (database) => `mysql://root@127.0.0.1:${port}/${database}`,
    stop: async (signal: NodeJS.Signals = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Creates, migrates and seeds a database as the integration tests' global setup does. */
export async function prepareDatabase(url: string): Promise<void> {
  const { DataSource } = await import('typeorm');
  const { testEnv } = await import('../test-env');
  await ensureDatabase(url);
  const ds = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    await seedReferenceData(ds);
    await seedDemoAccounts(ds, { ...testEnv(), DATABASE_URL: url });
  } finally {
    await ds.destroy();
  }
}

/** The 1-minute load average, recorded with each scenario's figures: the machine is shared. */
export const loadNow = () => Number(loadavg()[0].toFixed(1));
