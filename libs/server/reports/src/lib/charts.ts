import * as echarts from 'echarts';
import type { ChartData } from '@hotline/contracts';

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 360;

/** ECharts options for a report chart: the web app draws the same data with the same kinds. */
export function chartOption(c: ChartData): Record<string, unknown> {
  const base = {
    animation: false,
    textStyle: { fontFamily: 'SimSun, serif' },
    color: ['#2f6fb5', '#e8833a', '#5aa469', '#c94f4f', '#8a6fb5', '#d4b13c', '#4fb3c9', '#999999'],
  };
  if (c.kind === 'pie') {
    return {
      ...base,
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['30%', '62%'],
          center: ['50%', '45%'],
          label: { formatter: '{b}\n{c}件 ({d}%)' },
          data: c.categories.map((name, i) => ({ name, value: c.series[0]?.data[i] ?? 0 })),
        },
      ],
    };
  }
  const horizontal = c.kind === 'bar-horizontal';
  // a long series (a 专报's days) cannot label every bar: let ECharts thin the axis labels and drop the values
  const dense = c.categories.length > 12;
  const cat = {
    type: 'category',
    data: c.categories,
    axisLabel: { interval: dense ? 'auto' : 0, rotate: horizontal || c.categories.length <= 6 ? 0 : dense ? 45 : 30 },
  };
  const val = { type: 'value' };
  return {
    ...base,
    legend: c.series.length > 1 ? { top: 0 } : undefined,
    grid: { left: horizontal ? 160 : 60, right: 30, top: 40, bottom: 60 },
    xAxis: horizontal ? val : cat,
    yAxis: horizontal ? { ...cat, inverse: true } : val,
    series: c.series.map((s) => ({ type: 'bar', name: s.name, data: s.data, label: { show: !dense, position: horizontal ? 'right' : 'top' } })),
  };
}

/** A chart as an SVG document (server-side ECharts, no browser and no canvas needed). */
export function chartSvg(c: ChartData, width = CHART_WIDTH, height = CHART_HEIGHT): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(chartOption(c));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
