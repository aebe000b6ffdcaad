import { APPEAL_TYPES } from '@hotline/contracts';
import { DEFAULT_TIME_LIMIT_POLICIES, resolvePolicy, validatePolicy, type TimeLimitPolicy } from './policy';

const base = (over: Partial<TimeLimitPolicy> = {}): TimeLimitPolicy => ({ ...resolvePolicy([], '*', false), ...over });

describe('time-limit policy', () => {
  it('defaults: sign 2 h (30 min urgent); consult 1, help 3, complaint/report 5, suggestion 10 working days; callback 2', () => {
    const handle = Object.fromEntries(APPEAL_TYPES.map((t) => [t.code, resolvePolicy([], t.code, false).handleLimit]));
    expect(handle).toMatchObject({ consult: '1d', help: '3d', complaint: '5d', report: '5d', suggestion: '10d' });
    expect(resolvePolicy([], 'complaint', false)).toMatchObject({ clock: 'working', signLimit: '2h', callbackLimit: '2d', prewarnPercent: 80 });
    expect(resolvePolicy([], 'suggestion', true)).toMatchObject({ signLimit: '30m', handleLimit: '1d' });
    for (const p of DEFAULT_TIME_LIMIT_POLICIES) expect(validatePolicy(p)).toEqual([]);
  });

  it('resolves own type at the urgency, then the * row at that urgency, then the built-in defaults', () => {
    const rows = [
      base({ appealType: 'help', urgent: false, handleLimit: '4d' }),
      base({ appealType: '*', urgent: false, handleLimit: '6d' }),
      base({ appealType: '*', urgent: true, handleLimit: '2h' }),
    ];
    expect(resolvePolicy(rows, 'help', false).handleLimit).toBe('4d');
    expect(resolvePolicy(rows, 'help', true).handleLimit).toBe('2h');
    expect(resolvePolicy(rows, 'consult', false).handleLimit).toBe('6d');
    expect(resolvePolicy([], 'no-such-type', false).handleLimit).toBe('5d');
  });

  it('names every bad field', () => {
    const bad = base({ signLimit: '0h', handleLimit: 'five days', prewarnPercent: 100, clock: 'lunar' as never, dayLength: '2s', longOverdueAfter: 'x' });
    expect(
      validatePolicy(bad)
        .map((e) => e.field)
        .sort(),
    ).toEqual(['clock', 'dayLength', 'handleLimit', 'longOverdueAfter', 'prewarnPercent', 'signLimit']);
    expect(validatePolicy(base({ clock: 'natural', dayLength: '2s' }))).toEqual([]);
    expect(validatePolicy(base({ clock: 'natural', dayLength: '1d' })).map((e) => e.field)).toEqual(['dayLength']);
    expect(validatePolicy(base({ prewarnPercent: 0, longOverdueAfter: '0d' }))).toEqual([]);
  });
});
