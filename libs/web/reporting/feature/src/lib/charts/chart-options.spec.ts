import type { ChartData, RoutingAccuracyMonth } from '@hotline/contracts';
import { dashboard } from '../testing-fixtures';
import {
  hasData,
  heatColor,
  heatMax,
  latestAccuracy,
  praisedOption,
  reportChartOption,
  routingAccuracyOption,
  trendOption,
  typesOption,
} from './chart-options';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const chart = (over: Partial<ChartData>): ChartData => ({
  id: 'x',
  no: 1,
  title: 't',
  kind: 'bar',
  categories: ['2018年', '2019年', '2020年'],
  series: [{ name: '受理量', data: [465000, 676027, 868022] }],
  ...over,
});

describe('report chart → ECharts option', () => {
  it('draws a bar figure with its categories on x and no animation by default', () => {
    const o = reportChartOption(chart({})) as Any;
    expect(o['animation']).toBe(false);
    expect(o['xAxis'].data).toEqual(['2018年', '2019年', '2020年']);
    expect(o['series'][0]).toMatchObject({ type: 'bar', name: '受理量', data: [465000, 676027, 868022] });
    expect(o['legend']).toBeUndefined();
  });

  it('puts a horizontal bar’s categories on y, largest first at the top', () => {
    const o = reportChartOption(chart({ kind: 'bar-horizontal', categories: ['市公安局', '市住建局'], series: [{ name: '表扬', data: [30, 20] }] })) as Any;
    expect(o['yAxis'].data).toEqual(['市住建局', '市公安局']);
    expect(o['series'][0].data).toEqual([20, 30]);
    expect(o['xAxis'].type).toBe('value');
  });

  it('draws a pie per series, side by side, with names and values paired', () => {
    const o = reportChartOption(
      chart({
        kind: 'pie',
        categories: ['咨询', '投诉'],
        series: [
          { name: '2020年', data: [5, 3] },
          { name: '2019年', data: [4, 4] },
        ],
      }),
    ) as Any;
    expect(o['series']).toHaveLength(2);
    expect(o['series'][0].data).toEqual([
      { name: '咨询', value: 5 },
      { name: '投诉', value: 3 },
    ]);
    const zero = reportChartOption(chart({ kind: 'pie', categories: ['咨询', '投诉'], series: [{ name: 'n', data: [5, 0] }] })) as Any;
    expect(zero['series'][0].data[1]).toMatchObject({ name: '投诉', value: 0, label: { show: false } });
    expect(o['series'][0].center[0]).toBe('25%');
    expect(o['series'][1].center[0]).toBe('75%');
    expect(o['title']).toHaveLength(2);
  });

  it('knows an empty figure', () => {
    expect(hasData(chart({}))).toBe(true);
    expect(hasData(chart({ categories: [] }))).toBe(false);
    expect(hasData(chart({ series: [{ name: 'x', data: [0, 0, 0] }] }))).toBe(false);
  });

  it('turns animation on when asked (people, not Playwright)', () => {
    expect((reportChartOption(chart({}), true) as Any)['animation']).toBe(true);
  });
});

describe('dashboard charts', () => {
  const d = dashboard();

  it('trend: this period, last year (gaps stay gaps), and the direct/dispatch split', () => {
    const o = trendOption(d.trend, 'day') as Any;
    expect(o['xAxis'].data).toEqual(['06-01', '06-02']);
    expect(o['series'][0].data).toEqual([10, 12]);
    expect(o['series'][1].data).toEqual([8, null]);
    expect(o['series'][2].data).toEqual([6, 7]);
    expect((trendOption(d.trend, 'month') as Any)['xAxis'].data[0]).toBe('2020-06-01');
  });

  it('types: this period against last year, a missing year before as 0', () => {
    const o = typesOption(d.types) as Any;
    expect(o['series'][0].data).toEqual([5, 4]);
    expect(o['series'][1].data).toEqual([3, 0]);
  });

  it('praised units: top ten, largest on top', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ id: i, name: `单位${i}`, value: 12 - i }));
    const o = praisedOption(many) as Any;
    expect(o['yAxis'].data).toHaveLength(10);
    expect(o['yAxis'].data[9]).toBe('单位0');
  });

  it('heat: empty cells stay white, the largest is the deepest', () => {
    expect(
      heatMax([
        [1, 5],
        [3, 0],
      ]),
    ).toBe(5);
    expect(heatMax([])).toBe(0);
    expect(heatColor(0, 5)).toBe('transparent');
    expect(heatColor(5, 5)).toBe('rgba(22, 119, 255, 0.80)');
    expect(heatColor(1, 5)).toBe('rgba(22, 119, 255, 0.22)');
  });
});

describe('派单准确率 chart', () => {
  const months: RoutingAccuracyMonth[] = [
    { month: '2026-10', orders: 40, categoryTaken: 0.875, unitTaken: 0.9, accuracy: 0.8333 },
    { month: '2026-11', orders: 12, categoryTaken: null, unitTaken: null, accuracy: null },
  ];

  it('draws the three rates in percent, a month without suggestions as a gap', () => {
    const o = routingAccuracyOption(months) as { xAxis: { data: string[] }; series: { name: string; data: (number | null)[] }[] };
    expect(o.xAxis.data).toEqual(['2026-10', '2026-11']);
    expect(o.series.map((x) => x.name)).toEqual(['派单准确率', '分类推荐采纳率', '单位推荐采纳率']);
    expect(o.series[0].data).toEqual([83.3, null]);
    expect(o.series[1].data).toEqual([87.5, null]);
  });

  it('heads the card with the newest month that has a rate', () => {
    expect(latestAccuracy(months)?.month).toBe('2026-10');
    expect(latestAccuracy([months[1]])).toBeNull();
    expect(latestAccuracy([])).toBeNull();
  });
});
