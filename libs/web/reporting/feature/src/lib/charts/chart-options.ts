import type { ChartData, NamedCount, RoutingAccuracyMonth, TrendPoint } from '@hotline/contracts';

/**
 * API data → ECharts options. Plain objects, so they are tested without a canvas; the pages hand them to
 * ngx-echarts. `animation` is off under automation (stable screenshots) and on for people.
 */
export type ChartOption = Record<string, unknown>;

export const PALETTE = ['#1677ff', '#fa8c16', '#52c41a', '#eb2f96', '#13c2c2', '#722ed1', '#faad14', '#2f54eb', '#a0d911', '#f5222d'];

export function animateCharts(): boolean {
  return typeof navigator === 'undefined' || !navigator.webdriver;
}

/** One of the report's figures 1–10, in the kind the API names (bar, horizontal bar, pie). */
export function reportChartOption(chart: ChartData, animation = false): ChartOption {
  const base = { animation, color: PALETTE, tooltip: {} as object };
  if (chart.kind === 'pie') {
    // a pie with two series (this year and last) becomes two rings side by side
    const n = Math.max(chart.series.length, 1);
    return {
      ...base,
      tooltip: { trigger: 'item', formatter: '{a}<br/>{b}：{c}（{d}%）' },
      legend: { bottom: 0, type: 'scroll' },
      series: chart.series.map((s, i) => ({
        type: 'pie',
        name: s.name,
        radius: n > 1 ? ['28%', '52%'] : ['0%', '60%'],
        center: [`${((i + 0.5) / n) * 100}%`, '45%'],
        label: { formatter: '{b}\n{d}%' },
        // an empty slice keeps its legend entry but gets no label line cluttering the ring
        data: chart.categories.map((c, j) => {
          const value = s.data[j] ?? 0;
          return value ? { name: c, value } : { name: c, value, label: { show: false }, labelLine: { show: false } };
        }),
      })),
      title:
        n > 1
          ? chart.series.map((s, i) => ({
              text: s.name,
              left: `${((i + 0.5) / n) * 100}%`,
              top: '41%',
              textAlign: 'center',
              textStyle: { fontSize: 12, fontWeight: 'normal' },
            }))
          : undefined,
    };
  }
  const horizontal = chart.kind === 'bar-horizontal';
  const category = {
    type: 'category',
    data: horizontal ? [...chart.categories].reverse() : chart.categories,
    axisLabel: { interval: 0, rotate: !horizontal && chart.categories.length > 6 ? 30 : 0 },
  };
  const value = { type: 'value', minInterval: 1 };
  return {
    ...base,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: chart.series.length > 1 ? { top: 0 } : undefined,
    grid: {
      left: 16,
      right: 24,
      top: chart.series.length > 1 ? 32 : 16,
      bottom: 8,
      containLabel: true,
    },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: chart.series.map((s) => ({
      type: 'bar',
      name: s.name,
      barMaxWidth: 28,
      label: { show: chart.categories.length <= 12, position: horizontal ? 'right' : 'top' },
      data: horizontal ? [...s.data].reverse() : s.data,
    })),
  };
}

/** Whether a figure has anything to draw (a period with no such appeals gives empty or all-zero series). */
export function hasData(chart: ChartData): boolean {
  return chart.categories.length > 0 && chart.series.some((s) => s.data.some((v) => v > 0));
}

/** Daily (or monthly) accepted orders, with the same bucket a year before as a dashed line. */
export function trendOption(trend: readonly TrendPoint[], granularity: 'day' | 'month', animation = false): ChartOption {
  const label = (b: string) => (granularity === 'day' ? b.slice(5) : b);
  return {
    animation,
    color: ['#1677ff', '#bfbfbf', '#52c41a', '#fa8c16'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 16, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: trend.map((p) => label(p.bucket)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'line', name: '受理量', smooth: true, data: trend.map((p) => p.accepted) },
      {
        type: 'line',
        name: '去年同期',
        smooth: true,
        lineStyle: { type: 'dashed' },
        data: trend.map((p) => p.previous),
      },
      { type: 'bar', name: '直接办结', stack: 'how', barMaxWidth: 16, data: trend.map((p) => p.direct) },
      { type: 'bar', name: '派单', stack: 'how', barMaxWidth: 16, data: trend.map((p) => p.dispatched) },
    ],
  };
}

/** 派单准确率 by month, in percent: dispatches on the suggested unit that never came back, and suggestions taken. */
export function routingAccuracyOption(months: readonly RoutingAccuracyMonth[], animation = false): ChartOption {
  const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
  return {
    animation,
    color: ['#1677ff', '#52c41a', '#fa8c16'],
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined || v === '-' ? '—' : `${v}%`) },
    legend: { top: 0 },
    grid: { left: 16, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { type: 'line', name: '派单准确率', connectNulls: true, data: months.map((m) => pct(m.accuracy)) },
      { type: 'line', name: '分类推荐采纳率', connectNulls: true, lineStyle: { type: 'dashed' }, data: months.map((m) => pct(m.categoryTaken)) },
      { type: 'line', name: '单位推荐采纳率', connectNulls: true, lineStyle: { type: 'dashed' }, data: months.map((m) => pct(m.unitTaken)) },
    ],
  };
}

/** The newest month that has a 派单准确率, for the card's headline; null when none has. */
export function latestAccuracy(months: readonly RoutingAccuracyMonth[]): RoutingAccuracyMonth | null {
  for (let i = months.length - 1; i >= 0; i--) if (months[i].accuracy !== null) return months[i];
  return null;
}

/** Appeal types this period against the same period last year. */
export function typesOption(types: readonly NamedCount[], animation = false): ChartOption {
  return {
    animation,
    color: ['#1677ff', '#bfbfbf'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 16, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: types.map((t) => t.name) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: '本期', barMaxWidth: 28, data: types.map((t) => t.value) },
      { type: 'bar', name: '去年同期', barMaxWidth: 28, data: types.map((t) => t.previous ?? 0) },
    ],
  };
}

/** Units with the most praise (表扬/感谢), largest on top. */
export function praisedOption(units: readonly NamedCount[], animation = false): ChartOption {
  const top = units.slice(0, 10).reverse();
  return {
    animation,
    color: ['#52c41a'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 16, right: 32, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: top.map((u) => u.name) },
    series: [
      {
        type: 'bar',
        name: '表扬',
        barMaxWidth: 18,
        label: { show: true, position: 'right' },
        data: top.map((u) => u.value),
      },
    ],
  };
}

/** A heat-table cell's background: white for 0, deeper blue toward the table's largest cell. */
export function heatColor(value: number, max: number): string {
  if (!value || max <= 0) return 'transparent';
  const t = Math.min(1, value / max);
  const alpha = 0.08 + 0.72 * t;
  return `rgba(22, 119, 255, ${alpha.toFixed(2)})`;
}

export function heatMax(cells: readonly (readonly number[])[]): number {
  return cells.reduce((m, row) => Math.max(m, ...row, 0), 0);
}
