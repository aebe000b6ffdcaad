import { DataSource } from 'typeorm';
import type { AssessmentView, OrderDetail, RoutingAccuracyMonth, RoutingModelView, RoutingRuleView, SuggestResponse } from '@hotline/contracts';
import { OrderEventRelay, OrderEventStream } from '@hotline/server-orders';
import { ROUTING_SUBSCRIBER, RoutingOutcomes, RoutingTrainer, SimilarOrdersService } from '@hotline/server-routing';
import { dropDatabase } from '@hotline/server-platform';
import { prepareDatabase } from './chaos/chaos-kit';
import { intake, startApi, type Api, type Client } from './harness';
import { testEnv } from './test-env';

// Three matters, each with its own words, category and unit: what a center's history teaches the model.
const MATTERS = {
  water: {
    path: '水电气暖/供水/突发停水',
    unit: 'swjt',
    texts: ['小区突然停水没有通知', '自来水管爆裂家里停水', '整栋楼停水一整天了', '水压太低家里没有自来水', '供水中断请尽快恢复供水'],
  },
  noise: {
    path: '噪声扰民/民用生活噪声/广场舞噪声',
    unit: 'gaj',
    texts: ['广场舞音响声音太大', '晚上跳广场舞音乐扰民', '楼下广场舞大喇叭很吵', '广场上跳舞的音箱噪声严重', '广场舞噪音影响老人休息'],
  },
  school: {
    path: '教育/招生入学/学区划分',
    unit: 'jyj',
    texts: ['孩子上小学学区怎么划分', '学区划分不合理孩子入学难', '小学招生学区范围咨询', '新小区属于哪个学校学区', '初中入学学区调整问题'],
  },
} as const;
type Matter = keyof typeof MATTERS;
const PLACES = ['海州区', '连云区', '赣榆区', '灌南县', '东海县', '灌云县'];

