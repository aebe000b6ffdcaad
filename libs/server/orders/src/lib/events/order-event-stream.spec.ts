import { OrderEventStream, retryDelayMs, wantsTopic } from './order-event-stream';

describe('order-event stream registry', () => {
  it('matches exact topics and prefixes ending in a dot; no topics means all', () => {
    expect(wantsTopic({ topics: ['order.'] }, 'order.dispatch')).toBe(true);
    expect(wantsTopic({ topics: ['order.'] }, 'deadline.timers')).toBe(false);
    expect(wantsTopic({ topics: ['order.sign'] }, 'order.sign-overdue')).toBe(false);
    expect(wantsTopic({}, 'anything')).toBe(true);
  });

  it('refuses a name twice (one position, one reader) and names that are not plain', () => {
    const s = new OrderEventStream();
    const handler = { handle: async () => undefined };
    s.register('sms', handler);
    expect(() => s.register('sms', handler)).toThrow(/twice/);
    expect(() => s.register('SMS gateway', handler)).toThrow(/lower-case/);
    expect(s.list().map((r) => r.name)).toEqual(['sms']);
    // a class instance is kept as it is, its methods with it
    expect(s.list()[0].subscriber).toBe(handler);
  });
});

describe('retry backoff', () => {
  it('doubles from the base after each failure, up to the cap', () => {
    const p = { attempts: 5, baseMs: 100, maxMs: 500 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(p, n))).toEqual([100, 200, 400, 500, 500]);
  });
});
