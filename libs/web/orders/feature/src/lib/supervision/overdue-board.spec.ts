import { OrderSummary } from '@hotline/contracts';
import { groupOverdueByUnit, longOverdueQuery } from './overdue-board';

const row = (id: number, unitId: number | null, unitName: string | null, handleDueAt: string, urgent = false): OrderSummary =>
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

  it('asks the API for the overdue orders whose handling deadline is N calendar days past, oldest first', () => {
    expect(longOverdueQuery(30, Date.parse('2020-04-01T08:30:00Z'))).toEqual({
      overdue: true,
      sort: 'handleDueAt',
      handleDueBefore: '2020-03-02T08:30:00.000Z',
    });
    expect(longOverdueQuery(7, Date.parse('2020-03-03T00:00:00Z')).handleDueBefore).toBe('2020-02-25T00:00:00.000Z');
  });
});
