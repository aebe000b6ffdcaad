import { flattenValidationErrors } from './validation';

describe('flattenValidationErrors', () => {
  it('names nested fields with dotted paths', () => {
    const out = flattenValidationErrors([
      { property: 'content', constraints: { maxLength: 'too long' }, children: [] },
      { property: 'caller', children: [{ property: 'phone', constraints: { matches: 'bad phone' }, children: [] }] },
    ]);
    expect(out).toEqual([
      { field: 'content', messages: ['too long'] },
      { field: 'caller.phone', messages: ['bad phone'] },
    ]);
  });
});
