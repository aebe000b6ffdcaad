import { addressKey, CATEGORY_SURGE, detectSurges } from './surge';

describe('detectSurges', () => {
  const rule = CATEGORY_SURGE; // 28 days, at least 5, at least 3 × baseline + 2

  it('flags a jump against the trailing average and ignores ordinary days', () => {
    const s = detectSurges(
      [
        { key: 'quiet-to-two', count: 2, trailing: 0 },
        { key: 'quiet-to-six', count: 6, trailing: 0 },
        { key: 'busy-normal', count: 30, trailing: 28 * 25 },
        { key: 'busy-jump', count: 80, trailing: 28 * 25 },
        { key: 'edge', count: 11, trailing: 28 * 3 },
        { key: 'under-edge', count: 10, trailing: 28 * 3 },
      ],
      rule,
    );
    expect(s.map((x) => x.key)).toEqual(['quiet-to-six', 'busy-jump', 'edge']);
    expect(s.find((x) => x.key === 'busy-jump')?.baseline).toBe(25);
  });

  it('ranks the sharpest jumps first', () => {
    const s = detectSurges(
      [
        { key: 'a', count: 9, trailing: 28 },
        { key: 'b', count: 20, trailing: 0 },
      ],
      rule,
    );
    expect(s.map((x) => x.key)).toEqual(['b', 'a']);
  });
});

describe('addressKey', () => {
  it('normalises spacing and punctuation, and ignores addresses too short to be a place', () => {
    expect(addressKey('通灌北路 88号')).toBe(addressKey('通灌北路88号 '));
    expect(addressKey('海州区, 解放东路（18号）')).toBe('海州区解放东路18号');
    expect(addressKey('路口')).toBeNull();
    expect(addressKey(null)).toBeNull();
  });
});
