import type { SurgeAlertView } from './oversight';

/**
 * Wire types of statistics (/api/stats: KPIs, dashboard), and the conventions of every reporting wire type (reports.ts,
 * assessment.ts, imports.ts, oversight.ts).
 * Periods are China calendar dates `YYYY-MM-DD`, both ends inclusive. Rates are fractions (0.9710 = 97.10%);
 * a change of a count is a fraction too (0.3511 = +35.11%), a change of a rate is in percentage points (2.66).
 * A figure is null when its denominator is zero or there is no previous period to compare with.
 */

/** The measures every summary-table cell holds (counts of orders, or sums of per-order counters). */
export const STAT_MEASURES = [
  'accepted', // registered in the period
  'direct', // resolved on the spot (直接办结)
  // how a direct answer was made (the order's direct_answer_method); direct answers recorded before methods were
  // are in none of the three
  'direct_knowledge', // read out of a knowledge-base article (查询知识库)
  'direct_three_way', // a three-way call with the unit (三方通话)
  'direct_other', // any other way
  'dispatched', // sent to a unit (派单)
  'finished', // dispatched and the unit's reply accepted by the center (办结)
  'on_time', // finished by the (extended) handling deadline (按期办结)
  'late', // finished after it
  'signed', // dispatched and signed for by the unit
  'signed_on_time', // signed within the signing limit (及时签收)
  'callbacks', // called back with a rating (回访)
  'cb_very_satisfied',
  'cb_satisfied',
  'cb_basic',
  'cb_dissatisfied',
  'cb_very_dissatisfied',
  'solved', // callbacks saying the problem is solved
  'returns', // return requests (退单), summed
  // (urging is not a cell measure: the deadline timers add automatic urges to the order outside its actions;
  //  user urges are counted as lifecycle events in stat_event)
  'reworks', // send-backs and reopenings (重办), summed
  'reworked', // orders reworked at least once
  'extensions', // approved extensions, summed
  'supervisions', // 督办, summed
  'instructions', // 批示, summed
  'merged', // merged into another order (并单)
  'closed', // 办结归档
] as const;
export type StatMeasure = (typeof STAT_MEASURES)[number];
export type MeasureTotals = Record<StatMeasure, number>;

/** Which intake platforms a figure covers: the city platform (市级平台, default), all of them (全市), or one platform by code. */
export type PlatformScope = string;

export interface PeriodView {
  from: string;
  to: string;
  days: number;
}

export interface CountFigure {
  value: number;
  previous: number | null;
  /** (value − previous) / previous */
  yoy: number | null;
}

export interface RateFigure {
  numerator: number;
  denominator: number;
  value: number | null;
  previous: number | null;
  /** value − previous, in percentage points */
  ppChange: number | null;
}

export interface TopicFigure {
  code: string;
  name: string;
  accepted: CountFigure;
  /** Share of the channel group its orders mostly come from (public or collector). */
  share: RateFigure;
  shareOf: 'public' | 'collector';
  directRate: RateFigure;
  onTimeRate: RateFigure;
  byType: { code: string; name: string; accepted: number; share: number | null; direct: number; directRate: number | null; onTimeRate: number | null }[];
}

