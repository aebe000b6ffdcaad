import type { AnnualReport, ChartData, KpiSet, ReportBlock, ReportSection, ReportTable, TopicFigure } from '@hotline/contracts';
import { formatChange, formatCount, formatPercent, formatPp, formatTimes, ppChange, ratio, yoy } from './figures';
import { daysInPeriod, lastOfMonth, type Period } from './period';

/**
 * The 运行情况综合分析报告 as text, tables and chart data, composed from figures the server has summed. Pure:
 * the wording follows the seed report sentence by sentence, with the data choosing the words that depend on it
 * (增长/下降, 提高/降低, which categories, which sub-categories).
 */

export interface NamedValue {
  name: string;
  value: number;
}

/** How a hot category's paragraph is worded and charted (the seed words each of its seven differently). */
export type HotStyle = 'focus' | 'reflect' | 'breakdown' | 'types' | 'pollution' | 'shares';

export interface HotCategoryInput {
  code: string;
  name: string;
  count: number;
  previous: number | null;
  style: HotStyle;
  chart: 'l2' | 'region' | 'table';
  /** level-2 sub-categories by count, with their level-3 leaves by count */
  l2: (NamedValue & { l3: NamedValue[] })[];
  /** by region, with each region's sub-categories by count (table 1) */
  regions: (NamedValue & { l2: NamedValue[] })[];
}

export interface AnnualInput {
  kind: AnnualReport['kind'];
  issuer: string;
  platformName: string;
  issuedOn: string;
  period: Period;
  previousPeriod: Period;
  kpis: KpiSet;
  /** 全市: every platform, this period, a year before, two years before */
  allPlatforms: [number, number, number];
  /** the platform two years before (the seed: 较 2018 年增长) */
  twoYearsAgo: number;
  types: { code: string; name: string; current: number; previous: number }[];
  epidemic: TopicFigure | null;
  epidemicDomains: NamedValue[];
  civilization: TopicFigure | null;
  /** the consultation share of public appeals two years before (持续提升 needs two rises in a row) */
  consultationShareTwoYearsAgo?: number | null;
  reportsIssued: number;
  meetings: number;
  meetingUnits: string[];
  /** what the coordination meetings were about, most frequent first (their titles less 专题协调会议) */
  meetingTopics?: string[];
  praisedUnits: NamedValue[];
  backlog: { cleared: number; remaining: number; remainingBefore: number; supervisedUnits: number; supervisions: number };
  hot: HotCategoryInput[];
  alsoCategories: string[];
  generatedInMs: number;
}

const NUMS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const sub = (i: number) => `（${NUMS[i]}）`;
const pct = formatPercent;
const n = formatCount;
/** 同比 + '增长 35.11%' reads as the seed does: 同比增长 35.11% */
const change = formatChange;
/**
 * A comparison clause ('同比增长 35.11%', '较 2018 年下降 1.43%', '同比提高 4.19个百分点'), or null when there is
 * no previous value to compare with (a new center, the first year): the clause is left out, never printed as '—'.
 */
export const versus = (prefix: string, c: number | null | undefined): string | null => (c == null ? null : `${prefix}${change(c)}`);
export const versusPp = (prefix: string, pp: number | null | undefined): string | null => (pp == null ? null : `${prefix}${formatPp(pp)}`);
/** ',' + the clauses there are, or nothing: '…件，同比增长 1.00%' / '…件' */
export const clauses = (...xs: (string | null | false | undefined)[]): string =>
  xs
    .filter(Boolean)
    .map((x) => `，${x}`)
    .join('');
/** A rate clause with its change: '，按期办结率 97.10%，同比提高 2.66个百分点', left out when the rate has no denominator. */
const rateClause = (name: string, value: number | null, pp?: number | null) => (value == null ? '' : `，${name} ${pct(value)}${clauses(versusPp('同比', pp))}`);

