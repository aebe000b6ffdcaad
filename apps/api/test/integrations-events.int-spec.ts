import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import type { DeadLetterView, OrderDetail, SmsMessageView, WebhookView } from '@hotline/contracts';
import { SMS_SUBSCRIBER, SmsSender, verifySignature, WebhookDispatcher, type WebhookDelivery } from '@hotline/server-integrations';
import { OrderEventRelay, OrderEventStream } from '@hotline/server-orders';
import { intake, sleep, startApi, until, type Api, type Client } from './harness';

/** A webhook receiver on loopback that can be told to be down (503). */
async function receiver(secret: string) {
  const got: { headers: IncomingHttpHeaders; body: string; delivery: WebhookDelivery; signed: boolean }[] = [];
  const state = { down: false };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (state.down) return void res.writeHead(503).end();
      got.push({ headers: req.headers, body, delivery: JSON.parse(body), signed: verifySignature(secret, body, req.headers['x-hotline-signature'] as string) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, got, state, close: () => new Promise((r) => server.close(r)) };
}

describe('integrations on the order-event stream: SMS notices, signed webhooks, dead letters (real MariaDB)', () => {
  let api: Api;
  let agent: Client, dispatcher: Client, water: Client, admin: Client;
  let ds: DataSource;
  let relay: OrderEventRelay;
  let stream: OrderEventStream;
  let hooks: WebhookDispatcher;

  beforeAll(async () => {
    // a short backoff: three tries 300, 600 ms apart, then dead letters
    Object.assign(process.env, { EVENTS_RETRY_ATTEMPTS: '3', EVENTS_RETRY_BASE_MS: '300', SMS_PER_NUMBER_PER_HOUR: '3' });
    api = await startApi();
    [agent, dispatcher, water, admin] = await Promise.all(['agent', 'dispatcher', 'swjt', 'admin'].map((u) => api.as(u)));
    ds = api.app.get(DataSource);
    relay = api.app.get(OrderEventRelay);
    stream = api.app.get(OrderEventStream);
    hooks = api.app.get(WebhookDispatcher);
    // readers other spec files left in this database are retired; the worker's readers are registered here by hand
    await ds.query('DELETE FROM outbox_subscriber');
    stream.register(SMS_SUBSCRIBER, api.app.get(SmsSender));
    await relay.tick(0);
  });
  afterAll(async () => {
    for (const w of (await admin.get<WebhookView[]>('/api/admin/webhooks')).body) await admin.req('DELETE', `/api/admin/webhooks/${w.id}`);
    hooks.clear();
    stream.unregister(SMS_SUBSCRIBER);
    await ds.query("DELETE FROM outbox_subscriber WHERE name = 'sms'");
    await api.close();
  });

  const create = async (over: Record<string, unknown> = {}) => (await agent.post<OrderDetail>('/api/orders', intake(api, over))).body;
  const messages = async (phone: string) => (await admin.get<SmsMessageView[]>(`/api/admin/messages?phone=${encodeURIComponent(phone)}`)).body;
  const drain = async (times = 3) => {
    for (let i = 0; i < times; i++) await relay.tick(0);
  };

  it('an intake sends one 受理回执 with its number, once however often the event comes; an answer sends 办结告知', async () => {
    const o = await create({ caller: { name: '李女士', phone: '139777001111', confidential: false } });
    await drain();
    // the event again (a second relay, a crash): nothing is sent twice
    await ds.query("UPDATE outbox_subscriber SET last_id = 0 WHERE name = 'sms'");
    await drain();
    const sent = await messages('139777001111');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ orderId: o.id, template: 'receipt', status: 'sent', driver: 'log' });
    expect(sent[0].body).toContain(o.number);
    expect(sent[0].body).toContain('12345');

    await agent.act(o, 'direct-answer', { answer: '停水系管网抢修，预计今晚八点恢复供水。' });
    await drain();
    const after = await messages('139777001111');
    expect(after.map((m) => m.template).sort()).toEqual(['answered', 'receipt']);
    expect(after.find((m) => m.template === 'answered')?.body).toContain('预计今晚八点恢复供水');
    // the log lists only the number asked for
    expect(after.every((m) => m.phone === '139777001111')).toBe(true);
  });

  it('a confidential caller gets nothing unless asked; an opted-out number and one over its hourly limit are skipped', async () => {
    await create({ caller: { name: '王先生', phone: '139777002222', confidential: true } });
    await create({ caller: { name: '赵女士', phone: '139777003333', confidential: true, smsConsent: true } });
    expect((await admin.post('/api/admin/sms/opt-outs', { phone: '139777004444' })).status).toBe(204);
    await create({ caller: { name: '钱先生', phone: '139777004444', confidential: false } });
    for (let i = 0; i < 4; i++) await create({ caller: { name: '孙先生', phone: '139777005555', confidential: false } });
    await drain();
    expect(await messages('139777002222')).toEqual([]);
    expect((await messages('139777003333')).map((m) => m.status)).toEqual(['sent']);
    expect((await messages('139777004444')).map((m) => [m.status, m.error])).toEqual([['skipped', 'opted out']]);
    const burst = await messages('139777005555');
    expect(burst.filter((m) => m.status === 'sent')).toHaveLength(3);
    expect(burst.filter((m) => m.status === 'skipped').map((m) => m.error)).toEqual(['rate limit']);
    // an admin's typo in a template is refused with the field at fault; a stale version is 409
    const [receipt] = (await admin.get('/api/admin/sms/templates')).body;
    const typo = await admin.req('PUT', `/api/admin/sms/templates/${receipt.code}`, { body: '工单{numbr}已受理', enabled: true, version: receipt.version });
    expect(typo.status).toBe(400);
    expect(JSON.stringify(typo.body.details)).toContain('body');
    const stale = await admin.req('PUT', `/api/admin/sms/templates/${receipt.code}`, { body: receipt.body, enabled: true, version: receipt.version + 5 });
    expect(stale.status).toBe(409);
  });

  it('a webhook receiver sees every event of an order once, signed, in order, after being down a while; the outbox does not grow', async () => {
    const secret = 'receiver-secret-0123456789';
    const rx = await receiver(secret);
    try {
      const made = await admin.post<WebhookView>('/api/admin/webhooks', { url: rx.url, secret, events: ['order.'] });
      expect(made.status).toBe(201);
      expect(JSON.stringify(made.body)).not.toContain(secret);
      await hooks.sync();
      rx.state.down = true;
      const o = await create({ caller: { name: '周女士', phone: '139777006666', confidential: true } });
      const d = await dispatcher.act(o, 'dispatch', { unitId: api.ref.unit('swjt').id });
      const s = await water.act(d, 'sign');
      await water.act(s, 'reply', { content: '已安排抢修，现已恢复供水。' });
      const down = await relay.tick(0);
      expect(down.failed).toContain(`webhook-${made.body.id}`);
      // within its backoff it is left alone; two more failures would park the events: it comes back before that
      expect((await relay.tick(0)).waiting).toContain(`webhook-${made.body.id}`);
      await sleep(350);
      expect((await relay.tick(0)).failed).toContain(`webhook-${made.body.id}`);
      rx.state.down = false;
      await sleep(650);
      await drain();
      const mine = rx.got.filter((g) => g.delivery.order?.id === o.id);
      expect(mine.map((g) => g.delivery.event?.['action'])).toEqual(['create', 'dispatch', 'sign', 'reply']);
      expect(mine.every((g) => g.signed)).toBe(true);
      const ids = mine.map((g) => Number(g.headers['x-hotline-event-id']));
      expect(new Set(ids).size).toBe(4);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      // as a unit sees it: the confidential caller masked
      expect(mine[0].delivery.order?.caller.name).not.toBe('周女士');
      expect(mine[0].delivery.order?.caller.phone).not.toBe('139777006666');
      expect(mine[0].body).not.toContain('139777006666');
      const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM outbox');
      expect(Number(n)).toBe(0);
    } finally {
      await rx.close();
    }
  });

  it('what keeps failing is parked as dead letters, in order per order; an admin replays it (audited) and it arrives once', async () => {
    const secret = 'second-receiver-secret-012345';
    const rx = await receiver(secret);
    try {
      const made = (await admin.post<WebhookView>('/api/admin/webhooks', { url: rx.url, secret, events: ['order.create', 'order.dispatch'] })).body;
      await hooks.sync();
      rx.state.down = true;
      const o = await create();
      await dispatcher.act(o, 'dispatch', { unitId: api.ref.unit('swjt').id });
      const parked = await until(
        'the events to be parked',
        async () => {
          await relay.tick(0);
          const list = (await admin.get<DeadLetterView[]>(`/api/admin/events/dead-letters?subscriber=webhook-${made.id}`)).body;
          return list.length === 2 && list;
        },
        10_000,
        100,
      );
      expect(parked.map((l) => [l.topic, l.orderId, l.status])).toEqual([
        ['order.dispatch', o.id, 'parked'],
        ['order.create', o.id, 'parked'],
      ]);
      // the position moved on: the outbox is not held back by a dead receiver
      const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM outbox');
      expect(Number(n)).toBe(0);

      // a later event of the same order waits behind them
      const o2 = (await agent.get<OrderDetail>(`/api/orders/${o.id}`)).body;
      expect(o2.status).toBe('dispatched');
      rx.state.down = false;
      await drain();
      expect(rx.got).toEqual([]);

      const first = parked[parked.length - 1];
      const replay = await admin.post<DeadLetterView[]>(`/api/admin/events/dead-letters/${first.id}/replay`, {});
      expect(replay.status).toBe(200);
      expect(replay.body.map((l) => [l.topic, l.status])).toEqual([
        ['order.create', 'replay'],
        ['order.dispatch', 'replay'],
      ]);
      expect((await admin.post(`/api/admin/events/dead-letters/${first.id}/replay`, {})).status).toBe(409);
      await drain();
      expect(rx.got.map((g) => [g.delivery.topic, g.signed])).toEqual([
        ['order.create', true],
        ['order.dispatch', true],
      ]);
      const after = (await admin.get<DeadLetterView[]>(`/api/admin/events/dead-letters?subscriber=webhook-${made.id}`)).body;
      expect(after.every((l) => l.status === 'replayed')).toBe(true);
      const [row] = await ds.query("SELECT actor_name, action FROM audit_log WHERE entity = 'dead-letter' AND entity_id = ?", [String(first.id)]);
      expect(row).toMatchObject({ action: 'replay' });
      expect((await admin.req('DELETE', `/api/admin/webhooks/${made.id}`)).status).toBe(204);
      const [gone] = await ds.query('SELECT COUNT(*) AS n FROM outbox_subscriber WHERE name = ?', [`webhook-${made.id}`]);
      expect(Number(gone.n)).toBe(0);
    } finally {
      await rx.close();
    }
  });
});
