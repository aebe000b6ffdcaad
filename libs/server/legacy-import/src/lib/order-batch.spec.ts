import { mergeDeltas } from '@hotline/server-statistics';
import { deltasOf, randomOrders } from './legacy-fixtures';
import { fullKey } from './cell-sums';
import { HISTORY_LOAD_COLS as HISTORY_COLS, ORDER_LOAD_COLS as ORDER_COLS, tsvString, withOrderIds } from '@hotline/server-orders';
import { prepareOrders } from './order-batch';
import { legacyToRows } from './legacy-rows';

describe('prepareOrders', () => {
  const orders = randomOrders(500, 3);
  const b = prepareOrders(orders, 9);

  it('writes one work_order line per order, every column, in the order given', () => {
    const lines = tsvString(b.orders).split('\n').slice(0, -1);
    expect(lines).toHaveLength(orders.length);
    expect(b.numbers).toEqual(orders.map((o) => o.number));
    for (const l of lines) expect(l.split('\t')).toHaveLength(ORDER_COLS.length);
    const first = lines[0].split('\t');
    const r = legacyToRows(orders[0], 9);
    expect(first[ORDER_COLS.indexOf('number')]).toBe(orders[0].number);
    expect(first[ORDER_COLS.indexOf('status')]).toBe(r.facts.status);
    expect(first[ORDER_COLS.indexOf('version')]).toBe(String(r.history.length));
  });

  it('writes every history row of every order with its index in the batch, and its topics', () => {
    const indexed = tsvString(b.history)
      .split('\n')
      .slice(0, -1)
      .map((l) => l.split('\t'));
    expect(indexed.map((h) => h[0])).toEqual(orders.flatMap((o, i) => legacyToRows(o, 9).history.map(() => String(i))));
    const topics = tsvString(b.topics).split('\n').slice(0, -1);
    expect(topics).toEqual(orders.flatMap((o, i) => o.topicIds.map((t) => `${i}\t${t}`)));
    expect(b.topicRows).toBe(topics.length);
  });

  it('puts the order ids in once they are known', () => {
    const ids = orders.map((_, i) => 1000 + 7 * i);
    const history = withOrderIds(b.history, ids)
      .split('\n')
      .slice(0, -1)
      .map((l) => l.split('\t'));
    expect(history).toHaveLength(b.historyRows);
    expect(b.historyRows).toBe(orders.reduce((n, o) => n + legacyToRows(o, 9).history.length, 0));
    for (const h of history) expect(h).toHaveLength(HISTORY_COLS.length);
    const forFirst = history.filter((h) => h[0] === '1000').map((h) => h[1]);
    expect(forFirst).toEqual(legacyToRows(orders[0], 9).history.map((h) => h.action));
    expect(JSON.parse(history[0][9])).toMatchObject({ importJob: 9, legacyNumber: orders[0].number });
    const topics = withOrderIds(b.topics, ids).split('\n').slice(0, -1);
    expect(topics).toEqual(orders.flatMap((o, i) => o.topicIds.map((t) => `${ids[i]}\t${t}`)));
    expect(() => withOrderIds('3\tx\n', [1, 2])).toThrow(/no order id/);
  });

  it('adds to the summary cells exactly what the orders and their history rows count in', () => {
    const mine = [...b.sums.cells()].map(([t, cells]) => [t, cells.map((c) => ({ key: fullKey(c), values: c.values }))]);
    expect(mine).toEqual([...mergeDeltas(deltasOf(orders))]);
  });

  it('writes the cells as LOAD DATA text per table, every cell once, with only the measures some cell is not zero in', () => {
    const cells = b.sums.cells();
    expect(b.summaryRows.map((r) => r.table).sort()).toEqual([...cells.keys()].sort());
    const category = b.summaryRows.find((r) => r.table === 'stat_category');
    expect(category?.columns.slice(0, 8)).toEqual([
      'grain',
      'period',
      'platform_id',
      'channel_grp',
      'appeal_type_code',
      'category_id',
      'region_id',
      'accepted',
    ]);
    // nothing in the fixtures is returned, reworked, extended, supervised, instructed or merged
    expect(category?.values).not.toContain('returns');
    expect(category?.values).not.toContain('merged');
    expect(tsvString(category?.text ?? '')).toMatch(/^d\t20\d\d-\d\d-\d\d\t\d+\t(public|collector)\t/);
    for (const r of b.summaryRows) expect(r.rows).toBe(cells.get(r.table)?.length);
  });

  it('writes the same cells as literal upserts where they cannot be staged', () => {
    const cells = [...b.sums.cells().values()].reduce((n, c) => n + c.length, 0);
    const upserts = b.sums.statements();
    const rows = upserts.reduce((n, s) => n + (s.match(/\),\(/g)?.length ?? 0) + 1, 0);
    expect(rows).toBe(cells);
    expect(upserts[0]).toMatch(
      /^INSERT INTO stat_category \(grain, period, platform_id, channel_grp, appeal_type_code, category_id, region_id, accepted, .* VALUES \('d','20\d\d-\d\d-\d\d',\d+,'(public|collector)',/,
    );
    expect(upserts[0]).toMatch(/ON DUPLICATE KEY UPDATE accepted = accepted \+ VALUES\(accepted\)/);
  });
});
