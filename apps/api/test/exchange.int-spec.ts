import { DataSource } from 'typeorm';
import type { AnnualReport, DashboardData, ExchangeLinkView, OrderDetail, RectificationSummary } from '@hotline/contracts';
import { EXCHANGE_ADAPTER, EXCHANGE_SUBSCRIBER, ExchangeReporter, SimulatedUpstream } from '@hotline/server-integrations';
import { OrderEventRelay, OrderEventStream } from '@hotline/server-orders';
import { startApi, type Api, type Client } from './harness';

describe('the provincial / State Council exchange: upstream orders in, answers back up through the stream (real MariaDB)', () => {
  let api: Api;
  let admin: Client, dispatcher: Client, water: Client, callback: Client;
  let ds: DataSource;
  let relay: OrderEventRelay;
  let stream: OrderEventStream;
  let upstream: SimulatedUpstream;
  const tag = Date.now().toString(36);

  beforeAll(async () => {
    api = await startApi();
    [admin, dispatcher, water, callback] = await Promise.all(['admin', 'dispatcher', 'swjt', 'callback'].map((u) => api.as(u)));
    ds = api.app.get(DataSource);
    relay = api.app.get(OrderEventRelay);
    stream = api.app.get(OrderEventStream);
    upstream = api.app.get(EXCHANGE_ADAPTER);
    expect(upstream).toBeInstanceOf(SimulatedUpstream);
    await ds.query('DELETE FROM outbox_subscriber');
    stream.register(EXCHANGE_SUBSCRIBER, api.app.get(ExchangeReporter));
    await relay.tick(0);
  });
  afterAll(async () => {
    stream.unregister(EXCHANGE_SUBSCRIBER);
    await ds.query('DELETE FROM outbox_subscriber WHERE name = ?', [EXCHANGE_SUBSCRIBER]);
    await api.close();
  });

  const push = (over: Record<string, unknown>) =>
    admin.post<ExchangeLinkView>('/api/admin/exchange/orders', {
      source: 'province',
      appealType: 'complaint',
      categoryId: api.ref.category('水电气暖/供水/突发停水').id,
      callerName: '吴先生',
      callerPhone: '13900008888',
      content: '省平台转办：海州区某小区连续三天停水。',
      ...over,
    });
  const drain = async () => {
    for (let i = 0; i < 3; i++) await relay.tick(0);
  };

  it('an upstream order comes in once with its number and deadline (earlier than the policy wins), is answered and reported back', async () => {
    const deadline = new Date(Date.now() + 20 * 3_600_000);
    const first = await push({ upstreamNumber: `JS${tag}01`, deadline: deadline.toISOString() });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ source: 'province', upstreamNumber: `JS${tag}01`, kind: 'normal', reports: [] });
    // pushed again (the upstream retries): the same order, not a second one
    expect((await push({ upstreamNumber: `JS${tag}01`, deadline: deadline.toISOString() })).body.orderId).toBe(first.body.orderId);
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM exchange_link WHERE upstream_number = ?', [`JS${tag}01`]);
    expect(Number(n)).toBe(1);

    let o = (await dispatcher.get<OrderDetail>(`/api/orders/${first.body.orderId}`)).body;
    expect(o.channel).toBe('province');
    expect(o.number).toBe(first.body.orderNumber);
    o = await dispatcher.act(o, 'dispatch', { unitId: api.ref.unit('swjt').id });
    // the local policy gives days; the province gave 20 hours
    expect(new Date(o.handleDueAt as string).getTime()).toBe(deadline.getTime());
    o = await water.act(o, 'sign');
    o = await water.act(o, 'request-extension', { days: 2, reason: '需协调供水管网改造' });
    o = await dispatcher.act(o, 'approve-extension');
    o = await water.act(o, 'reply', { content: '已完成管网抢修，恢复供水。' });
    o = await dispatcher.act(o, 'accept-reply');
    await callback.act(o, 'callback', { satisfaction: 'satisfied', solved: true });
    await drain();
    await drain();

    const mine = upstream.received.filter((r) => r.upstreamNumber === `JS${tag}01`);
    expect(mine.map((r) => r.kind)).toEqual(['extension', 'answer', 'callback']);
    expect(mine[1]).toMatchObject({ source: 'province', localNumber: o.number, detail: { answer: '已完成管网抢修，恢复供水。' } });
    expect(mine[2].detail).toMatchObject({ satisfaction: 'satisfied', solved: true });
    const link = (await admin.get<ExchangeLinkView>(`/api/admin/exchange/orders/${o.id}`)).body;
    expect(link.reports.map((r) => r.kind)).toEqual(['extension', 'answer', 'callback']);
    // a local order is no upstream's business
    expect((await admin.get(`/api/admin/exchange/orders/999999999`)).status).toBe(404);
    // the outbox does not grow: every event passed
    const [{ n: left }] = await ds.query('SELECT COUNT(*) AS n FROM outbox');
    expect(Number(left)).toBe(0);
  });

  it('好差评 rectification orders are tracked to their feedback: "已全部完成反馈" is a figure', async () => {
    const before = (await admin.get<RectificationSummary>('/api/admin/exchange/rectification')).body;
    const a = (await push({ upstreamNumber: `HCP${tag}01`, kind: 'rectification' })).body;
    const b = (await push({ upstreamNumber: `HCP${tag}02`, kind: 'rectification', source: 'state_council' })).body;
    expect((await dispatcher.get<OrderDetail>(`/api/orders/${a.orderId}`)).body.channel).toBe('haochaping');
    await drain();
    const open = (await admin.get<RectificationSummary>('/api/admin/exchange/rectification')).body;
    expect(open).toEqual({ total: before.total + 2, fedBack: before.fedBack, allFedBack: false });
    for (const id of [a.orderId, b.orderId]) {
      const o = (await dispatcher.get<OrderDetail>(`/api/orders/${id}`)).body;
      await dispatcher.act(o, 'direct-answer', { answer: '已整改到位，并向当事人致歉。' });
    }
    await drain();
    expect((await admin.get<RectificationSummary>('/api/admin/exchange/rectification')).body).toEqual({
      total: before.total + 2,
      fedBack: before.fedBack + 2,
      allFedBack: true,
    });
    expect(upstream.received.filter((r) => r.upstreamNumber === `HCP${tag}02`).map((r) => [r.source, r.kind, r.orderKind])).toEqual([
      ['state_council', 'answer', 'rectification'],
    ]);

    // the report quotes it: a tracked order counts as fed back when its answer went up, not when it closed. With a's
    // answer not (yet) reported, a is closed but not fed back
    await ds.query('UPDATE exchange_link SET feedback_at = NULL WHERE order_id = ?', [a.orderId]);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const express = (await admin.get<AnnualReport>(`/api/reports/express?kind=express&from=${today}&to=${today}`)).body;
    const [count] = await ds.query(
      `SELECT COUNT(*) AS hcp,
              SUM(CASE WHEN l.order_id IS NULL THEN o.resolution = 'direct' OR (o.resolution = 'dispatched' AND o.accepted_at IS NOT NULL)
                       ELSE l.feedback_at IS NOT NULL END) AS fed,
              SUM(o.id = ?) AS a_counted, SUM(l.order_id IS NOT NULL) AS tracked
         FROM work_order o JOIN platform p ON p.id = o.platform_id AND p.code = 'city'
         LEFT JOIN exchange_link l ON l.order_id = o.id AND l.kind = 'rectification'
        WHERE o.channel_code = 'haochaping' AND o.created_at >= ? AND o.created_at < ?`,
      [a.orderId, new Date(`${today}T00:00:00+08:00`), new Date(Date.parse(`${today}T00:00:00+08:00`) + 86_400_000)],
    );
    expect(Number(count.a_counted)).toBe(1);
    expect(express.figures['haochaping']).toBe(Number(count.hcp));
    expect(express.figures['haochapingFedBack']).toBe(Number(count.fed));
    expect(express.figures['haochapingFinished']).toBeGreaterThan(Number(count.fed));
    const extension = express.sections[0].blocks.find((b) => b.key === 'intake.extension')?.text ?? '';
    expect(extension).toContain(`省级派送“好差评”整改工单 ${count.hcp}件，已完成反馈 ${count.fed}件；`);
    // and the leader dashboard's 好差评 card quotes the same feedback, not the closures
    const dashboard = async (from: string, to: string) => (await admin.get<DashboardData>(`/api/stats/dashboard?from=${from}&to=${to}`)).body;
    expect((await dashboard(today, today)).haochapingFeedback).toEqual({
      orders: Number(count.hcp),
      fedBack: Number(count.fed),
      tracked: Number(count.tracked),
    });
    await ds.query('UPDATE exchange_link SET feedback_at = NOW(3) WHERE order_id = ?', [a.orderId]);
    const fedAll = (await admin.get<AnnualReport>(`/api/reports/express?kind=express&from=${today}&to=${today}`)).body;
    expect(fedAll.figures['haochapingFedBack']).toBe(Number(count.fed) + 1);
    expect((await dashboard(today, today)).haochapingFeedback?.fedBack).toBe(Number(count.fed) + 1);
    // a period with no order from the exchange has no feedback to quote: the card says so
    const quiet = await dashboard('2019-01-01', '2019-01-31');
    expect(quiet.kpis.haochaping.value).toBe(0);
    expect(quiet.haochapingFeedback).toBeNull();
    // bad input names its field
    const bad = await push({ upstreamNumber: 'no spaces allowed', deadline: 'tomorrow' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify((bad.body as unknown as { details: unknown }).details)).toMatch(/upstreamNumber|deadline/);
  });
});