describe('routing suggestions, the dispatch catalogue, similar orders and repeats (real MariaDB + Redis)', () => {
  let api: Api;
  let agent: Client, dispatcher: Client, admin: Client, leader: Client, water: Client, callback: Client;
  let ds: DataSource;
  const created: number[] = [];
  let firstModel = 0;

  const create = async (matter: Matter, text: string, over: Record<string, unknown> = {}) => {
    const r = await agent.post<OrderDetail>(
      '/api/orders',
      intake(api, { categoryId: api.ref.category(MATTERS[matter].path).id, content: text, address: null, ...over }),
    );
    expect(r.status).toBe(201);
    created.push(r.body.id);
    return r.body;
  };
  const suggest = (body: Record<string, unknown>) => agent.post<SuggestResponse>('/api/routing/suggest', body);
  const model = async () => (await admin.get<RoutingModelView>('/api/admin/routing/model')).body;
  const queueTraining = async () => {
    const r = await admin.post<RoutingModelView>('/api/admin/routing/train');
    expect(r.status).toBe(202);
    return (r.body.latest?.version ?? r.body.version) as number;
  };

  // The model learns from every order in its database and the similar-orders index reads them all: other specs'
  // orders (same texts, other units) would change what it suggests, so this spec has a database of its own.
  const outer = process.env['IT_DATABASE'];
  const own = `hotline_it_routing_${process.pid}`;

  beforeAll(async () => {
    process.env['IT_DATABASE'] = own;
    await prepareDatabase(testEnv().DATABASE_URL);
    api = await startApi();
    [agent, dispatcher, admin, leader, water, callback] = await Promise.all(
      ['agent', 'dispatcher', 'admin', 'leader', 'swjt', 'callback'].map((u) => api.as(u)),
    );
    ds = api.app.get(DataSource);
    // the history: 3 matters × 5 texts × 6 places, each dispatched to its unit
    for (const matter of Object.keys(MATTERS) as Matter[]) {
      for (const text of MATTERS[matter].texts) {
        for (const place of PLACES) {
          const o = await create(matter, `${place}居民反映${text}`);
          await dispatcher.act(o, 'dispatch', { unitId: api.ref.unit(MATTERS[matter].unit).id });
        }
      }
    }
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await dropDatabase(testEnv().DATABASE_URL);
    if (outer === undefined) delete process.env['IT_DATABASE'];
    else process.env['IT_DATABASE'] = outer;
    Object.assign(process.env, testEnv());
  });

  it('queues training for admins only (202), and the worker trains, measures and serves the model', async () => {
    expect((await agent.post('/api/admin/routing/train')).status).toBe(403);
    const id = await queueTraining();
    expect((await model()).latest ?? (await model())).toMatchObject({ status: 'queued' });
    // what the worker does with the job
    await expect(api.app.get(RoutingTrainer).run(id)).resolves.toEqual({ status: 'serving' });
    // a job delivered twice does nothing the second time
    await expect(api.app.get(RoutingTrainer).run(id)).resolves.toEqual({ status: 'serving' });
    const m = await model();
    expect(m).toMatchObject({ status: 'serving', version: id, latest: null });
    expect(m.samples).toBeGreaterThanOrEqual(70);
    expect(m.holdout.n).toBeGreaterThan(0);
    expect(m.holdout.top3).toBeGreaterThan(0.9);
    firstModel = id;
  });

  it('suggests categories and units for text it has never seen', async () => {
    const r = await suggest({ content: '每天晚上广场舞的音响太吵了', regionId: api.ref.regionId('海州区') });
    expect(r.status).toBe(200);
    expect(r.body.modelVersion).toBe(firstModel);
    expect(r.body.categories[0]).toMatchObject({ id: api.ref.category(MATTERS.noise.path).id, path: MATTERS.noise.path });
    expect(r.body.categories.length).toBeLessThanOrEqual(3);
    expect(r.body.units[0]).toMatchObject({ id: api.ref.unit('gaj').id, source: 'model' });
    const school = await suggest({ content: '想问一下孩子读小学的学区' });
    expect(school.body.categories[0].id).toBe(api.ref.category(MATTERS.school.path).id);
    expect(school.body.units[0].id).toBe(api.ref.unit('jyj').id);
  });

  it('refuses bad input with 400 and the field at fault', async () => {
    const empty = await suggest({ content: '' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('content');
    expect((await suggest({})).status).toBe(400);
    expect((await suggest({ content: '停水', regionId: 'x' })).status).toBe(400);
    expect((await api.anon.post('/api/routing/suggest', { content: '停水' })).status).toBe(401);
  });

  it('lets a catalogue rule win over the model, and flags a rule the history contradicts', async () => {
    const noise = api.ref.category('噪声扰民/民用生活噪声').id; // a rule on the parent covers its children
    expect((await dispatcher.post('/api/admin/routing/rules', { categoryId: noise, unitId: api.ref.unit('cgj').id })).status).toBe(403);
    const r = await admin.post<RoutingRuleView>('/api/admin/routing/rules', { categoryId: noise, unitId: api.ref.unit('cgj').id, note: '城管负责' });
    expect(r.status).toBe(201);
    expect((await admin.post('/api/admin/routing/rules', { categoryId: noise, unitId: api.ref.unit('gaj').id })).status).toBe(409);
    const s = await suggest({ content: '广场舞音乐声太大' });
    expect(s.body.units[0]).toMatchObject({ id: api.ref.unit('cgj').id, source: 'rule', score: 1 });
    expect(s.body.units[1]).toMatchObject({ id: api.ref.unit('gaj').id, source: 'model' });
    // every noise order of the history went to 公安局: the rule is contradicted
    const rules = (await dispatcher.get<RoutingRuleView[]>('/api/admin/routing/rules')).body;
    expect(rules.find((x) => x.id === r.body.id)?.contradiction).toMatchObject({ otherUnitShare: 1, mostCommonUnitId: api.ref.unit('gaj').id });
    expect((await admin.req('DELETE', `/api/admin/routing/rules/${r.body.id}`)).status).toBe(204);
    expect((await admin.req('DELETE', `/api/admin/routing/rules/${r.body.id}`)).status).toBe(404);
    // the rules cache lives 5 s; the audit log has both changes
    const [{ n }] = await ds.query("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'routing_rule' AND entity_id = ?", [String(r.body.id)]);
    expect(Number(n)).toBe(2);
  });

  it('never suggests a category deleted since training', async () => {
    const cat = api.ref.category(MATTERS.noise.path);
    const tree = (await admin.get('/api/admin/categories')).body;
    const version = JSON.stringify(tree).match(new RegExp(`"id":${cat.id},[^}]*?"version":(\\d+)`))?.[1];
    const off = await admin.req('PATCH', `/api/admin/categories/${cat.id}`, { version: Number(version), active: false });
    expect(off.status).toBe(200);
    try {
      const s = await suggest({ content: '广场舞音响声音太大' });
      expect(s.body.categories.map((c) => c.id)).not.toContain(cat.id);
      expect(s.body.categories.length).toBeGreaterThan(0);
    } finally {
      await admin.req('PATCH', `/api/admin/categories/${cat.id}`, { version: off.body.version, active: true });
    }
  });

  it('keeps serving the previous model while a new one trains, and when the new one is worse', async () => {
    const id = await queueTraining();
    expect(await model()).toMatchObject({ status: 'serving', version: firstModel, latest: { version: id, status: 'queued' } });
    expect((await suggest({ content: '停水了' })).body.modelVersion).toBe(firstModel);
    // a run that learns nothing (no epochs) measures worse on the same held-out orders: it is stored, never served
    await expect(api.app.get(RoutingTrainer).run(id, { epochs: 0 })).resolves.toEqual({ status: 'rejected' });
    const m = await model();
    expect(m).toMatchObject({ status: 'serving', version: firstModel, latest: { version: id, status: 'rejected' } });
    expect((await suggest({ content: '停水了' })).body.modelVersion).toBe(firstModel);
  });

  it('shows similar orders by phone and text, open ones first, and marks a repeat after closure linked to the earlier order', async () => {
    const phone = '13912345670';
    // an earlier appeal by this caller, handled and closed
    let o = await create('water', '朝阳街道幸福小区3号楼连续三天停水，物业不管', { caller: { name: '李女士', phone, confidential: false } });
    o = await dispatcher.act(o, 'dispatch', { unitId: api.ref.unit('swjt').id });
    o = await water.act(o, 'sign');
    o = await water.act(o, 'reply', { content: '已抢修，恢复供水。' });
    o = await dispatcher.act(o, 'accept-reply');
    o = await callback.act(o, 'callback', { satisfaction: 'satisfied', solved: true });
    const earlier = await callback.act(o, 'close');
    expect(earlier.status).toBe('closed');
    // and an open one by someone else about the same building
    const open = await create('water', '朝阳街道幸福小区3号楼又停水了，已经三天', { caller: { name: '王先生', phone: '13700001111', confidential: false } });

    await api.app.get(SimilarOrdersService).refresh(true);
    const s = await suggest({ content: '朝阳街道幸福小区3号楼停水三天了', phone });
    const ids = s.body.similar.map((x) => x.orderId);
    expect(ids).toEqual(expect.arrayContaining([earlier.id, open.id]));
    expect(s.body.similar.find((x) => x.orderId === earlier.id)).toMatchObject({ reason: 'phone', open: false, number: earlier.number });
    expect(s.body.similar.find((x) => x.orderId === open.id)).toMatchObject({ reason: 'text', open: true });
    expect(ids.indexOf(open.id)).toBeLessThan(ids.indexOf(earlier.id));

    // the caller calls again: the worker's subscriber marks it 重复投诉 and links it to the closed order
    const again = await create('water', '幸福小区3号楼停水问题又出现了，朝阳街道', { caller: { name: '李女士', phone, confidential: false } });
    const stream = api.app.get(OrderEventStream);
    if (!stream.list().some((x) => x.name === ROUTING_SUBSCRIBER)) stream.register(ROUTING_SUBSCRIBER, api.app.get(RoutingOutcomes));
    const relay = api.app.get(OrderEventRelay);
    await relay.tick(0);
    await relay.tick(0);
    const [rep] = await ds.query('SELECT earlier_order_id, reason FROM order_repeat WHERE order_id = ?', [again.id]);
    expect(rep).toMatchObject({ reason: 'phone' });
    expect(Number(rep.earlier_order_id)).toBe(earlier.id);
    // the open one, by another caller, is about the same building and thing: a repeat by its text alone
    const [byText] = await ds.query('SELECT earlier_order_id, reason FROM order_repeat WHERE order_id = ?', [open.id]);
    expect(byText).toMatchObject({ reason: 'text' });
    expect(Number(byText.earlier_order_id)).toBe(earlier.id);
    // the unit assessment counts them against the unit that closed the earlier order, and by its category
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const view = (await leader.get<AssessmentView>(`/api/assessment?month=${month}`)).body;
    expect(view.rows.find((r) => r.unitId === api.ref.unit('swjt').id)?.repeatComplaints?.repeats).toBe(2);
    expect(view.repeatsByCategory).toContainEqual({ categoryId: api.ref.category(MATTERS.water.path).id, categoryPath: MATTERS.water.path, repeats: 2 });
    // an order of the history (nothing closed before it) is no repeat
    expect(await ds.query('SELECT order_id FROM order_repeat WHERE order_id = ?', [created[0]])).toEqual([]);
  });

  it('records whether suggestions were taken and whether the order came back, month by month', async () => {
    const relay = api.app.get(OrderEventRelay);
    const stream = api.app.get(OrderEventStream);
    if (!stream.list().some((x) => x.name === ROUTING_SUBSCRIBER)) stream.register(ROUTING_SUBSCRIBER, api.app.get(RoutingOutcomes));
    const right = await create('noise', '小区广场舞的音响每天晚上都很吵');
    const wrong = await create('noise', '广场舞噪声太大了吵得睡不着');
    await relay.tick(0);
    await dispatcher.act(right, 'dispatch', { unitId: api.ref.unit('gaj').id });
    const d = await dispatcher.act(wrong, 'dispatch', { unitId: api.ref.unit('cgj').id });
    await relay.tick(0);
    const rows = await ds.query('SELECT order_id, category_taken, unit_taken, came_back FROM routing_outcome WHERE order_id IN (?, ?) ORDER BY order_id', [
      right.id,
      wrong.id,
    ]);
    expect(rows.map((r: Record<string, unknown>) => [Number(r['category_taken']), Number(r['unit_taken']), Number(r['came_back'])])).toEqual([
      [1, 1, 0],
      [1, 0, 0],
    ]);
    // 城管 returns it and the center approves: it came back
    const cgj = await api.as('cgj');
    const ret = await cgj.act(d, 'return', { reason: '不属于我单位职责' });
    await dispatcher.act(ret, 'approve-return');
    await relay.tick(0);
    const [w] = await ds.query('SELECT came_back FROM routing_outcome WHERE order_id = ?', [wrong.id]);
    expect(Number(w.came_back)).toBe(1);
    const months = (await leader.get<RoutingAccuracyMonth[]>('/api/stats/routing-accuracy')).body;
    const now = months[months.length - 1];
    expect(now.orders).toBeGreaterThanOrEqual(2);
    expect(now.accuracy).not.toBeNull();
    expect(now.accuracy as number).toBeLessThan(1);
    expect((await agent.get('/api/stats/routing-accuracy')).status).toBe(403);
  });
});
