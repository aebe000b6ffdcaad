import { OrderSummary } from '@hotline/contracts';
import { groupOverdueByUnit, isLongOverdue } from './overdue-board';

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

  it('counts an order long overdue from N days past its deadline', () => {
    const now = Date.parse('2020-04-01T00:00:00Z');
    expect(isLongOverdue(row(1, 4, 'x', '2020-03-01T00:00:00Z'), 30, now)).toBe(
      true,
    );
    expect(isLongOverdue(row(1, 4, 'x', '2020-03-15T00:00:00Z'), 30, now)).toBe(
      false,
    );
  });
});
