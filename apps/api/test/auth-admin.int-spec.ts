import type { CategoryNode, UnitView, UserView } from '@hotline/contracts';
import { UsersService } from '@hotline/server-identity';
import { startApi, type Api, type Client } from './harness';

describe('auth, reference data and admin', () => {
  let api: Api;
  let admin: Client, agent: Client;

  beforeAll(async () => {
    api = await startApi();
    [admin, agent] = await Promise.all([api.as('admin'), api.as('agent')]);
  });
  afterAll(() => api.close());

  describe('login', () => {
    it('returns a token and the user; /me answers with it', async () => {
      const r = await api.anon.post('/api/auth/login', { username: 'gaj', password: 'Demo@12345' });
      expect(r.status).toBe(200);
      expect(r.body.user).toMatchObject({ username: 'gaj', role: 'unit_handler', unitName: '市公安局' });
      const me = await api.anon.req('GET', '/api/auth/me', undefined, { authorization: `Bearer ${r.body.accessToken}` });
      expect(me.body).toMatchObject({ username: 'gaj' });
    });

    it('refuses a wrong password and an unknown user alike', async () => {
      expect(await api.anon.post('/api/auth/login', { username: 'agent', password: 'nope' })).toMatchObject({
        status: 401,
        body: { code: 'INVALID_CREDENTIALS' },
      });
      expect(await api.anon.post('/api/auth/login', { username: 'nobody', password: 'nope' })).toMatchObject({
        status: 401,
        body: { code: 'INVALID_CREDENTIALS' },
      });
      expect(await api.anon.post('/api/auth/login', { username: 'agent' })).toMatchObject({ status: 400, body: { details: [{ field: 'password' }] } });
    });

    it('throttles repeated failures with 429, even for the right password, and counts per user', async () => {
      await admin.post('/api/admin/users', { username: 'victim', password: 'Passw0rd!', displayName: '被试', role: 'leader' });
      for (let i = 0; i < 5; i++) expect((await api.anon.post('/api/auth/login', { username: 'victim', password: `wrong${i}` })).status).toBe(401);
      expect(await api.anon.post('/api/auth/login', { username: 'victim', password: 'Passw0rd!' })).toMatchObject({
        status: 429,
        body: { code: 'TOO_MANY_REQUESTS' },
      });
      expect((await api.anon.post('/api/auth/login', { username: 'supervisor', password: 'Demo@12345' })).status).toBe(200);
    });
  });

  describe('reference data of Lianyungang', () => {
    it('has the nine regions plus 市直, 42+ member units with towns, and the full vocabularies', async () => {
      const regions = (await agent.get('/api/regions')).body.map((r: { name: string }) => r.name);
      expect(regions).toEqual(expect.arrayContaining(['海州区', '连云区', '赣榆区', '东海县', '灌云县', '灌南县', '开发区', '徐圩新区', '云台山景区', '市直']));
      const units: UnitView[] = (await agent.get('/api/units')).body;
      expect(units.filter((u) => u.kind !== 'town').length).toBeGreaterThanOrEqual(42);
      const govs = units.filter((u) => u.kind === 'region_gov');
      expect(govs).toHaveLength(9);
      for (const g of govs) expect(units.filter((u) => u.parentId === g.id).length).toBeGreaterThanOrEqual(3);
      expect((await agent.get('/api/channels')).body).toHaveLength(13);
      expect((await agent.get('/api/appeal-types')).body.map((t: { name: string }) => t.name)).toEqual([
        '咨询',
        '求助',
        '投诉',
        '举报',
        '建议',
        '表扬',
        '感谢',
        '其他',
      ]);
      expect((await agent.get('/api/topics')).body.map((t: { code: string }) => t.code)).toEqual(expect.arrayContaining(['epidemic', 'civilization']));
      expect((await agent.get('/api/platforms')).body).toHaveLength(10);
    });

    it('holds every category the report names, three levels deep', async () => {
      const tree: CategoryNode[] = (await agent.get('/api/categories')).body;
      const l1 = tree.map((c) => c.name);
      for (const n of [
        '市容环境',
        '水电气暖',
        '住房管理',
        '物业管理',
        '违法建设',
        '环境污染',
        '噪声扰民',
        '车辆管理',
        '道路交通',
        '房地产监管',
        '城乡规划建设',
        '治安管理',
        '国土资源',
        '消费维权',
      ])
        expect(l1).toContain(n);
      const kids = (name: string) => tree.find((c) => c.name === name)?.children.map((c) => c.name) ?? [];
      expect(kids('水电气暖')).toEqual(expect.arrayContaining(['供水', '供电', '供气', '供暖']));
      expect(kids('环境污染')).toEqual(expect.arrayContaining(['油烟污染', '工业废气', '工业废水', '粉尘污染', '养殖污染']));
      expect(kids('噪声扰民')).toEqual(expect.arrayContaining(['民用生活噪声', '建筑施工噪声']));
      expect(tree.every((c) => c.children.every((c2) => c2.children.length > 0))).toBe(true);
    });
  });

  describe('admin', () => {
    it('only admins reach the admin API', async () => {
      expect(await agent.get('/api/admin/users')).toMatchObject({ status: 403, body: { code: 'FORBIDDEN_ROLE' } });
      expect((await admin.get('/api/admin/users')).status).toBe(200);
    });

    it('creates, updates (version-checked) and disables users', async () => {
      const unit = api.ref.unit('gaj');
      expect(await admin.post('/api/admin/users', { username: 'x_handler', password: 'Passw0rd!', displayName: '新', role: 'unit_handler' })).toMatchObject({
        status: 400,
        body: { details: [{ field: 'unitId' }] },
      });
      const created = await admin.post<UserView>('/api/admin/users', {
        username: 'new_handler',
        password: 'Passw0rd!',
        displayName: '新承办员',
        role: 'unit_handler',
        unitId: unit.id,
      });
      expect(created).toMatchObject({ status: 201, body: { username: 'new_handler', unitName: '市公安局', version: 1 } });
      expect((await admin.post('/api/admin/users', { username: 'new_handler', password: 'Passw0rd!', displayName: 'dup', role: 'agent' })).body.code).toBe(
        'DUPLICATE',
      );
      expect((await api.anon.post('/api/auth/login', { username: 'new_handler', password: 'Passw0rd!' })).status).toBe(200);
      const upd = await admin.req('PATCH', `/api/admin/users/${created.body.id}`, { version: 1, displayName: '改名' });
      expect(upd.body).toMatchObject({ displayName: '改名', version: 2 });
      expect(await admin.req('PATCH', `/api/admin/users/${created.body.id}`, { version: 1, displayName: 'stale' })).toMatchObject({
        status: 409,
        body: { code: 'STALE_VERSION' },
      });
      await admin.req('PATCH', `/api/admin/users/${created.body.id}`, { version: 2, active: false, password: 'Another1!' });
      expect((await api.anon.post('/api/auth/login', { username: 'new_handler', password: 'Passw0rd!' })).status).toBe(401);

      // every admin change leaves an audit row, and no password ever reaches it
      const trail = await admin.get(`/api/admin/audit?entity=user&entityId=${created.body.id}`);
      expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'update', 'create']);
      expect(trail.body.items[0]).toMatchObject({ actorName: '系统管理员', actorRole: 'admin', data: { active: false, passwordChanged: true } });
      expect(JSON.stringify(trail.body)).not.toMatch(/Passw0rd|Another1|scrypt/);
      expect((await agent.get('/api/admin/audit')).status).toBe(403);
    });

    it('create-admin (the command-line way to a first administrator) validates like the API, audits, and the admin can log in', async () => {
      const users = api.app.get(UsersService);
      await expect(users.createAdmin({ username: 'Root', password: 'short', displayName: '' })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: expect.arrayContaining([
          expect.objectContaining({ field: 'username' }),
          expect.objectContaining({ field: 'password' }),
          expect.objectContaining({ field: 'displayName' }),
        ]),
      });
      const made = await users.createAdmin({ username: 'ops_admin', password: 'First-Admin-2026', displayName: '运维管理员' });
      expect(made).toMatchObject({ username: 'ops_admin', role: 'admin', unitId: null, active: true });
      await expect(users.createAdmin({ username: 'ops_admin', password: 'First-Admin-2026', displayName: '运维管理员' })).rejects.toMatchObject({
        code: 'DUPLICATE',
      });
      const login = await api.anon.post('/api/auth/login', { username: 'ops_admin', password: 'First-Admin-2026' });
      expect(login).toMatchObject({ status: 200, body: { user: { role: 'admin' } } });
      const trail = await admin.get(`/api/admin/audit?entity=user&entityId=${made.id}`);
      expect(trail.body.items).toEqual([expect.objectContaining({ action: 'create', actorId: null, actorName: '命令行', actorRole: 'system' })]);
    });

    it('manages units (no cycles), categories (3 levels, renames carry to children), topics and holidays', async () => {
      const u = await admin.post('/api/admin/units', { code: 'test_unit', name: '测试单位', kind: 'other' });
      expect(u.status).toBe(201);
      const child = await admin.post('/api/admin/units', { code: 'test_child', name: '测试子单位', kind: 'town', parentId: u.body.id });
      expect(await admin.req('PATCH', `/api/admin/units/${u.body.id}`, { version: 1, parentId: child.body.id })).toMatchObject({
        status: 400,
        body: { details: [{ field: 'parentId' }] },
      });
      expect(await admin.post('/api/admin/units', { code: 'test_unit', name: '另一个', kind: 'other' })).toMatchObject({
        status: 409,
        body: { code: 'DUPLICATE' },
      });

      const c1 = (await admin.post('/api/admin/categories', { code: 'tst', name: '测试类' })).body;
      const c2 = (await admin.post('/api/admin/categories', { code: 'tst_a', name: '子类', parentId: c1.id })).body;
      const c3 = (await admin.post('/api/admin/categories', { code: 'tst_a_1', name: '细类', parentId: c2.id })).body;
      expect(c3).toMatchObject({ level: 3, path: '测试类/子类/细类' });
      expect(await admin.post('/api/admin/categories', { code: 'tst_deep', name: '四级', parentId: c3.id })).toMatchObject({ status: 400 });
      expect(await admin.post('/api/admin/categories', { code: 'tst_slash', name: 'a/b' })).toMatchObject({
        status: 400,
        body: { details: [{ field: 'name' }] },
      });
      const renamed = await admin.req('PATCH', `/api/admin/categories/${c1.id}`, { version: 1, name: '测试大类' });
      expect(renamed.body.path).toBe('测试大类');
      const tree: CategoryNode[] = (await admin.get('/api/admin/categories')).body;
      expect(tree.find((c) => c.id === c1.id)?.children[0].children[0].name).toBe('细类');

      const t = await admin.post('/api/admin/topics', { code: 'flood2026', name: '2026防汛' });
      expect(t.status).toBe(201);
      // a clash with a unique key names the field at fault
      expect(await admin.post('/api/admin/topics', { code: 'flood2026', name: '另一个专题' })).toMatchObject({
        status: 409,
        body: { code: 'DUPLICATE', details: { field: 'code' } },
      });
      expect(await admin.post('/api/admin/topics', { code: 'flood2026b', name: '2026防汛' })).toMatchObject({
        status: 409,
        body: { code: 'DUPLICATE', details: { field: 'name' } },
      });
      expect((await admin.req('PATCH', `/api/admin/topics/${t.body.id}`, { version: 1, active: false })).body.active).toBe(false);

      expect((await admin.req('PUT', '/api/admin/holidays/2027-02-14', { kind: 'workday', name: '春节调休上班' })).status).toBe(200);
      expect((await admin.get('/api/admin/holidays?year=2027')).body).toEqual(
        expect.arrayContaining([{ date: '2027-02-14', kind: 'workday', name: '春节调休上班' }]),
      );
      expect((await admin.req('PUT', '/api/admin/holidays/2027-02-30', { kind: 'holiday', name: 'x' })).status).toBe(400);
      expect((await admin.req('DELETE', '/api/admin/holidays/2027-02-14')).status).toBe(204);
      const holidayTrail = (await admin.get('/api/admin/audit?entity=holiday&entityId=2027-02-14')).body.items.map((e: { action: string }) => e.action);
      expect(holidayTrail).toEqual(['delete', 'put']);
      expect((await admin.get(`/api/admin/audit?entity=category&entityId=${c1.id}`)).body.items.map((e: { action: string }) => e.action)).toEqual([
        'update',
        'create',
      ]);
      const h2020 = (await admin.get('/api/admin/holidays?year=2020')).body as { date: string; kind: string }[];
      expect(h2020.find((h) => h.date === '2020-02-01')?.kind).toBe('holiday'); // the Spring Festival extension
    });
  });
});
