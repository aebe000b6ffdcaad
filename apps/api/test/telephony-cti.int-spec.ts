import { DataSource } from 'typeorm';
import { SummaryMaintenance } from '@hotline/server-statistics';
import { startApi, intake, openEventStream, until, type Api, type Client } from './harness';

/**
 * The PBX's CTI push endpoint (Zammad's generic CTI API) with recorded event sequences, the call pop over the
 * event stream, the call ↔ order links, the wallboard and the call KPIs against a recount (real MariaDB + Redis).
 */
describe('telephony: CTI events, pop, links, KPIs (real MariaDB + Redis)', () => {
  let api: Api;
  let ds: DataSource;
  let admin: Client;
  let agent: Client;
  let supervisor: Client;
  let callback: Client;
  let path: string;
  let agentId: number;
  let callbackId: number;
  const run = `t${process.pid}${Date.now() % 100000}`;
  let seq = 0;
  const id = () => `${run}-${++seq}`;

  const push = (body: Record<string, unknown> | string, contentType = 'application/json', to = path) =>
    api.anon.req('POST', to, typeof body === 'string' ? body : JSON.stringify(body), { 'content-type': contentType });
  const call = async (callId: string) => {
    const r = await supervisor.get(`/api/calls?callId=${callId}`);
    expect(r.status).toBe(200);
    return r.body.items[0];
  };
  /** Replays one recorded sequence: events with the seconds since the first, through the `at` field. */
  const replay = async (callId: string, from: string, events: [number, string, Record<string, unknown>?][]) => {
    const t0 = Date.now() - 600_000;
    for (const [s, event, extra] of events) {
      const r = await push({ event, callId, from, to: '12345', direction: 'in', queue: '市民热线', at: new Date(t0 + s * 1000).toISOString(), ...extra });
      expect(r.status).toBe(200);
    }
    return call(callId);
  };

  beforeAll(async () => {
    api = await startApi();
    ds = api.app.get(DataSource);
    [admin, agent, supervisor, callback] = await Promise.all(['admin', 'agent', 'supervisor', 'callback'].map((u) => api.as(u)));
    const view = await admin.get('/api/admin/telephony');
    expect(view.status).toBe(200);
    expect(view.body.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/cti\/[\w-]{20,}$/);
    path = new URL(view.body.endpoint).pathname;
    const users = view.body.extensions as { userId: number; username: string }[];
    agentId = users.find((u) => u.username === 'agent')?.userId as number;
    callbackId = users.find((u) => u.username === 'callback')?.userId as number;
    const ext = await admin.req('PUT', `/api/admin/telephony/extensions/${agentId}`, { extension: '8001' });
    expect(ext.status).toBe(200);
  });

  afterAll(async () => {
    // this run's calls go, and the call cells are recounted without them, so later files find the tables consistent
    await ds.query("DELETE FROM call_record WHERE call_id LIKE ? OR caller_phone LIKE '1399999%'", [`${run}-%`]);
    await ds.query('UPDATE app_user SET phone_extension = NULL WHERE id IN (?, ?)', [agentId, callbackId]);
    await ds.query('DELETE FROM agent_state WHERE user_id IN (?, ?)', [agentId, callbackId]);
    await api.app.get(SummaryMaintenance).rebuild(['stat_call', 'stat_call_kpi']);
    await api.close();
  });

  it('a wrong token is a 404 and stores nothing; a malformed or unknown event is a 400 naming the field', async () => {
    const before = (await ds.query('SELECT COUNT(*) AS n FROM call_record'))[0].n;
    const body = { event: 'newCall', callId: id(), from: '13999990001', to: '12345', direction: 'in' };
    expect((await push(body, 'application/json', '/api/cti/not-the-right-token-at-all')).status).toBe(404);
    expect((await push(body, 'application/json', '/api/cti/x')).status).toBe(404);
    const unknown = await push({ ...body, event: 'ringing' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'event' }] });
    const bad = await push({ event: 'answer', from: '138', direction: 'up' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['callId', 'direction']);
    expect((await push('{"event": ', 'application/json')).status).toBe(400);
    expect((await ds.query('SELECT COUNT(*) AS n FROM call_record'))[0].n).toBe(before);
  });

  it('normal: rings 6 s, answered by extension 8001, talk 94 s; the agent sees it, others do not', async () => {
    const callId = id();
    const c = await replay(callId, '13999990002', [
      [0, 'newCall', { user: ['agent'] }],
      [6, 'answer', { answeringNumber: '8001' }],
      [100, 'hangup', { cause: 'normalClearing', recordingUrl: 'https://pbx.example/rec/1.wav' }],
    ]);
    expect(c).toMatchObject({ answered: true, abandoned: false, waitSeconds: 6, talkSeconds: 94, agentId, queue: '市民热线', source: 'pbx' });
    expect(c.recordingUrl).toBe('https://pbx.example/rec/1.wav');
    const mine = await agent.get('/api/calls');
    expect(mine.body.items.map((x: { callId: string }) => x.callId)).toContain(callId);
    expect((await callback.get('/api/calls')).body.items.map((x: { callId: string }) => x.callId)).not.toContain(callId);
    expect((await (await api.as('gaj')).get('/api/calls')).status).toBe(403);
  });

  it('abandoned, transferred, out of order and duplicated sequences end as the same facts', async () => {
    const abandoned = await replay(id(), '13999990003', [
      [0, 'newCall'],
      [25, 'hangup', { cause: 'cancel' }],
    ]);
    expect(abandoned).toMatchObject({ answered: false, abandoned: true, waitSeconds: 25, agentId: null });

    const transferred = await replay(id(), '13999990004', [
      [0, 'newCall'],
      [4, 'answer', { answeringNumber: '8001' }],
      [40, 'answer', { answeringNumber: 'callback' }],
      [120, 'hangup', { cause: 'normalClearing' }],
    ]);
    expect(transferred).toMatchObject({ answered: true, transfers: 1, agentId: callbackId, waitSeconds: 4, talkSeconds: 116 });

    // the hangup arrives before its answer, and the newCall last
    const late = await replay(id(), '13999990005', [
      [60, 'hangup', { cause: 'normalClearing' }],
      [5, 'answer', { answeringNumber: '8001' }],
      [0, 'newCall'],
    ]);
    expect(late).toMatchObject({ answered: true, abandoned: false, waitSeconds: 5, talkSeconds: 55, agentId });

    const dupId = id();
    const events: [number, string, Record<string, unknown>?][] = [
      [0, 'newCall'],
      [8, 'answer', { answeringNumber: '8001' }],
      [50, 'hangup', { cause: 'normalClearing' }],
    ];
    const once = await replay(dupId, '13999990006', events);
    const twice = await replay(dupId, '13999990006', [...events, ...events]);
    expect(twice).toEqual(once);
    const r = await push({ event: 'hangup', callId: dupId, from: '13999990006', direction: 'in' });
    expect(r.body).toEqual({ callId: dupId, changed: false });
  });

  it('takes form-encoded events (user[] repeated), and no other route takes forms', async () => {
    const callId = id();
    const form = (event: string, extra = '') =>
      `event=${event}&from=13999990007&to=12345&direction=in&callId=${callId}&user%5B%5D=agent&user%5B%5D=callback${extra}`;
    expect((await push(form('newCall'), 'application/x-www-form-urlencoded')).status).toBe(200);
    expect((await push(form('answer', '&answeringNumber=8001'), 'application/x-www-form-urlencoded')).status).toBe(200);
    expect(await call(callId)).toMatchObject({ answered: true, agentId, from: '13999990007' });
    expect((await push(form('hangup', '&cause=normalClearing'), 'application/x-www-form-urlencoded')).status).toBe(200);
    const elsewhere = await agent.req('POST', '/api/auth/login', 'username=agent&password=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(elsewhere.status).toBe(415);
  });

  it('an answer pops the answering agent’s stream within a second; the order taken on it is linked', async () => {
    const stream = await openEventStream(agent, '/api/notifications/stream');
    try {
      await until('the stream to be ready', async () => stream.events.some((e) => e.type === 'ready'));
      const callId = id();
      await push({ event: 'newCall', callId, from: '13999990008', to: '12345', direction: 'in', queue: '市民热线' });
      const answeredAt = Date.now();
      await push({ event: 'answer', callId, from: '13999990008', to: '12345', direction: 'in', answeringNumber: '8001' });
      const pop = await until('the call pop', async () => stream.events.find((e) => e.type === 'call-pop'), 1000, 10);
      expect(Date.now() - answeredAt).toBeLessThan(1000);
      expect(pop.data).toMatchObject({ callId, from: '13999990008', queue: '市民热线', direction: 'in' });

      // another agent's call id is refused, with the field at fault
      const wrong = await agent.post('/api/orders', intake(api, { callId: 'no-such-call' }));
      expect(wrong.status).toBe(422);
      expect(wrong.body.details).toEqual([{ field: 'callId', messages: ['no such unlinked call'] }]);

      const order = await agent.post('/api/orders', intake(api, { caller: { name: '王女士', phone: '13999990008' }, callId }));
      expect(order.status).toBe(201);
      expect(await call(callId)).toMatchObject({ orderId: order.body.id, orderNumber: order.body.number, linkPurpose: 'intake' });
      expect(order.body.history[0].data).toMatchObject({ callId });
      const again = await agent.get('/api/telephony/caller/13999990008');
      expect(again.body).toMatchObject({ phone: '13999990008', orders: 1, openOrders: 1, confidential: false, calls: 0 });
      expect(again.body.recent[0]).toMatchObject({ id: order.body.id, number: order.body.number });
      expect((await agent.get(`/api/calls?orderId=${order.body.id}`)).body.total).toBe(1);
      // a call links to one order only
      expect((await agent.post('/api/orders', intake(api, { callId }))).status).toBe(422);
      await push({ event: 'hangup', callId, from: '13999990008', direction: 'in', cause: 'normalClearing' });
    } finally {
      stream.close();
    }
  });

  it('outbound calls (a callback, a three-way call with a unit) are logged and linked to their order', async () => {
    const order = (await agent.post('/api/orders', intake(api, { caller: { name: '李先生', phone: '13999990009' } }))).body;
    await ds.query('UPDATE app_user SET phone_extension = ? WHERE id = ?', ['8009', callbackId]);
    const out = id();
    for (const event of ['newCall', 'answer', 'hangup'])
      expect((await push({ event, callId: out, from: '8009', to: '13999990009', direction: 'out' })).status).toBe(200);
    const logged = await call(out);
    expect(logged).toMatchObject({ direction: 'out', from: '8009', to: '13999990009', agentId: callbackId, answered: true });
    const linked = await callback.post(`/api/calls/${logged.id}/link`, { orderId: order.id, purpose: 'callback' });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ orderId: order.id, linkPurpose: 'callback' });
    // someone else's call is not the agent's to link
    expect((await agent.post(`/api/calls/${logged.id}/link`, { orderId: order.id, purpose: 'callback' })).status).toBe(404);
    expect((await callback.post(`/api/calls/${logged.id}/link`, { orderId: order.id, purpose: 'lunch' })).status).toBe(400);

    const threeWay = id();
    for (const event of ['newCall', 'answer', 'hangup']) await push({ event, callId: threeWay, from: '8001', to: '0518-85800000', direction: 'out' });
    const tw = await call(threeWay);
    const r = await agent.post(`/api/calls/${tw.id}/link`, { orderId: order.id, purpose: 'three-way' });
    expect(r.body).toMatchObject({ linkPurpose: 'three-way', orderNumber: order.number });
    const audit = await ds.query("SELECT action, data FROM audit_log WHERE entity = 'call' AND entity_id = ?", [String(tw.id)]);
    expect(audit).toHaveLength(1);
    expect((await agent.get(`/api/calls?orderId=${order.id}`)).body.items.map((c: { linkPurpose: string }) => c.linkPurpose).sort()).toEqual(['three-way']);
    expect((await supervisor.get(`/api/calls?orderId=${order.id}`)).body.total).toBe(2);
  });

  it('wallboard: waiting calls, agents on call / free / wrap-up; 示忙/示闲 from the desk', async () => {
    expect((await agent.req('PUT', '/api/telephony/me/state', { state: 'busy' })).body).toMatchObject({ set: 'busy' });
    expect((await agent.req('PUT', '/api/telephony/me/state', { state: 'away' })).status).toBe(400);
    const ringing = id();
    await push({ event: 'newCall', callId: ringing, from: '13999990010', to: '12345', direction: 'in' });
    const live = id();
    await push({ event: 'newCall', callId: live, from: '13999990011', to: '12345', direction: 'in' });
    await push({ event: 'answer', callId: live, from: '13999990011', to: '12345', direction: 'in', answeringNumber: 'callback' });
    const board = await supervisor.get('/api/telephony/wallboard');
    expect(board.status).toBe(200);
    expect(board.body.waiting).toBeGreaterThanOrEqual(1);
    const state = (uid: number) => board.body.agents.find((a: { userId: number }) => a.userId === uid)?.state;
    expect(state(callbackId)).toBe('on-call');
    expect(['busy', 'wrap-up']).toContain(state(agentId));
    expect((await agent.get('/api/telephony/wallboard')).status).toBe(403);
    await push({ event: 'hangup', callId: live, from: '13999990011', direction: 'in' });
    await push({ event: 'hangup', callId: ringing, from: '13999990010', direction: 'in', cause: 'cancel' });
    const after = await supervisor.get('/api/telephony/wallboard');
    expect(after.body.agents.find((a: { userId: number }) => a.userId === callbackId).state).toBe('wrap-up');
    expect(after.body.today.offered).toBeGreaterThanOrEqual(2);
    expect(after.body.today.abandoned).toBeGreaterThanOrEqual(1);
  });

  it('answeredIn15sRate, abandon rate, wait and talk by day/hour/agent/queue equal a recount of the calls', async () => {
    const check = await api.app.get(SummaryMaintenance).check({ tables: ['stat_call', 'stat_call_kpi'] });
    expect(check.tables.map((t) => [t.table, t.mismatches])).toEqual([
      ['stat_call', 0],
      ['stat_call_kpi', 0],
    ]);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const [raw] = await ds.query(
      `SELECT COUNT(*) AS offered, SUM(answered) AS answered, SUM(answered = 1 AND TIMESTAMPDIFF(MICROSECOND, called_at, answered_at) <= 15000000) AS in15
         FROM call_record WHERE counted = 1 AND called_at >= ?`,
      [new Date(`${today}T00:00:00+08:00`)],
    );
    const byAgent = await supervisor.get(`/api/telephony/kpis?from=${today}&to=${today}&by=agent`);
    expect(byAgent.status).toBe(200);
    expect(byAgent.body.total).toMatchObject({ offered: Number(raw.offered), answered: Number(raw.answered), answeredIn15s: Number(raw.in15) });
    expect(byAgent.body.total.answeredIn15sRate).toBeCloseTo(Number(raw.in15) / Number(raw.offered), 10);
    const mine = byAgent.body.rows.find((r: { key: string }) => r.key === String(agentId));
    expect(mine.label).toBe('话务员小王');
    for (const by of ['day', 'hour', 'queue']) {
      const r = await supervisor.get(`/api/telephony/kpis?from=${today}&to=${today}&by=${by}`);
      expect(r.body.rows.reduce((s: number, x: { offered: number }) => s + x.offered, 0)).toBe(Number(raw.offered));
    }
    // the dashboard's 接通率 comes from the same cells, live calls included
    const kpis = await supervisor.get(`/api/stats/kpis?from=${today}&to=${today}&platform=all`);
    expect(kpis.status).toBe(200);
    expect(kpis.body.answerRate).toMatchObject({ numerator: Number(raw.answered), denominator: Number(raw.offered) });
    expect(kpis.body.answeredIn15sRate).toMatchObject({ numerator: Number(raw.in15), denominator: Number(raw.offered) });
    expect(kpis.body.abandonRate.numerator).toBe(byAgent.body.total.abandoned);
    expect(kpis.body.avgWaitSeconds).toBeCloseTo(byAgent.body.total.avgWaitSeconds, 10);
  });

  it('admins rotate the token: the old URL stops at once', async () => {
    const view = (await admin.get('/api/admin/telephony')).body;
    const rotated = await admin.post(`/api/admin/telephony/pbx/${view.pbxs[0].id}/rotate`);
    expect(rotated.status).toBe(200);
    const newPath = new URL(rotated.body.endpoint).pathname;
    expect(newPath).not.toBe(path);
    const body = { event: 'newCall', callId: id(), from: '13999990012', to: '12345', direction: 'in' };
    expect((await push(body)).status).toBe(404);
    expect((await push(body, 'application/json', newPath)).status).toBe(200);
    path = newPath;
    expect((await agent.get('/api/admin/telephony')).status).toBe(403);
    const dup = await admin.req('PUT', `/api/admin/telephony/extensions/${callbackId}`, { extension: '8001' });
    expect(dup.status).toBe(409);
    expect(dup.body.details).toEqual([{ field: 'extension', messages: ['already in use'] }]);
  });
});
