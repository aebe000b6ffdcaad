import type { OrderDetail, OrderSummary, Page } from '@hotline/contracts';
import { intake, startApi, type Api, type Client } from './harness';

describe('order search: unitPart separates a unit’s own orders from those it only co-handles (real MariaDB)', () => {
  let api: Api;
  let agent: Client, dispatcher: Client, water: Client, police: Client;

  beforeAll(async () => {
    api = await startApi();
    [agent, dispatcher, water, police] = await Promise.all(['agent', 'dispatcher', 'swjt', 'gaj'].map((u) => api.as(u)));
  });
  afterAll(() => api.close());

  const create = async () => (await agent.post<OrderDetail>('/api/orders', intake(api))).body;
  const dispatch = async (main: string, co: string[] = []) =>
    dispatcher.act(await create(), 'dispatch', { unitId: api.ref.unit(main).id, coUnitIds: co.map((c) => api.ref.unit(c).id) });
  const ids = async (c: Client, query: string) => {
    const r = await c.get<Page<OrderSummary>>(`/api/orders?pageSize=200&${query}`);
    expect(r.status).toBe(200);
    return r.body.items.map((o) => o.id);
  };

  it("'main' is the unit's own orders, 'co' those where it is only a co-unit; without it the unit sees both", async () => {
    const policeMain = await dispatch('gaj');
    const policeCo = await dispatch('swjt', ['gaj']);
    const waterOnly = await dispatch('swjt');

    // the police's 待签收 tab: orders it can sign, not the one it only co-handles
    const main = await ids(police, 'status=dispatched&unitPart=main');
    expect(main).toContain(policeMain.id);
    expect(main).not.toContain(policeCo.id);
    // its 协办 tab
    const co = await ids(police, 'unitPart=co');
    expect(co).toContain(policeCo.id);
    expect(co).not.toContain(policeMain.id);
    expect(co).not.toContain(waterOnly.id);
    expect(await ids(police, 'status=dispatched')).toEqual(expect.arrayContaining([policeMain.id, policeCo.id]));
    // the count reads the main side and the co-unit side apart: together they are every order of the unit, once
    const total = async (query: string) => (await police.get<Page<OrderSummary>>(`/api/orders?pageSize=200&${query}`)).body;
    const [all, own, helping] = await Promise.all([total(''), total('unitPart=main'), total('unitPart=co')]);
    expect(all.total).toBe(own.total + helping.total);
    if (all.total <= 200) expect(all.items).toHaveLength(all.total);

    // the water company is the main unit of both of its orders and co-unit of none
    expect(await ids(water, 'unitPart=main')).toEqual(expect.arrayContaining([policeCo.id, waterOnly.id]));
    expect(await ids(water, 'unitPart=co')).not.toEqual(expect.arrayContaining([policeCo.id]));
  });

  it('the center asks about a unit with unitId; without a unit, unitPart is a validation error; an unknown part is refused', async () => {
    const policeCo = await dispatch('swjt', ['gaj']);
    const gaj = api.ref.unit('gaj').id;
    expect(await ids(dispatcher, `unitId=${gaj}&unitPart=co`)).toContain(policeCo.id);
    expect(await ids(dispatcher, `unitId=${gaj}&unitPart=main`)).not.toContain(policeCo.id);
    expect((await dispatcher.get('/api/orders?unitPart=co')).body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'unitPart' }] });
    expect((await police.get('/api/orders?unitPart=both')).body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
