import { Analyzer } from './analyzer';
import { KnowledgeQueryError } from './errors';
import { KnowledgeIndex, MAX_QUERY_CHARS } from './knowledge-index';
import { KnowledgeArticleRow } from './types';

const NOW = new Date('2026-12-01T00:00:00Z');
const analyzer = new Analyzer({
  userWords: ['米兰春天'],
  synonyms: [
    ['公积金', '住房公积金'],
    ['噪音', '噪声'],
  ],
});

function row(id: number, title: string, answer: string, extra: Partial<KnowledgeArticleRow> = {}): KnowledgeArticleRow {
  return {
    id,
    version: 1,
    title,
    questions: [],
    answer,
    categoryIds: [],
    regionIds: [],
    keywords: [],
    validTo: null,
    updatedAt: '2026-06-01T00:00:00Z',
    ...extra,
  };
}

const FILLER = [
  row(101, '居民身份证办理流程', '首次申领居民身份证，请携带户口簿到户籍所在地派出所办理，工作日受理。'),
  row(102, '新生儿落户需要哪些材料', '新生儿出生后一个月内，由监护人携带出生医学证明、父母户口簿和结婚证到派出所申报出生登记。'),
  row(103, '城市道路占道经营如何处理', '占道经营由城市管理部门依法查处，可拨打热线反映具体地点和时间。'),
  row(104, '小区停车收费标准', '住宅小区停车收费实行政府指导价，由物业服务企业公示收费标准。'),
];

async function build(rows: KnowledgeArticleRow[], options = {}): Promise<KnowledgeIndex> {
  const index = new KnowledgeIndex({ analyzer, now: () => NOW, ...options });
  await index.rebuild([...rows, ...FILLER]);
  return index;
}

