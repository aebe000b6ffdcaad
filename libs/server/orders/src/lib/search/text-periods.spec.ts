import { booleanQuery, orderTerms, periodTerms, recentPeriods } from './text-terms';

const at = (s: string) => new Date(s);

describe('period terms', () => {
  it('puts an order in its 旬 and the next, its month and the next, in Beijing time', () => {
    expect(periodTerms(at('2020-11-30T15:59:59Z'))).toEqual(['t2020113', 't2020121', 'n202011', 'n202012']);
    // 00:00 on 1 December in Beijing
    expect(periodTerms(at('2020-11-30T16:00:00Z'))).toEqual(['t2020121', 't2020122', 'n202012', 'n202101']);
    expect(periodTerms(at('2020-12-15T04:00:00Z'))).toEqual(['t2020122', 't2020123', 'n202012', 'n202101']);
    expect(periodTerms(at('2021-01-31T04:00:00Z'))).toEqual(['t2021013', 't2021021', 'n202101', 'n202102']);
  });

  it('names each window by its last period, and says where it starts', () => {
    const [dekad, month] = recentPeriods(at('2020-12-25T04:00:00Z'));
    expect(dekad).toEqual({ term: 't2020123', since: at('2020-12-10T16:00:00Z') }); // 11 December, Beijing
    expect(month).toEqual({ term: 'n202012', since: at('2020-10-31T16:00:00Z') }); // 1 November
    // the first 旬 of a year: the window starts on 21 December
    expect(recentPeriods(at('2021-01-03T04:00:00Z'))[0]).toEqual({ term: 't2021011', since: at('2020-12-20T16:00:00Z') });
  });

  it('an order in a window carries its term; one just before it does not', () => {
    const [dekad, month] = recentPeriods(at('2020-12-25T04:00:00Z'));
    expect(periodTerms(at('2020-12-10T16:00:00Z'))).toContain(dekad.term);
    expect(periodTerms(at('2020-12-10T15:59:59Z'))).not.toContain(dekad.term);
    expect(periodTerms(at('2020-11-01T00:00:00Z'))).toContain(month.term);
    expect(periodTerms(at('2020-10-31T15:59:59Z'))).not.toContain(month.term);
  });

  it('stores the periods beside the text, and alone for an order with no text; asks for a period last', () => {
    expect(orderTerms({ content: '停水', address: null, createdAt: at('2020-06-01T00:00:00Z') })).toMatch(/^\S+ \S+ \S+ t2020061 t2020062 n202006 n202007$/);
    expect(orderTerms({ content: '——', address: null, createdAt: at('2020-06-01T00:00:00Z') })).toBe('t2020061 t2020062 n202006 n202007');
    expect(booleanQuery(['b1', 'b2'], 't2020061')).toBe('+b1 +b2 +t2020061');
    expect(booleanQuery(['b1'])).toBe('+b1');
  });
});
