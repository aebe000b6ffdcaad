import { OrderSummary } from '@hotline/contracts';
import {
  groupOverdueByUnit,
  isLongOverdue,
  leadingCount,
  longOverdueCutoff,
} from './overdue-board';

const row = (
  id: number,
  unitId: number | null,
  unitName: string | null,
  handleDueAt: string,
  urgent = false,
): OrderSummary =>
  ({
    id,
    mainUnitId: unitId,
    mainUnitName: unitName,
    status: 'handling',
    handleDueAt,
    signDueAt: null,
    urgent,
  }) as OrderSummary;

describe('overdue board', () => {
  it('groups by main unit, most overdue first, then the oldest deadline', () => {
    const groups = groupOverdueByUnit([
      row(1, 4, '市住建局', '2020-03-01T00:00:00Z'),
      row(2, 7, '市城管局', '2020-02-01T00:00:00Z', true),
      row(3, 4, '市住建局', '2020-01-15T00:00:00Z'),
      row(4, 9, '海州区政府', '2020-01-01T00:00:00Z'),
    ]);
    expect(groups.map((g) => [g.unitName, g.count])).toEqual([
      ['市住建局', 2],
      ['海州区政府', 1],
      ['市城管局', 1],
    ]);
    expect(groups[0].oldestDueAt).toBe('2020-01-15T00:00:00Z');
    expect(groups[2].urgent).toBe(1);
  });

  it('counts an order long overdue from N days past its handling deadline', () => {
    const cutoff = longOverdueCutoff(30, Date.parse('2020-04-01T00:00:00Z'));
    expect(isLongOverdue(row(1, 4, 'x', '2020-03-01T00:00:00Z'), cutoff)).toBe(
      true,
    );
    expect(isLongOverdue(row(1, 4, 'x', '2020-03-02T00:00:00Z'), cutoff)).toBe(
      true,
    );
    expect(isLongOverdue(row(1, 4, 'x', '2020-03-15T00:00:00Z'), cutoff)).toBe(
      false,
    );
    expect(
      isLongOverdue({ ...row(1, 4, 'x', ''), handleDueAt: null }, cutoff),
    ).toBe(false);
  });

  it('counts the leading rows that pass with about log2(n) probes, for any size and boundary', async () => {
    for (const total of [0, 1, 2, 3, 7, 200, 201, 1000, 123_457]) {
      for (const boundary of new Set([
        0,
        1,
        Math.floor(total / 3),
        total - 1,
        total,
      ])) {
        if (boundary < 0 || boundary > total) continue;
        let probes = 0;
        const n = await leadingCount(total, async (i) => {
          probes++;
          expect(i).toBeGreaterThanOrEqual(0);
          expect(i).toBeLessThan(total);
          return i < boundary;
        });
        expect(n).toBe(boundary);
        expect(probes).toBeLessThanOrEqual(Math.ceil(Math.log2(total + 1)));
      }
    }
  });
});