/** GET /api/stats/kpis — the figures of the report's first two sections, for any period. */
export interface KpiSet {
  platform: PlatformScope;
  period: PeriodView;
  previousPeriod: PeriodView;
  accepted: CountFigure;
  /** accepted / days of the period (2020 has 366) */
  dailyAverage: number;
  /** answered inbound calls / offered inbound calls (电话接通率) */
  answerRate: RateFigure;
  /** inbound calls answered within 15 s / offered (GB/T 33358-2016), live calls only carry the timings */
  answeredIn15sRate: RateFigure;
  /** ended inbound calls never answered / offered */
  abandonRate: RateFigure;
  /** seconds waited per offered call, talked per answered call; null without calls */
  avgWaitSeconds: number | null;
  avgTalkSeconds: number | null;
  publicAppeals: CountFigure;
  collectorAppeals: CountFigure;
  publicShare: RateFigure;
  collectorShare: RateFigure;
  consultations: CountFigure;
  /** public consultations / public appeals */
  consultationShare: RateFigure;
  /** consultations resolved without dispatch / consultations (直接答复率) */
  consultationDirectRate: RateFigure;
  direct: CountFigure;
  /** direct / accepted (直接办结率) */
  directRate: RateFigure;
  /**
   * How the direct answers were made (知识库 / 三方通话 / 其他), each a share of `direct`; `unrecorded`: direct answers
   * registered before the method was recorded, or imported without one.
   */
  directByMethod: { knowledge: RateFigure; threeWay: RateFigure; other: RateFigure; unrecorded: number };
  dispatched: CountFigure;
  finished: CountFigure;
  /** on time / finished dispatched orders (按期办结率) */
  onTimeRate: RateFigure;
  signOnTimeRate: RateFigure;
  callbacks: CountFigure;
  /** (非常满意 + 满意 + 基本满意) / callbacks with a rating (满意率) */
  satisfactionRate: RateFigure;
  solvedRate: RateFigure;
  /** 互联网渠道: web, WeChat, app, e-mail, mayor's mailbox; `times` = value / previous */
  internet: CountFigure & { times: number | null };
  /** provincial 好差评 rectification orders and how many are finished */
  haochaping: CountFigure & { finished: number };
  /** 国务院“互联网+督查” transfers (channel state_council) */
  stateCouncil: CountFigure;
  /** 国务院大督查整改工单: orders tagged with the topic sc_inspection */
  stateInspection: CountFigure;
  /** 省督办单: orders tagged with the topic province_supervision */
  provinceSupervision: CountFigure;
  praise: CountFigure & { units: number };
  instructions: CountFigure;
  topics: TopicFigure[];
}

export interface TrendPoint {
  /** YYYY-MM-DD (day buckets) or YYYY-MM (month buckets) */
  bucket: string;
  accepted: number;
  direct: number;
  dispatched: number;
  /** the same bucket a year before */
  previous: number | null;
}

export interface NamedCount {
  id: number | string;
  name: string;
  value: number;
  previous?: number | null;
  yoy?: number | null;
}

export interface HeatTable {
  rows: { id: number; name: string }[];
  columns: { id: number; name: string }[];
  /** cells[row][column] */
  cells: number[][];
}

export interface UnitKpiRow {
  unitId: number;
  unitName: string;
  dispatched: number;
  finished: number;
  onTime: number;
  late: number;
  onTimeRate: number | null;
  signOnTimeRate: number | null;
  callbacks: number;
  satisfactionRate: number | null;
  praise: number;
  /** dispatched to it, not finished, past the handling deadline now */
  openOverdue: number;
}

export interface RegionKpiRow {
  regionId: number | null;
  regionName: string;
  accepted: CountFigure;
  directRate: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
}

/** GET /api/stats/dashboard — everything the leadership dashboard shows, for one period. */
export interface DashboardData {
  kpis: KpiSet;
  trendGranularity: 'day' | 'month';
  trend: TrendPoint[];
  /** by appeal type, with the year-before count */
  types: NamedCount[];
  /** level-1 categories by count (public appeals), with YoY */
  hotCategories: NamedCount[];
  /** regions × level-1 categories (public appeals) */
  heat: HeatTable;
  topics: TopicFigure[];
  praisedUnits: NamedCount[];
  overdueByUnit: { unitId: number; name: string; late: number; openOverdue: number }[];
  /** open surge alerts in the period */
  surges: SurgeAlertView[];
  /**
   * 好差评整改 feedback (反馈) of the period, the figure the annual report and the 快报 quote (haochapingFedBack, by the
   * same code): `orders` the period's 好差评 orders, `fedBack` those fed back (one that came through the provincial
   * exchange when its answer went up, exchange_link.feedback_at; any other when closed), `tracked` how many came through
   * the exchange. null when none did: there is no feedback record to quote (kpis.haochaping.finished counts closures).
   */
  haochapingFeedback: HaochapingFeedback | null;
}

export interface HaochapingFeedback {
  orders: number;
  fedBack: number;
  tracked: number;
}
