import { Analyzer, bigramText, bigramsOf } from './analyzer';
import { codePointLength, escapeHtml, normalizeText } from './text';

describe('Analyzer', () => {
  it('segments with words added to the user dictionary at run time', () => {
    const a = new Analyzer();
    const before = a.segment('A3区联丰路米兰春天小区');
    expect(before).not.toContain('米兰春天');
    a.addUserWords(['米兰春天', { word: '联丰路', tag: 'ns' }]);
    const after = a.segment('A3区联丰路米兰春天小区');
    expect(after).toContain('米兰春天');
    expect(after).toContain('联丰路');
  });

  it('keeps user words per analyzer (another analyzer does not see them)', () => {
    const a = new Analyzer({ userWords: ['星沙湾花园'] });
    const b = new Analyzer();
    expect(a.segment('星沙湾花园停水')).toContain('星沙湾花园');
    expect(b.segment('星沙湾花园停水')).not.toContain('星沙湾花园');
  });

  it('indexes words of two characters or more and letter/digit tokens, without stop words', () => {
    const a = new Analyzer();
    const { words, bigrams } = a.analyze('您好，请问A3区的公积金怎么提取？');
    expect(words).toEqual(expect.arrayContaining(['a3', '公积金', '提取']));
    expect(words).not.toContain('您好');
    expect(words).not.toContain('的');
    expect(bigrams.map(bigramText)).toEqual(expect.arrayContaining(['公积', '积金']));
  });

  it('expands synonym groups both ways and segments their members whole', () => {
    const a = new Analyzer({
      synonyms: [
        ['公积金', '住房公积金'],
        ['噪音', '噪声'],
      ],
    });
    expect(a.synonymsOf('公积金')).toEqual(['住房公积金']);
    expect(a.synonymsOf('住房公积金')).toEqual(['公积金']);
    expect(a.synonymsOf('噪声')).toEqual(['噪音']);
    expect(a.synonymsOf('社保')).toEqual([]);
    expect(a.segment('提取住房公积金')).toContain('住房公积金');
  });

  it('segments many texts on the thread pool exactly as one by one', async () => {
    const a = new Analyzer({ userWords: ['米兰春天'] });
    const texts = ['A3区米兰春天小区\n噪音扰民', '', '住房公积金提取', 'ＡＢＣ全角字母'];
    const many = await a.segmentMany(texts, 10);
    expect(many).toEqual(texts.map((t) => a.segment(t.replace(/\n/g, ' '))));
  });
});

describe('text helpers', () => {
  it('normalises full-width characters one unit for one unit', () => {
    expect(normalizeText('Ａ３区　ＡＢＣ')).toBe('a3区 abc');
    expect(normalizeText('Ａ３区　ＡＢＣ').length).toBe('Ａ３区　ＡＢＣ'.length);
  });

  it('makes bigrams inside CJK runs only', () => {
    expect(bigramsOf('a3区联丰路,小').map(bigramText)).toEqual(['区联', '联丰', '丰路']);
  });

  it('escapes HTML and counts code points', () => {
    expect(escapeHtml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
    expect(codePointLength('𠀀字')).toBe(2);
  });
});
