import { formatDuration, isDuration, parseDuration } from './duration';

describe('duration', () => {
  it.each([
    ['30m', { amount: 30, unit: 'm' }],
    ['2h', { amount: 2, unit: 'h' }],
    ['5d', { amount: 5, unit: 'd' }],
    ['0.5d', { amount: 0.5, unit: 'd' }],
    ['3s', { amount: 3, unit: 's' }],
    ['0d', { amount: 0, unit: 'd' }],
  ])('parses %s', (spec, expected) => {
    expect(parseDuration(spec)).toEqual(expected);
    expect(formatDuration(parseDuration(spec))).toBe(spec);
    expect(isDuration(spec)).toBe(true);
  });

  it.each(['', '5', 'd', '5 d', '-1d', '1w', '1.2345h', '12345d', '1e3s', '5D', ' 5d'])('refuses %j', (spec) => {
    expect(isDuration(spec)).toBe(false);
    expect(() => parseDuration(spec)).toThrow(RangeError);
  });

  it('is not fooled by non-strings', () => {
    expect(isDuration(5)).toBe(false);
    expect(isDuration(null)).toBe(false);
  });
});
