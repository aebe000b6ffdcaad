import { formatCount, formatPp, formatRate, formatYoy, trendOf } from './format';

describe('figure formatting (as the report writes them)', () => {
  it('writes counts with separators and rates with two decimals', () => {
    expect(formatCount(868022)).toBe('868,022');
    expect(formatCount(null)).toBe('—');
    expect(formatRate(0.971)).toBe('97.10%');
    expect(formatRate(0.96835)).toBe('96.84%');
    expect(formatRate(null)).toBe('—');
  });

  it('writes a count’s change in % and a rate’s in 百分点, with a real minus sign', () => {
    expect(formatYoy(0.284)).toBe('+28.40%');
    expect(formatYoy(-0.0143)).toBe('−1.43%');
    expect(formatYoy(0)).toBe('0.00%');
    expect(formatYoy(null)).toBe('—');
    expect(formatPp(2.66)).toBe('+2.66 个百分点');
    expect(formatPp(-0.5)).toBe('−0.50 个百分点');
    expect(formatPp(0)).toBe('持平');
  });

  it('classifies a change', () => {
    expect(trendOf(0.1)).toBe('up');
    expect(trendOf(-0.1)).toBe('down');
    expect(trendOf(0)).toBe('flat');
    expect(trendOf(null)).toBeNull();
  });
});
