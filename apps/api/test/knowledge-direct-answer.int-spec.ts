import { DataSource } from 'typeorm';
import type { DirectAnswerStats, KnowledgeArticleDetail, KpiSet, OrderDetail } from '@hotline/contracts';
import { intake, startApi, type Api, type Client } from './harness';

/** 直接办结 records its method; an article read out must be published, and its use is counted (real MariaDB + Redis). */
describe('direct answers from the knowledge base (real MariaDB + Redis)', () => {
  let api: Api;
  let agent: Client, dispatcher: Client, leader: Client, water: Client;
  let ds: DataSource;
  const made: number[] = [];
  const orders: number[] = [];

  beforeAll(async () => {
    api = await startApi();
    [agent, dispatcher, leader, water] = await Promise.all(['agent', 'dispatcher', 'leader', 'swjt'].map((u) => api.as(u)));
    ds = api.app.get(DataSource);
  });
  afterAll(async () => {
    if (orders.length) await ds.query(`UPDATE work_order SET direct_answer_article_id = NULL WHERE id IN (${orders.join(', ')})`);
    if (made.length) {
      const ids = made.join(', ');
      for (const t of ['knowledge_flag', 'knowledge_history', 'knowledge_article_category', 'knowledge_article_version'])
        await ds.query(`DELETE FROM ${t} WHERE article_id IN (${ids})`);
      await ds.query(`DELETE FROM knowledge_article WHERE id IN (${ids})`);
    }
    await api.close();
  });

  const article = async (publish: boolean) => {
    const d = await dispatcher.post<KnowledgeArticleDetail>('/api/knowledge/articles', { title: '停水报修', answer: '<p>请拨打96889报修。</p>' });
    made.push(d.body.id);
    if (!publish) return d.body;
    const s = await dispatcher.post<KnowledgeArticleDetail>(`/api/knowledge/articles/${d.body.id}/submit`, { version: d.body.version });
    return (await dispatcher.post<KnowledgeArticleDetail>(`/api/knowledge/articles/${d.body.id}/publish`, { version: s.body.version })).body;
  };
  const order = async () => {
    const r = await agent.post<OrderDetail>('/api/orders', intake(api, { appealType: 'consult', content: '小区停水了找谁报修？' }));
    orders.push(r.body.id);
    return r.body;
  };
  const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  it('records the article and the version read out, and counts the use', async () => {
    const before = (await leader.get<DirectAnswerStats>(`/api/stats/direct-answers?from=${today()}&to=${today()}`)).body;
    const kpis = async () => (await leader.get<KpiSet>(`/api/stats/kpis?from=${today()}&to=${today()}`)).body.directByMethod;
    const kpisBefore = await kpis();
    const art = await article(true);
    const o = await order();
    const done = await agent.act(o, 'direct-answer', { answer: '请拨打96889报修。', method: 'knowledge', articleId: art.id, articleVersion: 1 });
    expect(done).toMatchObject({
      status: 'closed',
      resolution: 'direct',
      directAnswerRecord: { method: 'knowledge', articleId: art.id, articleVersion: 1, threeWayUnitId: null, threeWayPerson: null },
    });
    expect(done.history.at(-1)).toMatchObject({
      action: 'direct-answer',
      data: expect.objectContaining({ directAnswerMethod: 'knowledge', directAnswerArticleId: art.id }),
    });
    const after = (await agent.get<KnowledgeArticleDetail>(`/api/knowledge/articles/${art.id}`)).body;
    expect(after.useCount).toBe(1);
    expect(after.lastUsedAt).not.toBeNull();

    // a revision published later: the order still points at version 1
    const edit = await dispatcher.req<KnowledgeArticleDetail>('PUT', `/api/knowledge/articles/${art.id}`, {
      version: after.version,
      title: '停水报修',
      answer: '<p>请拨打96889或12345。</p>',
    });
    const s = await dispatcher.post<KnowledgeArticleDetail>(`/api/knowledge/articles/${art.id}/submit`, { version: edit.body.version });
    await dispatcher.post(`/api/knowledge/articles/${art.id}/publish`, { version: s.body.version });
    expect((await agent.get<OrderDetail>(`/api/orders/${o.id}`)).body.directAnswerRecord).toMatchObject({ articleId: art.id, articleVersion: 1 });

    const three = await agent.act(await order(), 'direct-answer', {
      answer: '已三方通话转水务集团。',
      method: 'three-way',
      threeWayUnitId: api.ref.unit('swjt').id,
      threeWayPerson: '王工',
    });
    expect(three.directAnswerRecord).toEqual({
      method: 'three-way',
      articleId: null,
      articleVersion: null,
      threeWayUnitId: api.ref.unit('swjt').id,
      threeWayPerson: '王工',
    });
    const plain = await agent.act(await order(), 'direct-answer', { answer: '已解释。' });
    expect(plain.directAnswerRecord).toBeNull();

    const stats = await leader.get<DirectAnswerStats>(`/api/stats/direct-answers?from=${today()}&to=${today()}`);
    expect(stats.status).toBe(200);
    expect(stats.body.total - before.total).toBe(3);
    expect(stats.body.byMethod.knowledge - before.byMethod.knowledge).toBe(1);
    expect(stats.body.byMethod['three-way'] - before.byMethod['three-way']).toBe(1);
    expect(stats.body.byMethod.unknown - before.byMethod.unknown).toBe(1);
    expect(stats.body.consultations.withArticle - before.consultations.withArticle).toBe(1);
    expect(stats.body.coverage).toBeCloseTo(stats.body.byMethod.knowledge / stats.body.total);
    // the summary cells the reports read count each answer under its method as it is made
    const kpisAfter = await kpis();
    expect(kpisAfter.knowledge.numerator - kpisBefore.knowledge.numerator).toBe(1);
    expect(kpisAfter.threeWay.numerator - kpisBefore.threeWay.numerator).toBe(1);
    expect(kpisAfter.other.numerator - kpisBefore.other.numerator).toBe(0);
    expect(kpisAfter.unrecorded - kpisBefore.unrecorded).toBe(1);
    expect((await water.get(`/api/stats/direct-answers?from=${today()}&to=${today()}`)).status).toBe(403);
    expect((await leader.get('/api/stats/direct-answers?from=2026-13-01&to=2026-12-31')).status).toBe(400);
  });

  it('refuses an unpublished or unknown article, and method fields that do not go together, leaving the order open', async () => {
    const draft = await article(false);
    const o = await order();
    const r = await agent.tryAct(o, 'direct-answer', { answer: 'x', method: 'knowledge', articleId: draft.id, articleVersion: 1 });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect((await agent.tryAct(o, 'direct-answer', { answer: 'x', method: 'knowledge', articleId: 99999999, articleVersion: 1 })).body).toMatchObject({
      code: 'UNKNOWN_REFERENCE',
    });
    const pub = await article(true);
    expect((await agent.tryAct(o, 'direct-answer', { answer: 'x', method: 'knowledge', articleId: pub.id, articleVersion: 7 })).status).toBe(409);
    expect((await agent.tryAct(o, 'direct-answer', { answer: 'x', method: 'knowledge', articleId: pub.id })).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'articleVersion' }],
    });
    expect((await agent.tryAct(o, 'direct-answer', { answer: 'x', method: 'three-way' })).body).toMatchObject({ details: [{ field: 'threeWayUnitId' }] });
    expect((await agent.tryAct(o, 'direct-answer', { answer: 'x', method: 'other', articleId: pub.id })).body).toMatchObject({
      details: [{ field: 'articleId' }],
    });
    expect((await agent.tryAct(o, 'direct-answer', { answer: 'x', method: 'phone' })).body).toMatchObject({
      details: [expect.objectContaining({ field: 'method' })],
    });
    const still = (await agent.get<OrderDetail>(`/api/orders/${o.id}`)).body;
    expect(still).toMatchObject({ status: 'registered', version: o.version });
    expect((await agent.get<KnowledgeArticleDetail>(`/api/knowledge/articles/${pub.id}`)).body.useCount).toBe(0);
  });
});
