import type { KpiSet, OrderDetail } from '@hotline/contracts';
import { DataSource } from 'typeorm';
import { chinaDay } from '@hotline/domain';
import { intake, startApi, type Api, type Client } from './harness';

/**
 * The summary tables follow every order change in the change's own transaction: after a day of mixed work
 * through the real API, the recount check finds every cell equal to a count from the orders, and the KPIs
 * moved by exactly what was done.
 */
describe('statistics engine (summary tables kept current by the order hook)', () => {
  let api: Api;
  let agent: Client, dispatcher: Client, water: Client, police: Client, callback: Client, supervisor: Client, leader: Client, admin: Client;
  const today = chinaDay(new Date());
  const kpis = async (platform = 'city'): Promise<KpiSet> => {
    const r = await leader.get<KpiSet>(`/api/stats/kpis?from=${today}&to=${today}&platform=${platform}`);
    expect(r.status).toBe(200);
    return r.body;
  };

  beforeAll(async () => {
    api = await startApi();
    [agent, dispatcher, water, police, callback, supervisor, leader, admin] = await Promise.all(
      ['agent', 'dispatcher', 'swjt', 'gaj', 'callback', 'supervisor', 'leader', 'admin'].map((u) => api.as(u)),
    );
  });
  afterAll(() => api.close());

  const create = async (over: Record<string, unknown> = {}) => {
    const r = await agent.post<OrderDetail>('/api/orders', intake(api, over));
    expect(r.status).toBe(201);
    return r.body;
  };

  it('counts a day of mixed work exactly, cell by cell and in the KPIs', async () => {
    const before = await kpis();

    // a consultation answered on the spot, tagged 疫情
    await agent.act(await create({ appealType: 'consult', topics: ['epidemic'] }), 'direct-answer', { answer: '按最新防控政策执行。' });
    // a complaint through the whole lifecycle with a satisfied callback
    let o = await dispatcher.act(await create(), 'dispatch', { unitId: api.ref.unit('swjt').id });
    o = await water.act(o, 'sign');
    o = await water.act(o, 'request-extension', { days: 2, reason: '需更换管道' });
    o = await dispatcher.act(o, 'approve-extension');
    o = await supervisor.act(o, 'urge', { comment: '请加快' });
    o = await leader.act(o, 'instruct', { content: '务必办好' });
    o = await water.act(o, 'reply', { content: '已修复' });
    o = await dispatcher.act(o, 'send-back', { reason: '说明不清' });
    o = await water.act(o, 'reply', { content: '已修复，恢复供水' });
    o = await dispatcher.act(o, 'accept-reply');
    o = await callback.act(o, 'callback', { satisfaction: 'very_satisfied', solved: true });
    await callback.act(o, 'close');
    // misrouted to the police, returned, re-dispatched to water: the stats follow the unit
    let r = await dispatcher.act(await create({ channel: 'web' }), 'dispatch', { unitId: api.ref.unit('gaj').id });
    r = await police.act(r, 'return', { reason: '非本单位职责' });
    r = await dispatcher.act(r, 'approve-return');
    await dispatcher.act(r, 'dispatch', { unitId: api.ref.unit('swjt').id });
    // reopened after a dissatisfied callback, then left open
    let d = await dispatcher.act(await create({ channel: 'patrol', appealType: 'report', topics: ['civilization'] }), 'dispatch', {
      unitId: api.ref.unit('swjt').id,
    });
    d = await dispatcher.act(await water.act(await water.act(d, 'sign'), 'reply', { content: '已处理' }), 'accept-reply');
    await callback.act(d, 'callback', { satisfaction: 'dissatisfied', solved: false, reopen: true });
    // a duplicate merged into a master
    const master = await create();
    await dispatcher.act(await create(), 'merge', { masterId: master.id });
    // a praise for the water company
    await dispatcher.act(await create({ appealType: 'praise' }), 'dispatch', { unitId: api.ref.unit('swjt').id });

    const check = await admin.get('/api/stats/check');
    expect(check.status).toBe(200);
    expect(check.body.tables.filter((t: { mismatches: number }) => t.mismatches > 0)).toEqual([]);
    expect(check.body.ok).toBe(true);

    const after = await kpis();
    const diff = (f: (k: KpiSet) => number) => f(after) - f(before);
    expect(diff((k) => k.accepted.value)).toBe(7);
    expect(diff((k) => k.publicAppeals.value)).toBe(6);
    expect(diff((k) => k.collectorAppeals.value)).toBe(1);
    expect(diff((k) => k.consultations.value)).toBe(1);
    expect(diff((k) => k.consultationDirectRate.numerator)).toBe(1);
    expect(diff((k) => k.direct.value)).toBe(1);
    expect(diff((k) => k.dispatched.value)).toBe(4);
    expect(diff((k) => k.finished.value)).toBe(1);
    expect(diff((k) => k.onTimeRate.numerator)).toBe(1);
    expect(diff((k) => k.callbacks.value)).toBe(1);
    expect(diff((k) => k.satisfactionRate.numerator)).toBe(1);
    expect(diff((k) => k.internet.value)).toBe(1);
    expect(diff((k) => k.praise.value)).toBe(1);
    expect(diff((k) => k.instructions.value)).toBe(1);
    const topic = (k: KpiSet, code: string) => k.topics.find((t) => t.code === code)?.accepted.value ?? 0;
    expect(topic(after, 'epidemic') - topic(before, 'epidemic')).toBe(1);
    expect(topic(after, 'civilization') - topic(before, 'civilization')).toBe(1);
    expect(after.dailyAverage).toBe(after.accepted.value);
    expect(after.period).toEqual({ from: today, to: today, days: 1 });

    // per unit: the police returned one order, the water company has four dispatched to it now
    const units = await leader.get(`/api/stats/units?from=${today}&to=${today}`);
    expect(units.status).toBe(200);
    const waterRow = units.body.find((u: { unitName: string }) => u.unitName === '连云港水务集团');
    expect(waterRow.dispatched).toBeGreaterThanOrEqual(4);
    expect(waterRow.praise).toBeGreaterThanOrEqual(1);
  });

  it('finds a tampered cell, and a rebuild from scratch restores the same figures', async () => {
    const before = await kpis('all');
    const ds = api.app.get(DataSource);
    await ds.query("UPDATE stat_intake SET accepted = accepted + 5 WHERE grain = 'm' AND period = ? LIMIT 1", [`${today.slice(0, 7)}-01`]);
    await ds.query('DELETE FROM stat_overdue LIMIT 1');
    const bad = await admin.get('/api/stats/check');
    expect(bad.body.ok).toBe(false);
    const intakeCheck = bad.body.tables.find((t: { table: string }) => t.table === 'stat_intake');
    expect(intakeCheck.mismatches).toBe(1);
    expect(intakeCheck.samples[0].stored.accepted - intakeCheck.samples[0].recount.accepted).toBe(5);
    expect(bad.body.tables.find((t: { table: string }) => t.table === 'stat_overdue').mismatches).toBe(1);

    const rebuilt = await admin.post('/api/stats/rebuild');
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.body.map((t: { table: string }) => t.table)).toEqual([
      'stat_intake',
      'stat_category',
      'stat_unit',
      'stat_topic',
      'stat_event',
      'stat_overdue',
      'stat_call',
      'stat_call_kpi',
    ]);
    expect(await kpis('all')).toEqual(before);
    expect((await admin.get('/api/stats/check')).body.ok).toBe(true);
  });

  it('serves the dashboard, units and regions for any period', async () => {
    const dash = await leader.get(`/api/stats/dashboard?from=${today}&to=${today}&platform=all`);
    expect(dash.status).toBe(200);
    expect(dash.body.trendGranularity).toBe('day');
    expect(dash.body.trend).toEqual([expect.objectContaining({ bucket: today })]);
    expect(dash.body.kpis.accepted.value).toBeGreaterThanOrEqual(7);
    expect(dash.body.types.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining(['consult', 'complaint', 'praise']));
    expect(dash.body.hotCategories[0]).toMatchObject({ name: '水电气暖' });
    expect(dash.body.heat.columns[0].name).toBe('水电气暖');
    expect(dash.body.praisedUnits[0]).toMatchObject({ name: '连云港水务集团' });
    const regions = await leader.get(`/api/stats/regions?from=${today}&to=${today}`);
    expect(regions.status).toBe(200);
    expect(regions.body.find((r: { regionName: string }) => r.regionName === '海州区').accepted.value).toBeGreaterThan(0);
  });

  it('refuses bad periods, unknown platforms and roles that do not steer the work', async () => {
    expect((await leader.get('/api/stats/kpis?from=2020-02-30&to=2020-03-01')).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect((await leader.get('/api/stats/kpis?from=2020-03-02&to=2020-03-01')).body.code).toBe('VALIDATION_FAILED');
    expect((await leader.get('/api/stats/kpis?from=2020-03-01')).body.code).toBe('VALIDATION_FAILED');
    expect((await leader.get('/api/stats/kpis?from=2000-01-01&to=2020-03-01')).body.code).toBe('VALIDATION_FAILED');
    expect((await leader.get('/api/stats/kpis?from=2020-01-01&to=2020-03-01&platform=nowhere')).body).toMatchObject({
      statusCode: 422,
      code: 'UNKNOWN_REFERENCE',
    });
    expect((await water.get('/api/stats/kpis?from=2020-01-01&to=2020-03-01')).body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN_ROLE' });
    expect((await agent.get('/api/stats/dashboard?from=2020-01-01&to=2020-03-01')).status).toBe(403);
    expect((await leader.get('/api/stats/check')).status).toBe(403);
    expect((await leader.post('/api/stats/rebuild')).status).toBe(403);
  });
});
