import { jsonDeeperThan } from './body-depth';

describe('jsonDeeperThan', () => {
  it('counts nesting of objects and arrays', () => {
    expect(jsonDeeperThan('{"a":{"b":[1,[2]]}}', 4)).toBe(false);
    expect(jsonDeeperThan('{"a":{"b":[1,[2]]}}', 3)).toBe(true);
    expect(jsonDeeperThan('['.repeat(3000) + ']'.repeat(3000), 32)).toBe(true);
    expect(jsonDeeperThan('[[],[],[],[]]', 2)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDeeperThan(JSON.stringify({ a: '[[[[{{{{', b: 'say \\"[[[[' }), 1)).toBe(false);
    expect(jsonDeeperThan(JSON.stringify({ a: 'x\\', b: { c: 1 } }), 1)).toBe(true);
  });
});
