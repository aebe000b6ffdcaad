import { DataSource } from 'typeorm';
import type { OrderDetail } from '@hotline/contracts';
import { DeadlinesConfig, Pruner } from '@hotline/server-deadlines';
import { intake, startApi, type Api, type Client } from './harness';

describe('pruner: old timer and outbox rows go, what open work needs stays (real MariaDB)', () => {
  let api: Api;
  let agent: Client, dispatcher: Client;
  let ds: DataSource;

  beforeAll(async () => {
    api = await startApi();
    [agent, dispatcher] = await Promise.all([api.as('agent'), api.as('dispatcher')]);
    ds = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  const create = async () => (await agent.post<OrderDetail>('/api/orders', intake(api))).body;
  const days = (n: number) => new Date(Date.now() - n * 86_400_000);
  const timer = async (orderId: number, kind: string, state: string, updatedAt: Date): Promise<number> => {
    const r: { insertId: number } = await ds.query(
      'INSERT INTO deadline_timer (order_id, kind, ref_id, due_at, deadline_at, state, created_at, updated_at) VALUES (?, ?, 0, ?, ?, ?, ?, ?)',
      [orderId, kind, updatedAt, updatedAt, state, updatedAt, updatedAt],
    );
    return Number(r.insertId);
  };
  const outbox = async (processedAt: Date | null): Promise<number> => {
    const r: { insertId: number } = await ds.query(
      "INSERT INTO outbox (topic, aggregate_id, payload, created_at, processed_at) VALUES ('deadline.timers', 0, NULL, ?, ?)",
      [days(200), processedAt],
    );
    return Number(r.insertId);
  };
  const exists = async (table: string, ids: number[]) =>
    ((await ds.query(`SELECT id FROM ${table} WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`, ids)) as { id: string }[]).map((r) => Number(r.id));

  it('deletes fired/cancelled timers of closed orders and processed outbox rows past the retention, nothing else', async () => {
    const closed = await dispatcher.act(await create(), 'direct-answer', { answer: '已电话答复市民。' });
    expect(closed.status).toBe('closed');
    const open = await dispatcher.act(await create(), 'dispatch', { unitId: api.ref.unit('swjt').id });

    const gone = [await timer(closed.id, 'sign-overdue', 'fired', days(40)), await timer(closed.id, 'handle-prewarn', 'cancelled', days(31))];
    const kept = [
      await timer(closed.id, 'handle-overdue', 'fired', days(29)), // within the retention
      await timer(closed.id, 'escalate', 'pending', days(40)), // still pending: never pruned
      await timer(open.id, 'sign-prewarn', 'fired', days(40)), // an open order keeps all its timers
    ];
    const outGone = [await outbox(days(45)), await outbox(days(31))];
    const outKept = [await outbox(days(10)), await outbox(null)];

    const pruner = new Pruner(ds, Object.assign(new DeadlinesConfig(), { DEADLINES_RETENTION_DAYS: 30 }));
    const r = await pruner.prune();
    expect(r.timers).toBeGreaterThanOrEqual(gone.length);
    expect(r.outbox).toBeGreaterThanOrEqual(outGone.length);
    expect(await exists('deadline_timer', [...gone, ...kept])).toEqual(kept);
    expect(await exists('outbox', [...outGone, ...outKept])).toEqual(outKept);

    // a second pass finds nothing more of these, and the orders and their history are untouched
    await pruner.prune();
    expect(await exists('deadline_timer', kept)).toEqual(kept);
    expect((await agent.get<OrderDetail>(`/api/orders/${closed.id}`)).body.history.map((h) => h.action)).toEqual(['create', 'direct-answer']);
  });
});
