import {
  apportion,
  countFigure,
  dailyAverage,
  formatChange,
  formatCount,
  formatPercent,
  formatPp,
  formatTimes,
  ppChange,
  rateFigure,
  ratio,
  round,
  yoy,
} from './figures';

describe('figures', () => {
  it('divides, or says there is nothing to divide by', () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(0, 4)).toBe(0);
    expect(ratio(3, 0)).toBeNull();
  });

  it('computes year-on-year change of a count', () => {
    expect(yoy(1224862, 906566)).toBeCloseTo(0.3511, 4);
    expect(yoy(50, 100)).toBe(-0.5);
    expect(yoy(100, 100)).toBe(0);
    expect(yoy(5, 0)).toBeNull();
    expect(yoy(5, null)).toBeNull();
    expect(yoy(5, undefined)).toBeNull();
  });

  it('computes the change of a rate in percentage points', () => {
    expect(ppChange(0.971, 0.9444)).toBeCloseTo(2.66, 10);
    expect(ppChange(0.5, 0.6)).toBeCloseTo(-10, 10);
    expect(ppChange(null, 0.5)).toBeNull();
    expect(ppChange(0.5, null)).toBeNull();
  });

  it('averages over the days of the period (2020: 366)', () => {
    expect(Math.round(dailyAverage(868022, 366))).toBe(2372);
    expect(dailyAverage(730, 365)).toBe(2);
    expect(() => dailyAverage(1, 0)).toThrow(RangeError);
  });

  it('builds count and rate figures with their comparison', () => {
    expect(countFigure(120, 100)).toEqual({ value: 120, previous: 100, yoy: 0.2 });
    expect(countFigure(120, null)).toEqual({ value: 120, previous: null, yoy: null });
    const r = rateFigure(97, 100, { numerator: 90, denominator: 100 });
    expect(r).toMatchObject({ numerator: 97, denominator: 100, value: 0.97, previous: 0.9 });
    expect(r.ppChange).toBeCloseTo(7, 10);
    expect(rateFigure(0, 0)).toEqual({ numerator: 0, denominator: 0, value: null, previous: null, ppChange: null });
    expect(rateFigure(1, 2, { numerator: 0, denominator: 0 })).toMatchObject({ previous: null, ppChange: null });
  });

  it('rounds half away from zero, even where binary floats fall short', () => {
    expect(round(1.005)).toBe(1.01);
    expect(round(-1.005)).toBe(-1.01);
    expect(round(52.435)).toBe(52.44);
    expect(round(2.675)).toBe(2.68);
    expect(round(0.125, 2)).toBe(0.13);
    expect(round(97.1)).toBe(97.1);
    expect(round(1234.5, 0)).toBe(1235);
  });

  it('prints figures the way the report does', () => {
    expect(formatPercent(0.971)).toBe('97.10%');
    expect(formatPercent(577102 / 868022)).toBe('66.48%');
    expect(formatPercent(152544 / 290920)).toBe('52.44%');
    expect(formatPercent(null)).toBe('—');
    expect(formatCount(868022)).toBe('868022');
    expect(formatChange(0.35114)).toBe('增长 35.11%');
    expect(formatChange(-0.0143)).toBe('下降 1.43%');
    expect(formatChange(0.00001)).toBe('持平');
    expect(formatChange(null)).toBe('—');
    expect(formatPp(4.19)).toBe('提高 4.19个百分点');
    expect(formatPp(-0.3)).toBe('降低 0.30个百分点');
    expect(formatPp(0)).toBe('持平');
    expect(formatPp(null)).toBe('—');
    expect(formatTimes(38947, 7563)).toBe('5.15 倍');
    expect(formatTimes(1, 0)).toBe('—');
  });
});

describe('apportion (largest remainder)', () => {
  it('splits exactly, proportionally, deterministically', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(100, [50, 30, 20])).toEqual([50, 30, 20]);
    expect(apportion(7, [0, 1, 0])).toEqual([0, 7, 0]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
    expect(apportion(5, [0, 0])).toEqual([3, 2]);
    expect(apportion(0, [])).toEqual([]);
  });

  it('always sums to the total', () => {
    const weights = [0.1, 3, 7.7, 0, 12, 1e-6, 5];
    for (const total of [0, 1, 2, 17, 999, 868022]) expect(apportion(total, weights).reduce((s, n) => s + n, 0)).toBe(total);
  });

  it('refuses impossible totals', () => {
    expect(() => apportion(-1, [1])).toThrow(RangeError);
    expect(() => apportion(1.5, [1])).toThrow(RangeError);
    expect(() => apportion(1, [])).toThrow(RangeError);
  });
});
