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

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApi(), startWorker()]);
    [agent, dispatcher, water] = await Promise.all(['agent', 'dispatcher', 'swjt'].map((u) => api.as(u)));
    ds = api.app.get(DataSource);
    // readers other spec files left in this run's database are retired: only the worker's own read the stream here
    await ds.query("DELETE FROM outbox_subscriber WHERE name <> 'deadline-timers'");
  }, 120_000);
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

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
