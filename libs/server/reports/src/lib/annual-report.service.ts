import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { STAT_MEASURES, type AnnualReport, type ReportFocus, type ReportRemarks } from '@hotline/contracts';
import {
  addDays,
  applyRemarks,
  channelGroup,
  chinaDay,
  chinaDayStart,
  composeAnnualReport,
  composeFocusReport,
  daysInPeriod,
  previousPeriod,
  ratio,
  remarkProblems,
  shiftYears,
  sumTotals,
  type AnnualInput,
  type FocusTypeInput,
  type HotCategoryInput,
  type HotStyle,
  type NamedValue,
  type Period,
} from '@hotline/domain';
import { AppException } from '@hotline/server-platform';
import { DashboardService, KpiService, LookupService, SummaryReader, totalsOf, type Lookup } from '@hotline/server-statistics';

type Row = Record<string, number | string>;

export const ISSUER = '连云港市 12345 政府公共服务中心';

/**
 * How section 三 words and charts each hot category (the seed's template). Categories not listed get the
 * plain "诉求内容主要集中在…" paragraph and a chart by sub-category.
 */
export const HOT_TEMPLATE: Record<string, { style: HotStyle; chart: HotCategoryInput['chart'] }> = {
  srhj: { style: 'focus', chart: 'l2' },
  sdqn: { style: 'breakdown', chart: 'l2' },
  zfgl: { style: 'reflect', chart: 'l2' },
  wygl: { style: 'reflect', chart: 'l2' },
  wfjs: { style: 'types', chart: 'region' },
  hjwr: { style: 'pollution', chart: 'table' },
  zsrm: { style: 'shares', chart: 'l2' },
};
/** Section 三 picks the categories with the most complaints and reports (投诉、举报: where the 矛盾 are). */
export const DISPUTE_TYPES = ['complaint', 'report'];
const HOT_COUNT = 7;
const ALSO_COUNT = 7;

export interface ReportOptions {
  period: Period;
  scope?: string;
  kind?: AnnualReport['kind'];
  /** level-1 category codes for section 三, overriding the selection by complaints */
  hot?: string[];
  /** a 专报 on one topic or category (kind must be special) */
  focus?: ReportFocus;
  /** editorial text by block key (see ReportRemark) */
  remarks?: ReportRemarks;
}

