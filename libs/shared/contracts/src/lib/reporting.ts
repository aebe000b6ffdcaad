/**
 * Wire types of reporting (/api/stats, /api/reports, /api/assessment, /api/imports, /api/meetings, /api/surge-alerts).
 * Periods are China calendar dates `YYYY-MM-DD`, both ends inclusive. Rates are fractions (0.9710 = 97.10%);
 * a change of a count is a fraction too (0.3511 = +35.11%), a change of a rate is in percentage points (2.66).
 * A figure is null when its denominator is zero or there is no previous period to compare with.
 */

/** The measures every summary-table cell holds (counts of orders, or sums of per-order counters). */
export const STAT_MEASURES = [
  'accepted', // registered in the period
  'direct', // resolved on the spot (直接办结)
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
}

// ------------------------------------------------------------------ reports

export interface ChartSeries {
  name: string;
  data: number[];
}

/** Chart data, renderer-neutral: ECharts in the web app, SVG in the DOCX export. */
export interface ChartData {
  id: string;
  /** 图 n */
  no: number;
  title: string;
  kind: 'bar' | 'pie' | 'bar-horizontal';
  categories: string[];
  series: ChartSeries[];
}

export interface ReportTable {
  id: string;
  /** 表 n */
  no: number;
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

export interface ReportBlock {
  /** （一） … or '' for a section's opening paragraph */
  no: string;
  /** bold lead sentence, e.g. 诉求受理总量稳步增长。 (chosen by the data, or an editor's `ReportRemark.lead`) */
  lead: string;
  /** the computed text: every figure and every word that depends on one */
  text: string;
  chartIds: string[];
  tableIds: string[];
  /** stable name of the block within its report kind ('intake.volume', 'hot.zfgl' …): what remarks attach to */
  key?: string;
  /** editorial text around the computed text (from `AnnualReport.remarks`); printed lead, before, text, after */
  remarks?: { before?: string; after?: string };
  /** the lead the data chose, kept when an editor's remark replaced it (clearing the remark restores it) */
  computedLead?: string;
}

/**
 * Editorial text a report carries besides what the data says: the leadership's commentary (why a count fell,
 * what units usually reply, what the center did). Keyed by `ReportBlock.key`; `lead` replaces the block's
 * data-chosen lead sentence, `before` / `after` are printed before and after its computed text.
 */
export interface ReportRemark {
  lead?: string;
  before?: string;
  after?: string;
}
export type ReportRemarks = Record<string, ReportRemark>;

/** What a 专报 concentrates on: one topic (专题, e.g. epidemic) or one category (level 1 or 2, e.g. sdqn). */
export interface ReportFocus {
  kind: 'topic' | 'category';
  code: string;
}

export interface ReportSection {
  /** 一, 二, 三 */
  no: string;
  title: string;
  blocks: ReportBlock[];
}

/** GET /api/reports/annual — the 运行情况综合分析报告 regenerated from the orders. */
export interface AnnualReport {
  kind: 'annual' | 'express' | 'special';
  title: string;
  issuer: string;
  /** date printed on the cover, YYYY-MM-DD */
  issuedOn: string;
  platform: PlatformScope;
  period: PeriodView;
  previousPeriod: PeriodView;
  sections: ReportSection[];
  tables: ReportTable[];
  charts: ChartData[];
  /** every number the text quotes, by a stable key (accepted, onTimeRate, hot.hjwr.count …) */
  figures: Record<string, number | string | null>;
  generatedInMs: number;
  /** a 专报's single focus (absent for the annual report and 快报): its sections are about that topic or category only */
  focus?: ReportFocus & { name: string };
  /** the editorial text applied to the blocks (see ReportRemark) */
  remarks?: ReportRemarks;
}

export interface ReportIssueView {
  id: number;
  kind: 'annual' | 'express' | 'special';
  title: string;
  from: string;
  to: string;
  platform: PlatformScope;
  issuedAt: string;
  issuedBy: number | null;
  focus?: ReportFocus | null;
  /** keys of the blocks that carry editorial remarks */
  remarkKeys?: string[];
  /** last edit of the remarks, if any */
  updatedAt?: string | null;
}

/** GET /api/reports/issues/:id — an issued report with the snapshot taken when it was issued (remarks applied). */
export interface ReportIssueDetail extends ReportIssueView {
  report: AnnualReport;
}

// ------------------------------------------------------------------ assessment (考核)

export const ASSESSMENT_METRICS = ['signOnTime', 'onTime', 'satisfaction', 'returns', 'rework'] as const;
export type AssessmentMetric = (typeof ASSESSMENT_METRICS)[number];

/** Points per metric; a unit's score is Σ weight × metric score (1 for a perfect rate). Counties use `county`. */
export interface AssessmentWeights {
  normal: Record<AssessmentMetric, number>;
  county: Record<AssessmentMetric, number>;
  /**
   * below this share of its full score (percent) an assessed unit is on the black list; the top `redCount` assessed
   * units not on it form the red list, at most half of the assessed units
   */
  blackBelow: number;
  redCount: number;
}

export interface UnitAssessmentRow {
  unitId: number;
  unitName: string;
  county: boolean;
  fullScore: number;
  received: number;
  signOnTimeRate: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
  returnRate: number | null;
  reworkRate: number | null;
  /**
   * false = 未参评: none of 及时签收率, 按时办结率, 满意率 could be measured in the month (nothing to divide by), so
   * the unit has no score, no rank and is on neither list. Such rows come after the ranked ones.
   */
  assessed: boolean;
  /** the rates that counted toward the score (a rate with a zero denominator does not; the weights are re-scaled over these) */
  measured: AssessmentMetric[];
  /** out of `fullScore`, re-weighted over `measured`; null when not assessed */
  score: number | null;
  /** 1 … number of assessed units; null when not assessed */
  rank: number | null;
  list: 'red' | 'black' | null;
}

export interface AssessmentView {
  month: string;
  weights: AssessmentWeights;
  rows: UnitAssessmentRow[];
}

// ------------------------------------------------------------------ imports, alerts, meetings

export interface ImportRowError {
  row: number;
  column: string;
  reason: string;
}

export interface ImportJobView {
  id: number;
  kind: 'orders' | 'calls';
  fileName: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  processedRows: number;
  insertedRows: number;
  /** rows whose 工单编号 was already imported (re-import is a no-op) */
  skippedRows: number;
  errorRows: number;
  /** 0..1 by bytes read */
  progress: number;
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** the first errors (GET /api/imports/:id/errors pages through all) */
  errors: ImportRowError[];
}

export interface SurgeAlertView {
  id: number;
  day: string;
  kind: 'category_region' | 'address';
  categoryId: number | null;
  categoryPath: string | null;
  regionId: number | null;
  regionName: string | null;
  address: string | null;
  count: number;
  baseline: number;
  ratio: number | null;
}

export interface MeetingView {
  id: number;
  heldOn: string;
  title: string;
  summary: string | null;
  unitIds: number[];
  orderIds: number[];
  /** the 14-digit numbers (受理编号) of `orderIds`, in the same order */
  orderNumbers: string[];
  createdAt: string;
}
