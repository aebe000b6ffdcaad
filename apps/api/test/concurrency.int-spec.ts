import type { OrderDetail } from '@hotline/contracts';
import { intake, startApi, type Api } from './harness';

describe('concurrency', () => {
  let api: Api;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('50 concurrent sign requests on one order: exactly one 200, the rest 409, one history row', async () => {
    const [agent, dispatcher, water] = await Promise.all(['agent', 'dispatcher', 'swjt'].map((u) => api.as(u)));
    const o = (await agent.post<OrderDetail>('/api/orders', intake(api))).body;
    const d = await dispatcher.act(o, 'dispatch', { unitId: api.ref.unit('swjt').id });
    const results = await Promise.all(Array.from({ length: 50 }, () => water.tryAct(d, 'sign')));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'STALE_VERSION')).toBe(true);
    const after = (await water.get<OrderDetail>(`/api/orders/${o.id}`)).body;
    expect(after).toMatchObject({ status: 'handling', version: d.version + 1 });
    expect(after.history.filter((h) => h.action === 'sign')).toHaveLength(1);
  });

  it('two different actions racing on one version: one wins, nothing is lost or doubled', async () => {
    const [agent, dispatcher] = await Promise.all(['agent', 'dispatcher'].map((u) => api.as(u)));
    const o = (await agent.post<OrderDetail>('/api/orders', intake(api))).body;
    const [a, b] = await Promise.all([
      agent.tryAct(o, 'direct-answer', { answer: '已答复' }),
      dispatcher.tryAct(o, 'dispatch', { unitId: api.ref.unit('swjt').id }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const after = (await agent.get<OrderDetail>(`/api/orders/${o.id}`)).body;
    expect(after.version).toBe(2);
    expect(after.history).toHaveLength(2);
  });

  it('60 concurrent intakes get 60 distinct, consecutive numbers of the day', async () => {
    const agent = await api.as('agent');
    const results = await Promise.all(Array.from({ length: 60 }, () => agent.post<OrderDetail>('/api/orders', intake(api))));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const numbers = results.map((r) => r.body.number).sort();
    expect(new Set(numbers).size).toBe(60);
    const seqs = numbers.map((n) => Number(n.slice(8)));
    expect(seqs[59] - seqs[0]).toBe(59);
  });
});
