import { rmSync } from 'node:fs';
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import { sleep, startApi, startWorker, until, type Api, type ChildProcessHandle, type Client } from '../harness';
import {
  byStatus,
  drillPolicy,
  effectsOnce,
  intakeLoad,
  percentile,
  prepareDatabase,
  SHORT,
  startMariaDb,
  WORKER_ENV,
  type MariaDbHandle,
  loadNow,
} from './chaos-kit';

/**
 * Issue 15, fault injection: a private MariaDB (own datadir under /tmp, own port) is SIGKILLed under intake load and
 * restarted on the same files. Every order that got a 2xx is there with its history, no transition is half written,
 * the API and the worker reconnect by themselves, /api/health says the database is down meanwhile, and requests in
 * the outage are 503s, never 500s.
 */
describe('chaos: MariaDB SIGKILLed mid-load and restarted', () => {
  let mdb: MariaDbHandle;
  let api: Api;
  let worker: ChildProcessHandle & { port: number };
  let db: Connection;
  let admin: Client, agent: Client, dispatcher: Client;
  let restore: () => Promise<void>;

  beforeAll(async () => {
    mdb = await startMariaDb();
    const url = mdb.url('hotline_chaos');
    process.env['IT_DATABASE_URL'] = url;
    await prepareDatabase(url);
    [api, worker] = await Promise.all([startApi(), startWorker(WORKER_ENV)]);
    [admin, agent, dispatcher] = await Promise.all(['admin', 'agent', 'dispatcher'].map((u) => api.as(u)));
    restore = await drillPolicy(admin);
  }, 300_000);

  afterAll(async () => {
    await restore?.().catch(() => undefined);
    await worker?.stop();
    await api?.close();
    await db?.end().catch(() => undefined);
    await mdb?.stop('SIGTERM');
    if (mdb) rmSync(mdb.datadir, { recursive: true, force: true });
    delete process.env['IT_DATABASE_URL'];
  });

  it('keeps every acknowledged order with its history, answers 503 meanwhile, and both processes reconnect', async () => {
    const outageMs = SHORT ? 3000 : 10_000;
    const load = intakeLoad(api, agent, dispatcher, 3);
    await sleep(SHORT ? 2000 : 6000);
    const killedAt = Date.now();
    await mdb.stop('SIGKILL');
    const health = await api.anon.get('/api/health');
    const workerHealth = await fetch(`http://127.0.0.1:${worker.port}/health`).then((r) => r.status);
    await sleep(Math.max(0, killedAt + outageMs - Date.now()));
    const restartT = Date.now();
    mdb = await startMariaDb({ port: mdb.port, datadir: mdb.datadir }); // crash recovery on the same files
    const restartMs = Date.now() - restartT;
    const backAt = Date.now();
    const apiBack = await until('the API to reconnect', async () => ((await api.anon.get('/api/health')).status === 200 ? Date.now() : null), 30_000, 200);
    const workerBack = await until(
      'the worker to reconnect',
      async () => ((await fetch(`http://127.0.0.1:${worker.port}/health`).then((r) => r.status)) === 200 ? Date.now() : null),
      30_000,
      200,
    );
    await sleep(SHORT ? 2000 : 5000);
    await load.stop();

    const during = load.samples.filter((s) => s.at >= killedAt && s.at < backAt);
    const summary = {
      calls: load.samples.length,
      byStatus: byStatus(load.samples),
      duringOutage: byStatus(during),
      p99MsDuringOutage: percentile(
        during.map((s) => s.ms),
        99,
      ),
      restartMs,
      apiReconnectedMsAfterRestart: apiBack - backAt,
      workerReconnectedMsAfterRestart: workerBack - backAt,
    };
    if (process.env['CHAOS_REPORT']) console.info(`mariadb chaos: ${JSON.stringify({ ...summary, load: loadNow() })}`);

    expect(health.status).toBe(503);
    expect(health.body.info).toMatchObject({ database: { status: 'down' }, redis: { status: 'up' } });
    expect(workerHealth).toBe(503);
    expect(load.samples.filter((s) => !(s.status < 300 || (s.status === 503 && s.code === 'SERVICE_UNAVAILABLE')))).toEqual([]);
    expect(during.some((s) => s.status === 503)).toBe(true);

    db = await createConnection({ uri: mdb.url('hotline_chaos'), timezone: 'Z' });
    // every order acknowledged with a 2xx is there, with the history of what was acknowledged
    const created = load.samples.filter((s) => s.what === 'create' && s.status < 300).map((s) => Number(s.orderId));
    const dispatched = load.samples.filter((s) => s.what === 'dispatch' && s.status < 300).map((s) => Number(s.orderId));
    expect(created.length).toBeGreaterThan(0);
    const [orders] = await db.query<RowDataPacket[]>('SELECT id, status FROM work_order WHERE id IN (?)', [created]);
    expect(orders.map((o) => Number(o['id'])).sort((a, b) => a - b)).toEqual([...created].sort((a, b) => a - b));
    const [hist] = await db.query<RowDataPacket[]>('SELECT order_id, action FROM order_history WHERE order_id IN (?)', [created]);
    const has = (id: number, action: string) => hist.some((h) => Number(h['order_id']) === id && h['action'] === action);
    expect(created.filter((id) => !has(id, 'create'))).toEqual([]);
    expect(dispatched.filter((id) => !has(id, 'dispatch'))).toEqual([]);
    // no half-written transition, in the whole table: each order's status is where its last status change led
    const [torn] = await db.query<RowDataPacket[]>(
      `SELECT o.id, o.status, h.to_status FROM work_order o
         JOIN order_history h ON h.id = (SELECT MAX(id) FROM order_history WHERE order_id = o.id AND to_status IS NOT NULL)
        WHERE h.to_status <> o.status`,
    );
    expect(torn).toEqual([]);
    const [orphans] = await db.query<RowDataPacket[]>('SELECT o.id FROM work_order o WHERE NOT EXISTS (SELECT 1 FROM order_history h WHERE h.order_id = o.id)');
    expect(orphans).toEqual([]);
    // the worker is back at work: every acknowledged dispatch's timers fire, once
    await until('every due timer to fire', async () => (await effectsOnce(db, dispatched)).missing <= 0, 60_000, 250);
    await sleep(1500);
    expect(await effectsOnce(db, dispatched)).toEqual({ duplicated: 0, missing: 0 });
  });
});