describe('KnowledgeIndex ranking', () => {
  it('ranks an article with the words in its title above one with them only in its answer', async () => {
    const index = await build([
      row(1, '社会保险卡补办', '社保卡遗失后可到银行网点补办。住房公积金提取另见公积金中心的说明。'),
      row(2, '住房公积金提取条件', '职工购房、退休、离开本市等情形可以申请提取，携带身份证到网点办理。'),
    ]);
    expect(index.suggest({ content: '我想问一下住房公积金提取需要什么条件' }).map((s) => s.id)[0]).toBe(2);
    expect(index.search('公积金 提取').hits[0].id).toBe(2);
  });

  it('re-ranks by how much of a title the appeal names: the matter named beats an answer sharing more words', async () => {
    const appeal = '反映一下A7县玉诚环境的劳动用工问题：项目部不签劳动合同，不给员工买社保，每天工作十二小时，加班工资也不发。';
    const rows = [
      row(1, '反映A7县玉诚环境劳动用工的问题', '经查，该公司已补签合同。'),
      row(2, '投诉鑫汇酒店', '经查，该酒店项目部不签劳动合同，不给员工买社保，员工每天工作十二小时，加班工资也不发，已责令整改。'),
    ];
    const plain = await build(rows, { ranking: { titleCoverageWeight: 0 } });
    const reranked = await build(rows);
    expect(plain.suggest({ content: appeal })[0].id).toBe(2);
    expect(reranked.suggest({ content: appeal })[0].id).toBe(1);
  });

  it('counts a phrasing in questions like the title', async () => {
    const index = await build([
      row(1, '夜间施工管理规定', '夜间二十二时至次日六时禁止产生噪声的建筑施工作业，抢修除外。', { questions: ['晚上工地施工太吵怎么办'] }),
      row(2, '建筑工地扬尘治理', '工地应当设置围挡，裸土覆盖，运输车辆密闭，晚上也要洒水降尘。'),
    ]);
    expect(index.suggest({ content: '晚上工地太吵了，睡不着' })[0].id).toBe(1);
  });

  it('expands synonyms: a query for 公积金 finds 住房公积金 and 噪音 finds 噪声', async () => {
    const index = await build([row(1, '住房公积金贷款额度', '贷款额度按缴存余额的倍数计算。'), row(2, '施工噪声投诉', '夜间施工噪声由生态环境部门受理。')]);
    expect(index.search('公积金').hits[0].id).toBe(1);
    expect(index.search('噪音').hits[0].id).toBe(2);
    expect(index.search('噪音').hits[0].titleHtml).toBe('施工<em>噪声</em>投诉');
  });

  it("boosts the caller's region and the chosen category", async () => {
    const same = '垃圾清运时间为每日早晚各一次，如有遗漏可联系环卫所。';
    const index = await build([
      row(1, '生活垃圾清运时间', same, { regionIds: ['r-north'], categoryIds: [7] }),
      row(2, '生活垃圾清运时间', same, { regionIds: ['r-south'], categoryIds: [8] }),
    ]);
    const q = { content: '生活垃圾什么时候清运' };
    expect(index.suggest({ ...q, regionId: 'r-north' })[0].id).toBe(1);
    expect(index.suggest({ ...q, regionId: 'r-south' })[0].id).toBe(2);
    expect(index.suggest({ ...q, categoryId: 8 })[0].id).toBe(2);
    expect(index.search('垃圾清运', { categoryId: '7' }).hits[0].id).toBe(1);
    expect(index.search('垃圾清运', { categoryId: '8' }).hits[0].id).toBe(2);
  });

  it('puts the fresher of two equal articles first', async () => {
    const same = '电动自行车上牌需携带购车发票、合格证和身份证。';
    const index = await build([
      row(1, '电动自行车上牌', same, { updatedAt: '2020-01-01T00:00:00Z' }),
      row(2, '电动自行车上牌', same, { updatedAt: '2026-11-01T00:00:00Z' }),
    ]);
    expect(index.search('电动自行车上牌').hits.map((h) => h.id)).toEqual([2, 1]);
  });

  it('never returns expired or not yet valid articles', async () => {
    const index = await build([
      row(1, '2025年供暖补贴申领', '供暖补贴申领时间为十一月。', { validTo: '2026-03-31T00:00:00Z' }),
      row(2, '2027年供暖补贴申领', '供暖补贴申领时间为十一月。', { validFrom: '2027-01-01T00:00:00Z' }),
      row(3, '供暖补贴政策', '符合条件的家庭可以申请供暖补贴。', { validTo: '2027-12-31T00:00:00Z' }),
    ]);
    const ids = index.suggest({ content: '供暖补贴申领时间' }).map((s) => s.id);
    expect(ids[0]).toBe(3);
    expect(ids).not.toContain(1);
    expect(ids).not.toContain(2);
    expect(index.search('供暖补贴').total).toBe(1);
  });

  it('pages search results', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => row(i + 1, `第${i + 1}号停车场收费`, `停车场收费标准第${i + 1}条。`));
    const index = await build(rows);
    const p1 = index.search('停车场收费', { page: 1, pageSize: 10 });
    const p3 = index.search('停车场收费', { page: 3, pageSize: 10 });
    expect(p1.total).toBeGreaterThanOrEqual(25);
    expect(p1.hits).toHaveLength(10);
    expect(p3.hits.length).toBe(p1.total - 20);
    expect(new Set([...p1.hits, ...p3.hits].map((h) => h.id)).size).toBe(10 + p3.hits.length);
  });

  it('returns at most ten suggestions by default, best first, with their title and snippet', async () => {
    const rows = Array.from({ length: 15 }, (_, i) => row(i + 1, `停车场收费${i}`, `停车场收费标准。`));
    const index = await build(rows);
    const s = index.suggest({ content: '停车场收费' });
    expect(s).toHaveLength(10);
    expect(s[0]).toEqual({ id: expect.any(Number), title: expect.any(String), snippet: expect.stringContaining('<em>'), score: expect.any(Number) });
    for (let i = 1; i < s.length; i++) expect(s[i - 1].score).toBeGreaterThanOrEqual(s[i].score);
  });
});

describe('KnowledgeIndex highlighting', () => {
  it('escapes HTML in titles and snippets and marks the matches', async () => {
    const index = await build([row(1, '<script>alert(1)</script> 公积金 & 贷款', '办理公积金贷款需携带"身份证"和<购房合同>。')]);
    const hit = index.search('公积金贷款').hits[0];
    expect(hit.titleHtml).toBe('&lt;script&gt;alert(1)&lt;/script&gt; <em>公积金</em> &amp; <em>贷款</em>');
    expect(hit.snippetHtml).toBe('办理<em>公积金贷款</em>需携带&quot;身份证&quot;和&lt;购房合同&gt;。');
    expect(index.suggest({ content: '公积金贷款' })[0].title).toBe('<script>alert(1)</script> 公积金 & 贷款');
  });

  it('finds words from the user dictionary and highlights them whole', async () => {
    const index = await build([row(1, '米兰春天小区停水通知', '米兰春天小区因管网维修于周三停水。')]);
    expect(index.search('米兰春天').hits[0].titleHtml).toBe('<em>米兰春天</em>小区停水通知');
  });
});

