import { DataSource } from 'typeorm';
import type { OrderDetail } from '@hotline/contracts';
import { intake, startApi, startWorker, until, type Api, type ChildProcessHandle, type Client } from './harness';

// starting a worker compiles it with ts-node: on a loaded machine that alone can take over a minute
jest.setTimeout(150_000);

describe('the order-event stream with a real worker: the outbox drains by itself (real MariaDB, Redis, worker process)', () => {
  let api: Api;
  let worker: ChildProcessHandle;
  let agent: Client, dispatcher: Client, water: Client;
  let ds: DataSource;

  const unindexed: number[] = [];
  const missingText = async (ids: number[]) =>
    Number(
      (await ds.query(`SELECT COUNT(*) AS n FROM work_order o WHERE o.id IN (?) AND NOT EXISTS (SELECT 1 FROM order_text t WHERE t.order_id = o.id)`, [ids]))[0]
        .n,
    );

  beforeAll(async () => {
    api = await startApi();
    [agent, dispatcher, water] = await Promise.all(['agent', 'dispatcher', 'swjt'].map((u) => api.as(u)));
    ds = api.app.get(DataSource);
    // orders without text-search terms, as an upgrade leaves those stored before the index: the worker's start fills them
    for (let i = 0; i < 2; i++) unindexed.push((await agent.post<OrderDetail>('/api/orders', intake(api))).body.id);
    await ds.query('DELETE FROM order_text WHERE order_id IN (?)', [unindexed]);
    expect(await missingText(unindexed)).toBe(2);
    worker = await startWorker();
    // readers other spec files left in this run's database are retired: only the worker's own read the stream here
    await ds.query("DELETE FROM outbox_subscriber WHERE name <> 'deadline-timers'");
  }, 120_000);
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('a starting worker gives orders without text-search terms theirs', async () => {
    await until('the worker to fill the text index', async () => (await missingText(unindexed)) === 0, 60_000, 250);
    const [{ terms }] = await ds.query('SELECT terms FROM order_text WHERE order_id = ?', [unindexed[0]]);
    expect(terms).toMatch(/ n\d{6}$/);
  }, 70_000);

  it('every event of a burst of work is relayed to the timer relay and deleted within seconds; none waits a minute', async () => {
    for (let i = 0; i < 5; i++) {
      const o = await dispatcher.act((await agent.post<OrderDetail>('/api/orders', intake(api))).body, 'dispatch', { unitId: api.ref.unit('swjt').id });
      await water.act(o, 'sign');
    }
    const [{ top }] = await ds.query('SELECT MAX(id) AS top FROM outbox');
    expect(Number(top)).toBeGreaterThan(0);
    // the settle window (5 s) plus a tick or two, on a busy machine
    await until(
      'the outbox to drain',
      async () => {
        const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM outbox WHERE id <= ?', [top]);
        return Number(n) === 0;
      },
      40_000,
      250,
    );
    const [timers] = await ds.query("SELECT last_id, last_error FROM outbox_subscriber WHERE name = 'deadline-timers'");
    expect(Number(timers.last_id)).toBeGreaterThanOrEqual(Number(top));
    expect(timers.last_error).toBeNull();
    const [{ old }] = await ds.query('SELECT COUNT(*) AS old FROM outbox WHERE created_at < ?', [new Date(Date.now() - 60_000)]);
    expect(Number(old)).toBe(0);
  }, 60_000);
});
