import { DataSource } from 'typeorm';
import type { OrderDetail } from '@hotline/contracts';
import { OrderEventRelay, OrderEventStream, type OrderEventPayload, type OutboxEvent } from '@hotline/server-orders';
import { intake, startApi, type Api, type Client } from './harness';

describe('the outbox as the order-event stream: delivered in order, at least once, then deleted (real MariaDB)', () => {
  let api: Api;
  let agent: Client, dispatcher: Client, water: Client;
  let ds: DataSource;
  let relay: OrderEventRelay;
  const seen: OutboxEvent[] = [];
  let failNext = 0;
  const flaky: OutboxEvent[] = [];

  beforeAll(async () => {
    api = await startApi();
    [agent, dispatcher, water] = await Promise.all(['agent', 'dispatcher', 'swjt'].map((u) => api.as(u)));
    ds = api.app.get(DataSource);
    relay = api.app.get(OrderEventRelay);
    // readers other spec files left in this run's database (the worker's timer relay) are retired, as an operator
    // retires one: their positions would hold the rows back, which is what positions are for
    await ds.query('DELETE FROM outbox_subscriber');
    const stream = api.app.get(OrderEventStream);
    stream.register('test-all-orders', { topics: ['order.'], handle: async (events) => void seen.push(...events) });
    stream.register('test-flaky', {
      topics: ['order.dispatch'],
      batchSize: 2,
      handle: async (events) => {
        if (failNext > 0) {
          failNext--;
          throw new Error('the SMS gateway is down');
        }
        flaky.push(...events);
      },
    });
  });
  afterAll(() => api.close());

  const create = async () => (await agent.post<OrderDetail>('/api/orders', intake(api))).body;
  const outboxIds = async () => ((await ds.query('SELECT id FROM outbox ORDER BY id')) as { id: string }[]).map((r) => Number(r.id));
  const historyIds = async (orderIds: number[]) =>
    ((await ds.query(`SELECT id FROM order_history WHERE order_id IN (?) ORDER BY id`, [orderIds])) as { id: string }[]).map((r) => Number(r.id));

  it('every history line of intake and each action is one event, seen once and in id order; then the outbox is empty', async () => {
    // a new reader starts at the oldest row still in the outbox: what earlier spec files in this database left comes
    // first; this test counts from here
    await relay.tick(0);
    seen.length = 0;
    flaky.length = 0;
    const a = await create();
    const b = await dispatcher.act(await create(), 'dispatch', { unitId: api.ref.unit('swjt').id });
    const signed = await water.act(b, 'sign');
    await water.act(signed, 'reply', { content: '已处理完毕' });
    const dup = await dispatcher.act(await create(), 'merge', { masterId: a.id });
    expect((await outboxIds()).length).toBeGreaterThan(0);

    const tick = await relay.tick(0);
    expect(tick.failed).toEqual([]);
    // the timer rows the deadline hook wrote are passed too: nobody here reads them, nothing is left behind
    expect(await outboxIds()).toEqual([]);

    const ids = seen.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(ids.length);
    const orderIds = [...new Set(seen.map((e) => e.aggregateId))];
    expect(orderIds).toEqual(expect.arrayContaining([a.id, b.id]));
    // one event per history line, each naming its line
    expect(seen.map((e) => (e.payload as unknown as OrderEventPayload).historyId).sort((x, y) => x - y)).toEqual(await historyIds(orderIds));
    const ofB = seen.filter((e) => e.aggregateId === b.id).map((e) => e.payload as unknown as OrderEventPayload);
    expect(ofB.map((p) => [p.action, p.from, p.to, p.version])).toEqual([
      ['create', null, 'registered', 1],
      ['dispatch', 'registered', 'dispatched', 2],
      ['sign', 'dispatched', 'handling', 3],
      ['reply', 'handling', 'replied', 4],
    ]);
    expect(seen.find((e) => e.aggregateId === b.id && e.payload?.['action'] === 'sign')).toMatchObject({ topic: 'order.sign' });
    // a merge is a line on both orders: the duplicate's status change, and the note on its master
    expect(seen.filter((e) => e.topic === 'order.merge').map((e) => e.aggregateId)).toEqual([a.id, dup.id]);

    // nothing new: a second tick hands nobody anything
    const again = await relay.tick(0);
    expect(again.delivered).toEqual({ 'test-all-orders': 0, 'test-flaky': 0 });
  });

  it('a subscriber that fails gets the same events again; the rows wait for it and go once it has passed them', async () => {
    const before = flaky.length;
    failNext = 1;
    const d1 = await dispatcher.act(await create(), 'dispatch', { unitId: api.ref.unit('swjt').id });
    const d2 = await dispatcher.act(await create(), 'dispatch', { unitId: api.ref.unit('gaj').id });
    const failed = await relay.tick(0);
    expect(failed.failed).toEqual(['test-flaky']);
    expect(flaky.length).toBe(before);
    const [{ n }] = await ds.query("SELECT COUNT(*) AS n FROM outbox WHERE topic = 'order.dispatch'");
    expect(Number(n)).toBe(2);
    const [sub] = await ds.query("SELECT last_error FROM outbox_subscriber WHERE name = 'test-flaky'");
    expect(sub.last_error).toBe('the SMS gateway is down');

    const ok = await relay.tick(0);
    expect(ok.failed).toEqual([]);
    expect(flaky.slice(before).map((e) => e.aggregateId)).toEqual([d1.id, d2.id]);
    expect(await outboxIds()).toEqual([]);
    const lag = await ds.query("SELECT last_error FROM outbox_subscriber WHERE name = 'test-flaky'");
    expect(lag[0].last_error).toBeNull();
  });

  it('rows younger than the settle window wait; the queue-health view shows each subscriber’s lag', async () => {
    await create();
    const waiting = await relay.tick(60_000);
    expect(waiting.delivered['test-all-orders']).toBe(0);
    expect((await outboxIds()).length).toBeGreaterThan(0);
    const admin = await api.as('admin');
    const health = (await admin.get('/api/admin/deadlines')).body;
    expect(health.eventSubscribers).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'test-all-orders', pending: expect.any(Number), lastError: null })]),
    );
    expect(health.eventSubscribers.find((s: { name: string }) => s.name === 'test-all-orders').pending).toBeGreaterThan(0);
    await relay.tick(0);
    expect(await outboxIds()).toEqual([]);
  });
});
