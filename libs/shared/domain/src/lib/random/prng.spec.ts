import { pick, prng, weighted } from './prng';

describe('prng', () => {
  it('is deterministic per seed and spreads over [0,1)', () => {
    const a = prng(7);
    const b = prng(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.filter((x) => x < 0.5).length).toBeGreaterThan(400);
  });

  it('weighted picks follow the weights', () => {
    const r = prng(1);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10000; i++) counts[weighted(r, { a: 3, b: 1 })]++;
    expect(counts.a / 10000).toBeGreaterThan(0.7);
    expect(counts.a / 10000).toBeLessThan(0.8);
    expect(pick(prng(3), ['x'])).toBe('x');
  });
});
