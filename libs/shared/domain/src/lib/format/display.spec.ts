import { formatCount, formatPercent, formatPp } from '../stats/figures';
import { formatCountGrouped, formatDecimal, formatPpSigned, formatYoySigned, trendOf } from './display';

describe('figures on screen', () => {
  it('groups a count’s thousands where the report prints bare digits', () => {
    expect(formatCountGrouped(868022)).toBe('868,022');
    expect(formatCount(868022)).toBe('868022');
    expect(formatCountGrouped(2371.6)).toBe('2,372');
    expect(formatCountGrouped(null)).toBe('—');
  });

  it('writes rates with two decimals, rounding half away from zero', () => {
    expect(formatPercent(0.971)).toBe('97.10%');
    expect(formatPercent(0.96835)).toBe('96.84%');
  });

  it('signs a change with a real minus', () => {
    expect(formatYoySigned(0.284)).toBe('+28.40%');
    expect(formatYoySigned(-0.0143)).toBe('−1.43%');
    expect(formatYoySigned(0)).toBe('0.00%');
    expect(formatYoySigned(undefined)).toBe('—');
    expect(formatPpSigned(2.66)).toBe('+2.66 个百分点');
    expect(formatPpSigned(-0.5)).toBe('−0.50 个百分点');
    expect(formatPpSigned(0)).toBe('持平');
    expect(formatPp(2.66)).toBe('提高 2.66个百分点');
  });

  it('writes decimals and classifies a change', () => {
    expect(formatDecimal(3.25)).toBe('3.3');
    expect(formatDecimal(null)).toBe('—');
    expect(trendOf(0.1)).toBe('up');
    expect(trendOf(-0.1)).toBe('down');
    expect(trendOf(0)).toBe('flat');
    expect(trendOf(null)).toBeNull();
  });
});
