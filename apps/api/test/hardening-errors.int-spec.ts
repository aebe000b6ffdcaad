import { DataSource } from 'typeorm';
import { intake, startApi, type Api, type Client } from './harness';

/** Issue 15, item 5: answers that were 500s (or the wrong order) and must be a 4xx with a code, storing nothing. */
describe('hardening (issue 15): 4xx, not 500, on file routes, a missing caller and a number-like id', () => {
  let api: Api;
  let leader: Client, agent: Client;

  beforeAll(async () => {
    api = await startApi();
    [leader, agent] = await Promise.all([api.as('leader'), api.as('agent')]);
  });
  afterAll(() => api.close());

  it('an error on a .docx or .xlsx route is the JSON error, not "payload of invalid type"', async () => {
    for (const path of ['/api/reports/annual.xlsx?year=abc', '/api/reports/annual.docx?year=abc', '/api/reports/express.xlsx?month=x']) {
      const r = await leader.get(path);
      expect({ path, status: r.status }).toEqual({ path, status: 400 });
      expect(r.body.code).toBe('VALIDATION_FAILED');
    }
    const missing = await leader.get('/api/reports/issues/999999/docx');
    expect(missing.status).toBe(404);
    expect(typeof missing.body.code).toBe('string');
  });

  it('an order without caller is a 400 naming caller, and no order number is spent', async () => {
    const ds = api.app.get(DataSource);
    const before = await ds.query('SELECT day, last FROM order_number_seq ORDER BY day');
    const body: Record<string, unknown> = { ...intake(api) };
    delete body['caller'];
    const r = await agent.post('/api/orders', body);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(r.body)).toContain('caller');
    expect(await ds.query('SELECT day, last FROM order_number_seq ORDER BY day')).toEqual(before);
  });

  it('an order id is digits only: 1e3, 0x10 and 1.0 are 400s, not orders 1000, 16 and 1', async () => {
    const made = (await agent.post('/api/orders', intake(api))).body;
    expect((await agent.get(`/api/orders/${made.id}`)).status).toBe(200);
    for (const id of ['1e3', '0x10', '1.0', ' 1', '-1', '9007199254740993']) {
      const r = await agent.get(`/api/orders/${encodeURIComponent(id)}`);
      expect({ id, status: r.status }).toEqual({ id, status: 400 });
    }
  });

  it('a role that may never take an action hears 403 even with a stale version (the role is checked first)', async () => {
    const made = (await agent.post('/api/orders', intake(api))).body;
    const r = await agent.post(`/api/orders/${made.id}/actions/sign`, { version: made.version + 5 });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('FORBIDDEN_ROLE');
  });

  it('the row errors of an import job that does not exist are a 404, like the job', async () => {
    const admin = await api.as('admin');
    expect((await admin.get('/api/imports/99999')).status).toBe(404);
    const r = await admin.get('/api/imports/99999/errors');
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('NOT_FOUND');
  });
});