/** The annual comprehensive analysis report (and 快报/专报 over any period), from the summary tables. */
@Injectable()
export class AnnualReportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reader: SummaryReader,
    private readonly kpiService: KpiService,
    private readonly dashboards: DashboardService,
    private readonly lookup: LookupService,
  ) {}

  async report(opts: ReportOptions): Promise<AnnualReport> {
    const report = opts.focus ? await this.focusReport(opts, opts.focus) : await this.annualReport(opts);
    return opts.remarks ? this.withRemarks(report, opts.remarks) : report;
  }

  /** Applies remarks after checking each names a block of this report (400 naming the field otherwise). */
  withRemarks(report: AnnualReport, remarks: ReportRemarks): AnnualReport {
    const problems = remarkProblems(report, remarks);
    if (problems.length) throw new AppException('VALIDATION_FAILED', `remarks: ${problems[0].messages[0]}`, problems);
    return applyRemarks(report, remarks);
  }

  private async annualReport(opts: ReportOptions): Promise<AnnualReport> {
    const t0 = Date.now();
    const scope = opts.scope ?? 'city';
    const lk = await this.lookup.get();
    const platform_id = lk.platformIds(scope);
    const period = opts.period;
    const prev = previousPeriod(period);
    const two = previousPeriod(period, 2);
    const accepted = (p: Period, where: Record<string, number[] | undefined>) =>
      this.reader.sum<Row>({ table: 'stat_intake', period: p, where, values: ['accepted'] }).then((r) => Number(r[0]?.['accepted'] ?? 0));
    const epidemicTopic = lk.topics.find((t) => t.code === 'epidemic');
    const [kpis, all, allPrev, allTwo, twoYearsAgo, types, domains, praised, backlog, records, hot, twoSide] = await Promise.all([
      this.kpiService.kpis(period, scope, prev),
      accepted(period, {}),
      accepted(prev, {}),
      accepted(two, {}),
      accepted(two, { platform_id }),
      this.dashboards.types(lk, period, prev, platform_id),
      epidemicTopic ? this.domains(lk, period, platform_id, epidemicTopic.id) : Promise.resolve([]),
      this.dashboards.praisedUnits(lk, period, platform_id),
      this.reader.backlog(period, platform_id),
      this.records(period, platform_id),
      this.hotCategories(lk, period, prev, platform_id, opts.hot),
      this.kpiService.side(lk, two, scope),
    ]);
    const publicOf = (c: { channel: string }) => channelGroup(c.channel) === 'public';
    const twoPublic = sumTotals(twoSide.intake.filter(publicOf).map((c) => c.m)).accepted;
    const twoConsult = sumTotals(twoSide.intake.filter((c) => publicOf(c) && c.appealType === 'consult').map((c) => c.m)).accepted;
    const input: AnnualInput = {
      kind: opts.kind ?? 'annual',
      issuer: ISSUER,
      platformName: this.platformName(lk, scope),
      issuedOn: chinaDay(new Date()),
      period,
      previousPeriod: prev,
      kpis,
      allPlatforms: [all, allPrev, allTwo],
      twoYearsAgo,
      types: types.map((t) => ({ code: String(t.id), name: t.name, current: t.value, previous: t.previous ?? 0 })),
      epidemic: kpis.topics.find((t) => t.code === 'epidemic') ?? null,
      epidemicDomains: domains,
      civilization: kpis.topics.find((t) => t.code === 'civilization') ?? null,
      consultationShareTwoYearsAgo: ratio(twoConsult, twoPublic),
      reportsIssued: records.reports,
      meetings: records.meetings,
      meetingUnits: records.meetingUnits,
      meetingTopics: records.meetingTopics,
      praisedUnits: praised.slice(0, 10).map((u) => ({ name: u.name, value: u.value })),
      backlog: { ...backlog, supervisions: records.supervisions, supervisedUnits: records.supervisedUnits },
      hot: hot.selected,
      alsoCategories: hot.also,
      generatedInMs: 0,
    };
    const report = composeAnnualReport(input);
    report.generatedInMs = Date.now() - t0;
    return report;
  }

  /**
   * A 专报 on one topic or category: the focus's orders by type (and category, region) from the same summary
   * tables, this period and a year before, with a day or month trend.
   */
  private async focusReport(opts: ReportOptions, focus: ReportFocus): Promise<AnnualReport> {
    const t0 = Date.now();
    const scope = opts.scope ?? 'city';
    const lk = await this.lookup.get();
    const platform_id = lk.platformIds(scope);
    const period = opts.period;
    const prev = previousPeriod(period);
    let table: 'stat_topic' | 'stat_category';
    let where: Record<string, number | number[] | undefined>;
    let name: string;
    /** the breakdown entry a category id counts under: a topic by level 1, a category by its child on the way down */
    let partOf: (categoryId: number) => number | null;
    const cityRegion = lk.regions.find((r) => r.code === 'city')?.id;
    if (focus.kind === 'topic') {
      const t = lk.topics.find((x) => x.code === focus.code);
      if (!t) throw new AppException('UNKNOWN_REFERENCE', `topic ${focus.code} does not exist`, { field: 'topic' });
      table = 'stat_topic';
      where = { platform_id, topic_id: t.id };
      name = t.name;
      partOf = (id) => lk.categories.get(id)?.l1 ?? null;
    } else {
      const c = lk.categoryByCode.get(focus.code);
      if (!c) throw new AppException('UNKNOWN_REFERENCE', `category ${focus.code} does not exist`, { field: 'category' });
      const ids = [...lk.categories.values()].filter((x) => x.id === c.id || x.l1 === c.id || x.l2 === c.id || x.parentId === c.id).map((x) => x.id);
      table = 'stat_category';
      where = { platform_id, category_id: ids };
      name = c.name;
      partOf = (id) => {
        const x = lk.categories.get(id);
        if (!x || x.id === c.id) return null;
        return c.level === 1 ? x.l2 : c.level === 2 ? x.id : null;
      };
    }
    const groupBy =
      focus.kind === 'topic' ? ['appeal_type_code', 'channel_grp', 'category_id'] : ['appeal_type_code', 'channel_grp', 'category_id', 'region_id'];
    const granularity = daysInPeriod(period) <= 92 ? 'day' : 'month';
    const [kpis, cur, before, series, seriesPrev] = await Promise.all([
      this.kpiService.kpis(period, scope, prev),
      this.reader.sum<Row>({ table, period, where, groupBy, values: STAT_MEASURES }),
      this.reader.sum<Row>({ table, period: prev, where, groupBy: ['appeal_type_code'], values: STAT_MEASURES }),
      this.reader.series<Row>({ table, period, where, bucket: granularity, values: ['accepted'] }),
      this.reader.series<Row>({ table, period: prev, where, bucket: granularity, values: ['accepted'] }),
    ]);
    const byType: FocusTypeInput[] = lk.appealTypes.map((t) => ({
      code: t.code,
      name: t.name,
      current: sumTotals(cur.filter((r) => r['appeal_type_code'] === t.code).map(totalsOf)),
      previous: sumTotals(before.filter((r) => r['appeal_type_code'] === t.code).map(totalsOf)),
    }));
    const group = (g: string) => cur.filter((r) => r['channel_grp'] === g).reduce((s, r) => s + Number(r['accepted']), 0);
    const add = (m: Map<number, number>, id: number | null, v: number) => id != null && m.set(id, (m.get(id) ?? 0) + v);
    const parts = new Map<number, number>();
    const regions = new Map<number, { total: number; parts: Map<number, number> }>();
    for (const r of cur) {
      const v = Number(r['accepted']);
      const part = partOf(Number(r['category_id']));
      add(parts, part, v);
      if (focus.kind === 'category') {
        const rid = Number(r['region_id']);
        if (!rid || rid === cityRegion) continue;
        const rg = regions.get(rid) ?? { total: 0, parts: new Map<number, number>() };
        rg.total += v;
        add(rg.parts, part, v);
        regions.set(rid, rg);
      }
    }
    const namedOf = (m: Map<number, number>) =>
      [...m.entries()]
        .filter(([, v]) => v > 0)
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .map(([id, value]) => ({ name: lk.categories.get(id)?.name ?? String(id), value }));
    const regionOrder = new Map(lk.regions.map((r) => [r.id, r.sort]));
    const prevBy = new Map(seriesPrev.map((r) => [r.bucket, Number(r['accepted'])]));
    const curBy = new Map(series.map((r) => [r.bucket, Number(r['accepted'])]));
    const buckets: string[] = [];
    for (let d = period.from; d <= period.to; d = addDays(d, 1)) {
      const b = granularity === 'day' ? d : d.slice(0, 7);
      if (buckets[buckets.length - 1] !== b) buckets.push(b);
    }
    const lastYear = (b: string) => (granularity === 'day' ? shiftYears(b, 1) : `${Number(b.slice(0, 4)) - 1}${b.slice(4)}`);
    const report = composeFocusReport({
      issuer: ISSUER,
      platformName: this.platformName(lk, scope),
      issuedOn: chinaDay(new Date()),
      period,
      previousPeriod: prev,
      focus: { ...focus, name },
      kpis,
      byType,
      byGroup: { public: group('public'), collector: group('collector') },
      breakdown: namedOf(parts),
      regions: [...regions.entries()]
        .filter(([, v]) => v.total > 0)
        .sort((x, y) => y[1].total - x[1].total || (regionOrder.get(x[0]) ?? 0) - (regionOrder.get(y[0]) ?? 0))
        .map(([rid, v]) => ({ name: lk.regionName(rid), value: v.total, l2: namedOf(v.parts) })),
      granularity,
      trend: buckets.map((b) => ({ bucket: b, value: curBy.get(b) ?? 0, previous: prevBy.get(lastYear(b)) ?? null })),
      generatedInMs: 0,
    });
    report.generatedInMs = Date.now() - t0;
    return report;
  }

  private platformName(lk: Lookup, scope: string): string {
    return scope === 'city' ? '市 12345在线服务平台' : scope === 'all' ? '全市 12345在线服务平台' : (lk.platforms.find((p) => p.code === scope)?.name ?? scope);
  }

  /** 疫情 appeals by the level-1 category they concern (figure 3). */
  private async domains(lk: Lookup, period: Period, platform_id: number[] | undefined, topicId: number): Promise<NamedValue[]> {
    const rows = await this.reader.sum<Row>({
      table: 'stat_topic',
      period,
      where: { platform_id, topic_id: topicId },
      groupBy: ['category_id'],
      values: ['accepted'],
    });
    const by = new Map<number, number>();
    for (const r of rows) {
      const l1 = lk.categories.get(Number(r['category_id']))?.l1;
      if (l1 != null) by.set(l1, (by.get(l1) ?? 0) + Number(r['accepted']));
    }
    return [...by.entries()]
      .filter(([, v]) => v > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([id, value]) => ({ name: lk.categories.get(id)?.name ?? String(id), value }));
  }

  /** What leadership counts besides orders: issued reports, coordination meetings, supervisions. */
  private async records(
    period: Period,
    platform_id: number[] | undefined,
  ): Promise<{ reports: number; meetings: number; meetingUnits: string[]; meetingTopics: string[]; supervisions: number; supervisedUnits: number }> {
    const from = chinaDayStart(period.from);
    const to = chinaDayStart(addDays(period.to, 1));
    const plat = platform_id ? ` AND o.platform_id IN (${platform_id.map(() => '?').join(', ')})` : '';
    const [[r], [m], units, [s], titles] = await Promise.all([
      this.ds.query("SELECT COUNT(*) AS n FROM report_issue WHERE kind IN ('express', 'special') AND issued_at >= ? AND issued_at < ?", [from, to]),
      this.ds.query('SELECT COUNT(*) AS n FROM coordination_meeting WHERE held_on BETWEEN ? AND ?', [period.from, period.to]),
      this.ds.query(
        'SELECT u.name, COUNT(*) AS n FROM coordination_meeting m JOIN coordination_meeting_unit mu ON mu.meeting_id = m.id JOIN unit u ON u.id = mu.unit_id WHERE m.held_on BETWEEN ? AND ? GROUP BY u.id, u.name ORDER BY n DESC, u.id LIMIT 2',
        [period.from, period.to],
      ),
      this.ds.query(
        `SELECT COUNT(*) AS n, COUNT(DISTINCT s.unit_id) AS units FROM supervision s JOIN work_order o ON o.id = s.order_id WHERE s.created_at >= ? AND s.created_at < ?${plat}`,
        [from, to, ...(platform_id ?? [])],
      ),
      this.ds.query('SELECT title FROM coordination_meeting WHERE held_on BETWEEN ? AND ?', [period.from, period.to]),
    ]);
    return {
      reports: Number(r.n),
      meetings: Number(m.n),
      meetingUnits: units.map((u: { name: string }) => u.name),
      meetingTopics: meetingTopics(titles.map((t: { title: string }) => t.title)),
      supervisions: Number(s.n),
      supervisedUnits: Number(s.units),
    };
  }

  /** Section 三: the categories with most complaints and reports among public appeals, with their breakdowns. */
  private async hotCategories(
    lk: Lookup,
    period: Period,
    prev: Period,
    platform_id: number[] | undefined,
    override?: string[],
  ): Promise<{ selected: HotCategoryInput[]; also: string[] }> {
    const where = { platform_id, channel_grp: 'public' };
    const [cur, before] = await Promise.all([
      this.reader.sum<Row>({ table: 'stat_category', period, where, groupBy: ['category_id', 'appeal_type_code', 'region_id'], values: ['accepted'] }),
      this.reader.sum<Row>({ table: 'stat_category', period: prev, where, groupBy: ['category_id'], values: ['accepted'] }),
    ]);
    interface Agg {
      total: number;
      disputes: number;
      l2: Map<number, { total: number; l3: Map<number, number> }>;
      regions: Map<number, { total: number; l2: Map<number, number> }>;
    }
    const agg = new Map<number, Agg>();
    for (const r of cur) {
      const c = lk.categories.get(Number(r['category_id']));
      if (!c) continue;
      const n = Number(r['accepted']);
      let a = agg.get(c.l1);
      if (!a) agg.set(c.l1, (a = { total: 0, disputes: 0, l2: new Map(), regions: new Map() }));
      a.total += n;
      if (DISPUTE_TYPES.includes(String(r['appeal_type_code']))) a.disputes += n;
      if (c.l2 != null) {
        const l2 = a.l2.get(c.l2) ?? { total: 0, l3: new Map<number, number>() };
        l2.total += n;
        if (c.level === 3) l2.l3.set(c.id, (l2.l3.get(c.id) ?? 0) + n);
        a.l2.set(c.l2, l2);
      }
      const region = Number(r['region_id']);
      const rg = a.regions.get(region) ?? { total: 0, l2: new Map<number, number>() };
      rg.total += n;
      if (c.l2 != null) rg.l2.set(c.l2, (rg.l2.get(c.l2) ?? 0) + n);
      a.regions.set(region, rg);
    }
    const prevTotal = new Map<number, number>();
    for (const r of before) {
      const l1 = lk.categories.get(Number(r['category_id']))?.l1;
      if (l1 != null) prevTotal.set(l1, (prevTotal.get(l1) ?? 0) + Number(r['accepted']));
    }
    const ranked = [...agg.entries()].filter(([, a]) => a.total > 0).sort((x, y) => y[1].disputes - x[1].disputes || y[1].total - x[1].total || x[0] - y[0]);
    let chosen: number[];
    if (override?.length) {
      chosen = override.map((code) => {
        const c = lk.categoryByCode.get(code);
        if (!c || c.level !== 1) throw new AppException('UNKNOWN_REFERENCE', `hot: ${code} is not a level-1 category code`, { field: 'hot' });
        return c.id;
      });
    } else chosen = ranked.slice(0, HOT_COUNT).map(([id]) => id);
    const also = ranked
      .filter(([id]) => !chosen.includes(id))
      .slice(0, ALSO_COUNT)
      .map(([id]) => lk.categories.get(id)?.name ?? String(id));
    const regionOrder = new Map(lk.regions.map((r) => [r.id, r.sort]));
    const cityRegion = lk.regions.find((r) => r.code === 'city')?.id;
    const named = (m: Map<number, number>) =>
      [...m.entries()]
        .filter(([, v]) => v > 0)
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .map(([id, value]) => ({ name: lk.categories.get(id)?.name ?? String(id), value }));
    const selected = chosen
      .map((id): HotCategoryInput => {
        const a = agg.get(id) ?? { total: 0, disputes: 0, l2: new Map(), regions: new Map() };
        const c = lk.categories.get(id);
        const template = HOT_TEMPLATE[c?.code ?? ''] ?? { style: 'focus' as HotStyle, chart: 'l2' as const };
        const l2 = lk
          .children(id)
          .map((x) => ({ name: x.name, value: a.l2.get(x.id)?.total ?? 0, l3: named(a.l2.get(x.id)?.l3 ?? new Map()) }))
          .sort((x, y) => y.value - x.value);
        const regions = [...a.regions.entries()]
          .filter(([rid, v]) => rid !== 0 && rid !== cityRegion && v.total > 0)
          .sort((x, y) => y[1].total - x[1].total || (regionOrder.get(x[0]) ?? 0) - (regionOrder.get(y[0]) ?? 0))
          .map(([rid, v]) => ({ name: lk.regionName(rid), value: v.total, l2: named(v.l2) }));
        return {
          code: c?.code ?? String(id),
          name: c?.name ?? String(id),
          count: a.total,
          previous: prevTotal.get(id) ?? 0,
          style: template.style,
          chart: template.chart,
          l2,
          regions,
        };
      })
      .sort((x, y) => y.count - x.count);
    return { selected, also };
  }
}

/** What meetings were about, most frequent first: '停车收费问题专题协调会议' → '停车收费'. */
export function meetingTopics(titles: string[]): string[] {
  const by = new Map<string, number>();
  for (const t of titles) {
    const topic = t
      .replace(/(疑难问题)?(专题)?(协调)?(会议|会)$/u, '')
      .replace(/(的)?问题$/u, '')
      .trim();
    if (topic) by.set(topic, (by.get(topic) ?? 0) + 1);
  }
  return [...by.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t);
}
