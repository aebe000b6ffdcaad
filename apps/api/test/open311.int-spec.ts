import { XMLParser } from 'fast-xml-parser';
import type { Open311KeyIssued, OrderDetail } from '@hotline/contracts';
import { startApi, type Api, type Client } from './harness';

/** A third-party app speaking GeoReport v2: no bearer token, form-encoded or JSON, .json or .xml. */
async function o311(api: Api, method: 'GET' | 'POST', path: string, body?: Record<string, string>, type: 'form' | 'json' = 'form') {
  const init: RequestInit = { method };
  if (body) {
    init.headers = { 'content-type': type === 'form' ? 'application/x-www-form-urlencoded' : 'application/json' };
    init.body = type === 'form' ? new URLSearchParams(body).toString() : JSON.stringify(body);
  }
  const r = await fetch(`${api.base}/open311/v2/${path}`, init);
  const text = await r.text();
  return { status: r.status, type: r.headers.get('content-type') ?? '', text, json: () => JSON.parse(text), xml: () => new XMLParser().parse(text) };
}

describe('Open311 GeoReport v2 at /open311/v2 (real MariaDB)', () => {
  let api: Api;
  let admin: Client, dispatcher: Client, water: Client, callback: Client;
  let key: Open311KeyIssued;
  const service = '水电气暖/供水';

  beforeAll(async () => {
    api = await startApi();
    [admin, dispatcher, water, callback] = await Promise.all(['admin', 'dispatcher', 'swjt', 'callback'].map((u) => api.as(u)));
    const issued = await admin.post<Open311KeyIssued>('/api/admin/open311/keys', { name: '市民通APP' });
    expect(issued.status).toBe(201);
    key = issued.body;
  });
  afterAll(async () => {
    await admin.req('DELETE', `/api/admin/open311/keys/${key.id}`);
    await api.close();
  });

  it('lists the level-2 categories as services, in JSON and XML; a service definition; unknown ones in the spec’s error format', async () => {
    const json = await o311(api, 'GET', 'services.json');
    expect(json.status).toBe(200);
    const services = json.json() as { service_code: string; service_name: string; group: string }[];
    const water = services.find((s) => s.group === '水电气暖' && s.service_name === '供水');
    expect(water).toBeTruthy();
    expect(services.every((s) => api.ref.category(`${s.group}/${s.service_name}`).level === 2)).toBe(true);
    const xml = await o311(api, 'GET', 'services.xml');
    expect(xml.type).toContain('xml');
    expect(xml.xml().services.service.length).toBe(services.length);
    const def = await o311(api, 'GET', `services/${water?.service_code}.json`);
    expect(def.json()).toEqual({ service_code: water?.service_code, attributes: [] });
    const missing = await o311(api, 'GET', 'services/nope.xml');
    expect(missing.status).toBe(404);
    expect(missing.xml().errors.error).toMatchObject({ code: 404 });
  });

  it('files a request (form-encoded and JSON), lists it with filters and follows it to closed with the answer and the main unit', async () => {
    const code = api.ref.category(service).code;
    const filed = await o311(api, 'POST', 'requests.json', {
      api_key: key.apiKey,
      service_code: code,
      lat: '34.596',
      long: '119.221',
      description: '通灌北路路口消防栓漏水，水流到马路上。',
      phone: '13900007777',
      first_name: '明',
      last_name: '陈',
    });
    expect(filed.status).toBe(200);
    const [{ service_request_id: id }] = filed.json();
    const byJson = await o311(
      api,
      'POST',
      'requests.xml',
      { api_key: key.apiKey, service_code: code, address_string: '海州区解放中路1号', description: '小区二次供水水压不足。' },
      'json',
    );
    expect(byJson.status).toBe(200);
    const id2 = String(byJson.xml().service_requests.request.service_request_id);

    const order = (await dispatcher.get<OrderDetail>(`/api/orders/${id}`)).body;
    expect(order).toMatchObject({ channel: 'open311', categoryId: api.ref.category(service).id, caller: { phone: '13900007777' } });

    const open = (await o311(api, 'GET', `requests.json?status=open&service_code=${code}`)).json();
    expect(open.map((r: { service_request_id: string }) => r.service_request_id)).toEqual(expect.arrayContaining([id, id2]));
    expect(open[0]).not.toHaveProperty('phone');
    expect(JSON.stringify(open)).not.toContain('13900007777');
    expect((await o311(api, 'GET', `requests.json?service_request_id=${id}`)).json()).toHaveLength(1);

    let o = await dispatcher.act(order, 'dispatch', { unitId: api.ref.unit('swjt').id });
    o = await water.act(o, 'sign');
    o = await water.act(o, 'reply', { content: '已关闭阀门并更换消防栓。' });
    o = await dispatcher.act(o, 'accept-reply');
    const answered = (await o311(api, 'GET', `requests/${id}.json`)).json()[0];
    expect(answered).toMatchObject({
      status: 'open',
      status_notes: '已关闭阀门并更换消防栓。',
      agency_responsible: api.ref.unit('swjt').name,
      lat: 34.596,
      long: 119.221,
    });
    o = await callback.act(o, 'callback', { satisfaction: 'satisfied', solved: true });
    expect((await o311(api, 'GET', `requests/${id}.json`)).json()[0].status).toBe('open');
    await callback.act(o, 'close');
    const closed = (await o311(api, 'GET', `requests/${id}.xml`)).xml().service_requests.request;
    expect(closed).toMatchObject({ service_request_id: Number(id), status: 'closed', agency_responsible: api.ref.unit('swjt').name });
    const closedList = (await o311(api, 'GET', 'requests.json?status=closed')).json();
    expect(closedList.map((r: { service_request_id: string }) => r.service_request_id)).toContain(id);
  });

  it('answers bad input as the spec’s list of { code, description }, and forms stay refused everywhere else', async () => {
    const code = api.ref.category(service).code;
    const noKey = await o311(api, 'POST', 'requests.json', { service_code: code, address_string: 'x', description: 'y' });
    expect(noKey.status).toBe(403);
    expect(noKey.json()).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
    const badService = await o311(api, 'POST', 'requests.xml', { api_key: key.apiKey, service_code: 'nope', address_string: 'x', description: 'y' });
    expect(badService.status).toBe(400);
    expect(badService.xml().errors.error.description).toContain('service_code');
    const noPlace = await o311(api, 'POST', 'requests.json', { api_key: key.apiKey, service_code: code, description: 'y' });
    expect(noPlace.json()[0]).toMatchObject({ code: 400, description: expect.stringContaining('location') });
    const noText = await o311(api, 'POST', 'requests.json', { api_key: key.apiKey, service_code: code, address_string: 'x' });
    expect(noText.json()[0]).toMatchObject({ code: 400, description: expect.stringContaining('description') });
    const badPhone = await o311(api, 'POST', 'requests.json', {
      api_key: key.apiKey,
      service_code: code,
      address_string: 'x',
      description: 'y',
      phone: 'call me',
    });
    expect(badPhone.json()[0].description).toContain('phone');
    expect((await o311(api, 'GET', 'requests/999999999.json')).status).toBe(404);
    expect((await o311(api, 'GET', 'requests.json?start_date=yesterday')).json()[0]).toMatchObject({ code: 400 });
    expect((await o311(api, 'GET', 'services.html')).status).toBe(404);
    // a revoked key files nothing
    const other = (await admin.post<Open311KeyIssued>('/api/admin/open311/keys', { name: '旧版小程序' })).body;
    expect((await admin.req('DELETE', `/api/admin/open311/keys/${other.id}`)).status).toBe(204);
    expect((await o311(api, 'POST', 'requests.json', { api_key: other.apiKey, service_code: code, address_string: 'x', description: 'y' })).status).toBe(403);
    // the JSON API does not take forms because Open311 does
    const form = await fetch(`${api.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=admin&password=x',
    });
    expect(form.status).toBe(415);
    // keys are listed by prefix only
    const keys = (await admin.get('/api/admin/open311/keys')).body;
    expect(JSON.stringify(keys)).not.toContain(key.apiKey);
  });
});
