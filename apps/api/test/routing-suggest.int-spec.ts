import { DataSource } from 'typeorm';
import type {
  AssessmentView,
  HotClustersResponse,
  OrderCluster,
  OrderDetail,
  RoutingAccuracyMonth,
  RoutingModelView,
  RoutingRuleView,
  SuggestBatchResponse,
  SuggestResponse,
} from '@hotline/contracts';
import { OrderEventRelay, OrderEventStream } from '@hotline/server-orders';
import { OrderClustersService, ROUTING_SUBSCRIBER, RoutingOutcomes, RoutingTrainer, SimilarOrdersService } from '@hotline/server-routing';
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
  let agent: Client, dispatcher: Client, admin: Client, leader: Client, water: Client, callback: Client, supervisor: Client;
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
    [agent, dispatcher, admin, leader, water, callback, supervisor] = await Promise.all(
      ['agent', 'dispatcher', 'admin', 'leader', 'swjt', 'callback', 'supervisor'].map((u) => api.as(u)),
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
    // who added it and when, from the rule's own row
    const [adminRow] = await ds.query("SELECT id, display_name FROM app_user WHERE username = 'admin'");
    expect(r.body).toMatchObject({ createdById: Number(adminRow.id), createdByName: adminRow.display_name });
    expect(rules.find((x) => x.id === r.body.id)).toMatchObject({ createdByName: adminRow.display_name, createdAt: r.body.createdAt });
    expect(Math.abs(Date.now() - Date.parse(r.body.createdAt))).toBeLessThan(5 * 60_000);
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

  // ---------------------------------------------------------------- the dispatcher's queue and the leaders' hot spots

  const fieldsOf = (body: { code?: string; details?: { field: string }[] }) => ({ code: body.code, fields: (body.details ?? []).map((d) => d.field) });

  it('suggests a category and units for each order of the queue in one query, and reports ids that are no order', async () => {
    const noise = await create('noise', '小区门口每天晚上广场舞音响太吵');
    const waterOrder = await create('water', '家里自来水突然停了一整天');
    const spy = jest.spyOn(ds, 'query');
    try {
      const r = await dispatcher.post<SuggestBatchResponse>('/api/routing/suggest-batch', { orderIds: [noise.id, 999_999_999, waterOrder.id, noise.id] });
      expect(r.status).toBe(200);
      expect(r.body.skipped).toEqual([999_999_999]);
      expect(r.body.modelVersion).toBe(firstModel);
      expect(r.body.suggestions.map((x) => [x.orderId, x.number])).toEqual([
        [noise.id, noise.number],
        [waterOrder.id, waterOrder.number],
      ]);
      const [n, w] = r.body.suggestions;
      expect(n.categories[0].id).toBe(api.ref.category(MATTERS.noise.path).id);
      expect(n.units[0]).toMatchObject({ id: api.ref.unit('gaj').id, source: 'model' });
      expect(w.units[0]).toMatchObject({ id: api.ref.unit('swjt').id });
      expect(n.units.length).toBeLessThanOrEqual(3);
      // the orders are read in one query, whatever their number
      const orderReads = spy.mock.calls.filter(([sql]) => /FROM work_order/.test(String(sql)));
      expect(orderReads).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
    expect((await agent.post('/api/routing/suggest-batch', { orderIds: [noise.id] })).status).toBe(200);
    expect((await water.post('/api/routing/suggest-batch', { orderIds: [noise.id] })).status).toBe(403);
    expect((await leader.post('/api/routing/suggest-batch', { orderIds: [noise.id] })).status).toBe(403);
    expect((await api.anon.post('/api/routing/suggest-batch', { orderIds: [noise.id] })).status).toBe(401);
    // merged away: skipped too
    await dispatcher.act(waterOrder, 'merge', { masterId: noise.id });
    expect((await dispatcher.post<SuggestBatchResponse>('/api/routing/suggest-batch', { orderIds: [waterOrder.id] })).body).toMatchObject({
      suggestions: [],
      skipped: [waterOrder.id],
    });
  });

  it('refuses a bad batch with 400, the code and the field', async () => {
    const bad = async (body: unknown) => {
      const r = await dispatcher.post('/api/routing/suggest-batch', body);
      expect(r.status).toBe(400);
      return fieldsOf(r.body);
    };
    await expect(bad({})).resolves.toEqual({ code: 'VALIDATION_FAILED', fields: ['orderIds'] });
    await expect(bad({ orderIds: [] })).resolves.toMatchObject({ code: 'VALIDATION_FAILED', fields: ['orderIds'] });
    await expect(bad({ orderIds: 'x' })).resolves.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(bad({ orderIds: ['x', 1] })).resolves.toMatchObject({ code: 'VALIDATION_FAILED', fields: ['orderIds'] });
    await expect(bad({ orderIds: [0] })).resolves.toMatchObject({ code: 'VALIDATION_FAILED', fields: ['orderIds'] });
    await expect(bad({ orderIds: Array.from({ length: 101 }, (_, i) => i + 1) })).resolves.toMatchObject({ code: 'VALIDATION_FAILED', fields: ['orderIds'] });
    expect((await dispatcher.post('/api/routing/suggest-batch', { orderIds: Array.from({ length: 100 }, (_, i) => i + 1) })).status).toBe(200);
  });

  const ADDRESS = '海州区朝阳东路166号';
  let atAddress: OrderDetail[] = [];

  it('groups the registered orders that look like one matter for the dispatcher, and drops one once dispatched', async () => {
    atAddress = [
      await create('water', '楼下水管爆了水流到马路上', { address: ADDRESS }),
      await create('noise', '门口夜市喇叭声音太大', { address: '海州区 朝阳东路 166 号' }),
      await create('school', '附近小学接送车辆堵门', { address: `${ADDRESS}。` }),
    ];
    const alone = await create('school', '初中毕业证丢失怎么补办', { address: '赣榆区青口镇黄海路1号' });
    const get = async () => {
      const r = await dispatcher.get<OrderCluster[]>('/api/routing/queue-clusters');
      expect(r.status).toBe(200);
      return r.body;
    };
    let clusters = await get();
    const mine = clusters.find((c) => c.key === `a:${ADDRESS.replace(/[\s,，。.、·()（）-]/g, '')}`);
    expect(mine).toMatchObject({ reason: 'address', count: 3 });
    expect(mine?.orders.map((o) => o.id)).toEqual(atAddress.map((o) => o.id).reverse());
    expect(mine?.orders[0]).toMatchObject({ number: atAddress[2].number, status: 'registered' });
    expect(clusters.flatMap((c) => c.orders.map((o) => o.id))).not.toContain(alone.id);
    // only orders waiting in the queue: every one listed is registered
    expect(clusters.flatMap((c) => c.orders).every((o) => o.status === 'registered')).toBe(true);

    await dispatcher.act(atAddress[0], 'dispatch', { unitId: api.ref.unit('swjt').id });
    clusters = await get();
    expect(clusters.find((c) => c.key === mine?.key)?.orders.map((o) => o.id)).toEqual([atAddress[2].id, atAddress[1].id]);

    expect((await supervisor.get('/api/routing/queue-clusters')).status).toBe(200);
    expect((await leader.get('/api/routing/queue-clusters')).status).toBe(403);
    expect((await agent.get('/api/routing/queue-clusters')).status).toBe(403);
    expect((await water.get('/api/routing/queue-clusters')).status).toBe(403);
  });

  it("gives leaders the period's hot clusters, bounded, whatever the orders' status", async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const r = await leader.get<HotClustersResponse>(`/api/routing/clusters?from=${today}&to=${today}&min=3`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ from: today, to: today, min: 3, truncated: false });
    expect(r.body.scanned).toBe(created.length);
    const mine = r.body.clusters.find((c) => c.orders.some((o) => o.id === atAddress[0].id));
    // the dispatched one still counts: it is an appeal about the place
    expect(mine).toMatchObject({ reason: 'address', count: 3 });
    expect(r.body.clusters.every((c) => c.count >= 3 && c.orders.length === Math.min(c.count, 50))).toBe(true);
    // the history's same texts from six places are one matter each
    expect(r.body.clusters.some((c) => c.reason === 'text' && c.count >= 6)).toBe(true);
    const sizes = r.body.clusters.map((c) => c.count);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));

    expect((await leader.get<HotClustersResponse>(`/api/routing/clusters?from=${today}&to=${today}&min=1000`)).body.clusters).toEqual([]);
    expect((await leader.get<HotClustersResponse>('/api/routing/clusters?from=2001-01-01&to=2001-12-31')).body).toMatchObject({
      scanned: 0,
      clusters: [],
      min: 3,
    });

    // more orders in the period than are read: the newest are clustered, and the answer says so
    const service = api.app.get(OrderClustersService);
    service.scanLimit = 10;
    try {
      const cut = (await leader.get<HotClustersResponse>(`/api/routing/clusters?from=${today}&to=${today}&min=3`)).body;
      expect(cut).toMatchObject({ scanned: 10, truncated: true });
      expect(cut.clusters.flatMap((c) => c.orders.map((o) => o.id)).every((id) => created.slice(-10).includes(id))).toBe(true);
    } finally {
      service.scanLimit = 10_000;
    }

    const bad = async (query: string, field: string) => {
      const b = await leader.get(`/api/routing/clusters?${query}`);
      expect(b.status).toBe(400);
      expect(fieldsOf(b.body)).toEqual({ code: 'VALIDATION_FAILED', fields: [field] });
    };
    await bad(`to=${today}`, 'from');
    await bad(`from=${today}`, 'to');
    await bad(`from=2026-02-30&to=${today}`, 'from');
    await bad(`from=${today}&to=2001-01-01`, 'to');
    await bad(`from=${today}&to=${today}&min=1`, 'min');
    await bad(`from=${today}&to=${today}&min=x`, 'min');
    expect((await dispatcher.get(`/api/routing/clusters?from=${today}&to=${today}`)).status).toBe(200);
    expect((await agent.get(`/api/routing/clusters?from=${today}&to=${today}`)).status).toBe(403);
    expect((await water.get(`/api/routing/clusters?from=${today}&to=${today}`)).status).toBe(403);
  });
});
