import { highlightAll, snippet } from './highlight';

describe('highlight', () => {
  const terms = [
    { text: '公积金', weight: 3 },
    { text: '提取', weight: 2 },
  ];

  it('wraps matches in <em> and escapes everything else', () => {
    expect(highlightAll('<b>公积金</b> & 提取', terms)).toBe('&lt;b&gt;<em>公积金</em>&lt;/b&gt; &amp; <em>提取</em>');
  });

  it('joins touching and overlapping matches into one <em>', () => {
    const bigrams = [
      { text: '联丰', weight: 1 },
      { text: '丰路', weight: 1 },
    ];
    expect(highlightAll('联丰路口', bigrams)).toBe('<em>联丰路</em>口');
  });

  it('matches full-width letters against the normalised query', () => {
    expect(highlightAll('Ａ３区', [{ text: 'a3', weight: 1 }])).toBe('<em>Ａ３</em>区');
  });

  it('picks the passage where the terms gather, with ellipses where it cut', () => {
    const text = '这是一段与问题无关的开头。'.repeat(20) + '职工可以申请提取住房公积金。' + '这是一段与问题无关的结尾。'.repeat(20);
    const s = snippet(text, terms, 60);
    expect(s.html.startsWith('…')).toBe(true);
    expect(s.html.endsWith('…')).toBe(true);
    expect(s.html).toContain('<em>提取</em>住房<em>公积金</em>');
    expect(s.weight).toBe(5);
  });

  it('returns the start of the text when nothing matches', () => {
    const s = snippet('甲乙丙丁'.repeat(50), terms, 10);
    expect(s.html).toBe('甲乙丙丁甲乙丙丁甲乙…');
    expect(s.weight).toBe(0);
  });
});
