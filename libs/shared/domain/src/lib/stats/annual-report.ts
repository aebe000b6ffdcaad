import type { AnnualReport, KpiSet, TopicFigure } from '@hotline/contracts';
import { intakeSection } from './annual-intake';
import { handlingSection } from './annual-handling';
import { hotSection } from './annual-hot';
import { AnnualDraft } from './report-wording';
import type { Period } from './period';
import type { RectificationCounts } from './rectification';

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
  /** 好差评整改 orders of the period that arrived through the provincial exchange (haochapingFedBack). Absent: none tracked. */
  rectification?: RectificationCounts | null;
  backlog: { cleared: number; remaining: number; remainingBefore: number; supervisedUnits: number; supervisions: number };
  hot: HotCategoryInput[];
  alsoCategories: string[];
  generatedInMs: number;
}

export function composeAnnualReport(a: AnnualInput): AnnualReport {
  const d = new AnnualDraft(a);
  const { k, label } = d;
  const s1 = intakeSection(d);
  const s2 = handlingSection(d);
  const s3 = hotSection(d);

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
    tables: d.tables,
    charts: d.charts,
    figures: d.figures,
    generatedInMs: a.generatedInMs,
  };
}
