import { monthTerm, monthTermsBack, orderTerms } from './text-terms';
import { monthsBetween, textWindow } from './text-window';

const at = (s: string) => new Date(s);

describe('month terms', () => {
  it('takes the month in Beijing time', () => {
    expect(monthTerm(at('2020-11-30T15:59:59Z'))).toBe('m202011');
    expect(monthTerm(at('2020-11-30T16:00:00Z'))).toBe('m202012'); // 00:00 on 1 December in Beijing
  });

  it('counts back over a year end', () => {
    expect(monthTermsBack(at('2021-02-10T00:00:00Z'), 4)).toEqual(['m202102', 'm202101', 'm202012', 'm202011']);
    expect(monthsBetween(at('2020-11-05T00:00:00Z'), at('2021-01-31T00:00:00Z'))).toEqual(['m202101', 'm202012', 'm202011']);
  });

  it('stores the month beside the text, and alone for an order with no text', () => {
    expect(orderTerms({ content: '停水', address: null, createdAt: at('2020-06-01T00:00:00Z') })).toMatch(/^\S+ \S+ \S+ m202006$/);
    expect(orderTerms({ content: '——', address: null, createdAt: at('2020-06-01T00:00:00Z') })).toBe('m202006');
  });
});

describe('textWindow', () => {
  const now = at('2026-12-04T08:00:00Z');

  it('ends at the newest order, not today, when the data stops earlier', () => {
    const w = textWindow({ newest: at('2020-12-31T10:00:00Z'), now, months: 3 });
    expect(w).toEqual({ recent: ['m202612', 'm202012', 'm202011', 'm202010'], coversRange: false, range: null });
  });

  it('holds the current month so an order of a new month is not missed', () => {
    const w = textWindow({ newest: at('2026-11-30T15:00:00Z'), now: at('2026-11-30T16:00:30Z'), months: 3 });
    expect(w?.recent).toEqual(['m202612', 'm202611', 'm202610', 'm202609']);
  });

  it('ends at `to` and leaves the current month out when the range ended', () => {
    const w = textWindow({ newest: at('2026-12-01T00:00:00Z'), now, from: at('2019-12-31T16:00:00Z'), to: at('2020-12-31T16:00:00Z'), months: 3 });
    expect(w?.recent).toEqual(['m202012', 'm202011', 'm202010']);
    expect(w?.coversRange).toBe(false);
    expect(w?.range).toHaveLength(12);
    expect(w?.range?.[11]).toBe('m202001');
  });

  it('covers the range when `from` lies within the recent months', () => {
    const w = textWindow({ newest: at('2026-12-03T00:00:00Z'), now, from: at('2026-11-14T16:00:00Z'), months: 3 });
    expect(w).toEqual({ recent: ['m202612', 'm202611'], coversRange: true, range: ['m202612', 'm202611'] });
  });

  it('gives no range list for a range longer than three years, and no window without orders or for an empty range', () => {
    expect(textWindow({ newest: at('2026-12-03T00:00:00Z'), now, from: at('2015-01-01T00:00:00Z'), months: 3 })?.range).toBeNull();
    expect(textWindow({ newest: null, now, months: 3 })).toBeNull();
    expect(textWindow({ newest: at('2020-01-01T00:00:00Z'), now, from: at('2021-01-01T00:00:00Z'), months: 3 })).toBeNull();
  });
});
