import { DataSource } from 'typeorm';
import type { KnowledgeArticleDetail, KnowledgeArticleSummary, KnowledgeFlagView, NotificationPage, OrderDetail, Page } from '@hotline/contracts';
import { KnowledgeSearch } from '@hotline/server-knowledge-base';
import { intake, startApi, type Api, type Client } from './harness';

/** The knowledge base's articles over HTTP: workflow, versions, scope, sanitising, flags, 沉淀为知识 (real MariaDB + Redis). */
describe('knowledge articles (real MariaDB + Redis)', () => {
  let api: Api;
  let agent: Client, dispatcher: Client, water: Client, police: Client, admin: Client, callback: Client;
  let ds: DataSource;
  const made: number[] = [];
  const tag = `${process.pid}${Date.now() % 100000}`;

  beforeAll(async () => {
    api = await startApi();
    [agent, dispatcher, water, police, admin, callback] = await Promise.all(['agent', 'dispatcher', 'swjt', 'gaj', 'admin', 'callback'].map((u) => api.as(u)));
    ds = api.app.get(DataSource);
  });
  afterAll(async () => {
    // the rows of this run: other runs use other databases, but a second run in this one must start clean
    if (made.length) {
      const ids = made.join(', ');
      await ds.query(`UPDATE work_order SET direct_answer_article_id = NULL WHERE direct_answer_article_id IN (${ids})`);
      for (const t of ['knowledge_flag', 'knowledge_history', 'knowledge_article_category', 'knowledge_article_version'])
        await ds.query(`DELETE FROM ${t} WHERE article_id IN (${ids})`);
      await ds.query(`DELETE FROM knowledge_article WHERE id IN (${ids})`);
    }
    await api.close();
  });

  const draft = async (who: Client, over: Record<string, unknown> = {}) => {
    const r = await who.post<KnowledgeArticleDetail>('/api/knowledge/articles', {
      title: `停水报修怎么办${tag}`,
      questions: ['家里突然没水了找谁', '小区停水打什么电话'],
      answer: '<p>拨打水务集团服务热线<b>96889</b>报修。<script>alert(1)</script></p><p onclick="x()">抢修人员两小时内到场。</p>',
      categoryIds: [api.ref.category('水电气暖/供水/突发停水').id],
      keywords: ['停水', '报修'],
      validTo: '2099-12-31',
      ...over,
    });
    expect(r.status).toBe(201);
    made.push(r.body.id);
    return r.body;
  };
  const act = (who: Client, a: { id: number; version: number }, action: string, remark?: string) =>
    who.post<KnowledgeArticleDetail>(`/api/knowledge/articles/${a.id}/${action}`, { version: a.version, remark });

  it('a unit drafts for its own unit with the answer sanitised; the center reviews and publishes', async () => {
    const d = await draft(water, { ownerUnitId: api.ref.unit('gaj').id });
    expect(d).toMatchObject({
      status: 'draft',
      version: 1,
      currentVersion: 1,
      publishedVersion: null,
      ownerUnitId: api.ref.unit('swjt').id,
      ownerUnitName: '连云港水务集团',
    });
    expect(d.answer).toBe('<p>拨打水务集团服务热线<b>96889</b>报修。</p><p>抢修人员两小时内到场。</p>');
    expect(d.answerText).toBe('拨打水务集团服务热线96889报修。\n抢修人员两小时内到场。');

    // roles: an agent never writes (403), a unit never publishes (403), another unit does not see it (404)
    expect((await agent.post('/api/knowledge/articles', { title: 'x', answer: 'y' })).status).toBe(403);
    expect((await police.get(`/api/knowledge/articles/${d.id}`)).status).toBe(404);
    expect((await act(police, d, 'submit')).status).toBe(404);
    // an agent reads what was published, never a draft: not by id, not by asking the list for drafts
    expect((await agent.get(`/api/knowledge/articles/${d.id}`)).status).toBe(404);
    expect((await agent.get<Page<KnowledgeArticleSummary>>('/api/knowledge/articles?status=draft')).body.items.map((a) => a.id)).not.toContain(d.id);

    const s = await act(water, d, 'submit', '请审核');
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({ status: 'review', version: 2 });
    expect((await act(water, s.body, 'publish')).status).toBe(403);
    expect((await act(dispatcher, d, 'publish')).body).toMatchObject({ code: 'STALE_VERSION' });
    expect((await act(dispatcher, d, 'publish')).status).toBe(409);
    expect((await act(dispatcher, s.body, 'expire')).status).toBe(409); // not published yet: INVALID_TRANSITION

    const p = await act(dispatcher, s.body, 'publish');
    expect(p.body).toMatchObject({ status: 'published', publishedVersion: 1, hasRevision: false });
    expect(p.body.history.map((h) => [h.action, h.fromStatus, h.toStatus, h.actorName])).toEqual([
      ['create', null, 'draft', expect.any(String)],
      ['submit', 'draft', 'review', expect.any(String)],
      ['publish', 'review', 'published', '派单员小李'],
    ]);
    expect(p.body.history[1].remark).toBe('请审核');
    expect(
      (await agent.get<Page<KnowledgeArticleSummary>>(`/api/knowledge/articles?status=published&q=${encodeURIComponent(tag)}`)).body.items.map((a) => a.id),
    ).toContain(d.id);
    expect((await police.get<Page<KnowledgeArticleSummary>>(`/api/knowledge/articles?q=${encodeURIComponent(tag)}`)).body.items).toEqual([]);
  });

  it('a revision of a published article is reviewed while the published version keeps serving', async () => {
    const d = await draft(water, { title: `居民用水水价标准${tag}`, answer: '<p>居民阶梯水价第一阶梯每吨3.15元。</p>' });
    const p = (await act(dispatcher, (await act(water, d, 'submit')).body, 'publish')).body;
    const search = api.app.get(KnowledgeSearch);
    await search.refresh();
    const hit = async (q: string) => (await agent.get(`/api/knowledge/search?q=${encodeURIComponent(q)}`)).body.hits.find((h: { id: number }) => h.id === d.id);
    expect(await hit('阶梯水价 每吨')).toMatchObject({ version: 1 });

    const edit = await water.req<KnowledgeArticleDetail>('PUT', `/api/knowledge/articles/${d.id}`, {
      version: p.version,
      title: `居民用水水价标准（2027年调整）${tag}`,
      answer: '<p>自2027年起居民阶梯水价第一阶梯每吨3.40元。</p>',
      validTo: '2099-12-31',
    });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ status: 'published', hasRevision: true, currentVersion: 2, publishedVersion: 1, title: `居民用水水价标准${tag}` });
    expect(edit.body.answerText).toContain('3.40');
    // the same stale version again: 409
    expect((await water.req('PUT', `/api/knowledge/articles/${d.id}`, { version: p.version, title: 't', answer: 'a' })).status).toBe(409);

    await search.refresh();
    expect(await hit('阶梯水价 每吨')).toMatchObject({ version: 1 });
    const sub = (await act(water, edit.body, 'submit')).body;
    const rej = await act(dispatcher, sub, 'reject', '价格文件未印发');
    expect(rej.body).toMatchObject({ status: 'published', hasRevision: true });
    const sub2 = (await act(water, rej.body, 'submit')).body;
    const pub = (await act(dispatcher, sub2, 'publish')).body;
    expect(pub).toMatchObject({ status: 'published', hasRevision: false, publishedVersion: 2, title: `居民用水水价标准（2027年调整）${tag}` });
    expect(pub.versions.map((v) => [v.n, v.published])).toEqual([
      [2, true],
      [1, false],
    ]);
    const v1 = await agent.get(`/api/knowledge/articles/${d.id}/versions/1`);
    expect(v1.body).toMatchObject({ n: 1, answerText: '居民阶梯水价第一阶梯每吨3.15元。', published: false });
    expect((await agent.get(`/api/knowledge/articles/${d.id}/versions/9`)).status).toBe(404);
    await search.refresh();
    expect(await hit('阶梯水价 每吨')).toMatchObject({ version: 2 });

    // expire, then archive: no longer served; an archived article is never edited
    const exp = (await act(dispatcher, pub, 'expire')).body;
    expect(exp.status).toBe('expired');
    await search.refresh();
    expect(await hit('阶梯水价 每吨')).toBeUndefined();
    const arch = (await act(water, exp, 'archive')).body;
    expect(arch.status).toBe('archived');
    expect((await water.req('PUT', `/api/knowledge/articles/${d.id}`, { version: arch.version, title: 't', answer: 'a' })).status).toBe(409);
  });

  it('refuses bad input with the field at fault', async () => {
    const bad = async (body: Record<string, unknown>) => water.post('/api/knowledge/articles', { title: 't', answer: '<p>a</p>', ...body });
    expect((await bad({ title: '' })).body).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'title' })] });
    expect((await bad({ answer: '<script>alert(1)</script>' })).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'answer', messages: ['has no text'] }],
    });
    expect((await bad({ validTo: '2027-02-30' })).status).toBe(400);
    expect((await bad({ categoryIds: [999999] })).body).toMatchObject({ code: 'UNKNOWN_REFERENCE' });
    expect((await water.post('/api/knowledge/articles/1/fly', { version: 1 })).status).toBe(400);
  });

  it('a flag reaches the owner unit’s inbox and the unit resolves it', async () => {
    const w = await draft(water, { title: `二次供水水箱清洗${tag}` });
    const d = (await act(dispatcher, (await act(water, w, 'submit')).body, 'publish')).body; // agents flag what they can read
    const f = await agent.post<KnowledgeFlagView>(`/api/knowledge/articles/${d.id}/flags`, { reason: '电话号码已经改了' });
    expect(f.status).toBe(201);
    expect(f.body).toMatchObject({ articleId: d.id, status: 'open', reason: '电话号码已经改了', createdByName: expect.any(String) });
    const inbox = (await water.get<NotificationPage>('/api/notifications')).body;
    expect(inbox.items[0]).toMatchObject({
      kind: 'knowledge-flag',
      orderId: null,
      unitId: api.ref.unit('swjt').id,
      body: expect.stringContaining('电话号码已经改了'),
    });
    expect((await police.get<NotificationPage>('/api/notifications')).body.items.some((n) => n.kind === 'knowledge-flag' && n.body?.includes(tag))).toBe(false);
    expect((await water.get<KnowledgeArticleDetail>(`/api/knowledge/articles/${d.id}`)).body).toMatchObject({ openFlags: 1, flags: [{ id: f.body.id }] });

    expect((await police.post(`/api/knowledge/flags/${f.body.id}/resolve`, {})).status).toBe(404);
    expect((await agent.post(`/api/knowledge/flags/${f.body.id}/resolve`, {})).status).toBe(403);
    const r = await water.post<KnowledgeFlagView>(`/api/knowledge/flags/${f.body.id}/resolve`, { remark: '已更新' });
    expect(r.body).toMatchObject({ status: 'resolved', remark: '已更新', resolvedByName: expect.any(String) });
    expect((await water.post(`/api/knowledge/flags/${f.body.id}/resolve`, {})).status).toBe(409);
    expect((await water.get<KnowledgeArticleDetail>(`/api/knowledge/articles/${d.id}`)).body.openFlags).toBe(0);
  });

  it('沉淀为知识: a closed order’s reply becomes a draft, by a dispatcher or the unit that answered', async () => {
    const o = (await agent.post<OrderDetail>('/api/orders', intake(api))).body;
    const dsp = await dispatcher.act(o, 'dispatch', { unitId: api.ref.unit('swjt').id });
    const s = await water.act(dsp, 'sign');
    expect((await dispatcher.post(`/api/knowledge/from-order/${o.id}`)).status).toBe(409); // not closed yet
    const rep = await water.act(s, 'reply', { content: '经查为管网抢修临时停水。\n已恢复供水。' });
    const acc = await dispatcher.act(rep, 'accept-reply');
    const cb = await callback.act(acc, 'callback', { satisfaction: 'satisfied', solved: true });
    await callback.act(cb, 'close');

    expect((await police.post(`/api/knowledge/from-order/${o.id}`)).status).toBe(404);
    expect((await agent.post(`/api/knowledge/from-order/${o.id}`)).status).toBe(403);
    const k = await water.post<KnowledgeArticleDetail>(`/api/knowledge/from-order/${o.id}`);
    expect(k.status).toBe(201);
    made.push(k.body.id);
    expect(k.body).toMatchObject({
      status: 'draft',
      sourceOrderId: o.id,
      ownerUnitId: api.ref.unit('swjt').id,
      answer: '<p>经查为管网抢修临时停水。</p><p>已恢复供水。</p>',
      questions: [o.content],
      categoryIds: [o.categoryId],
    });
    const byCenter = await dispatcher.post<KnowledgeArticleDetail>(`/api/knowledge/from-order/${o.id}`);
    expect(byCenter.status).toBe(201);
    made.push(byCenter.body.id);
  });

  it('lists what expires this month and counts by status', async () => {
    const now = new Date(Date.now() + 8 * 3600_000);
    const thisMonthEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
    const d = await draft(admin, { title: `本月到期的知识${tag}`, validTo: thisMonthEnd, ownerUnitId: api.ref.unit('swjt').id });
    await act(dispatcher, (await act(admin, d, 'submit')).body, 'publish');
    const list = (await water.get<Page<KnowledgeArticleSummary>>('/api/knowledge/articles?expiring=month')).body;
    expect(list.items.map((a) => a.id)).toContain(d.id);
    expect(list.items.every((a) => a.validTo != null && a.validTo <= thisMonthEnd && a.status === 'published')).toBe(true);
    const stats = (await water.get('/api/knowledge/stats')).body;
    expect(stats.expiringThisMonth).toBeGreaterThanOrEqual(1);
    expect(stats.byStatus.published).toBeGreaterThanOrEqual(1);
  });
});
