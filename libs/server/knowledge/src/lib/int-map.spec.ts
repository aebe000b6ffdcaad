import { IntMap } from './int-map';

describe('IntMap', () => {
  it('stores, overwrites and grows like a Map', () => {
    const m = new IntMap(4);
    const ref = new Map<number, number>();
    let x = 12345;
    for (let i = 0; i < 20000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) & 0x3fffffff;
      const key = x % 50000;
      m.set(key, i);
      ref.set(key, i);
    }
    expect(m.size).toBe(ref.size);
    for (const [k, v] of ref) expect(m.get(k)).toBe(v);
    expect(m.get(50001)).toBe(-1);
    m.set(0, 7);
    expect(m.get(0)).toBe(7);
  });
});
