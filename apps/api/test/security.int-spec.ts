import type { OrderDetail, OrderSummary, Page } from '@hotline/contracts';
import { intake, startApi, type Api, type Client } from './harness';

describe('unit scope, confidentiality and hostile input', () => {
  let api: Api;
  let agent: Client, dispatcher: Client, water: Client, police: Client;

  beforeAll(async () => {
    api = await startApi();
    [agent, dispatcher, water, police] = await Promise.all(['agent', 'dispatcher', 'swjt', 'gaj'].map((u) => api.as(u)));
  });
  afterAll(() => api.close());

  const dispatchedTo = async (unit: string, over: Record<string, unknown> = {}) => {
    const o = (await agent.post<OrderDetail>('/api/orders', intake(api, over))).body;
    return dispatcher.act(o, 'dispatch', { unitId: api.ref.unit(unit).id });
  };

  it("a unit handler cannot read or act on another unit's order: 404, as if it did not exist", async () => {
    const o = await dispatchedTo('swjt');
    expect(await police.get(`/api/orders/${o.id}`)).toMatchObject({ status: 404, body: { code: 'ORDER_NOT_FOUND' } });
    expect(await police.tryAct(o, 'sign')).toMatchObject({ status: 404, body: { code: 'ORDER_NOT_FOUND' } });
    expect(await police.tryAct({ id: o.id, version: 999 }, 'sign')).toMatchObject({ status: 404 }); // no version leak either
    const list = await police.get<Page<OrderSummary>>(`/api/orders?pageSize=200&number=${o.number}`);
    expect(list.body.total).toBe(0);
    const mine = await water.get<Page<OrderSummary>>(`/api/orders?pageSize=200`);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((i) => i.mainUnitName === '连云港水务集团')).toBe(true);
    // and a registered order (no unit yet) is invisible to every unit
    const reg = (await agent.post('/api/orders', intake(api))).body;
    expect((await water.get(`/api/orders/${reg.id}`)).status).toBe(404);
  });

  it('confidential callers are masked for units and shown to the center', async () => {
    const o = await dispatchedTo('swjt', { caller: { name: '欧阳娜娜', phone: '13912345678', confidential: true } });
    const unitView = (await water.get<OrderDetail>(`/api/orders/${o.id}`)).body;
    expect(unitView.caller).toEqual({ name: '欧***', phone: '139****5678', confidential: true });
    const unitList = (await water.get<Page<OrderSummary>>(`/api/orders?number=${o.number}`)).body.items[0];
    expect(unitList.caller.phone).toBe('139****5678');
    expect(JSON.stringify(unitView)).not.toContain('13912345678');
    expect(JSON.stringify(unitView)).not.toContain('欧阳娜娜');
    expect((await dispatcher.get<OrderDetail>(`/api/orders/${o.id}`)).body.caller).toEqual({ name: '欧阳娜娜', phone: '13912345678', confidential: true });
    // units cannot search by a confidential caller's phone to unmask them
    expect((await water.get<Page<OrderSummary>>(`/api/orders?phone=13912345678`)).body.items.map((i) => i.id)).not.toContain(o.id);
    expect((await dispatcher.get<Page<OrderSummary>>(`/api/orders?phone=13912345678`)).body.items.map((i) => i.id)).toContain(o.id);
  });

  it('malformed JSON, wrong types and unknown codes are 4xx with the field named, never 500', async () => {
    const bad = await agent.req('POST', '/api/orders', '{"channel": "phone",', {});
    expect(bad).toMatchObject({ status: 400, body: { code: 'MALFORMED_JSON' } });
    const types = await agent.post('/api/orders', intake(api, { categoryId: 'abc', urgent: 'yes', caller: { phone: 12 } }));
    expect(types.status).toBe(400);
    expect(types.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['caller.phone', 'categoryId', 'urgent']);
    expect(await agent.post('/api/orders', intake(api, { channel: 'pigeon' }))).toMatchObject({
      status: 422,
      body: { code: 'UNKNOWN_REFERENCE', details: { field: 'channel' } },
    });
    expect(await agent.post('/api/orders', intake(api, { appealType: 'rant' }))).toMatchObject({ status: 422, body: { details: { field: 'appealType' } } });
    expect(await agent.post('/api/orders', intake(api, { topics: ['nope'] }))).toMatchObject({ status: 422, body: { details: { field: 'topics' } } });
    expect(await agent.post('/api/orders', intake(api, { regionId: 99999 }))).toMatchObject({ status: 422, body: { details: { field: 'regionId' } } });
    expect(await agent.post('/api/orders', { ...intake(api), isAdmin: true })).toMatchObject({ status: 400, body: { details: [{ field: 'isAdmin' }] } });
    expect((await agent.req('POST', '/api/orders', 'channel=phone', { 'content-type': 'text/plain' })).status).toBeGreaterThanOrEqual(400);
    expect((await agent.get('/api/orders?status=flying')).status).toBe(400);
    expect((await agent.get('/api/orders?pageSize=100000')).status).toBe(400);
    expect((await agent.get('/api/orders/abc')).status).toBe(400);
  });

  it('content: 5,000 characters are stored, 5,001 are refused; oversized bodies get 413', async () => {
    const ok = await agent.post<OrderDetail>('/api/orders', intake(api, { content: '水'.repeat(5000) }));
    expect(ok.status).toBe(201);
    expect(ok.body.content).toHaveLength(5000);
    expect(await agent.post('/api/orders', intake(api, { content: '水'.repeat(5001) }))).toMatchObject({
      status: 400,
      body: { details: [{ field: 'content' }] },
    });
    const huge = await agent.post('/api/orders', intake(api, { content: 'x'.repeat(2 * 1024 * 1024) }));
    expect(huge).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('HTML and SQL in text are stored verbatim and harmless', async () => {
    const nasty = `<script>alert("x")</script>'; DROP TABLE work_order; -- 张三 \\ % _`;
    const r = await agent.post<OrderDetail>('/api/orders', intake(api, { content: nasty, address: "1' OR '1'='1" }));
    expect(r.status).toBe(201);
    const back = (await agent.get<OrderDetail>(`/api/orders/${r.body.id}`)).body;
    expect(back.content).toBe(nasty);
    expect(back.address).toBe("1' OR '1'='1");
    const found = await agent.get<Page<OrderSummary>>(`/api/orders?q=${encodeURIComponent('DROP TABLE work_order; -- 张三 \\ %')}`);
    expect(found.body.items.map((i) => i.id)).toContain(r.body.id);
    // a LIKE wildcard typed by a user matches literally, not everything
    expect((await agent.get<Page<OrderSummary>>(`/api/orders?q=${encodeURIComponent('%_%')}`)).body.items.map((i) => i.id)).toEqual([]);
  });

  it('requests without a valid token are refused with 401', async () => {
    expect(await api.anon.get('/api/orders')).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    expect(await api.anon.req('GET', '/api/orders', undefined, { authorization: 'Bearer not-a-jwt' })).toMatchObject({ status: 401 });
    expect((await api.anon.get('/api/health')).body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
    expect((await api.anon.get('/api/docs-json')).status).toBe(200);
  });

  it('search filters combine and page on the server', async () => {
    const o = await dispatchedTo('gaj', { appealType: 'report', topics: ['epidemic'], caller: { name: '赵', phone: '13700009999' } });
    const q = (s: string) => dispatcher.get<Page<OrderSummary>>(`/api/orders?${s}`).then((r) => r.body);
    expect((await q(`phone=13700009999`)).items.map((i) => i.id)).toEqual([o.id]);
    expect((await q(`phone=13700009999&status=registered`)).total).toBe(0);
    expect((await q(`phone=13700009999&status=dispatched,handling&appealType=report&topic=epidemic&unitId=${api.ref.unit('gaj').id}`)).total).toBe(1);
    expect((await q(`phone=13700009999&categoryId=${api.ref.category('水电气暖').id}`)).total).toBe(1);
    expect((await q(`phone=13700009999&from=2000-01-01&to=2000-12-31`)).total).toBe(0);
    expect((await q(`phone=13700009999&resolution=dispatched`)).total).toBe(1);
    expect((await q(`phone=13700009999&resolution=direct`)).total).toBe(0);
    expect((await q(`phone=13700009999&supervised=true`)).total).toBe(0);
    expect((await q(`phone=13700009999&satisfaction=satisfied,very_satisfied`)).total).toBe(0);
    expect((await dispatcher.get('/api/orders?satisfaction=happy')).status).toBe(400);
    const p1 = await q('pageSize=2&page=1');
    const p2 = await q('pageSize=2&page=2');
    expect(p1.items).toHaveLength(2);
    expect(p1.total).toBeGreaterThan(4);
    expect(p1.items.map((i) => i.id)).not.toEqual(p2.items.map((i) => i.id));
  });
});
