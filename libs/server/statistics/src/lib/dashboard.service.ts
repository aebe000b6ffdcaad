import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { STAT_MEASURES, type DashboardData, type HeatTable, type NamedCount, type RegionKpiRow, type TrendPoint, type UnitKpiRow } from '@hotline/contracts';
import {
  addDays,
  chinaDayStart,
  countFigure,
  daysInPeriod,
  haochapingFeedback,
  previousPeriod,
  PRAISE_TYPES,
  ratio,
  satisfied,
  shiftYears,
  sumTotals,
  yoy,
  type Period,
  type RectificationCounts,
} from '@hotline/domain';
import { KpiService, totalsOf } from './kpi.service';
import { LookupService, type Lookup } from './lookup';
import { SummaryReader } from './summary/summary-reader';

type Row = Record<string, number | string>;
const OPEN_AT_UNIT = ['dispatched', 'handling', 'suspended', 'returning'];

/** The leadership dashboard and the per-unit / per-region tables, for any period. */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reader: SummaryReader,
    private readonly kpiService: KpiService,
    private readonly lookup: LookupService,
  ) {}

  async dashboard(period: Period, scope = 'city', now = new Date()): Promise<DashboardData> {
    const lk = await this.lookup.get();
    const platform_id = lk.platformIds(scope);
    const prev = previousPeriod(period);
    const [kpis, trend, types, hotCategories, heat, praisedUnits, overdueByUnit, surges, rectification] = await Promise.all([
      this.kpiService.kpis(period, scope, prev),
      this.trend(period, platform_id),
      this.types(lk, period, prev, platform_id),
      this.hotCategories(lk, period, prev, platform_id),
      this.heat(lk, period, platform_id),
      this.praisedUnits(lk, period, platform_id),
      this.overdueByUnit(lk, period, platform_id, now),
      this.surges(lk, period),
      this.rectification(period, platform_id),
    ]);
    return {
      kpis,
      trendGranularity: trend.granularity,
      trend: trend.points,
      types,
      hotCategories: hotCategories.slice(0, 10),
      heat,
      topics: kpis.topics,
      praisedUnits: praisedUnits.slice(0, 10),
      overdueByUnit: overdueByUnit.slice(0, 10),
      surges,
      haochapingFeedback: haochapingFeedback(kpis, rectification),
    };
  }

  /**
   * 好差评整改 orders of the period that came through the provincial exchange, and how many were fed back (their answer
   * reported up: exchange_link.feedback_at, what GET /api/admin/exchange/rectification counts over all time). `closed`
   * mirrors the summary's finished + direct, so feedback can take the place of closure for these only
   * (haochapingFedBack; the reports quote it too). Read from exchange_link, a few hundred rows a year, not the orders.
   */
  async rectification(period: Period, platform_id: number[] | undefined): Promise<RectificationCounts | null> {
    const plat = platform_id ? ` AND o.platform_id IN (${platform_id.map(() => '?').join(', ')})` : '';
    const [r]: Row[] = await this.ds.query(
      `SELECT COUNT(*) AS tracked,
              SUM(o.resolution = 'direct' OR (o.resolution = 'dispatched' AND o.accepted_at IS NOT NULL)) AS closed,
              SUM(l.feedback_at IS NOT NULL) AS fed
         FROM exchange_link l JOIN work_order o ON o.id = l.order_id
        WHERE l.kind = 'rectification' AND o.channel_code = 'haochaping' AND o.created_at >= ? AND o.created_at < ?${plat}`,
      [chinaDayStart(period.from), chinaDayStart(addDays(period.to, 1)), ...(platform_id ?? [])],
    );
    const tracked = Number(r?.['tracked'] ?? 0);
    return tracked ? { tracked, trackedClosed: Number(r['closed'] ?? 0), fedBack: Number(r['fed'] ?? 0) } : null;
  }

  /** Daily counts for periods up to three months, monthly beyond; each bucket with the same bucket a year before. */
  async trend(period: Period, platform_id: number[] | undefined): Promise<{ granularity: 'day' | 'month'; points: TrendPoint[] }> {
    const granularity = daysInPeriod(period) <= 92 ? 'day' : 'month';
    const values = ['accepted', 'direct', 'dispatched'];
    const q = { table: 'stat_intake' as const, where: { platform_id }, values, bucket: granularity } as const;
    const [cur, prev] = await Promise.all([this.reader.series<Row>({ ...q, period }), this.reader.series<Row>({ ...q, period: previousPeriod(period) })]);
    const prevBy = new Map(prev.map((r) => [r.bucket, Number(r['accepted'])]));
    const points = cur.map((r) => {
      const lastYear = granularity === 'day' ? shiftYears(r.bucket, 1) : `${Number(r.bucket.slice(0, 4)) - 1}${r.bucket.slice(4)}`;
      return {
        bucket: r.bucket,
        accepted: Number(r['accepted']),
        direct: Number(r['direct']),
        dispatched: Number(r['dispatched']),
        previous: prevBy.get(lastYear) ?? null,
      };
    });
    return { granularity, points: points.sort((a, b) => (a.bucket < b.bucket ? -1 : 1)) };
  }

  async types(lk: Lookup, period: Period, prev: Period, platform_id: number[] | undefined): Promise<NamedCount[]> {
    const q = { table: 'stat_intake' as const, where: { platform_id }, groupBy: ['appeal_type_code'], values: ['accepted'] };
    const [cur, before] = await Promise.all([this.reader.sum<Row>({ ...q, period }), this.reader.sum<Row>({ ...q, period: prev })]);
    const by = (rows: Row[], code: string) => Number(rows.find((r) => r['appeal_type_code'] === code)?.['accepted'] ?? 0);
    return lk.appealTypes
      .map((t) => ({ id: t.code, name: t.name, value: by(cur, t.code), previous: by(before, t.code), yoy: yoy(by(cur, t.code), by(before, t.code)) }))
      .filter((t) => t.value > 0 || (t.previous ?? 0) > 0);
  }

  /** Level-1 categories of public appeals, by count, with YoY. */
  async hotCategories(lk: Lookup, period: Period, prev: Period, platform_id: number[] | undefined): Promise<NamedCount[]> {
    const q = { table: 'stat_category' as const, where: { platform_id, channel_grp: 'public' }, groupBy: ['category_id'], values: ['accepted'] };
    const [cur, before] = await Promise.all([this.reader.sum<Row>({ ...q, period }), this.reader.sum<Row>({ ...q, period: prev })]);
    const rollup = (rows: Row[]) => {
      const m = new Map<number, number>();
      for (const r of rows) {
        const l1 = lk.categories.get(Number(r['category_id']))?.l1;
        if (l1 != null) m.set(l1, (m.get(l1) ?? 0) + Number(r['accepted']));
      }
      return m;
    };
    const c = rollup(cur);
    const p = rollup(before);
    return lk.roots
      .map((r) => ({ id: r.id, name: r.name, value: c.get(r.id) ?? 0, ...countFigureParts(c.get(r.id) ?? 0, p.get(r.id) ?? 0) }))
      .filter((x) => x.value > 0)
      .sort((a, b) => b.value - a.value);
  }

  /** Regions × the ten biggest level-1 categories (public appeals). */
  async heat(lk: Lookup, period: Period, platform_id: number[] | undefined): Promise<HeatTable> {
    const rows = await this.reader.sum<Row>({
      table: 'stat_category',
      period,
      where: { platform_id, channel_grp: 'public' },
      groupBy: ['region_id', 'category_id'],
      values: ['accepted'],
    });
    const cell = new Map<string, number>();
    const colTotal = new Map<number, number>();
    for (const r of rows) {
      const l1 = lk.categories.get(Number(r['category_id']))?.l1;
      if (l1 == null) continue;
      const k = `${Number(r['region_id'])}:${l1}`;
      cell.set(k, (cell.get(k) ?? 0) + Number(r['accepted']));
      colTotal.set(l1, (colTotal.get(l1) ?? 0) + Number(r['accepted']));
    }
    const columns = [...colTotal.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([id]) => ({ id, name: lk.categories.get(id)?.name ?? String(id) }));
    const regionRows = [...lk.regions].sort((a, b) => a.sort - b.sort).map((r) => ({ id: r.id, name: r.name }));
    if (rows.some((r) => Number(r['region_id']) === 0)) regionRows.push({ id: 0, name: '未指定' });
    return { rows: regionRows, columns, cells: regionRows.map((r) => columns.map((c) => cell.get(`${r.id}:${c.id}`) ?? 0)) };
  }

  async praisedUnits(lk: Lookup, period: Period, platform_id: number[] | undefined): Promise<NamedCount[]> {
    const rows = await this.reader.sum<Row>({
      table: 'stat_unit',
      period,
      where: { platform_id, appeal_type_code: PRAISE_TYPES },
      groupBy: ['unit_id'],
      values: ['accepted'],
    });
    return rows
      .filter((r) => Number(r['unit_id']) > 0 && Number(r['accepted']) > 0)
      .map((r) => ({ id: Number(r['unit_id']), name: lk.unitName(Number(r['unit_id'])), value: Number(r['accepted']) }))
      .sort((a, b) => b.value - a.value || a.id - (b.id as number));
  }

  /** Late finishes of the period's orders and, now, open orders past their deadline, by unit. */
  async overdueByUnit(
    lk: Lookup,
    period: Period,
    platform_id: number[] | undefined,
    now: Date,
  ): Promise<{ unitId: number; name: string; late: number; openOverdue: number }[]> {
    const [late, open] = await Promise.all([
      this.reader.sum<Row>({ table: 'stat_unit', period, where: { platform_id }, groupBy: ['unit_id'], values: ['late'] }),
      this.openOverdue(platform_id, now),
    ]);
    const m = new Map<number, { late: number; openOverdue: number }>();
    for (const r of late) if (Number(r['late']) > 0) m.set(Number(r['unit_id']), { late: Number(r['late']), openOverdue: 0 });
    for (const [unit, n] of open) m.set(unit, { late: m.get(unit)?.late ?? 0, openOverdue: n });
    return [...m.entries()]
      .filter(([unit]) => unit > 0)
      .map(([unitId, v]) => ({ unitId, name: lk.unitName(unitId), ...v }))
      .sort((a, b) => b.openOverdue - a.openOverdue || b.late - a.late || a.unitId - b.unitId);
  }

  /** Open orders past their handling deadline now, by main unit (a live query: open orders are few). */
  async openOverdue(platform_id: number[] | undefined, now: Date): Promise<Map<number, number>> {
    const params: unknown[] = [OPEN_AT_UNIT, now];
    let sql = 'SELECT main_unit_id AS unit_id, COUNT(*) AS n FROM work_order WHERE status IN (?) AND handle_due_at < ?';
    if (platform_id) {
      sql += ' AND platform_id IN (?)';
      params.push(platform_id);
    }
    const rows: { unit_id: number | null; n: string | number }[] = await this.ds.query(`${sql} GROUP BY main_unit_id`, params);
    return new Map(rows.filter((r) => r.unit_id != null).map((r) => [Number(r.unit_id), Number(r.n)]));
  }

  async surges(lk: Lookup, period: Period): Promise<DashboardData['surges']> {
    const rows: Row[] = await this.ds.query(
      "SELECT id, DATE_FORMAT(day, '%Y-%m-%d') AS day, kind, category_id, region_id, address_key, n, baseline FROM surge_alert WHERE day BETWEEN ? AND ? ORDER BY day DESC, n DESC LIMIT 50",
      [period.from, period.to],
    );
    return rows.map((r) => surgeView(lk, r));
  }

  async units(period: Period, scope = 'city', now = new Date()): Promise<UnitKpiRow[]> {
    const lk = await this.lookup.get();
    const platform_id = lk.platformIds(scope);
    const [rows, open] = await Promise.all([
      this.reader.sum<Row>({ table: 'stat_unit', period, where: { platform_id }, groupBy: ['unit_id', 'appeal_type_code'], values: STAT_MEASURES }),
      this.openOverdue(platform_id, now),
    ]);
    const byUnit = new Map<number, Row[]>();
    for (const r of rows) {
      const u = Number(r['unit_id']);
      if (u === 0) continue;
      if (!byUnit.has(u)) byUnit.set(u, []);
      byUnit.get(u)?.push(r);
    }
    for (const u of open.keys()) if (!byUnit.has(u)) byUnit.set(u, []);
    return [...byUnit.entries()]
      .map(([unitId, rs]) => {
        const t = sumTotals(rs.map(totalsOf));
        const praise = rs.filter((r) => PRAISE_TYPES.includes(String(r['appeal_type_code']))).reduce((s, r) => s + Number(r['accepted']), 0);
        return {
          unitId,
          unitName: lk.unitName(unitId),
          dispatched: t.dispatched,
          finished: t.finished,
          onTime: t.on_time,
          late: t.late,
          onTimeRate: ratio(t.on_time, t.finished),
          signOnTimeRate: ratio(t.signed_on_time, t.signed),
          callbacks: t.callbacks,
          satisfactionRate: ratio(satisfied(t), t.callbacks),
          praise,
          openOverdue: open.get(unitId) ?? 0,
        };
      })
      .sort((a, b) => b.dispatched - a.dispatched || a.unitId - b.unitId);
  }

  async regions(period: Period, scope = 'city'): Promise<RegionKpiRow[]> {
    const lk = await this.lookup.get();
    const platform_id = lk.platformIds(scope);
    const q = { table: 'stat_category' as const, where: { platform_id }, groupBy: ['region_id'], values: STAT_MEASURES };
    const [cur, before] = await Promise.all([this.reader.sum<Row>({ ...q, period }), this.reader.sum<Row>({ ...q, period: previousPeriod(period) })]);
    const ids = [...lk.regions].sort((a, b) => a.sort - b.sort).map((r) => r.id as number | null);
    if (cur.some((r) => Number(r['region_id']) === 0)) ids.push(null);
    return ids.map((id) => {
      const pick = (rows: Row[]) => totalsOf(rows.find((r) => Number(r['region_id']) === (id ?? 0)) ?? {});
      const t = pick(cur);
      return {
        regionId: id,
        regionName: lk.regionName(id),
        accepted: countFigure(t.accepted, pick(before).accepted),
        directRate: ratio(t.direct, t.accepted),
        onTimeRate: ratio(t.on_time, t.finished),
        satisfactionRate: ratio(satisfied(t), t.callbacks),
      };
    });
  }
}

function countFigureParts(value: number, previous: number) {
  return { previous, yoy: yoy(value, previous) };
}

export function surgeView(lk: Lookup, r: Row): DashboardData['surges'][number] {
  const categoryId = Number(r['category_id']) || null;
  const regionId = Number(r['region_id']) || null;
  const n = Number(r['n']);
  const baseline = Number(r['baseline']);
  return {
    id: Number(r['id']),
    day: String(r['day']),
    kind: r['kind'] === 'address' ? 'address' : 'category_region',
    categoryId,
    categoryPath: categoryId ? (lk.categories.get(categoryId)?.path ?? null) : null,
    regionId,
    regionName: regionId ? lk.regionName(regionId) : null,
    address: r['address_key'] ? String(r['address_key']) : null,
    count: n,
    baseline,
    ratio: baseline > 0 ? n / baseline : null,
  };
}
