import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { STAT_MEASURES, type AssessmentView, type AssessmentWeights } from '@hotline/contracts';
import { addDays, assessUnits, chinaDayStart, DEFAULT_WEIGHTS, monthPeriod, satisfied, sumTotals, type UnitMonth } from '@hotline/domain';
import { LookupService, SummaryReader, totalsOf } from '@hotline/server-statistics';

type Row = Record<string, number | string>;
const WEIGHTS_KEY = 'assessment.weights';

/**
 * Monthly unit assessment from the summary tables: signing, finishing on time, satisfaction and rework of the
 * orders the unit handled that month (stat_unit), returns by the unit that asked to return (stat_event).
 */
@Injectable()
export class AssessmentService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reader: SummaryReader,
    private readonly lookup: LookupService,
  ) {}

  async month(month: string, scope = 'city'): Promise<AssessmentView> {
    const lk = await this.lookup.get();
    const platform_id = lk.platformIds(scope);
    const period = monthPeriod(month);
    const [cells, events, weights] = await Promise.all([
      this.reader.sum<Row>({ table: 'stat_unit', period, where: { platform_id }, groupBy: ['unit_id'], values: STAT_MEASURES }),
      this.reader.sum<Row>({
        table: 'stat_event',
        period,
        where: { platform_id, action: ['dispatch', 'return'] },
        groupBy: ['unit_id', 'action'],
        values: ['n'],
      }),
      this.weights(),
    ]);
    const ev = (unit: number, action: string) => Number(events.find((e) => Number(e['unit_id']) === unit && e['action'] === action)?.['n'] ?? 0);
    const ids = new Set<number>([...cells.map((c) => Number(c['unit_id'])), ...events.map((e) => Number(e['unit_id']))]);
    ids.delete(0);
    const units: UnitMonth[] = [...ids].map((id) => {
      const t = sumTotals(cells.filter((c) => Number(c['unit_id']) === id).map(totalsOf));
      const u = lk.units.get(id);
      return {
        unitId: id,
        unitName: lk.unitName(id),
        county: !!u?.isCounty,
        received: Math.max(ev(id, 'dispatch'), t.dispatched),
        signed: t.signed,
        signedOnTime: t.signed_on_time,
        finished: t.finished,
        onTime: t.on_time,
        callbacks: t.callbacks,
        satisfied: satisfied(t),
        returns: ev(id, 'return'),
        reworked: t.reworked,
      };
    });
    const repeats = await this.repeats(period.from, period.to);
    const rows = assessUnits(units, weights).map((r) => {
      const n = repeats.byUnit.get(r.unitId) ?? 0;
      return { ...r, repeatComplaints: { repeats: n, rate: r.received > 0 ? Math.round((n / r.received) * 10_000) / 10_000 : null } };
    });
    const repeatsByCategory = repeats.byCategory.map((c) => ({ ...c, categoryPath: lk.categories.get(c.categoryId)?.path ?? String(c.categoryId) }));
    return { month, weights, rows, repeatsByCategory };
  }

  /** 重复投诉 marked by routing (table order_repeat) in the month, by the earlier order's main unit and category. */
  private async repeats(from: string, to: string) {
    const rows: { unit_id: number | null; category_id: number; n: string }[] = await this.ds.query(
      `SELECT w.main_unit_id AS unit_id, w.category_id, COUNT(*) AS n FROM order_repeat r JOIN work_order w ON w.id = r.earlier_order_id
        WHERE r.created_at >= ? AND r.created_at < ? GROUP BY w.main_unit_id, w.category_id`,
      [chinaDayStart(from), chinaDayStart(addDays(to, 1))],
    );
    const byUnit = new Map<number, number>();
    const byCat = new Map<number, number>();
    for (const r of rows) {
      if (r.unit_id != null) byUnit.set(r.unit_id, (byUnit.get(r.unit_id) ?? 0) + Number(r.n));
      byCat.set(r.category_id, (byCat.get(r.category_id) ?? 0) + Number(r.n));
    }
    const byCategory = [...byCat].map(([categoryId, repeats]) => ({ categoryId, repeats })).sort((a, b) => b.repeats - a.repeats);
    return { byUnit, byCategory };
  }

  async weights(): Promise<AssessmentWeights> {
    const [row] = await this.ds.query('SELECT value FROM reporting_setting WHERE name = ?', [WEIGHTS_KEY]);
    return row ? { ...DEFAULT_WEIGHTS, ...JSON.parse(row.value) } : DEFAULT_WEIGHTS;
  }

  async setWeights(w: AssessmentWeights): Promise<AssessmentWeights> {
    await this.ds.query('INSERT INTO reporting_setting (name, value) VALUES (?, ?) ON DUPLICATE KEY UPDATE value = VALUES(value)', [
      WEIGHTS_KEY,
      JSON.stringify(w),
    ]);
    return this.weights();
  }
}
