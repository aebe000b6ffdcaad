import { Analyzer } from './analyzer';
import { coverageUnits, phrasingCoverage, rerankScore } from './coverage';

describe('phrasing coverage', () => {
  const analyzer = new Analyzer();
  const units = (t: string) => coverageUnits(analyzer.analyze(t));
  const flat = { bigram: () => 1, word: () => 1 };

  it('is the share of a title found in the appeal, best over the phrasings', () => {
    const appeal = units('我家住在A7县，玉诚环境公司拖欠工资三个月了，劳动用工很不规范');
    const title = units('反映A7县玉诚环境劳动用工的问题');
    const other = units('咨询公积金提取');
    const c = phrasingCoverage([title], appeal, flat);
    expect(c).toBeGreaterThan(0.5);
    expect(c).toBeLessThan(1);
    expect(phrasingCoverage([other], appeal, flat)).toBe(0);
    expect(phrasingCoverage([other, title], appeal, flat)).toBe(c);
    expect(phrasingCoverage([units('玉诚环境')], appeal, flat)).toBe(1);
  });

  it('counts words with a letter: another district is not the same title; a bare number is not counted', () => {
    const appeal = units('A7县玉诚环境劳动用工');
    expect(phrasingCoverage([units('A7县玉诚环境劳动用工')], appeal, flat)).toBe(1);
    expect(phrasingCoverage([units('A3县玉诚环境劳动用工')], appeal, flat)).toBeLessThan(1);
    expect(phrasingCoverage([units('玉诚环境劳动用工 25421')], appeal, flat)).toBe(1);
  });

  it('weighs rare units above common ones', () => {
    const appeal = units('物业的问题');
    const title = units('物业费的问题');
    const common = new Set(analyzer.analyze('的问题').bigrams);
    const idf = { bigram: (b: number) => (common.has(b) ? 0.1 : 5), word: () => 1 };
    // of 物业 业费 费的 的问 问题, the appeal has 物业 and the two nearly weightless ones: a third, not three fifths
    expect(phrasingCoverage([title], appeal, idf)).toBeCloseTo(5.2 / 15.2, 5);
    expect(phrasingCoverage([units('')], appeal, flat)).toBe(0);
  });

  it('adds the weighted coverage to the score relative to the best', () => {
    expect(rerankScore(5, 10, 0.5, 2)).toBe(1.5);
    expect(rerankScore(10, 10, 0, 2)).toBe(1);
    expect(rerankScore(0, 0, 1, 2)).toBe(2);
  });
});
