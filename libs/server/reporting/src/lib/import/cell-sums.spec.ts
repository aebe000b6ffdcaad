import { mergeDeltas } from '../stats/summary-spec';
import { CellSums, fullKey } from './cell-sums';
import { deltasOf, randomOrders } from './legacy-fixtures';

describe('CellSums', () => {
  it('gives exactly the cells, sums and order of mergeDeltas', () => {
    const deltas = deltasOf(randomOrders(3000));
    const sums = new CellSums();
    for (const d of deltas) sums.add(d);
    const mine = [...sums.cells()].map(([t, cells]) => [t, cells.map((c) => ({ key: fullKey(c), values: c.values }))]);
    expect(mine).toEqual([...mergeDeltas(deltas)]);
  });

  it('leaves out cells that net to zero and does not change the deltas it was given', () => {
    const [d] = deltasOf(randomOrders(1));
    const before = JSON.stringify(d);
    const sums = new CellSums();
    sums.add(d);
    sums.add({ ...d, values: d.values.map((v) => -v) });
    expect(sums.cells().size).toBe(0);
    expect(JSON.stringify(d)).toBe(before);
  });
});
