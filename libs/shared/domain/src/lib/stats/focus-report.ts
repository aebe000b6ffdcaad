import type { AnnualReport, ChartData, KpiSet, MeasureTotals, ReportBlock, ReportFocus, ReportSection, ReportTable } from '@hotline/contracts';
import type { NamedValue } from './annual-report';
import { clauses, periodLabel, named, versusPp } from './report-wording';
import { satisfied, sumTotals } from './facts';
import { dailyAverage, formatChange, formatCount, formatPercent, ppChange, ratio, yoy } from './figures';
import { daysInPeriod, type Period } from './period';

/**
 * A 专报 (special report) on one topic (专题, e.g. 疫情防控) or one category (e.g. 水电气暖) over any period: the
 * same summary tables and arithmetic as the annual report, narrowed to the orders of that focus, with the
 * sections a special report has — overall volume and trend, handling, appeal types, where the appeals come
 * from — and an empty 意见建议 block for the leadership's own text (remarks).
 */

export interface FocusTypeInput {
  code: string;
  name: string;
  current: MeasureTotals;
  previous: MeasureTotals;
}

export interface FocusInput {
  issuer: string;
  platformName: string;
  issuedOn: string;
  period: Period;
  previousPeriod: Period;
  focus: ReportFocus & { name: string };
  /** the platform's KPIs for the period: the denominators of the focus's shares */
  kpis: KpiSet;
  /** the focus's orders (every channel) by appeal type, this period and a year before */
  byType: FocusTypeInput[];
  /** accepted this period by channel group */
  byGroup: { public: number; collector: number };
  /** a topic: by level-1 category (涉及领域); a category: by its sub-categories (细分类别) */
  breakdown: NamedValue[];
  /** a category: by region, each with its sub-categories; a topic: [] (its summary table has no region) */
  regions: (NamedValue & { l2: NamedValue[] })[];
  granularity: 'day' | 'month';
  trend: { bucket: string; value: number; previous: number | null }[];
  generatedInMs: number;
}

const n = formatCount;
const pct = formatPercent;

