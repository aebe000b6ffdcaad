import { DataSource } from 'typeorm';
import type { OrderDetail, OrderSummary, Page } from '@hotline/contracts';
import { intake, startApi, type Api, type Client } from './harness';

describe('order lifecycle over HTTP (real MariaDB + Redis)', () => {
  let api: Api;
  let agent: Client, dispatcher: Client, water: Client, callback: Client, supervisor: Client, leader: Client, police: Client;

  beforeAll(async () => {
    api = await startApi();
    [agent, dispatcher, water, callback, supervisor, leader, police] = await Promise.all(
      ['agent', 'dispatcher', 'swjt', 'callback', 'supervisor', 'leader', 'gaj'].map((u) => api.as(u)),
    );
  });
  afterAll(() => api.close());

  const create = async (over: Record<string, unknown> = {}) => {
    const r = await agent.post<OrderDetail>('/api/orders', intake(api, over));
    expect(r.status).toBe(201);
    return r.body;
  };
  const dispatched = async (unit = 'swjt', over: Record<string, unknown> = {}) =>
    dispatcher.act(await create(over), 'dispatch', { unitId: api.ref.unit(unit).id });
  const handling = async () => water.act(await dispatched(), 'sign');

  it('walks intake → dispatch → sign → reply → accept → callback → close, recording every step', async () => {
    const o = await create();
    expect(o).toMatchObject({ status: 'registered', version: 1, resolution: null });
    expect(o.number).toMatch(/^\d{14}$/);
    expect(o.allowedActions).toEqual(expect.arrayContaining(['direct-answer', 'dispatch', 'merge']));

    const d = await dispatcher.act(o, 'dispatch', { unitId: api.ref.unit('swjt').id, comment: '请尽快处理' });
    expect(d).toMatchObject({ status: 'dispatched', mainUnitName: '连云港水务集团', version: 2 });
    expect(new Date(d.signDueAt as string).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(d.handleDueAt as string).getTime()).toBeGreaterThan(new Date(d.signDueAt as string).getTime());

    const s = await water.act(d, 'sign');
    expect(s.status).toBe('handling');
    expect(s.allowedActions).toEqual(expect.arrayContaining(['reply', 'return', 'request-extension', 'suspend']));
    const r = await water.act(s, 'reply', { content: '已抢修完毕，恢复供水。' });
    expect(r).toMatchObject({ status: 'replied', reply: '已抢修完毕，恢复供水。' });
    const a = await dispatcher.act(r, 'accept-reply');
    expect(a.status).toBe('callback_pending');
    expect(a.callbackDueAt).not.toBeNull();
    const c = await callback.act(a, 'callback', { satisfaction: 'satisfied', solved: true, comment: '市民满意' });
    expect(c).toMatchObject({ status: 'callback_pending', callback: { satisfaction: 'satisfied', solved: true } });
    const closed = await callback.act(c, 'close');
    expect(closed).toMatchObject({ status: 'closed', allowedActions: [] });
    expect(closed.closedAt).not.toBeNull();

    expect(closed.history.map((h) => [h.action, h.fromStatus, h.toStatus])).toEqual([
      ['create', null, 'registered'],
      ['dispatch', 'registered', 'dispatched'],
      ['sign', 'dispatched', 'handling'],
      ['reply', 'handling', 'replied'],
      ['accept-reply', 'replied', 'callback_pending'],
      ['callback', 'callback_pending', 'callback_pending'],
      ['close', 'callback_pending', 'closed'],
    ]);
    expect(closed.history[1]).toMatchObject({
      actorName: '派单员小李',
      actorRole: 'dispatcher',
      comment: '请尽快处理',
      data: { unitId: api.ref.unit('swjt').id },
    });
    expect(closed.history[2]).toMatchObject({ actorRole: 'unit_handler', actorUnitId: api.ref.unit('swjt').id });
  });

  it('intake answers with the order exactly as stored (it is built in memory, not read back)', async () => {
    const topic = ((await agent.get<{ code: string }[]>('/api/topics')).body[0] as { code: string }).code;
    for (const over of [{}, { topics: [topic], urgent: true, caller: { phone: '13900001111', confidential: true }, address: undefined, regionId: undefined }]) {
      const created = await create(over);
      const stored = await agent.get<OrderDetail>(`/api/orders/${created.id}`);
      expect(stored.status).toBe(200);
      expect(created).toEqual(stored.body);
    }
  });

  it('search: handleDueBefore finds the orders overdue for at least N days (积案), sorted by deadline, for any number', async () => {
    const ds = api.app.get(DataSource);
    const marker = `积案检索${Date.now()}`;
    const day = 86_400_000;
    const made: OrderDetail[] = [];
    for (const ago of [10, 3, -1]) {
      const o = await dispatched('swjt', { content: `${marker} 小区供水管道漏水多日。` });
      await ds.query('UPDATE work_order SET handle_due_at = ? WHERE id = ?', [new Date(Date.now() - ago * day), o.id]);
      made.push(o);
    }
    const search = (before: Date) =>
      dispatcher.get<Page<OrderSummary>>(`/api/orders?overdue=true&sort=handleDueAt&q=${encodeURIComponent(marker)}&handleDueBefore=${before.toISOString()}`);
    expect((await search(new Date(Date.now() - 7 * day))).body).toMatchObject({ total: 1, items: [{ id: made[0].id }] });
    expect((await search(new Date(Date.now() - 2 * day))).body.items.map((i) => i.id)).toEqual([made[0].id, made[1].id]);
    expect((await dispatcher.get('/api/orders?handleDueBefore=last-week')).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'handleDueBefore' }],
    });
    // the deadlines were moved behind the statistics' back: put them back, or the recount check of later tests differs
    for (const o of made) await ds.query('UPDATE work_order SET handle_due_at = ? WHERE id = ?', [new Date(o.handleDueAt as string), o.id]);
  });

  it('answers a consultation directly without dispatch', async () => {
    const o = await create({ appealType: 'consult' });
    const done = await agent.act(o, 'direct-answer', { answer: '可在政务服务网办理。' });
    expect(done).toMatchObject({ status: 'closed', resolution: 'direct', directAnswer: '可在政务服务网办理。' });
  });

  it('return: the unit returns a misrouted order, the center approves and re-dispatches', async () => {
    const o = await dispatched('gaj');
    const ret = await police.act(o, 'return', { reason: '不属于公安职责，应由供水单位处理' });
    expect(ret).toMatchObject({ status: 'returning', pendingReturn: { reason: '不属于公安职责，应由供水单位处理' } });
    const back = await dispatcher.act(ret, 'approve-return', { comment: '同意，改派水务' });
    expect(back).toMatchObject({ status: 'registered', mainUnitId: null, pendingReturn: null });
    expect((await police.get(`/api/orders/${o.id}`)).status).toBe(404);
    const again = await dispatcher.act(back, 'dispatch', { unitId: api.ref.unit('swjt').id });
    expect(again).toMatchObject({ status: 'dispatched', mainUnitName: '连云港水务集团' });
  });

  it('return: a rejected return goes back to where it came from', async () => {
    const fromDispatched = await police.act(await dispatched('gaj'), 'return', { reason: '非本单位' });
    expect((await dispatcher.act(fromDispatched, 'reject-return', { comment: '属于职责范围' })).status).toBe('dispatched');
    const h = await water.act(await dispatched('swjt'), 'sign');
    const fromHandling = await water.act(h, 'return', { reason: '非本单位' });
    expect((await dispatcher.act(fromHandling, 'reject-return')).status).toBe('handling');
  });

  it('extension: approval moves the handling deadline by working days; rejection leaves it', async () => {
    const h = await handling();
    const req = await water.act(h, 'request-extension', { days: 5, reason: '需更换主管道' });
    expect(req.pendingExtension).toMatchObject({ days: 5, reason: '需更换主管道' });
    expect((await water.tryAct(req, 'request-extension', { days: 2, reason: 'again' })).body.code).toBe('PRECONDITION_FAILED');
    const ok = await dispatcher.act(req, 'approve-extension');
    expect(ok.pendingExtension).toBeNull();
    const moved = new Date(ok.handleDueAt as string).getTime() - new Date(h.handleDueAt as string).getTime();
    expect(moved).toBeGreaterThanOrEqual(5 * 24 * 3600_000); // 5 working days span at least 5 calendar days
    expect(ok.history.at(-1)).toMatchObject({ action: 'approve-extension', data: { days: 5 } });

    const req2 = await water.act(ok, 'request-extension', { days: 3, reason: '再延' });
    const no = await dispatcher.act(req2, 'reject-extension', { comment: '不同意' });
    expect(no.handleDueAt).toBe(ok.handleDueAt);
    expect((await dispatcher.tryAct(no, 'approve-extension')).body.code).toBe('PRECONDITION_FAILED');
  });

  it('suspend stops the clock and resume restarts it with the time that was left', async () => {
    const h = await handling();
    const s = await water.act(h, 'suspend', { reason: '等待市民补充材料' });
    expect(s.status).toBe('suspended');
    const r = await water.act(s, 'resume');
    expect(r.status).toBe('handling');
    const left = r.history.at(-1)?.data?.['workingMinutesLeft'] as number;
    expect(left).toBeGreaterThan(0);
    // resumed at once, so the deadline hardly moves (the working time left is kept)
    expect(Math.abs(new Date(r.handleDueAt as string).getTime() - new Date(h.handleDueAt as string).getTime())).toBeLessThan(5 * 60_000 + 16 * 3600_000);
  });

  it('send-back (rework) returns the order to the unit with a fresh limit', async () => {
    const replied = await water.act(await handling(), 'reply', { content: '已处理' });
    const back = await dispatcher.act(replied, 'send-back', { reason: '未说明处理结果' });
    expect(back).toMatchObject({ status: 'handling', reworkCount: 1, reply: null });
    expect(back.history.at(-1)).toMatchObject({ action: 'send-back', comment: '未说明处理结果', data: { previousReply: '已处理' } });
  });

  it('a dissatisfied callback may reopen the order to the unit; a satisfied one may not', async () => {
    const a = await dispatcher.act(await water.act(await handling(), 'reply', { content: '已处理' }), 'accept-reply');
    const refused = await callback.tryAct(a, 'callback', { satisfaction: 'satisfied', solved: true, reopen: true });
    expect(refused).toMatchObject({ status: 409, body: { code: 'PRECONDITION_FAILED' } });
    const reopened = await callback.act(a, 'callback', { satisfaction: 'dissatisfied', solved: false, reopen: true, comment: '仍然停水' });
    expect(reopened).toMatchObject({ status: 'handling', reworkCount: 1, callback: null });
    expect(reopened.history.at(-1)).toMatchObject({ action: 'callback', data: { satisfaction: 'dissatisfied', reopen: true } });
  });

  it('closing without a callback needs a comment', async () => {
    const a = await dispatcher.act(await water.act(await handling(), 'reply', { content: '已处理' }), 'accept-reply');
    expect(await callback.tryAct(a, 'close')).toMatchObject({ status: 409, body: { code: 'PRECONDITION_FAILED' } });
    expect((await callback.act(a, 'close', { comment: '三次联系不上市民' })).status).toBe('closed');
  });

  it('merge: the duplicate follows its master and its caller gets the callback too', async () => {
    const master = await dispatched();
    const dup = await create({ caller: { name: '李女士', phone: '13900002222' } });
    const merged = await dispatcher.act(dup, 'merge', { masterId: master.id });
    expect(merged).toMatchObject({ status: 'merged', mergedIntoId: master.id });
    expect(merged.allowedActions).toEqual([]);
    expect((await callback.tryAct(merged, 'callback', { satisfaction: 'satisfied', solved: true })).body.code).toBe('PRECONDITION_FAILED');
    const masterNow = await dispatcher.get(`/api/orders/${master.id}`);
    expect(masterNow.body.history.at(-1)).toMatchObject({ action: 'merge', data: { mergedOrderId: dup.id } });

    await dispatcher.act(await water.act(await water.act(masterNow.body, 'sign'), 'reply', { content: '已修复' }), 'accept-reply');
    const queue = await callback.get(`/api/orders?callbackQueue=true&pageSize=200`);
    expect(queue.body.items.map((i: { id: number }) => i.id)).toEqual(expect.arrayContaining([master.id, dup.id]));
    const dupNow = (await callback.get(`/api/orders/${dup.id}`)).body;
    expect(dupNow.allowedActions).toEqual(['callback']);
    const called = await callback.act(dupNow, 'callback', { satisfaction: 'very_satisfied', solved: true });
    expect(called).toMatchObject({ status: 'merged', callback: { satisfaction: 'very_satisfied' } });
    expect((await dispatcher.tryAct(await create(), 'merge', { masterId: dup.id })).body.code).toBe('PRECONDITION_FAILED');
  });

  it('urge, supervise with feedback, and instruct leave history without changing status', async () => {
    const h = await handling();
    const u = await supervisor.act(h, 'urge', { comment: '请加快' });
    expect(u).toMatchObject({ status: 'handling', urgeCount: 1 });
    const sv = await supervisor.act(u, 'supervise', { comment: '督办：三日内反馈', feedbackDays: 3 });
    expect(sv).toMatchObject({ superviseCount: 1 });
    expect(sv.history.at(-1)?.data?.['feedbackDueAt']).toBeDefined();
    expect((await supervisor.tryAct(sv, 'supervise', { comment: 'again' })).body.code).toBe('PRECONDITION_FAILED');
    expect(sv.allowedActions).toEqual(['urge']); // supervise again only after feedback
    const fbView = (await water.get(`/api/orders/${h.id}`)).body as OrderDetail;
    expect(fbView.allowedActions).toContain('feedback');
    const fb = await water.act(fbView, 'feedback', { content: '已安排专人负责' });
    expect((await water.tryAct(fb, 'feedback', { content: 'again' })).body.code).toBe('PRECONDITION_FAILED');
    const ins = await leader.act(fb, 'instruct', { content: '请市水务集团举一反三' });
    expect(ins.history.map((x) => x.action).slice(-4)).toEqual(['urge', 'supervise', 'feedback', 'instruct']);
    expect(ins.status).toBe('handling');
  });

  it('a district passes an order down to its town, which signs it; the district still sees it', async () => {
    const district = await api.as('hzq');
    const town = await api.as('hzq_qyjd');
    const o = await dispatcher.act(await create({ categoryId: api.ref.category('市容环境/占道经营').children[0].id }), 'dispatch', {
      unitId: api.ref.unit('hzq').id,
    });
    const signed = await district.act(o, 'sign');
    expect((await district.tryAct(signed, 'dispatch', { unitId: api.ref.unit('gaj').id })).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'unitId' }],
    });
    const down = await district.act(signed, 'dispatch', { unitId: api.ref.unit('hzq_qyjd').id, comment: '请朐阳街道处理' });
    expect(down).toMatchObject({ status: 'dispatched', mainUnitName: '朐阳街道', handleDueAt: signed.handleDueAt });
    const townSigned = await town.act(down, 'sign');
    expect(townSigned.status).toBe('handling');
    expect((await district.get(`/api/orders/${o.id}`)).status).toBe(200);
    expect((await (await api.as('hzq_xpjd')).get(`/api/orders/${o.id}`)).status).toBe(404);
  });

  it('co-units see the order and co-reply; only the main unit replies', async () => {
    const o = await dispatcher.act(await create(), 'dispatch', { unitId: api.ref.unit('swjt').id, coUnitIds: [api.ref.unit('gaj').id] });
    expect(o.coUnits).toEqual([expect.objectContaining({ unitName: '市公安局', reply: null })]);
    const seen = (await police.get(`/api/orders/${o.id}`)).body as OrderDetail;
    expect(seen.allowedActions).toEqual(['co-reply']);
    expect((await police.tryAct(seen, 'sign')).body.code).toBe('FORBIDDEN_ROLE');
    const co = await police.act(seen, 'co-reply', { content: '已配合维持现场秩序' });
    expect(co.coUnits[0]).toMatchObject({ reply: '已配合维持现场秩序' });
    expect((await dispatcher.tryAct(co, 'dispatch', { unitId: api.ref.unit('swjt').id, coUnitIds: [api.ref.unit('swjt').id] })).body.code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('an action that sets nothing on the row (co-reply) still moves the version, so a form opened before it is stale', async () => {
    const o = await dispatcher.act(await create(), 'dispatch', { unitId: api.ref.unit('swjt').id, coUnitIds: [api.ref.unit('gaj').id] });
    const co = await police.act(o, 'co-reply', { content: '已配合' });
    expect(co).toMatchObject({ status: o.status, version: o.version + 1 });
    expect((await water.tryAct(o, 'sign')).body).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: o.version + 1 } });
  });

  describe('refusals', () => {
    it('a role that may never do an action gets 403 FORBIDDEN_ROLE', async () => {
      const o = await create();
      // the role comes first, before the order is looked up: the same 403 whether or not the unit could see the order
      expect(await water.tryAct(o, 'direct-answer', { answer: 'x' })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN_ROLE' } });
      expect(await callback.tryAct(o, 'dispatch', { unitId: 1 })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN_ROLE' } });
      expect(await leader.tryAct(o, 'merge', { masterId: 1 })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN_ROLE' } });
      expect(await (await api.as('admin')).tryAct(o, 'direct-answer', { answer: 'x' })).toMatchObject({ status: 403 });
    });

    it('an action the status does not allow gets 409 INVALID_TRANSITION and changes nothing', async () => {
      const o = await create();
      expect(await dispatcher.tryAct(o, 'accept-reply')).toMatchObject({ status: 409, body: { code: 'INVALID_TRANSITION' } });
      expect(await callback.tryAct(o, 'close', { comment: 'x' })).toMatchObject({ status: 409, body: { code: 'INVALID_TRANSITION' } });
      const d = await dispatcher.act(o, 'dispatch', { unitId: api.ref.unit('swjt').id });
      expect(await water.tryAct(d, 'reply', { content: 'x' })).toMatchObject({ status: 409, body: { code: 'INVALID_TRANSITION' } });
      const after = (await dispatcher.get(`/api/orders/${o.id}`)).body;
      expect(after).toMatchObject({ status: 'dispatched', version: d.version });
      expect(after.history).toHaveLength(2);
    });

    it('a stale version gets 409 STALE_VERSION with the current version', async () => {
      const o = await create();
      await dispatcher.act(o, 'dispatch', { unitId: api.ref.unit('swjt').id });
      expect(await dispatcher.tryAct(o, 'dispatch', { unitId: api.ref.unit('gaj').id })).toMatchObject({
        status: 409,
        body: { code: 'STALE_VERSION', details: { currentVersion: 2 } },
      });
    });

    it('action bodies are validated per action, naming the field', async () => {
      const o = await create();
      expect((await dispatcher.post(`/api/orders/${o.id}/actions/dispatch`, { version: o.version })).body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'unitId' }],
      });
      expect((await dispatcher.post(`/api/orders/${o.id}/actions/dispatch`, { unitId: 1 })).body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'version' }],
      });
      expect((await dispatcher.post(`/api/orders/${o.id}/actions/dispatch`, { version: 1, unitId: 999999 })).body).toMatchObject({
        code: 'UNKNOWN_REFERENCE',
        details: { field: 'unitId' },
      });
      expect((await dispatcher.post(`/api/orders/${o.id}/actions/urge`, { version: 1, extra: true })).body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'extra' }],
      });
      expect((await callback.post(`/api/orders/${o.id}/actions/callback`, { version: 1, satisfaction: 'great', solved: 'yes' })).status).toBe(400);
      expect((await dispatcher.post(`/api/orders/${o.id}/actions/teleport`, { version: 1 })).status).toBe(404);
      expect((await dispatcher.post(`/api/orders/999999999/actions/urge`, { version: 1 })).body.code).toBe('ORDER_NOT_FOUND');
    });
  });
});
