import type { PeriodView, PlatformScope } from './reporting';

/** Wire types of the reports: the annual report, 快报 and 专报 as text, tables and chart data; issued reports and their remarks. */

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
