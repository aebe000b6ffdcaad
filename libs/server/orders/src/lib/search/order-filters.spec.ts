import type { SearchOrdersDto } from '../dto';
import { orderFilters, orderSort, type FilterContext } from './order-filters';

const ctx = (over: Partial<FilterContext> = {}): FilterContext => ({
  now: new Date('2026-03-02T00:00:00Z'),
  userScope: null,
  unitScope: null,
  partScope: null,
  categoryScope: null,
  hideConfidential: false,
  ...over,
});
const q = (over: Partial<SearchOrdersDto>) => Object.assign({}, over) as SearchOrdersDto;

describe('order search as data', () => {
  it('asks nothing of an empty query but the caller’s own scope', () => {
    expect(orderFilters(q({}), ctx())).toEqual([]);
    expect(orderFilters(q({}), ctx({ userScope: [3, 4] }))).toEqual([
      {
        sql: expect.stringContaining('o.main_unit_id IN (:...scope)'),
        params: { scope: [3, 4] },
        split: {
          main: { sql: 'o.main_unit_id IN (:...scope)', params: { scope: [3, 4] } },
          co: { sql: expect.stringContaining('o.main_unit_id NOT IN (:...scope)'), params: { scope: [3, 4] } },
        },
      },
    ]);
  });

  it("unitPart 'main': the main unit in scope; 'co': a co-unit in scope and the main unit not", () => {
    const [main] = orderFilters(q({ unitPart: 'main' }), ctx({ partScope: [7, 8] }));
    expect(main).toEqual({ sql: 'o.main_unit_id IN (:...partScope)', params: { partScope: [7, 8] } });
    const [co] = orderFilters(q({ unitPart: 'co' }), ctx({ partScope: [7] }));
    expect(co.sql).toContain('EXISTS (SELECT 1 FROM order_co_unit cu3 WHERE cu3.order_id = o.id AND cu3.unit_id IN (:...partScope))');
    expect(co.sql).toContain('o.main_unit_id NOT IN (:...partScope)');
    expect(co.params).toEqual({ partScope: [7] });
  });

  it('a unit searching by phone never sees a confidential caller; text search escapes LIKE wildcards', () => {
    expect(orderFilters(q({ phone: '138' }), ctx({ hideConfidential: true })).map((f) => f.sql)).toEqual([
      'o.caller_phone = :phone',
      'o.caller_confidential = 0',
    ]);
    const [fts, like] = orderFilters(q({ q: '100%_a' }), ctx());
    expect(fts).toEqual({
      sql: 'MATCH (ot_q.terms) AGAINST (:fts IN BOOLEAN MODE)',
      params: { fts: '+w0100 +w0a' },
      join: { table: 'order_text', alias: 'ot_q', on: 'ot_q.order_id = o.id' },
      fts: { terms: ['w0100', 'w0a'] },
    });
    expect(like.params).toEqual({ like: '%100\\%\\_a%' });
  });

  it('q: an order number is that order only, a phone the caller’s (confidential hidden from a unit), text the index then LIKE', () => {
    expect(orderFilters(q({ q: '20200105000123' }), ctx())).toEqual([{ sql: 'o.number = :qn', params: { qn: '20200105000123' } }]);
    expect(orderFilters(q({ q: '13812345678' }), ctx({ hideConfidential: true }))).toEqual([
      { sql: 'o.caller_phone = :qphone', params: { qphone: '13812345678' } },
      { sql: 'o.caller_confidential = 0' },
    ]);
    expect(orderFilters(q({ q: '13812345678' }), ctx())).toHaveLength(1);
    // one term is exact by itself; more terms (or punctuation) need the LIKE on the rows the index found
    expect(orderFilters(q({ q: '停水' }), ctx()).map((f) => f.sql)).toEqual(['MATCH (ot_q.terms) AGAINST (:fts IN BOOLEAN MODE)']);
    const text = orderFilters(q({ q: '停水通知' }), ctx());
    expect(text.map((f) => f.sql)).toEqual(['MATCH (ot_q.terms) AGAINST (:fts IN BOOLEAN MODE)', '(o.content LIKE :like OR o.address LIKE :like)']);
    expect(text[1].params).toEqual({ like: '%停水通知%' });
    expect(orderFilters(q({ q: '停水!' }), ctx())).toHaveLength(2);
    // nothing the index knows: the LIKE alone
    expect(orderFilters(q({ q: '％％' }), ctx()).map((f) => f.sql)).toEqual(['(o.content LIKE :like OR o.address LIKE :like)']);
  });

  it('a date-only `to` includes the whole China day', () => {
    expect(orderFilters(q({ to: '2026-03-01' }), ctx())[0].params).toEqual({ to: new Date('2026-03-01T16:00:00.000Z') });
  });

  it('sorts newest first by default, the id breaking ties the same way', () => {
    expect(orderSort({})).toEqual([
      { by: 'o.created_at', dir: 'DESC' },
      { by: 'o.id', dir: 'DESC' },
    ]);
    expect(orderSort({ sort: 'handleDueAt' })[0]).toEqual({ by: 'o.handle_due_at IS NULL', dir: 'ASC' });
  });
});
