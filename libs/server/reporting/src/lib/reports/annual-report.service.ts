import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AnnualReport, ReportIssueView } from '@hotline/contracts';
import { addDays, chinaDay, chinaDayStart, composeAnnualReport, previousPeriod, type AnnualInput, type HotCategoryInput, type HotStyle, type NamedValue, type Period } from '@hotline/domain';
import { AppException } from '@hotline/server-platform';
import { DashboardService } from '../stats/dashboard.service';
import { KpiService } from '../stats/kpi.service';
import { LookupService, type Lookup } from '../stats/lookup';
import { SummaryReader } from '../stats/summary-reader';

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
    const t0 = Date.now();
    const scope = opts.scope ?? 'city';
    const lk = await this.lookup.get();
    const platform_id = lk.platformIds(scope);
    const period = opts.period;
    const prev = previousPeriod(period);
    const two = previousPeriod(period, 2);
    const accepted = (p: Period, where: Record<string, number[] | undefined>) => this.reader.sum<Row>({ table: 'stat_intake', period: p, where, values: ['accepted'] }).then((r) => Number(r[0]?.['accepted'] ?? 0));
    const epidemicTopic = lk.topics.find((t) => t.code === 'epidemic');
    const [kpis, all, allPrev, allTwo, twoYearsAgo, types, domains, praised, backlog, records, hot] = await Promise.all([
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
    ]);
    const input: AnnualInput = {
      kind: opts.kind ?? 'annual',
      issuer: ISSUER,
      platformName: scope === 'city' ? '市 12345在线服务平台' : scope === 'all' ? '全市 12345在线服务平台' : (lk.platforms.find((p) => p.code === scope)?.name ?? scope),
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
      reportsIssued: records.reports,
      meetings: records.meetings,
      meetingUnits: records.meetingUnits,
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

  /** Records an issued report (快报/专报/年报) with a snapshot of its content, so issues are counted like the seed's 277. */
  async issue(userId: number, opts: ReportOptions & { title?: string }): Promise<ReportIssueView> {
    if (opts.kind === 'annual' && (opts.period.from.slice(5) !== '01-01' || opts.period.to !== `${opts.period.from.slice(0, 4)}-12-31`)) {
      throw new AppException('VALIDATION_FAILED', 'an annual report covers one calendar year', [{ field: 'from', messages: ['must be YYYY-01-01 with to YYYY-12-31'] }]);
    }
    const report = await this.report(opts);
    const title = opts.title ?? report.title;
    const now = new Date();
    const res = await this.ds.query('INSERT INTO report_issue (kind, title, period_from, period_to, platform_code, issued_at, issued_by, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      report.kind,
      title,
      opts.period.from,
      opts.period.to,
      opts.scope ?? 'city',
      now,
      userId,
      JSON.stringify(report),
    ]);
    return { id: Number(res.insertId), kind: report.kind, title, from: opts.period.from, to: opts.period.to, platform: opts.scope ?? 'city', issuedAt: now.toISOString(), issuedBy: userId };
  }

  async issues(period: Period): Promise<ReportIssueView[]> {
    const rows: Row[] = await this.ds.query(
      "SELECT id, kind, title, DATE_FORMAT(period_from, '%Y-%m-%d') AS f, DATE_FORMAT(period_to, '%Y-%m-%d') AS t, platform_code, issued_at, issued_by FROM report_issue WHERE issued_at >= ? AND issued_at < ? ORDER BY issued_at DESC, id DESC LIMIT 1000",
      [chinaDayStart(period.from), chinaDayStart(addDays(period.to, 1))],
    );
    return rows.map((r) => ({
      id: Number(r['id']),
      kind: r['kind'] as ReportIssueView['kind'],
      title: String(r['title']),
      from: String(r['f']),
      to: String(r['t']),
      platform: String(r['platform_code']),
      issuedAt: new Date(r['issued_at'] as unknown as Date).toISOString(),
      issuedBy: r['issued_by'] == null ? null : Number(r['issued_by']),
    }));
  }

  /** 疫情 appeals by the level-1 category they concern (figure 3). */
  private async domains(lk: Lookup, period: Period, platform_id: number[] | undefined, topicId: number): Promise<NamedValue[]> {
    const rows = await this.reader.sum<Row>({ table: 'stat_topic', period, where: { platform_id, topic_id: topicId }, groupBy: ['category_id'], values: ['accepted'] });
    const by = new Map<number, number>();
    for (const r of rows) {
      const l1 = lk.categories.get(Number(r['category_id']))?.l1;
      if (l1 != null) by.set(l1, (by.get(l1) ?? 0) + Number(r['accepted']));
    }
    return [...by.entries()].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]).map(([id, value]) => ({ name: lk.categories.get(id)?.name ?? String(id), value }));
  }

  /** What leadership counts besides orders: issued reports, coordination meetings, supervisions. */
  private async records(period: Period, platform_id: number[] | undefined): Promise<{ reports: number; meetings: number; meetingUnits: string[]; supervisions: number; supervisedUnits: number }> {
    const from = chinaDayStart(period.from);
    const to = chinaDayStart(addDays(period.to, 1));
    const plat = platform_id ? ` AND o.platform_id IN (${platform_id.map(() => '?').join(', ')})` : '';
    const [[r], [m], units, [s]] = await Promise.all([
      this.ds.query("SELECT COUNT(*) AS n FROM report_issue WHERE kind IN ('express', 'special') AND issued_at >= ? AND issued_at < ?", [from, to]),
      this.ds.query('SELECT COUNT(*) AS n FROM coordination_meeting WHERE held_on BETWEEN ? AND ?', [period.from, period.to]),
      this.ds.query(
        'SELECT u.name, COUNT(*) AS n FROM coordination_meeting m JOIN coordination_meeting_unit mu ON mu.meeting_id = m.id JOIN unit u ON u.id = mu.unit_id WHERE m.held_on BETWEEN ? AND ? GROUP BY u.id, u.name ORDER BY n DESC, u.id LIMIT 2',
        [period.from, period.to],
      ),
      this.ds.query(`SELECT COUNT(*) AS n, COUNT(DISTINCT s.unit_id) AS units FROM supervision s JOIN work_order o ON o.id = s.order_id WHERE s.created_at >= ? AND s.created_at < ?${plat}`, [from, to, ...(platform_id ?? [])]),
    ]);
    return { reports: Number(r.n), meetings: Number(m.n), meetingUnits: units.map((u: { name: string }) => u.name), supervisions: Number(s.n), supervisedUnits: Number(s.units) };
  }

  /** Section 三: the categories with most complaints and reports among public appeals, with their breakdowns. */
  private async hotCategories(lk: Lookup, period: Period, prev: Period, platform_id: number[] | undefined, override?: string[]): Promise<{ selected: HotCategoryInput[]; also: string[] }> {
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
    const also = ranked.filter(([id]) => !chosen.includes(id)).slice(0, ALSO_COUNT).map(([id]) => lk.categories.get(id)?.name ?? String(id));
    const regionOrder = new Map(lk.regions.map((r) => [r.id, r.sort]));
    const cityRegion = lk.regions.find((r) => r.code === 'city')?.id;
    const named = (m: Map<number, number>) => [...m.entries()].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id, value]) => ({ name: lk.categories.get(id)?.name ?? String(id), value }));
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
        return { code: c?.code ?? String(id), name: c?.name ?? String(id), count: a.total, previous: prevTotal.get(id) ?? 0, style: template.style, chart: template.chart, l2, regions };
      })
      .sort((x, y) => y.count - x.count);
    return { selected, also };
  }
}