/** '2020年', '2020年1—6月', '2020年1月20日至2月15日' */
export function periodLabel(p: Period): string {
  const [y1, m1, d1] = p.from.split('-').map(Number);
  const [y2, m2, d2] = p.to.split('-').map(Number);
  if (p.from.endsWith('-01-01') && p.to === `${y1}-12-31`) return `${y1}年`;
  if (d1 === 1 && p.to === lastOfMonth(p.to)) {
    if (y1 === y2) return m1 === m2 ? `${y1}年${m1}月` : `${y1}年${m1}—${m2}月`;
    return `${y1}年${m1}月至${y2}年${m2}月`;
  }
  return y1 === y2 ? `${y1}年${m1}月${d1}日至${m2}月${d2}日` : `${y1}年${m1}月${d1}日至${y2}年${m2}月${d2}日`;
}

const isYear = (p: Period) => p.from.endsWith('-01-01') && p.to === `${p.from.slice(0, 4)}-12-31`;

/** The figures a list of named counts is quoted with: 'A 12件、B 8件' */
const quote = (xs: NamedValue[]) => xs.map((x) => `${x.name} ${n(x.value)}件`).join('、');
/** Sub-categories worth naming: at least `min` of the whole, at most `max`, at least two when there are two. */
export function named(xs: NamedValue[], total: number, min = 0.08, max = 5): NamedValue[] {
  const sorted = [...xs].filter((x) => x.value > 0).sort((a, b) => b.value - a.value);
  const pick = sorted.filter((x) => x.value >= total * min).slice(0, max);
  return pick.length >= 2 ? pick : sorted.slice(0, Math.min(2, sorted.length));
}

/**
 * A lead sentence from the direction of a change this period and the period before: two rises in a row are
 * steady (稳步增长 / 持续提升), one is a rise (有所增长), a fall is a fall. `words` = [two rises, one rise, fall].
 */
export function trendLead(subject: string, change: number | null, before: number | null | undefined, words: [string, string, string]): string {
  const up = (x: number | null | undefined) => x != null && x >= 0;
  if (change == null) return `${subject}情况。`; // nothing to compare with: no claim either way
  if (change < 0) return `${subject}${words[2]}。`;
  return `${subject}${up(change) && up(before) ? words[0] : words[1]}。`;
}

