import { booleanQuery, classifyQuery, documentTerms, queryTerms } from './text-terms';

const STOPWORDS = ['a', 'about', 'an', 'are', 'as', 'at', 'be', 'by', 'com', 'de', 'en', 'for', 'from', 'how', 'i', 'in', 'is', 'it', 'la', 'of', 'on', 'or'];

describe('order text terms', () => {
  it('turns Chinese into single-character and bigram tokens the default FULLTEXT parser keeps whole', () => {
    const terms = documentTerms('小区停水', '人民路94号').split(' ');
    // 小 区 停 水 + 小区 区停 停水; 人 民 路 + 人民 民路; 94; 号 (the word 94 separates 路 from 号)
    expect(terms).toHaveLength(4 + 3 + 3 + 2 + 1 + 1);
    for (const t of terms) {
      expect(t).toMatch(/^[a-z0-9]{3,84}$/);
      expect(STOPWORDS).not.toContain(t);
    }
    expect(terms).toContain('w094');
  });

  it('a document has every term of a query it contains, and misses one of a query it does not', () => {
    const doc = new Set(documentTerms('居民反映小区自昨晚起停水，至今未恢复', '海州区新浦路12号').split(' '));
    const has = (q: string) => queryTerms(q).every((t) => doc.has(t));
    expect(has('停水')).toBe(true);
    expect(has('小区停水')).toBe(false); // 区停 is not there: 小区 and 停水 are apart
    expect(has('停')).toBe(true);
    expect(has('新浦路')).toBe(true);
    expect(has('12')).toBe(true);
    expect(has('噪音')).toBe(false);
    expect(has('1')).toBe(false); // ASCII words match whole
  });

  it('folds case and full-width forms, repeats a term once, and asks nothing of punctuation', () => {
    expect(queryTerms('ＡＢ１２')).toEqual(['w0ab12']);
    expect(documentTerms('停水停水').split(' ')).toHaveLength(4); // 停 水 停水 水停
    expect(queryTerms('，。！ ')).toEqual([]);
    expect(booleanQuery(queryTerms('停水 通知'))).toBe(`+${queryTerms('停水')[0]} +${queryTerms('通知')[0]}`);
  });

  it('cuts a very long ASCII word to stay within the largest token', () => {
    expect(documentTerms('x'.repeat(200)).length).toBeLessThanOrEqual(84);
  });
});

describe('what q is', () => {
  it('an order number: this system’s 14 digits or an imported number with six digits in a row', () => {
    expect(classifyQuery(' 20200105000123 ')).toEqual({ kind: 'number', number: '20200105000123' });
    expect(classifyQuery('JS2026120500012')).toEqual({ kind: 'number', number: 'JS2026120500012' });
  });

  it('a phone: a mobile (spaces, dashes and +86 dropped) or a landline with its area code', () => {
    expect(classifyQuery('138 1234 5678')).toEqual({ kind: 'phone', phone: '13812345678' });
    expect(classifyQuery('+8613812345678')).toEqual({ kind: 'phone', phone: '13812345678' });
    expect(classifyQuery('05188888888')).toEqual({ kind: 'phone', phone: '05188888888' });
  });

  it('text otherwise, short numbers included', () => {
    expect(classifyQuery('停水')).toEqual({ kind: 'text', text: '停水' });
    expect(classifyQuery('12345')).toEqual({ kind: 'text', text: '12345' });
    expect(classifyQuery('人民路94号')).toEqual({ kind: 'text', text: '人民路94号' });
  });
});