describe('KnowledgeIndex incremental update', () => {
  it('upserts and removes one article; the result equals a rebuild', async () => {
    const index = await build([row(1, '犬只登记', '养犬人应当为犬只办理登记。')]);
    expect(index.size).toBe(5);
    expect(index.search('犬只').hits[0].id).toBe(1);

    index.upsert(row(1, '宠物犬登记办理', '养犬人应当在三十日内为宠物犬办理登记并免疫。', { version: 2 }));
    expect(index.size).toBe(5);
    expect(index.versionOf(1)).toBe(2);
    expect(index.search('宠物犬').hits[0].id).toBe(1);
    expect(index.search('犬只').total).toBe(0);

    index.upsert(row(2, '犬只免疫', '犬只每年需接种狂犬疫苗。'));
    expect(index.size).toBe(6);
    const rebuilt = await build([
      row(1, '宠物犬登记办理', '养犬人应当在三十日内为宠物犬办理登记并免疫。', { version: 2 }),
      row(2, '犬只免疫', '犬只每年需接种狂犬疫苗。'),
    ]);
    const q = { content: '养犬登记和免疫怎么办理' };
    expect(index.suggest(q).map((s) => [s.id, s.score.toFixed(6)])).toEqual(rebuilt.suggest(q).map((s) => [s.id, s.score.toFixed(6)]));

    expect(index.remove(1)).toBe(true);
    expect(index.remove(1)).toBe(false);
    expect(index.has(1)).toBe(false);
    expect(index.size).toBe(5);
    expect(index.search('宠物犬').total).toBe(0);
  });

  it('rebuilds in several chunks to the same result as upserts, serving the old index meanwhile', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => row(i + 1, `第${i}号楼电梯维修`, `第${i}号楼的电梯故障，物业已报修。`.repeat(40)));
    const index = new KnowledgeIndex({ analyzer, now: () => NOW });
    await index.rebuild([row(9999, '旧的文章', '旧的回答，电梯维修。')]);
    const building = index.rebuild(rows); // > 200,000 characters: more than one chunk
    expect(index.search('电梯维修').hits.map((h) => h.id)).toEqual([9999]);
    await building;
    expect(index.size).toBe(400);
    expect(index.has(9999)).toBe(false);
    const oneByOne = new KnowledgeIndex({ analyzer, now: () => NOW });
    for (const r of rows) oneByOne.upsert(r);
    const q = { content: '第123号楼的电梯坏了' };
    expect(index.suggest(q).map((s) => [s.id, s.score.toFixed(6)])).toEqual(oneByOne.suggest(q).map((s) => [s.id, s.score.toFixed(6)]));
    expect(index.suggest(q)[0].id).toBe(124);
  });

  it('keeps working after many updates (compaction)', async () => {
    const index = new KnowledgeIndex({ analyzer, now: () => NOW });
    const text = '长篇回答内容'.repeat(200);
    for (let v = 1; v <= 60; v++) index.upsert(row(1, `版本${v}停车`, text + v, { version: v }));
    expect(index.size).toBe(1);
    expect(index.search('停车').hits.map((h) => h.version)).toEqual([60]);
  });

  it('re-indexes when user words are added', async () => {
    const index = new KnowledgeIndex({ now: () => NOW });
    await index.rebuild([row(1, '金鹰城社区服务中心地址', '金鹰城社区服务中心位于银盆岭街道。')]);
    await index.addUserWords(['金鹰城']);
    expect(index.analyzer.segment('金鹰城社区')).toContain('金鹰城');
    expect(index.search('金鹰城').hits[0].titleHtml).toBe('<em>金鹰城</em>社区服务中心地址');
  });
});

describe('KnowledgeIndex input limits', () => {
  let index: KnowledgeIndex;
  beforeAll(async () => {
    index = await build([]);
  });

  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e instanceof KnowledgeQueryError ? e.code : e;
    }
    return 'no error';
  };

  it('refuses an empty query', () => {
    expect(code(() => index.search('   '))).toBe('EMPTY_QUERY');
    expect(code(() => index.suggest({ content: '' }))).toBe('EMPTY_QUERY');
  });

  it('refuses content over 5,000 characters and takes 5,000', () => {
    expect(code(() => index.suggest({ content: '停'.repeat(MAX_QUERY_CHARS + 1) }))).toBe('QUERY_TOO_LONG');
    expect(code(() => index.suggest({ content: '停车'.repeat(MAX_QUERY_CHARS / 2) }))).toBe('no error');
    expect(code(() => index.search('停'.repeat(501)))).toBe('QUERY_TOO_LONG');
  });

  it('refuses a bad page', () => {
    expect(code(() => index.search('停车', { page: 0 }))).toBe('INVALID_PAGE');
    expect(code(() => index.search('停车', { page: 1.5 }))).toBe('INVALID_PAGE');
    expect(code(() => index.search('停车', { page: 200, pageSize: 10 }))).toBe('INVALID_PAGE');
    expect(code(() => index.suggest({ content: '停车', limit: 0 }))).toBe('INVALID_PAGE');
  });

  it('returns nothing rather than failing when no article matches', () => {
    expect(index.suggest({ content: '完全无关的火星文字' })).toEqual([]);
    expect(index.search('zzzz')).toEqual({ total: 0, page: 1, pageSize: 10, hits: [] });
  });
});
