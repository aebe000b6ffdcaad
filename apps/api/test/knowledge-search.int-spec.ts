import { DataSource } from 'typeorm';
import type { KnowledgeArticleDetail, KnowledgeDictionaryEntry, KnowledgeSearchResult, KnowledgeSuggestResponse } from '@hotline/contracts';
import { KnowledgeSearch } from '@hotline/server-knowledge-base';
import { startApi, until, type Api, type Client } from './harness';

/**
 * Search and suggest over HTTP, and the index's freshness across processes: two API instances on one database and
 * Redis, as a deployment runs them; a publish through A is found through B within 2 s.
 */
describe('knowledge search and suggest, two API processes (real MariaDB + Redis)', () => {
  let a: Api, b: Api;
  let dispatcherA: Client, agentB: Client, adminA: Client, agentA: Client;
  let ds: DataSource;
  const made: number[] = [];
  const dict: number[] = [];

  beforeAll(async () => {
    a = await startApi();
    b = await startApi();
    [dispatcherA, adminA, agentA] = await Promise.all(['dispatcher', 'admin', 'agent'].map((u) => a.as(u)));
    agentB = await b.as('agent');
    ds = a.app.get(DataSource);
    await Promise.all([a.app.get(KnowledgeSearch).whenReady(), b.app.get(KnowledgeSearch).whenReady()]);
  });
  afterAll(async () => {
    for (const id of dict) await adminA.req('DELETE', `/api/admin/knowledge/dictionary/${id}`);
    if (made.length) {
      const ids = made.join(', ');
      for (const t of ['knowledge_flag', 'knowledge_history', 'knowledge_article_category', 'knowledge_article_version'])
        await ds.query(`DELETE FROM ${t} WHERE article_id IN (${ids})`);
      await ds.query(`DELETE FROM knowledge_article WHERE id IN (${ids})`);
    }
    await a?.close();
    await b?.close();
  });

  const publish = async (title: string, answer: string, questions: string[] = [], over: Record<string, unknown> = {}) => {
    const d = await dispatcherA.post<KnowledgeArticleDetail>('/api/knowledge/articles', { title, answer, questions, validTo: '2099-12-31', ...over });
    expect(d.status).toBe(201);
    made.push(d.body.id);
    const s = await dispatcherA.post<KnowledgeArticleDetail>(`/api/knowledge/articles/${d.body.id}/submit`, { version: d.body.version });
    const p = await dispatcherA.post<KnowledgeArticleDetail>(`/api/knowledge/articles/${d.body.id}/publish`, { version: s.body.version });
    expect(p.status).toBe(200);
    return p.body;
  };
  const suggest = (c: Client, content: string, extra: Record<string, unknown> = {}) =>
    c.post<KnowledgeSuggestResponse>('/api/knowledge/suggest', { content, ...extra });
  const search = (c: Client, q: string) => c.get<KnowledgeSearchResult>(`/api/knowledge/search?q=${encodeURIComponent(q)}`);

  it('a publish through A is suggested and searchable through B within 2 s', async () => {
    const started = Date.now();
    const art = await publish(
      '住房公积金提取办理流程',
      '<p>职工购买、建造、翻建、大修自住住房的，可以提取住房公积金。</p><p>携带身份证、购房合同到市住房公积金管理中心各管理部办理。</p>',
      ['公积金怎么取出来', '买房了能不能提公积金'],
    );
    const found = await until(
      'B to suggest the new article',
      async () => (await suggest(agentB, '我去年在海州区买了房子，想问一下公积金怎么提取出来，需要带什么材料')).body.items.find((i) => i.id === art.id),
      2000,
      50,
    );
    expect(Date.now() - started).toBeLessThan(2500);
    expect(found).toMatchObject({ id: art.id, version: 1, title: '住房公积金提取办理流程', snippet: expect.stringContaining('<em>') });
    const hits = (await search(agentB, '公积金 提取')).body;
    expect(hits.hits[0]).toMatchObject({ id: art.id, version: 1, titleHtml: expect.stringContaining('<em>') });

    // expire through A: B stops serving it just as fast
    await dispatcherA.post(`/api/knowledge/articles/${art.id}/expire`, { version: art.version });
    await until('B to drop the expired article', async () => !(await search(agentB, '公积金 提取')).body.hits.some((h) => h.id === art.id), 2000, 50);
  });

  it('ranks the right article first for a caller’s own words, never a draft', async () => {
    const dog = await publish('养犬登记办理', '<p>在市区饲养犬只应当办理养犬登记，携带犬只免疫证明到公安机关养犬管理窗口办理。</p>', [
      '养狗要办证吗',
      '狗证在哪里办',
    ]);
    const residence = await publish('居住证申领条件', '<p>在本市居住半年以上，有合法稳定就业、住所或连续就读的，可以申领居住证。</p>', ['外地人怎么办居住证']);
    const draft = await dispatcherA.post<KnowledgeArticleDetail>('/api/knowledge/articles', {
      title: '养犬登记草稿',
      answer: '<p>养犬登记草稿，尚未审核。</p>',
    });
    made.push(draft.body.id);
    await a.app.get(KnowledgeSearch).refresh();
    const dogs = (await suggest(agentA, '我家刚养了一条小狗，想问问狗证要到哪里去办理，需要什么手续')).body.items;
    expect(dogs[0].id).toBe(dog.id);
    expect(dogs.map((i) => i.id)).not.toContain(draft.body.id);
    const res = (await suggest(agentA, '我是外地来连云港打工的，住了一年了，想办个居住证')).body.items;
    expect(res[0].id).toBe(residence.id);
    expect(res.length).toBeLessThanOrEqual(10);
  });

  it('refuses an empty or too long query with 400 naming the field', async () => {
    const empty = await suggest(agentA, '');
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'content' })] });
    expect((await suggest(agentA, '   ')).body).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'content' })] });
    const long = await suggest(agentA, '停'.repeat(5001));
    expect(long.status).toBe(400);
    expect(long.body).toMatchObject({ details: [expect.objectContaining({ field: 'content' })] });
    expect((await suggest(agentA, '停'.repeat(5000))).status).toBe(200);
    expect((await search(agentA, '')).body).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'q' })] });
    expect((await agentA.get('/api/knowledge/search?q=%E5%81%9C&page=0')).status).toBe(400);
    expect((await suggest(agentA, '停水', { categoryId: 'x' })).status).toBe(400);
  });

  it('the admins’ dictionary reaches every process: a synonym group added through A finds articles through B', async () => {
    const taxi = await publish('出租车拒载投诉', '<p>出租车拒载、绕路可拨打交通运输局投诉电话，并提供车牌号和乘车时间。</p>');
    await until('B to serve the taxi article', async () => (await search(agentB, '出租车 拒载')).body.hits.some((h) => h.id === taxi.id), 2000, 50);
    expect((await search(agentB, '的士')).body.hits.some((h) => h.id === taxi.id)).toBe(false);

    expect((await agentA.post('/api/admin/knowledge/dictionary', { kind: 'synonyms', words: ['的士', '出租车'] })).status).toBe(403);
    expect((await adminA.post('/api/admin/knowledge/dictionary', { kind: 'synonyms', words: ['的士'] })).status).toBe(400);
    const e = await adminA.post<KnowledgeDictionaryEntry>('/api/admin/knowledge/dictionary', { kind: 'synonyms', words: ['的士', '出租车'] });
    expect(e.status).toBe(201);
    dict.push(e.body.id);
    const w = await adminA.post<KnowledgeDictionaryEntry>('/api/admin/knowledge/dictionary', { kind: 'word', words: ['花果山大道'] });
    dict.push(w.body.id);
    expect((await adminA.get('/api/admin/knowledge/dictionary')).body.items.map((i: KnowledgeDictionaryEntry) => i.id)).toEqual(
      expect.arrayContaining([e.body.id, w.body.id]),
    );
    await until('B to expand 的士 to 出租车', async () => (await search(agentB, '的士')).body.hits.some((h) => h.id === taxi.id), 2000, 50);
    const audit = (await adminA.get(`/api/admin/audit?entity=knowledge-dictionary&entityId=${e.body.id}`)).body;
    expect(audit.items[0]).toMatchObject({ action: 'create', data: { kind: 'synonyms', words: ['的士', '出租车'] } });

    expect((await adminA.req('DELETE', `/api/admin/knowledge/dictionary/${e.body.id}`)).status).toBe(204);
    dict.splice(dict.indexOf(e.body.id), 1);
    await until('B to forget the synonym', async () => !(await search(agentB, '的士')).body.hits.some((h) => h.id === taxi.id), 2000, 50);
  });
});
