import type { AnnualReport, ChartData, KpiSet, ReportTable } from '@hotline/contracts';
import { formatChange, formatCount, formatPercent, formatPp } from './figures';
import { lastOfMonth, type Period } from './period';
import type { AnnualInput, NamedValue } from './annual-report';

/** The wording the sections of the annual report (and the 专报) share: numbering, figures in words, comparison clauses. */

const NUMS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
export const sub = (i: number) => `（${NUMS[i]}）`;
export const pct = formatPercent;
export const n = formatCount;
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
export const rateClause = (name: string, value: number | null, pp?: number | null) =>
  value == null ? '' : `，${name} ${pct(value)}${clauses(versusPp('同比', pp))}`;

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

export const isYear = (p: Period) => p.from.endsWith('-01-01') && p.to === `${p.from.slice(0, 4)}-12-31`;

/** The figures a list of named counts is quoted with: 'A 12件、B 8件' */
export const quote = (xs: NamedValue[]) => xs.map((x) => `${x.name} ${n(x.value)}件`).join('、');
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

/** What the sections of a report share: its input, the wording of its period, and the figures, charts and tables so far. */
export class AnnualDraft {
  readonly k: KpiSet;
  readonly label: string;
  /** 全年 for a calendar year, 期间 otherwise */
  readonly whole: string;
  readonly year: number;
  /** '较 2018 年增长 83.87%' as the seed spaces it; '较前年同期增长' for other periods */
  readonly twoLabel: string;
  readonly short = '市 12345在线';
  readonly figures: AnnualReport['figures'] = {};
  readonly charts: ChartData[] = [];
  readonly tables: ReportTable[] = [];

  constructor(readonly a: AnnualInput) {
    this.k = a.kpis;
    this.label = periodLabel(a.period);
    this.whole = isYear(a.period) ? '全年' : '期间';
    this.year = Number(a.period.from.slice(0, 4));
    this.twoLabel = isYear(a.period) ? ` ${this.year - 2} 年` : '前年同期';
  }

  fig(key: string, v: number | string | null): number | string | null {
    this.figures[key] = v;
    return v;
  }

  /** Adds a chart, numbered in the order they are added; its id. */
  chart(c: Omit<ChartData, 'no'>): string {
    const full = { ...c, no: this.charts.length + 1 };
    this.charts.push(full);
    return full.id;
  }

  /** Adds a table, numbered likewise; its id. */
  table(t: Omit<ReportTable, 'no'>): string {
    this.tables.push({ ...t, no: this.tables.length + 1 } as ReportTable);
    return t.id;
  }
}
