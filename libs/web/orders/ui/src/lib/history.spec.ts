import { HistoryEntry } from '@hotline/contracts';
import { describeHistoryData, historyColor } from './history';

const entry = (patch: Partial<HistoryEntry>): HistoryEntry => ({
  id: 1,
  action: 'dispatch',
  fromStatus: 'registered',
  toStatus: 'dispatched',
  actorId: 2,
  actorName: '王派单',
  actorRole: 'dispatcher',
  actorUnitId: null,
  comment: null,
  data: null,
  createdAt: '2020-01-01T00:00:00Z',
  ...patch,
});

describe('history', () => {
  const lookups = {
    unitName: (id: number | null | undefined) => ({ 4: '市住建局', 7: '市城管局' })[id as 4 | 7] ?? '?',
  };

  it('describes units, extension days and callback results in Chinese', () => {
    expect(describeHistoryData(entry({ data: { unitId: 4, coUnitIds: [7] } }), lookups)).toEqual(['承办单位：市住建局', '协办单位：市城管局']);
    expect(
      describeHistoryData(
        entry({
          action: 'request-extension',
          data: { days: 5, reason: '需协调' },
        }),
        lookups,
      ),
    ).toEqual(['延期 5 个工作日', '原因：需协调']);
    expect(
      describeHistoryData(
        entry({
          action: 'callback',
          data: {
            satisfaction: 'very_dissatisfied',
            solved: false,
            reopen: true,
          },
        }),
        lookups,
      ),
    ).toEqual(['满意度：非常不满意', '未解决', '重新办理']);
  });

  it('does not repeat the comment', () => {
    expect(describeHistoryData(entry({ comment: '已核实', data: { reason: '已核实' } }), lookups)).toEqual([]);
  });

  it('colours overdue events red and system events gray', () => {
    expect(historyColor(entry({ action: 'handle-overdue', actorRole: 'system' }))).toBe('red');
    expect(historyColor(entry({ action: 'create', actorRole: 'system' }))).toBe('gray');
    expect(historyColor(entry({ action: 'close' }))).toBe('green');
  });
});
