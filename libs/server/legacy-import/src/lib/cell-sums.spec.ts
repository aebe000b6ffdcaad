import { keyColumns, mergeDeltas, tableSpec } from '@hotline/server-statistics';
import { parseTsv, tsvString } from '@hotline/server-orders';
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

  it('gives the same cells as LOAD DATA text: keys, then the measures that are not zero everywhere', () => {
    const deltas = deltasOf(randomOrders(2000, 5));
    const sums = new CellSums();
    for (const d of deltas) sums.add(d);
    const cells = sums.cells();
    for (const t of sums.rows()) {
      const spec = tableSpec(t.table);
      expect(t.columns).toEqual([...keyColumns(spec), ...t.values]);
      const fromText = parseTsv(tsvString(t.text)).map((fields) => {
        const byCol = new Map(t.columns.map((c, i) => [c, fields[i]]));
        return [...keyColumns(spec).map((c) => String(byCol.get(c))), ...spec.values.map((v) => Number(byCol.get(v) ?? 0))];
      });
      const expected = (cells.get(t.table) ?? []).map((c) => [...fullKey(c).map(String), ...c.values]);
      expect(fromText.sort(byJson)).toEqual(expected.sort(byJson));
      // a measure left out is zero in every cell of the table
      for (const v of spec.values.filter((x) => !t.values.includes(x)))
        expect(expected.every((row) => row[keyColumns(spec).length + spec.values.indexOf(v)] === 0)).toBe(true);
    }
  });

  it('leaves out cells that net to zero and does not change the deltas it was given', () => {
    const [d] = deltasOf(randomOrders(1));
    const before = JSON.stringify(d);
    const sums = new CellSums();
    sums.add(d);
    sums.add({ ...d, values: d.values.map((v) => -v) });
    expect(sums.cells().size).toBe(0);
    expect(sums.rows()).toEqual([]);
    expect(JSON.stringify(d)).toBe(before);
  });
});

const byJson = (a: unknown, b: unknown) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);