export function composeAnnualReport(a: AnnualInput): AnnualReport {
  const k = a.kpis;
  const label = periodLabel(a.period);
  const whole = isYear(a.period) ? '全年' : '期间';
  const year = Number(a.period.from.slice(0, 4));
  // '较 2018 年增长 83.87%' as the seed spaces it; '较前年同期增长' for other periods
  const twoLabel = isYear(a.period) ? ` ${year - 2} 年` : '前年同期';
  const short = '市 12345在线';
  const figures: AnnualReport['figures'] = {};
  const fig = (key: string, v: number | string | null) => {
    figures[key] = v;
    return v;
  };
  const charts: ChartData[] = [];
  const tables: ReportTable[] = [];
  const chart = (c: Omit<ChartData, 'no'>) => {
    const full = { ...c, no: charts.length + 1 };
    charts.push(full);
    return full.id;
  };

  // ---------------------------------------------------------------- 一、诉求受理情况
  fig('accepted', k.accepted.value);
  fig('dailyAverage', Math.round(k.dailyAverage));
  fig('days', daysInPeriod(a.period));
  fig('answerRate', k.answerRate.value);
  fig('public', k.publicAppeals.value);
  fig('collector', k.collectorAppeals.value);
  fig('publicShare', k.publicShare.value);
  fig('collectorShare', k.collectorShare.value);
  const opening: ReportBlock = {
    key: 'intake',
    no: '',
    lead: '',
    // an empty period says so, rather than 日均受理 0件 and shares of nothing
    text:
      k.accepted.value > 0
        ? `${label}，${a.platformName}（以下简称${short}）共受理诉求 ${n(k.accepted.value)}件，日均受理 ${n(Math.round(k.dailyAverage))}件${rateClause('电话接通率', k.answerRate.value)}。` +
          `其中，公众通过电话、网络等渠道反映 ${n(k.publicAppeals.value)}件，信息采集员通过路面巡查、视频监控等渠道上报 ${n(k.collectorAppeals.value)}件，` +
          `分别占诉求总量的 ${pct(k.publicShare.value)}和 ${pct(k.collectorShare.value)}。`
        : `${label}，${a.platformName}（以下简称${short}）未受理诉求${rateClause('电话接通率', k.answerRate.value)}。`,
    chartIds: [],
    tableIds: [],
  };
  const [all, allPrev, allTwo] = a.allPlatforms;
  fig('allAccepted', all);
  fig('allYoy', yoy(all, allPrev));
  fig('allVsTwoYearsAgo', yoy(all, allTwo));
  fig('acceptedYoy', k.accepted.yoy);
  fig('acceptedVsTwoYearsAgo', yoy(k.accepted.value, a.twoYearsAgo));
  // the years before the center had any orders are not drawn as zero bars
  const volumeYears = [
    { year: year - 2, all: allTwo, city: a.twoYearsAgo },
    { year: year - 1, all: allPrev, city: k.accepted.previous ?? 0 },
    { year, all, city: k.accepted.value },
  ];
  const firstYear = volumeYears.findIndex((y) => y.all > 0 || y.city > 0 || y.year === year);
  // the report's own platform beside 全市: the city platform, or a district's; a report of 全市 has only the one series
  const ownName = k.platform === 'all' ? null : k.platform === 'city' ? '市级平台' : a.platformName;
  const shownYears = volumeYears.slice(firstYear);
  const fig1 = chart({
    id: 'volume',
    title: `${shownYears[0].year === year ? '' : `${shownYears[0].year}—`}${year} 年全市 12345 在线诉求受理量对比图`,
    kind: 'bar',
    categories: shownYears.map((y) => `${y.year}年`),
    series: [{ name: '全市', data: shownYears.map((y) => y.all) }, ...(ownName ? [{ name: ownName, data: shownYears.map((y) => y.city) }] : [])],
  });
  const cityVersus = ownName ? [versus('同比', k.accepted.yoy), versus(`较${twoLabel}`, yoy(k.accepted.value, a.twoYearsAgo))].filter(Boolean).join('，') : '';
  const volume: ReportBlock = {
    key: 'intake.volume',
    no: sub(0),
    lead: trendLead('诉求受理总量', yoy(all, allPrev), yoy(allPrev, allTwo), ['稳步增长', '有所增长', '有所回落']),
    text:
      `${label}，全市 12345 在线共受理诉求 ${n(all)} 件${clauses(versus('同比', yoy(all, allPrev)), versus(`较${twoLabel}`, yoy(all, allTwo)))}` +
      (cityVersus ? `；其中，${ownName}诉求受理量${cityVersus}。` : '。'),
    chartIds: [fig1],
    tableIds: [],
  };
  fig('consultations', k.consultations.value);
  fig('consultationsYoy', k.consultations.yoy);
  fig('consultationShare', k.consultationShare.value);
  fig('consultationSharePp', k.consultationShare.ppChange);
  fig('consultationDirectRate', k.consultationDirectRate.value);
  fig('consultationDirectRatePp', k.consultationDirectRate.ppChange);
  const fig2 = chart({
    id: 'types',
    title: `${year - 1}—${year} 年诉求类型分布情况对比图`,
    kind: 'bar',
    categories: a.types.map((t) => t.name),
    series: [
      { name: `${year - 1}年`, data: a.types.map((t) => t.previous) },
      { name: `${year}年`, data: a.types.map((t) => t.current) },
    ],
  });
  const consult: ReportBlock = {
    key: 'intake.consult',
    no: sub(1),
    lead: trendLead('咨询类诉求占比', k.consultationShare.ppChange, ppChange(k.consultationShare.previous, a.consultationShareTwoYearsAgo), [
      '持续提升',
      '有所提升',
      '有所下降',
    ]),
    text:
      `${label}共受理咨询类诉求 ${n(k.consultations.value)}件${clauses(versus('同比', k.consultations.yoy))}${rateClause('占公众反映诉求总量的', k.consultationShare.value, k.consultationShare.ppChange)}` +
      `${rateClause(`${whole}咨询类诉求直接答复率`, k.consultationDirectRate.value, k.consultationDirectRate.ppChange)}。`,
    chartIds: [fig2],
    tableIds: [],
  };
  fig('callbacks', k.callbacks.value);
  fig('haochaping', k.haochaping.value);
  fig('haochapingFinished', k.haochaping.finished);
  fig('internet', k.internet.value);
  fig('internetTimes', k.internet.times);
  const civ = a.civilization;
  // 采集“文明创建”类问题 N件，占采集上报总量的 x%: the collectors' tagged reports, the share's numerator (a citizen's
  // appeal tagged 文明创建 is not 采集)
  fig('civilization', civ?.share.numerator ?? 0);
  fig('civilizationShare', civ?.share.value ?? null);
  const internetText =
    k.internet.times != null && k.internet.times >= 2 ? `是去年受理量的 ${formatTimes(k.internet.value, k.internet.previous)}` : versus('同比', k.internet.yoy);
  // nothing handed down: nothing to say was fed back
  const fedBack =
    k.haochaping.value === 0 ? '' : k.haochaping.finished >= k.haochaping.value ? '，已全部完成反馈' : `，已完成反馈 ${n(k.haochaping.finished)}件`;
  const extension: ReportBlock = {
    key: 'intake.extension',
    no: sub(2),
    lead: (k.internet.yoy ?? 0) > 0 || (k.callbacks.yoy ?? 0) > 0 ? '平台延伸服务进一步深化。' : '平台延伸服务持续推进。',
    text:
      `持续推进“好差评”工作，完成“好差评”回访 ${n(k.callbacks.value)} 件，省级派送“好差评”整改工单 ${n(k.haochaping.value)}件${fedBack}；` +
      // the claims around the figures follow them: 进一步完善 only when the channel grew, 深入推进 when collection did
      `${(k.internet.yoy ?? 0) > 0 ? '互联网渠道功能进一步完善，' : '互联网渠道'}${whole}受理诉求 ${n(k.internet.value)} 件${clauses(internetText)}` +
      // the collectors' share needs collectors: without any the clause has nothing to say
      (civ && civ.share.value != null
        ? `；服务“创文”专项采集${(civ.accepted.yoy ?? 0) > 0 ? '深入推进' : '持续开展'}，${whole}采集“${civ.name}”类问题 ${n(civ.share.numerator)}件，占采集上报总量的 ${pct(civ.share.value)}。`
        : '。'),
    chartIds: [],
    tableIds: [],
  };
  const s1: ReportSection = { no: '一', title: '诉求受理情况', blocks: [opening, volume, consult, extension] };

  // ---------------------------------------------------------------- 二、诉求办理情况
  fig('direct', k.direct.value);
  fig('directRate', k.directRate.value);
  fig('directRatePp', k.directRate.ppChange);
  fig('dispatched', k.dispatched.value);
  fig('onTimeRate', k.onTimeRate.value);
  fig('onTimeRatePp', k.onTimeRate.ppChange);
  fig('satisfactionRate', k.satisfactionRate.value);
  const handling: ReportBlock = {
    key: 'handling',
    no: '',
    lead: '',
    text:
      k.accepted.value > 0
        ? `${label}受理的诉求中，${short}通过查询知识库、三方通话等方式直接办结 ${n(k.direct.value)}件${rateClause('直接办结率', k.directRate.value, k.directRate.ppChange)}；` +
          `派发服务工单 ${n(k.dispatched.value)}件${rateClause('按期办结率', k.onTimeRate.value, k.onTimeRate.ppChange)}${rateClause('满意率', k.satisfactionRate.value)}。`
        : `${label}未受理诉求，无办理情况。`,
    chartIds: [],
    tableIds: [],
  };
  const s2blocks: ReportBlock[] = [handling];
  const e = a.epidemic;
  if (e && e.accepted.value > 0) {
    const c = e.byType.find((t) => t.code === 'consult');
    const h = e.byType.find((t) => t.code === 'help');
    fig('epidemic', e.accepted.value);
    fig('epidemicShare', e.share.value);
    fig('epidemicDirectRate', e.directRate.value);
    fig('epidemicConsult', c?.accepted ?? 0);
    fig('epidemicConsultShare', c?.share ?? null);
    fig('epidemicConsultDirectRate', c?.directRate ?? null);
    fig('epidemicHelp', h?.accepted ?? 0);
    fig('epidemicHelpShare', h?.share ?? null);
    fig('epidemicHelpOnTimeRate', h?.onTimeRate ?? null);
    const fig3 = chart({
      id: 'epidemic-domains',
      title: `${e.name.replace(/防控$/, '')}诉求涉及领域分布图`,
      kind: 'pie',
      categories: a.epidemicDomains.map((d) => d.name),
      series: [{ name: '诉求量', data: a.epidemicDomains.map((d) => d.value) }],
    });
    const parts = [
      c ? `咨询类诉求 ${n(c.accepted)}件，占${e.name.replace(/防控$/, '')}相关诉求总量的 ${pct(c.share)}${rateClause('直接答复率', c.directRate)}` : null,
      h ? `求助类 ${n(h.accepted)} 件，占${e.name.replace(/防控$/, '')}相关诉求总量的 ${pct(h.share)}${rateClause('按时办结率', h.onTimeRate)}` : null,
    ].filter(Boolean);
    s2blocks.push({
      key: 'handling.epidemic',
      no: sub(s2blocks.length - 1),
      // a surge of one topic answered on the spot more often than the rest: the platform took the load itself
      lead: (e.directRate.value ?? 0) >= (k.directRate.value ?? 0) ? '平台承接能力进一步增强。' : '平台承接能力经受考验。',
      text:
        `${isYear(a.period) ? '今年以来' : label}，共受理${e.name.replace(/防控$/, '')}相关诉求 ${n(e.accepted.value)}件，` +
        `占${whole}公众反映诉求总量的 ${pct(e.share.value)}${rateClause('直接办结率', e.directRate.value)}。${parts.length ? `其中：${parts.join('；')}。` : ''}`,
      chartIds: [fig3],
      tableIds: [],
    });
  }
  fig('reportsIssued', a.reportsIssued);
  fig('instructions', k.instructions.value);
  fig('meetings', a.meetings);
  fig('praise', k.praise.value);
  fig('praiseUnits', k.praise.units);
  const fig4 = chart({
    id: 'praised-units',
    title: '受到表扬、感谢类诉求较多的单位情况图',
    kind: 'bar-horizontal',
    categories: a.praisedUnits.map((u) => u.name),
    series: [{ name: '表扬、感谢', data: a.praisedUnits.map((u) => u.value) }],
  });
  const withUnits = a.meetingUnits.length ? `联动${a.meetingUnits.slice(0, 2).join('、')}等相关部门` : '联动相关部门';
  const solvedIssues = a.meetings > 0 && a.meetingTopics?.length ? `，推动${a.meetingTopics.slice(0, 2).join('、')}等民生热点难点问题解决` : '';
  s2blocks.push({
    key: 'handling.units',
    no: sub(s2blocks.length - 1),
    // no previous on-time rate: no claim either way
    lead: k.onTimeRate.ppChange == null ? '部门处置情况。' : k.onTimeRate.ppChange >= 0 ? '部门处置效力进一步提升。' : '部门处置效力有待提升。',
    text:
      `${label}，共向市委、市政府报送各类数据分析快报、专报 ${n(a.reportsIssued)}期，市领导批示 ${n(k.instructions.value)}次，${withUnits}召开疑难问题专题协调会议 ${n(a.meetings)}次${solvedIssues}。` +
      `${short}${whole}共收到公众表扬、感谢类诉求 ${n(k.praise.value)}件，涉及 ${n(k.praise.units)}个单位。`,
    chartIds: [fig4],
    tableIds: [],
  });
  const b = a.backlog;
  const diff = b.remaining - b.remainingBefore;
  fig('backlogCleared', b.cleared);
  fig('backlogRemaining', b.remaining);
  fig('backlogRemainingBefore', b.remainingBefore);
  fig('supervisedUnits', b.supervisedUnits);
  fig('supervisions', b.supervisions);
  fig('stateCouncil', k.stateCouncil.value);
  fig('stateInspection', k.stateInspection.value);
  fig('provinceSupervision', k.provinceSupervision.value);
  // the seed: 督促有关单位按时办理国务院“互联网+督查”交办单 108件，国务院大督查整改工单 5件，省督办单 3件 (a kind with none is left out)
  const handedDown = [
    ['国务院“互联网+督查”交办单', k.stateCouncil.value],
    ['国务院大督查整改工单', k.stateInspection.value],
    ['省督办单', k.provinceSupervision.value],
  ] as const;
  const handedDownText = handedDown.filter(([, v]) => v > 0).map(([name, v]) => `${name} ${n(v)}件`);
  s2blocks.push({
    key: 'handling.backlog',
    no: sub(s2blocks.length - 1),
    lead: b.cleared > 0 && diff <= 0 ? '积案化解取得显著成效。' : '积案化解工作持续推进。',
    text:
      `${label}，中心加大对超期未办结工单的协调处置力度，共推动化解超期未办结、长期不回复的工单 ${n(b.cleared)}件。` +
      `${label}末，剩余超期未办工单 ${n(b.remaining)}件，较 ${isYear(a.period) ? `${year - 1} 年底` : '上年同期末'}${diff === 0 ? '持平' : `${diff < 0 ? '减少' : '增加'} ${n(Math.abs(diff))}件`}；` +
      `对存在办件质效较差等问题的 ${n(b.supervisedUnits)}个成员单位进行督办 ${n(b.supervisions)}次${handedDownText.length ? `，督促有关单位按时办理${handedDownText.join('，')}` : ''}。`,
    chartIds: [],
    tableIds: [],
  });
  const s2: ReportSection = { no: '二', title: '诉求办理情况', blocks: s2blocks };

  // ---------------------------------------------------------------- 三、热点诉求剖析
  const s3blocks: ReportBlock[] = [
    {
      key: 'hot',
      no: '',
      lead: '',
      text: '通过对群众反映诉求情况及部门办理情况进行梳理分析，群众反映矛盾集中的重点领域、突出问题主要集中在如下方面：',
      chartIds: [],
      tableIds: [],
    },
  ];
  for (const [i, h] of a.hot.entries()) {
    const y = yoy(h.count, h.previous);
    fig(`hot.${h.code}.count`, h.count);
    fig(`hot.${h.code}.yoy`, y);
    for (const l2 of h.l2) fig(`hot.${h.code}.${l2.name}`, l2.value);
    const head = `共受理 ${n(h.count)} 件${clauses(versus('同比', y))}。`;
    const chartIds: string[] = [];
    const tableIds: string[] = [];
    let body = '';
    const list = named(h.l2, h.count);
    switch (h.style) {
      case 'focus':
        body = `诉求内容主要集中在${list.map((x) => x.name).join('、')}等方面问题。`;
        break;
      case 'reflect':
        body = `主要反映${list.map((x) => x.name).join('、')}等问题。`;
        break;
      case 'breakdown':
        body = `其中${h.l2
          .filter((x) => x.value > 0)
          .map(
            (x) =>
              `${x.name}类诉求 ${n(x.value)}件，主要反映${named(x.l3, x.value, 0.1, 4)
                .map((l) => l.name)
                .join('、')}等问题`,
          )
          .join('；')}。`;
        break;
      case 'types': {
        const xs = h.l2.filter((x) => x.value > 0);
        body = `诉求类型包括${
          xs.length > 1
            ? `${xs
                .slice(0, -1)
                .map((x) => `${x.name} ${n(x.value)}件`)
                .join('、')}和${xs[xs.length - 1].name} ${n(xs[xs.length - 1].value)}件`
            : quote(xs)
        }。`;
        break;
      }
      case 'shares': {
        const top = named(h.l2, h.count, 0, 2);
        body = `其中${top.map((x) => `${x.name} ${n(x.value)}件，占${h.name}类诉求总量的 ${pct(ratio(x.value, h.count))}`).join('；')}。`;
        break;
      }
      case 'pollution': {
        const l2s = h.l2.filter((x) => x.value > 0);
        const regions = [...h.regions].filter((r) => r.value > 0);
        body =
          `主要涉及${l2s.map((x) => x.name).join('、')}等方面。其中，反映较多的类别有${quote(named(h.l2, h.count, 0, 3))}等；` +
          `反映较多的区域有${quote(regions.slice(0, 3))}等。`;
        break;
      }
    }
    if (h.chart === 'table') {
      const id = `table-${h.code}`;
      tables.push({
        id,
        no: tables.length + 1,
        title: `${h.name}诉求区域分布情况`,
        columns: ['区域', '总数', '占比', '热点诉求类别前三名'],
        rows: h.regions
          .filter((r) => r.value > 0)
          .map((r) => [
            r.name,
            r.value,
            pct(ratio(r.value, h.count)),
            named(r.l2, r.value, 0, 3)
              .map((x) => x.name)
              .join('、'),
          ]),
      });
      tableIds.push(id);
      for (const r of h.regions) fig(`hot.${h.code}.region.${r.name}`, r.value);
    } else if (h.chart === 'region') {
      chartIds.push(
        chart({
          id: `hot-${h.code}`,
          title: `${h.name}诉求区域分布情况`,
          kind: 'bar',
          categories: h.regions.map((r) => r.name),
          series: [{ name: '诉求量', data: h.regions.map((r) => r.value) }],
        }),
      );
    } else {
      chartIds.push(
        chart({
          id: `hot-${h.code}`,
          title: `${h.name}诉求分析图`,
          kind: 'pie',
          categories: h.l2.map((x) => x.name),
          series: [{ name: '诉求量', data: h.l2.map((x) => x.value) }],
        }),
      );
    }
    s3blocks.push({ key: `hot.${h.code}`, no: sub(i), lead: `${h.name}。`, text: head + body, chartIds, tableIds });
  }
  if (a.alsoCategories.length)
    s3blocks.push({
      key: 'hot.also',
      no: '',
      lead: '',
      text: `除上述热点外，公众反映较集中的诉求类别还包括${a.alsoCategories.join('、')}等方面。`,
      chartIds: [],
      tableIds: [],
    });
  const s3: ReportSection = { no: '三', title: '热点诉求剖析', blocks: s3blocks };

  const kindName = a.kind === 'annual' ? '运行情况综合分析报告' : a.kind === 'express' ? '运行情况快报' : '专题分析专报';
  return {
    kind: a.kind,
    title: `${label}${a.platformName}${kindName}`,
    issuer: a.issuer,
    issuedOn: a.issuedOn,
    platform: k.platform,
    period: k.period,
    previousPeriod: k.previousPeriod,
    sections: [s1, s2, s3],
    tables,
    charts,
    figures,
    generatedInMs: a.generatedInMs,
  };
}
