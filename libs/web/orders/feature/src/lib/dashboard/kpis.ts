import {
  ORDER_STATUSES,
  OrderStatus,
  SATISFACTION_LEVELS,
  SATISFIED_LEVELS,
  STATUS_LABELS,
} from '@hotline/contracts';
import { OrderQuery } from '@hotline/web-orders-data-access';

/**
 * Order counts the leader's KPIs are computed from, each one `GET /api/orders` total. Until the
 * reporting API exists this is how the dashboard works; a count the API cannot give yet is null.
 */
export interface KpiCounts {
  accepted: number | null;
  direct: number | null;
  /** Dispatched orders the unit has finished (reply accepted: awaiting callback or closed). */
  finished: number | null;
  finishedOverdue: number | null;
  rated: number | null;
  satisfied: number | null;
}

export interface Kpis {
  accepted: number | null;
  direct: number | null;
  directRate: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
}

export interface DateRange {
  from: string;
  to: string;
}

export function kpiQueries(
  range: DateRange,
): Record<keyof KpiCounts, OrderQuery> {
  const finished: OrderQuery = {
    ...range,
    resolution: 'dispatched',
    status: ['callback_pending', 'closed'],
  };
  return {
    accepted: { ...range },
    direct: { ...range, resolution: 'direct' },
    finished,
    finishedOverdue: { ...finished, overdue: true },
    rated: { ...range, satisfaction: SATISFACTION_LEVELS },
    satisfied: { ...range, satisfaction: SATISFIED_LEVELS },
  };
}

export function rate(
  numerator: number | null,
  denominator: number | null,
): number | null {
  if (numerator === null || denominator === null || denominator === 0)
    return null;
  return numerator / denominator;
}

/** The report's definitions: 直接办结率 = direct / accepted; 按期办结率 = finished on time / finished; 满意率 = satisfied / rated. */
export function computeKpis(c: KpiCounts): Kpis {
  return {
    accepted: c.accepted,
    direct: c.direct,
    directRate: rate(c.direct, c.accepted),
    onTimeRate:
      c.finished !== null && c.finishedOverdue !== null
        ? rate(c.finished - c.finishedOverdue, c.finished)
        : null,
    satisfactionRate: rate(c.satisfied, c.rated),
  };
}

export function formatRate(r: number | null): string {
  return r === null ? '—' : `${(r * 100).toFixed(2)}%`;
}

export function formatCount(n: number | null): string {
  return n === null ? '—' : n.toLocaleString('zh-CN');
}

export type StatusCounts = Partial<Record<OrderStatus, number | null>>;

/** Bar chart of orders by status (ECharts option; plain data so it is testable without a canvas). */
export function statusChartOption(counts: StatusCounts) {
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: ORDER_STATUSES.map((s) => STATUS_LABELS[s]),
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: '工单数',
        barMaxWidth: 36,
        data: ORDER_STATUSES.map((s) => counts[s] ?? 0),
        itemStyle: { color: '#1677ff' },
      },
    ],
  };
}

export function yearToDate(now = new Date()): Date[] {
  return [
    new Date(now.getFullYear(), 0, 1),
    new Date(now.getFullYear(), now.getMonth(), now.getDate()),
  ];
}

export function toRange(dates: Date[]): DateRange {
  const [from, to] = dates;
  const end = new Date(to.getFullYear(), to.getMonth(), to.getDate() + 1);
  return {
    from: new Date(
      from.getFullYear(),
      from.getMonth(),
      from.getDate(),
    ).toISOString(),
    to: new Date(end.getTime() - 1).toISOString(),
  };
}
