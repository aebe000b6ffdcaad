import { DataSource } from 'typeorm';
import type { AnnualReport, AssessmentView, MeetingView, OrderDetail, SurgeAlertView } from '@hotline/contracts';
import { chinaDay } from '@hotline/domain';
import { intake, startApi, type Api, type Client } from './harness';

/** Unit assessment, coordination meetings and surge alerts over HTTP, on a day of real work. */
describe('assessment, meetings and surge alerts', () => {
  let api: Api;
  let agent: Client, dispatcher: Client, water: Client, police: Client, supervisor: Client, leader: Client, admin: Client;
  let ds: DataSource;
  const today = chinaDay(new Date());
  const month = today.slice(0, 7);
  const created: number[] = [];

  beforeAll(async () => {
    api = await startApi();
    [agent, dispatcher, water, police, supervisor, leader, admin] = await Promise.all(
      ['agent', 'dispatcher', 'swjt', 'gaj', 'supervisor', 'leader', 'admin'].map((u) => api.as(u)),
    );
    ds = api.app.get(DataSource);
  });
  afterAll(async () => {
    await ds.query('DELETE FROM surge_alert');
    await ds.query('DELETE FROM coordination_meeting');
    await ds.query("DELETE FROM reporting_setting WHERE name = 'assessment.weights'");
    await api.close();
  });

  const create = async (over: Record<string, unknown> = {}) => {
    const r = await agent.post<OrderDetail>('/api/orders', intake(api, over));
    expect(r.status).toBe(201);
    created.push(r.body.id);
    return r.body;
  };

  it('assesses a month: signing, finishing, satisfaction, returns by the unit that returned', async () => {
    const row = async (code: string) =>
      (await leader.get<AssessmentView>(`/api/assessment?month=${month}`)).body.rows.find((r) => r.unitId === api.ref.unit(code).id);
    const before = await row('gaj');
    // the police return one order; the water company finishes two, one called back satisfied
    const misrouted = await dispatcher.act(await create(), 'dispatch', { unitId: api.ref.unit('gaj').id });
    await dispatcher.act(await police.act(misrouted, 'return', { reason: '非本单位职责' }), 'approve-return');
    for (let i = 0; i < 2; i++) {
      let o = await dispatcher.act(await create(), 'dispatch', { unitId: api.ref.unit('swjt').id });
      o = await dispatcher.act(await water.act(await water.act(o, 'sign'), 'reply', { content: '已修复' }), 'accept-reply');
      if (i === 0) await (await api.as('callback')).act(o, 'callback', { satisfaction: 'satisfied', solved: true });
    }
    const r = await leader.get<AssessmentView>(`/api/assessment?month=${month}`);
    expect(r.status).toBe(200);
    expect(r.body.weights.normal).toEqual({ signOnTime: 20, onTime: 35, satisfaction: 35, returns: 5, rework: 5 });
    const w = r.body.rows.find((x) => x.unitId === api.ref.unit('swjt').id);
    expect(w).toMatchObject({ fullScore: 100, signOnTimeRate: 1, onTimeRate: 1, satisfactionRate: 1 });
    const p = await row('gaj');
    expect(p?.received).toBe((before?.received ?? 0) + 1);
    expect((p?.returnRate ?? 0) * (p?.received ?? 0)).toBeCloseTo((before?.returnRate ?? 0) * (before?.received ?? 0) + 1, 6);
    const ranked = r.body.rows.filter((x) => x.assessed);
    expect(r.body.rows.slice(0, ranked.length)).toEqual(ranked); // 未参评 rows come last
    expect(ranked.map((x) => x.rank)).toEqual(ranked.map((_, i) => i + 1));
    expect(r.body.rows.filter((x) => x.list === 'red').length).toBeLessThanOrEqual(Math.floor(ranked.length / 2));
    const county = r.body.rows.find((x) => x.county);
    if (county) expect(county.fullScore).toBe(150);
  });

  it('shows a unit with nothing to measure as 未参评: no score, no rank, on neither list', async () => {
    // dispatched to the civil affairs bureau, which has neither signed, finished nor been called back on anything
    await dispatcher.act(await create(), 'dispatch', { unitId: api.ref.unit('mzj').id });
    const r = await leader.get<AssessmentView>(`/api/assessment?month=${month}`);
    const civil = r.body.rows.find((x) => x.unitId === api.ref.unit('mzj').id);
    expect(civil).toMatchObject({
      received: 1,
      assessed: false,
      measured: [],
      score: null,
      rank: null,
      list: null,
      signOnTimeRate: null,
      onTimeRate: null,
      satisfactionRate: null,
    });
  });

  it('lets an admin change the weights, and no one else', async () => {
    const weights = {
      normal: { signOnTime: 10, onTime: 40, satisfaction: 40, returns: 5, rework: 5 },
      county: { signOnTime: 15, onTime: 60, satisfaction: 60, returns: 7.5, rework: 7.5 },
      blackBelow: 80,
      redCount: 3,
    };
    expect((await leader.req('PUT', '/api/assessment/weights', weights)).status).toBe(403);
    const put = await admin.req('PUT', '/api/assessment/weights', weights);
    expect(put.status).toBe(200);
    expect((await leader.get('/api/assessment/weights')).body).toEqual(weights);
    expect((await admin.req('PUT', '/api/assessment/weights', { ...weights, redCount: -1 })).body.code).toBe('VALIDATION_FAILED');
    expect((await leader.get('/api/assessment?month=2020-13')).body.code).toBe('VALIDATION_FAILED');
  });

  it('records coordination meetings against units and orders, and the report counts them', async () => {
    const o = await create();
    const m = await supervisor.post<MeetingView>('/api/meetings', {
      heldOn: today,
      title: '停车收费问题专题协调会议',
      summary: '明确分工',
      unitIds: [api.ref.unit('gaj').id, api.ref.unit('scjgj').id],
      orderIds: [o.id],
    });
    expect(m.status).toBe(201);
    expect(m.body).toMatchObject({
      heldOn: today,
      unitIds: [api.ref.unit('gaj').id, api.ref.unit('scjgj').id].sort((a, b) => a - b),
      orderIds: [o.id],
      orderNumbers: [o.number],
    });
    const listed = (await leader.get<MeetingView[]>(`/api/meetings?from=${today}&to=${today}`)).body.find((x) => x.id === m.body.id);
    expect(listed).toMatchObject({ orderIds: [o.id], orderNumbers: [o.number] });
    const report = await leader.get<AnnualReport>(`/api/reports/express?kind=express&from=${today}&to=${today}`);
    expect(report.body.figures['meetings']).toBe(1);
    expect(report.body.sections[1].blocks.map((b) => b.text).join('')).toContain('联动市公安局、市市场监督管理局等相关部门召开疑难问题专题协调会议 1次');
    // several orders: each number beside its id, in order
    const o2 = await create();
    const m2 = await supervisor.post<MeetingView>('/api/meetings', { heldOn: today, title: '供水管网协调会议', orderIds: [o2.id, o.id] });
    expect(m2.body).toMatchObject({ orderIds: [o.id, o2.id], orderNumbers: [o.number, o2.number] });
    expect((await supervisor.post('/api/meetings', { heldOn: today, title: 'x', orderIds: [999999999] })).body.code).toBe('UNKNOWN_REFERENCE');
    expect((await water.post('/api/meetings', { heldOn: today, title: 'x' })).status).toBe(403);
  });

  it('flags a sub-category jumping in a region, once however often the scan runs', async () => {
    const cat = api.ref.category('噪声扰民/建筑施工噪声/夜间施工').id;
    for (let i = 0; i < 6; i++) await create({ categoryId: cat, regionId: api.ref.regionId('灌南县'), address: `新安大道${i}号工地` });
    const scan = await admin.post<SurgeAlertView[]>('/api/surge-alerts/scan', { day: today });
    expect(scan.status).toBe(200);
    const alert = scan.body.find((a) => a.kind === 'category_region' && a.regionName === '灌南县');
    expect(alert).toMatchObject({ categoryPath: '噪声扰民/建筑施工噪声', baseline: 0 });
    expect(alert?.count).toBeGreaterThanOrEqual(6);
    await admin.post('/api/surge-alerts/scan', { day: today });
    expect(
      (await leader.get<SurgeAlertView[]>(`/api/surge-alerts?from=${today}&to=${today}`)).body.filter(
        (a) => a.regionName === '灌南县' && a.kind === 'category_region',
      ),
    ).toHaveLength(1);
    const dash = await leader.get(`/api/stats/dashboard?from=${today}&to=${today}`);
    expect(dash.body.surges.some((s: SurgeAlertView) => s.regionName === '灌南县')).toBe(true);
    // a null day is no day: yesterday, as when it is left out (the fuzzer found a 500 here)
    expect((await admin.post('/api/surge-alerts/scan', { day: null })).status).toBe(200);
  });
});