export function composeFocusReport(a: FocusInput): AnnualReport {
  const label = periodLabel(a.period);
  const name = a.focus.name;
  const short = '市 12345在线';
  const cur = sumTotals(a.byType.map((t) => t.current));
  const prev = sumTotals(a.byType.map((t) => t.previous));
  const figures: AnnualReport['figures'] = {};
  const fig = (key: string, v: number | string | null) => (figures[key] = v);
  const charts: ChartData[] = [];
  const tables: ReportTable[] = [];
  const chart = (c: Omit<ChartData, 'no'>) => {
    charts.push({ ...c, no: charts.length + 1 });
    return c.id;
  };
  const rate = (num: (m: MeasureTotals) => number, den: (m: MeasureTotals) => number) => {
    const v = ratio(num(cur), den(cur));
    return { value: v, pp: ppChange(v, ratio(num(prev), den(prev))) };
  };
  const days = daysInPeriod(a.period);
  const growth = yoy(cur.accepted, prev.accepted);
  const share = ratio(cur.accepted, a.kpis.accepted.value);
  const direct = rate(
    (m) => m.direct,
    (m) => m.accepted,
  );
  const onTime = rate(
    (m) => m.on_time,
    (m) => m.finished,
  );
  const sat = rate(satisfied, (m) => m.callbacks);
  fig('focus.accepted', cur.accepted);
  fig('focus.previous', prev.accepted);
  fig('focus.yoy', growth);
  fig('focus.dailyAverage', Math.round(dailyAverage(cur.accepted, days)));
  fig('focus.share', share);
  fig('focus.public', a.byGroup.public);
  fig('focus.collector', a.byGroup.collector);
  fig('focus.direct', cur.direct);
  fig('focus.directRate', direct.value);
  fig('focus.directRatePp', direct.pp);
  fig('focus.dispatched', cur.dispatched);
  fig('focus.onTimeRate', onTime.value);
  fig('focus.onTimeRatePp', onTime.pp);
  fig('focus.callbacks', cur.callbacks);
  fig('focus.satisfactionRate', sat.value);

  // ------------------------------------------------------------ 一、总体情况
  const trendChart = chart({
    id: 'focus-trend',
    title: `${label}${name}诉求受理量${a.granularity === 'day' ? '逐日' : '逐月'}变化图`,
    kind: 'bar',
    categories: a.trend.map((p) => bucketLabel(p.bucket)),
    series: [
      { name: '本期', data: a.trend.map((p) => p.value) },
      { name: '上年同期', data: a.trend.map((p) => p.previous ?? 0) },
    ],
  });
  const peak = [...a.trend].sort((x, y) => y.value - x.value || (x.bucket < y.bucket ? -1 : 1))[0];
  fig('focus.peak', peak?.value ?? 0);
  fig('focus.peakBucket', peak?.bucket ?? null);
  const sources = [
    a.byGroup.public ? `公众通过电话、网络等渠道反映 ${n(a.byGroup.public)}件` : null,
    a.byGroup.collector ? `信息采集员上报 ${n(a.byGroup.collector)}件` : null,
  ].filter(Boolean);
  const overview: ReportBlock = {
    key: 'focus.overview',
    no: '',
    lead: '',
    // an empty period says so, rather than 日均 0件
    text:
      cur.accepted === 0
        ? `${label}，${short}未受理${name}相关诉求。`
        : `${label}，${short}共受理${name}相关诉求 ${n(cur.accepted)}件，日均 ${n(Math.round(dailyAverage(cur.accepted, days)))}件` +
          `${clauses(growth == null ? null : `同比${formatChange(growth)}`, share == null ? null : `占同期诉求总量的 ${pct(share)}`)}。` +
          (sources.length ? `其中，${sources.join('，')}。` : '') +
          (peak && peak.value > 0 ? `受理量最多的${a.granularity === 'day' ? '一天' : '月份'}为${bucketLabel(peak.bucket)}，共 ${n(peak.value)}件。` : ''),
    chartIds: [trendChart],
    tableIds: [],
  };
  const s1: ReportSection = { no: '一', title: '总体情况', blocks: [overview] };

  // ------------------------------------------------------------ 二、办理情况
  const handling: ReportBlock = {
    key: 'focus.handling',
    no: sub(0),
    // stable or not needs a year before to compare with; without one, no claim
    lead: direct.pp == null && onTime.pp == null ? '办理情况。' : (direct.pp ?? 0) >= 0 && (onTime.pp ?? 0) >= 0 ? '办理质效保持稳定。' : '办理质效有待提升。',
    text:
      cur.accepted === 0
        ? `本期无${name}相关诉求，无办理情况。`
        : `直接办结 ${n(cur.direct)}件${rateText('直接办结率', direct)}；派发工单 ${n(cur.dispatched)}件${rateText('按期办结率', onTime)}` +
          (cur.callbacks ? `；回访 ${n(cur.callbacks)}件，满意率 ${pct(sat.value)}。` : '。'),
    chartIds: [],
    tableIds: [],
  };
  const types = a.byType.filter((t) => t.current.accepted > 0).sort((x, y) => y.current.accepted - x.current.accepted);
  for (const t of types) {
    fig(`focus.type.${t.code}`, t.current.accepted);
    fig(`focus.type.${t.code}.share`, ratio(t.current.accepted, cur.accepted));
  }
  const typeText = types
    .slice(0, 4)
    .map((t) => {
      const m = t.current;
      // consultations are judged by answering on the spot, the rest by finishing on time
      const quality =
        t.code === 'consult'
          ? `直接答复率 ${pct(ratio(m.direct, m.accepted))}`
          : m.finished
            ? `按时办结率 ${pct(ratio(m.on_time, m.finished))}`
            : `直接办结率 ${pct(ratio(m.direct, m.accepted))}`;
      return `${t.name}类 ${n(m.accepted)}件，占 ${pct(ratio(m.accepted, cur.accepted))}，${quality}`;
    })
    .join('；');
  const typeChart = chart({
    id: 'focus-types',
    title: `${name}诉求类型分布图`,
    kind: 'pie',
    categories: types.map((t) => t.name),
    series: [{ name: '诉求量', data: types.map((t) => t.current.accepted) }],
  });
  const typeBlock: ReportBlock = {
    key: 'focus.types',
    no: sub(1),
    lead: types[0] ? `${types[0].name}类诉求为主。` : '诉求类型分布。',
    text: types.length ? `从诉求类型看，${typeText}。` : '本期无此类诉求。',
    chartIds: [typeChart],
    tableIds: [],
  };
  const s2: ReportSection = { no: '二', title: '办理情况', blocks: [handling, typeBlock] };

  // ------------------------------------------------------------ 三、分布情况
  const by = a.focus.kind === 'topic' ? '涉及领域' : '细分类别';
  const top = named(a.breakdown, cur.accepted, 0.05, 5);
  for (const x of a.breakdown) fig(`focus.breakdown.${x.name}`, x.value);
  const breakdownChart = chart({
    id: 'focus-breakdown',
    title: `${name}诉求${by}分布图`,
    kind: a.breakdown.length > 8 ? 'bar-horizontal' : 'pie',
    categories: a.breakdown.slice(0, 12).map((x) => x.name),
    series: [{ name: '诉求量', data: a.breakdown.slice(0, 12).map((x) => x.value) }],
  });
  const s3blocks: ReportBlock[] = [
    {
      key: 'focus.breakdown',
      no: sub(0),
      lead: top[0] ? `${top[0].name}问题最为集中。` : `${by}分布。`,
      text: top.length
        ? `从${by}看，反映较多的有${top.map((x) => `${x.name} ${n(x.value)}件（${pct(ratio(x.value, cur.accepted))}）`).join('、')}等。`
        : `本期无${name}相关诉求。`,
      chartIds: [breakdownChart],
      tableIds: [],
    },
  ];
  const regions = a.regions.filter((r) => r.value > 0);
  if (regions.length) {
    for (const r of regions) fig(`focus.region.${r.name}`, r.value);
    const regionTotal = regions.reduce((s, r) => s + r.value, 0);
    const id = 'table-focus-regions';
    tables.push({
      id,
      no: tables.length + 1,
      title: `${name}诉求区域分布情况`,
      columns: ['区域', '总数', '占比', '热点诉求类别前三名'],
      rows: regions.map((r) => [
        r.name,
        r.value,
        pct(ratio(r.value, regionTotal)),
        named(r.l2, r.value, 0, 3)
          .map((x) => x.name)
          .join('、'),
      ]),
    });
    s3blocks.push({
      key: 'focus.regions',
      no: sub(1),
      lead: `${regions[0].name}诉求量最多。`,
      text: `从区域看，反映较多的区域有${regions
        .slice(0, 3)
        .map((r) => `${r.name} ${n(r.value)}件`)
        .join('、')}等（不含市直及未指定区域）。`,
      chartIds: [],
      tableIds: [id],
    });
  }
  const s3: ReportSection = { no: '三', title: '分布情况', blocks: s3blocks };
  // the leadership's analysis and suggestions: text an editor writes (remarks on focus.suggestions)
  const s4: ReportSection = { no: '四', title: '意见建议', blocks: [{ key: 'focus.suggestions', no: '', lead: '', text: '', chartIds: [], tableIds: [] }] };

  return {
    kind: 'special',
    title: `${label}${a.platformName}${name}诉求情况专报`,
    issuer: a.issuer,
    issuedOn: a.issuedOn,
    platform: a.kpis.platform,
    period: a.kpis.period,
    previousPeriod: a.kpis.previousPeriod,
    sections: [s1, s2, s3, s4],
    tables,
    charts,
    figures,
    generatedInMs: a.generatedInMs,
    focus: a.focus,
  };
}

/** '，按期办结率 97.10%，同比提高 2.66个百分点'; the change left out without a year before, the rate without a denominator */
const rateText = (label: string, r: { value: number | null; pp: number | null }) =>
  r.value == null ? '' : `，${label} ${pct(r.value)}${clauses(versusPp('同比', r.pp))}`;

const NUMS = ['一', '二', '三', '四', '五', '六', '七', '八'];
const sub = (i: number) => `（${NUMS[i]}）`;

/** '2020-01-25' → '1月25日', '2020-02' → '2020年2月' */
export function bucketLabel(bucket: string): string {
  const [y, m, d] = bucket.split('-').map(Number);
  return d ? `${m}月${d}日` : `${y}年${m}月`;
}
