import { indexHeaders } from '@hotline/server-platform';
import { KNOWLEDGE_HEADERS, parseArticleRow, REQUIRED_HEADERS, validDay } from './knowledge-rows';

const names = { category: (p: string) => ({ '住房管理/住房公积金': 7 })[p], unit: (n: string) => ({ 市住房公积金管理中心: 3, gjj: 3 })[n] };
const header = ['标题', '答案', '问题', '分类', '责任单位', '有效期至', '关键词'];
const { index } = indexHeaders(header, KNOWLEDGE_HEADERS, REQUIRED_HEADERS);

describe('knowledge import rows', () => {
  it('reads a full row: questions one per line, category paths, unit by name or code, keywords', () => {
    const r = parseArticleRow(
      ['提取公积金', '第一行\n第二行', '怎么取\n 怎么取 \n能取吗', '住房管理 / 住房公积金；住房管理/住房公积金', 'gjj', '2027/6/30', '公积金、提取 租房'],
      index,
      names,
      2,
    );
    expect(r).toEqual({
      ok: true,
      value: {
        title: '提取公积金',
        answer: '<p>第一行</p><p>第二行</p>',
        questions: ['怎么取', '能取吗'],
        categoryIds: [7],
        keywords: ['公积金', '提取', '租房'],
        ownerUnitId: 3,
        validTo: '2027-06-30',
      },
    });
  });

  it('keeps a plain-text answer whole when it cites a document with <…> inside 《…》 (not HTML: escaped, not sanitised away)', () => {
    const answer = '根据《A市人民政府关于印发<A市环城绿带生态圈建设工作实施方案>的通知》文件精神，附件<Excel>表见官网。';
    const r = parseArticleRow(['绿带建设', answer, '', '', '', '', ''], index, names, 2);
    expect(r.ok && r.value.answer).toBe(
      '<p>根据《A市人民政府关于印发&lt;A市环城绿带生态圈建设工作实施方案&gt;的通知》文件精神，附件&lt;Excel&gt;表见官网。</p>',
    );
    // a cell that does hold HTML is still taken as HTML (and sanitised by the service)
    const html = parseArticleRow(['绿带建设', '<p>第一段</p><br/>第二段', '', '', '', '', ''], index, names, 3);
    expect(html.ok && html.value.answer).toBe('<p>第一段</p><br/>第二段');
  });

  it('names every fault of a row with its column', () => {
    const r = parseArticleRow(['', '', '', '不存在', '某单位', '2027-13-01', ''], index, names, 9);
    expect(r).toEqual({
      ok: false,
      errors: [
        { row: 9, column: '标题', reason: 'required' },
        { row: 9, column: '答案', reason: 'required' },
        { row: 9, column: '分类', reason: 'unknown category 不存在' },
        { row: 9, column: '责任单位', reason: 'unknown unit 某单位' },
        { row: 9, column: '有效期至', reason: 'no such day' },
      ],
    });
  });

  it('reads 有效期至 from text, XLSX dates and Excel serials', () => {
    expect(validDay('2027-02-28')).toBe('2027-02-28');
    expect(validDay(new Date(Date.UTC(2027, 1, 28)))).toBe('2027-02-28');
    expect(validDay(46446)).toBe('2027-02-28');
    expect(validDay('')).toBeNull();
    expect(validDay('明年')).toEqual({ error: 'not a date (YYYY-MM-DD)' });
  });
});
