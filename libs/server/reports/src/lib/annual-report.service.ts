import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { STAT_MEASURES, type AnnualReport, type ReportFocus, type ReportRemarks } from '@hotline/contracts';
import {
  addDays,
  applyRemarks,
  byLevel1,
  channelGroup,
  chinaDay,
  chinaDayStart,
  composeAnnualReport,
  composeFocusReport,
  daysInPeriod,
  hotCategories,
  meetingTopics,
  namedCounts,
  previousPeriod,
  ratio,
  remarkProblems,
  shiftYears,
  sumTotals,
  type AnnualInput,
  type FocusTypeInput,
  type HotCategoryInput,
  type NamedValue,
  type Period,
} from '@hotline/domain';
import { AppException } from '@hotline/server-platform';
import { DashboardService, KpiService, LookupService, SummaryReader, totalsOf, type Lookup } from '@hotline/server-statistics';

type Row = Record<string, number | string>;

export const ISSUER = '连云港市 12345 政府公共服务中心';

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
    const { scope, lk, platform_id, period, prev } = await this.scoped(opts);
    const two = previousPeriod(period, 2);
    const accepted = (p: Period, where: Record<string, number[] | undefined>) =>
      this.reader.sum<Row>({ table: 'stat_intake', period: p, where, values: ['accepted'] }).then((r) => Number(r[0]?.['accepted'] ?? 0));
    const epidemicTopic = lk.topics.find((t) => t.code === 'epidemic');
    const [kpis, all, allPrev, allTwo, twoYearsAgo, types, domains, praised, backlog, records, hot, twoSide, rectification] = await Promise.all([
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
      this.dashboards.rectification(period, platform_id),
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
      rectification,
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
    const { scope, lk, platform_id, period, prev } = await this.scoped(opts);
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
    const namedOf = (m: Map<number, number>) => namedCounts(m, lk);
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

  /** What every report starts from: its scope and that scope's platforms, the reference lookup, the period and the one before. */
  private async scoped(opts: ReportOptions): Promise<{ scope: string; lk: Lookup; platform_id: number[] | undefined; period: Period; prev: Period }> {
    const scope = opts.scope ?? 'city';
    const lk = await this.lookup.get();
    return { scope, lk, platform_id: lk.platformIds(scope), period: opts.period, prev: previousPeriod(opts.period) };
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
    return byLevel1(rows, lk);
  }

  /** Section 三: the categories with most complaints and reports among public appeals (or those asked for), with their breakdowns. */
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
    const chosen = override?.length
      ? override.map((code) => {
          const c = lk.categoryByCode.get(code);
          if (!c || c.level !== 1) throw new AppException('UNKNOWN_REFERENCE', `hot: ${code} is not a level-1 category code`, { field: 'hot' });
          return c.id;
        })
      : undefined;
    return hotCategories(cur, before, lk, chosen);
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
}
