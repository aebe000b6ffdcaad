import { DataSource } from 'typeorm';
import type { OrderDetail } from '@hotline/contracts';
import { SummaryMaintenance } from '@hotline/server-statistics';
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

  it('40 concurrent intakes into one summary cell spread over its slots, and the cell still sums to 40', async () => {
    const agent = await api.as('agent');
    const ds = api.app.get(DataSource);
    // a channel and type nothing else in the run uses together, so the cell is this test's alone
    const cell = "grain = 'y' AND channel_code = 'sms' AND appeal_type_code = 'thanks'";
    const before = Number((await ds.query(`SELECT COALESCE(SUM(accepted), 0) AS n FROM stat_intake WHERE ${cell}`))[0].n);
    const results = await Promise.all(
      Array.from({ length: 40 }, () => agent.post<OrderDetail>('/api/orders', intake(api, { channel: 'sms', appealType: 'thanks' }))),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const rows: { slot: number; accepted: number }[] = await ds.query(`SELECT slot, accepted FROM stat_intake WHERE ${cell}`);
    expect(rows.reduce((sum, r) => sum + Number(r.accepted), 0)).toBe(before + 40);
    expect(rows.length).toBeGreaterThan(1); // more than one pooled connection wrote to it
    const check = await api.app.get(SummaryMaintenance).check({ tables: ['stat_intake', 'stat_unit', 'stat_category'] });
    expect(check.tables.map((t) => [t.table, t.mismatches])).toEqual([
      ['stat_intake', 0],
      ['stat_category', 0],
      ['stat_unit', 0],
    ]);
  });
});
