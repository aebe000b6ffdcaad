import {
  computeKpis,
  formatRate,
  kpiQueries,
  rate,
  statusChartOption,
  toRange,
} from './kpis';

describe('leader KPIs', () => {
  it('computes the report’s rates from counts (2020 figures)', () => {
    const k = computeKpis({
      accepted: 868_022,
      direct: 487_120,
      finished: 1000,
      finishedOverdue: 29,
      rated: 10_000,
      satisfied: 9_684,
    });
    expect(formatRate(k.directRate)).toBe('56.12%');
    expect(formatRate(k.onTimeRate)).toBe('97.10%');
    expect(formatRate(k.satisfactionRate)).toBe('96.84%');
  });

  it('shows a dash when a count is unavailable or the denominator is zero', () => {
    const k = computeKpis({
      accepted: 10,
      direct: null,
      finished: 0,
      finishedOverdue: 0,
      rated: null,
      satisfied: 3,
    });
    expect(k.directRate).toBeNull();
    expect(k.onTimeRate).toBeNull();
    expect(formatRate(k.satisfactionRate)).toBe('—');
    expect(rate(1, 4)).toBe(0.25);
  });

  it('asks for finished dispatched orders and the satisfied callback levels', () => {
    const q = kpiQueries({ from: 'a', to: 'b' });
    expect(q.finished).toMatchObject({
      from: 'a',
      to: 'b',
      resolution: 'dispatched',
      status: ['callback_pending', 'closed'],
    });
    expect(q.finishedOverdue.overdue).toBe(true);
    expect(q.satisfied.satisfaction).toEqual([
      'very_satisfied',
      'satisfied',
      'basically_satisfied',
    ]);
  });

  it('charts every status in lifecycle order', () => {
    const option = statusChartOption({ registered: 5, closed: 9 });
    expect(option.xAxis.data[0]).toBe('待处理');
    expect(option.series[0].data).toEqual([5, 0, 0, 0, 0, 0, 0, 9, 0]);
  });

  it('makes an inclusive range of whole local days', () => {
    const r = toRange([new Date(2020, 0, 1), new Date(2020, 11, 31)]);
    expect(new Date(r.from).getTime()).toBe(new Date(2020, 0, 1).getTime());
    expect(new Date(r.to).getTime()).toBe(new Date(2021, 0, 1).getTime() - 1);
  });
});
