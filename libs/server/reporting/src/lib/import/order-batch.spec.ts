import { mergeDeltas } from '../stats/summary-spec';
import { deltasOf, randomOrders } from './legacy-fixtures';
import { fullKey } from './cell-sums';
import { HISTORY_COLS, ORDER_COLS, prepareOrders, withOrderIds } from './order-batch';
import { legacyToRows } from './legacy-rows';

describe('prepareOrders', () => {
  const orders = randomOrders(500, 3);
  const b = prepareOrders(orders, 9);

  it('writes one work_order line per order, every column, in the order given', () => {
    const lines = b.orders.split('\n').slice(0, -1);
    expect(lines).toHaveLength(orders.length);
    expect(b.numbers).toEqual(orders.map((o) => o.number));
    for (const l of lines) expect(l.split('\t')).toHaveLength(ORDER_COLS.length);
    const first = lines[0].split('\t');
    const r = legacyToRows(orders[0], 9);
    expect(first[ORDER_COLS.indexOf('number')]).toBe(orders[0].number);
    expect(first[ORDER_COLS.indexOf('status')]).toBe(r.facts.status);
    expect(first[ORDER_COLS.indexOf('version')]).toBe(String(r.history.length));
  });

  it('writes every history row of every order once the ids are known, and its topics', () => {
    const ids = orders.map((_, i) => 1000 + i);
    const rows = withOrderIds(b, ids);
    const history = rows.history.split('\n').slice(0, -1).map((l) => l.split('\t'));
    expect(history).toHaveLength(b.historyRows);
    expect(b.historyRows).toBe(orders.reduce((n, o) => n + legacyToRows(o, 9).history.length, 0));
    for (const h of history) expect(h).toHaveLength(HISTORY_COLS.length);
    const forFirst = history.filter((h) => h[0] === '1000').map((h) => h[1]);
    expect(forFirst).toEqual(legacyToRows(orders[0], 9).history.map((h) => h.action));
    expect(JSON.parse(history[0][9])).toMatchObject({ importJob: 9, legacyNumber: orders[0].number });
    expect(rows.topicRows).toBe(orders.reduce((n, o) => n + o.topicIds.length, 0));
  });

  it('adds to the summary cells exactly what the orders and their history rows count in', () => {
    const mine = [...b.sums.cells()].map(([t, cells]) => [t, cells.map((c) => ({ key: fullKey(c), values: c.values }))]);
    expect(mine).toEqual([...mergeDeltas(deltasOf(orders))]);
  });

  it('writes the cells as one upsert per table (and chunk), every cell once', () => {
    const cells = [...b.sums.cells().values()].reduce((n, c) => n + c.length, 0);
    const rows = b.upserts.reduce((n, s) => n + (s.match(/\),\(/g)?.length ?? 0) + 1, 0);
    expect(rows).toBe(cells);
    expect(b.upserts[0]).toMatch(/^INSERT INTO stat_category \(grain, period, platform_id, channel_grp, appeal_type_code, category_id, region_id, accepted, .* VALUES \('d','20\d\d-\d\d-\d\d',\d+,'(public|collector)',/);
    expect(b.upserts[0]).toMatch(/ON DUPLICATE KEY UPDATE accepted = accepted \+ VALUES\(accepted\)/);
  });
});
