import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import type { KnowledgeArticleDetail, KnowledgeArticleSummary, KnowledgeImportSummary, Page } from '@hotline/contracts';
import { startApi, until, type Api, type Client } from './harness';

/** Bulk import of a knowledge base from CSV/XLSX over HTTP (real MariaDB + Redis). */
describe('knowledge import (real MariaDB + Redis)', () => {
  let api: Api;
  let admin: Client, water: Client, police: Client;
  let ds: DataSource;
  const tag = `${process.pid}${Date.now() % 100000}`;

  beforeAll(async () => {
    api = await startApi();
    [admin, water, police] = await Promise.all(['admin', 'swjt', 'gaj'].map((u) => api.as(u)));
    ds = api.app.get(DataSource);
  });
  afterAll(async () => {
    const rows: { id: number }[] = await ds.query('SELECT id FROM knowledge_article WHERE title LIKE ?', [`%${tag}%`]);
    if (rows.length) {
      const ids = rows.map((r) => r.id).join(', ');
      for (const t of ['knowledge_flag', 'knowledge_history', 'knowledge_article_category', 'knowledge_article_version'])
        await ds.query(`DELETE FROM ${t} WHERE article_id IN (${ids})`);
      await ds.query(`DELETE FROM knowledge_article WHERE id IN (${ids})`);
    }
    await api.close();
  });

  const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const csv = (rows: string[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  const upload = (who: Client, fileName: string, body: string) =>
    who.req<KnowledgeImportSummary>('POST', `/api/knowledge/import?fileName=${encodeURIComponent(fileName)}`, body, { 'content-type': 'text/csv' });
  const byTitle = async (title: string) =>
    (await admin.get<Page<KnowledgeArticleSummary>>(`/api/knowledge/articles?q=${encodeURIComponent(title)}`)).body.items.filter((a) => a.title === title);

  const HEADER = ['标题', '答案', '同义问法', '分类', '责任单位', '有效期至', '关键词'];
  const good = () => [
    HEADER,
    [
      `公积金贷款额度${tag}`,
      '单职工最高贷款额度为50万元，双职工最高为70万元。',
      '公积金能贷多少\n公积金贷款最多多少钱',
      '住房管理/住房公积金',
      '',
      '2099-12-31',
      '公积金，贷款',
    ],
    [`自来水开户${tag}`, '<p>携带房产证、身份证到水务集团营业厅办理。</p><script>x()</script>', '', '', '连云港水务集团', '', '开户 自来水'],
    [`没有答案的行${tag}`, '', '', '', '', '', ''],
    [`分类不存在${tag}`, '答案', '', '不存在/的分类', '', '', ''],
    [`日期不对${tag}`, '答案', '', '', '不存在的单位', '2027-02-30', ''],
  ];

  it('imports good rows (published for an admin), reports bad ones by row and column storing nothing of them, and is idempotent', async () => {
    const r = await upload(admin, 'kb.csv', csv(good()));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'done', fileName: 'kb.csv', imported: 2, updated: 0, unchanged: 0, failed: 3 });
    expect(r.body.errors).toEqual([
      { row: 4, column: '答案', reason: 'required' },
      { row: 5, column: '分类', reason: 'unknown category 不存在/的分类' },
      { row: 6, column: '责任单位', reason: 'unknown unit 不存在的单位' },
      { row: 6, column: '有效期至', reason: 'no such day' },
    ]);
    for (const t of ['没有答案的行', '分类不存在', '日期不对']) expect(await byTitle(`${t}${tag}`)).toEqual([]);

    const [loan] = await byTitle(`公积金贷款额度${tag}`);
    expect(loan).toMatchObject({ status: 'published', ownerUnitId: null, validTo: '2099-12-31', publishedVersion: 1 });
    const loanDetail = (await admin.get<KnowledgeArticleDetail>(`/api/knowledge/articles/${loan.id}`)).body;
    expect(loanDetail).toMatchObject({
      questions: ['公积金能贷多少', '公积金贷款最多多少钱'],
      keywords: ['公积金', '贷款'],
      categoryIds: [api.ref.category('住房管理/住房公积金').id],
    });
    expect(loanDetail.history.map((h) => h.action)).toEqual(['import']);
    const [water1] = await byTitle(`自来水开户${tag}`);
    expect(water1.ownerUnitId).toBe(api.ref.unit('swjt').id);
    expect((await admin.get<KnowledgeArticleDetail>(`/api/knowledge/articles/${water1.id}`)).body.answer).toBe(
      '<p>携带房产证、身份证到水务集团营业厅办理。</p>',
    );

    // published rows are suggested at once
    await until(
      'the import to be suggested',
      async () =>
        (await admin.post('/api/knowledge/suggest', { content: '我想问下公积金贷款最多能贷多少钱' })).body.items.some((i: { id: number }) => i.id === loan.id),
      2000,
      50,
    );

    // the same file again: nothing new
    const again = await upload(admin, 'kb.csv', csv(good()));
    expect(again.body).toMatchObject({ imported: 0, updated: 0, unchanged: 2, failed: 3 });
    expect(await byTitle(`公积金贷款额度${tag}`)).toHaveLength(1);

    // a changed answer: a new published version of the same article
    const changed = good();
    changed[1][1] = '单职工最高贷款额度为60万元，双职工最高为80万元。';
    const upd = await upload(admin, 'kb.csv', csv(changed.slice(0, 2)));
    expect(upd.body).toMatchObject({ imported: 0, updated: 1, unchanged: 0, failed: 0 });
    const after = (await admin.get<KnowledgeArticleDetail>(`/api/knowledge/articles/${loan.id}`)).body;
    expect(after).toMatchObject({
      status: 'published',
      publishedVersion: 2,
      currentVersion: 2,
      answerText: '单职工最高贷款额度为60万元，双职工最高为80万元。',
    });
  });

  it('reports a second row with the same title and owner in one file, so a re-import changes nothing', async () => {
    const rows = [
      ['标题', '答案', '责任单位'],
      [`停水通知${tag}`, '计划停水请关注水务集团公告。', '连云港水务集团'],
      [`停水通知${tag}`, '临时停水请拨打水务集团热线。', '连云港水务集团'],
      [`停水通知${tag}`, '全市停水信息见市政府网站。', ''],
    ];
    const r = await upload(admin, 'dup.csv', csv(rows));
    expect(r.body).toMatchObject({ imported: 2, updated: 0, unchanged: 0, failed: 1 });
    expect(r.body.errors).toEqual([{ row: 3, column: '标题', reason: 'the same title and owner unit as row 2: one article per title and owner' }]);
    const again = await upload(admin, 'dup.csv', csv(rows));
    expect(again.body).toMatchObject({ imported: 0, updated: 0, unchanged: 2, failed: 1 });
    const stored = await byTitle(`停水通知${tag}`);
    expect(stored).toHaveLength(2);
    const water = stored.find((a) => a.ownerUnitId === api.ref.unit('swjt').id) as KnowledgeArticleSummary;
    expect((await admin.get<KnowledgeArticleDetail>(`/api/knowledge/articles/${water.id}`)).body).toMatchObject({
      answerText: '计划停水请关注水务集团公告。',
      currentVersion: 1,
    });
  });

  it('reads XLSX; a unit’s import makes drafts of its own unit', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('知识');
    ws.addRow(['标题', '答案', '问题', '有效期至', '责任单位']);
    ws.addRow([`水表报停${tag}`, '携带户主身份证到营业厅办理报停。', '房子空着水表能停吗', new Date(Date.UTC(2030, 5, 30)), '市公安局']);
    ws.addRow([`水表过户${tag}`, '', '', '', '']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await fetch(`${water.base}/api/knowledge/import?fileName=kb.xlsx`, {
      method: 'POST',
      headers: { authorization: `Bearer ${water.token}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      body: buf,
    });
    const body = (await res.json()) as KnowledgeImportSummary;
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ imported: 1, failed: 1, errors: [{ row: 3, column: '答案', reason: 'required' }] });
    const [a] = await byTitle(`水表报停${tag}`);
    expect(a).toMatchObject({ status: 'draft', ownerUnitId: api.ref.unit('swjt').id, validTo: '2030-06-30' });
    expect((await police.get(`/api/knowledge/import/${body.jobId}`)).status).toBe(404);
    expect((await water.get<KnowledgeImportSummary>(`/api/knowledge/import/${body.jobId}`)).body).toMatchObject({
      jobId: body.jobId,
      status: 'done',
      imported: 1,
    });
  });

  it('answers 202 for a large file and finishes in the background; refuses a file without the required columns', async () => {
    const long = '请携带身份证明材料到政务服务中心窗口办理，'.repeat(900); // ≈ 18,000 characters, 54 KB each
    const rows = [HEADER, ...Array.from({ length: 11 }, (_, i) => [`大文件第${i + 1}条${tag}`, long, '', '', '', '', ''])];
    const r = await upload(admin, 'big.csv', csv(rows));
    expect(r.status).toBe(202);
    expect(r.body.status).toBe('running');
    const done = await until(
      'the large import to finish',
      async () => {
        const s = (await admin.get<KnowledgeImportSummary>(`/api/knowledge/import/${r.body.jobId}`)).body;
        return s.status === 'done' ? s : null;
      },
      30_000,
      200,
    );
    expect(done).toMatchObject({ imported: 11, failed: 0 });

    const bad = await upload(
      admin,
      'bad.csv',
      csv([
        ['标题', '内容'],
        ['a', 'b'],
      ]),
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('答案') });
    expect((await upload(admin, 'kb.txt', 'x')).status).toBe(400);
    expect((await admin.req('POST', '/api/knowledge/import?fileName=kb.csv', { a: 1 })).status).toBe(415);
  });
});
