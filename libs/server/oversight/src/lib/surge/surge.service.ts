import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { SurgeAlertView } from '@hotline/contracts';
import { addDays, addressKey, CATEGORY_SURGE, chinaDay, chinaDayStart, detectSurges, ADDRESS_SURGE, type Period } from '@hotline/domain';
import { LookupService, SummaryReader, surgeView } from '@hotline/server-statistics';

type Row = Record<string, number | string>;

/**
 * The daily surge scan: sub-categories in a region (from the day rows of stat_category) and single addresses
 * (from the day's orders) whose count jumps against the trailing 28 days. Alerts are unique per day and cell,
 * so running a day twice changes nothing.
 */
@Injectable()
export class SurgeService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reader: SummaryReader,
    private readonly lookup: LookupService,
  ) {}

  /** Scans `day`; none (undefined or a JSON null) is yesterday, China time. */
  async scan(asked?: string | null): Promise<SurgeAlertView[]> {
    const day = asked ?? addDays(chinaDay(new Date()), -1);
    const lk = await this.lookup.get();
    const trailing: Period = { from: addDays(day, -CATEGORY_SURGE.window), to: addDays(day, -1) };
    // category × region, at level 2 (a leaf is too thin to see a jump, level 1 too coarse to act on)
    const rollup = (rows: Row[]) => {
      const m = new Map<string, number>();
      for (const r of rows) {
        const c = lk.categories.get(Number(r['category_id']));
        const key = `${c?.l2 ?? c?.l1 ?? r['category_id']}:${r['region_id']}`;
        m.set(key, (m.get(key) ?? 0) + Number(r['accepted']));
      }
      return m;
    };
    const q = { table: 'stat_category' as const, groupBy: ['category_id', 'region_id'], values: ['accepted'] };
    const [today, before] = await Promise.all([
      this.reader.sum<Row>({ ...q, period: { from: day, to: day } }),
      this.reader.sum<Row>({ ...q, period: trailing }),
    ]);
    const t = rollup(today);
    const b = rollup(before);
    const found = detectSurges(
      [...t.entries()].map(([key, count]) => ({ key, count, trailing: b.get(key) ?? 0 })),
      CATEGORY_SURGE,
    );
    const rows: unknown[][] = found.map((s) => {
      const [cat, region] = s.key.split(':').map(Number);
      return [day, 'category_region', cat, region, '', s.count, s.baseline];
    });
    // one address many times in a day
    const start = chinaDayStart(day);
    const end = chinaDayStart(addDays(day, 1));
    const addrRows: { address: string; n: number }[] = await this.ds.query(
      'SELECT address, COUNT(*) AS n FROM work_order WHERE created_at >= ? AND created_at < ? AND address IS NOT NULL GROUP BY address',
      [start, end],
    );
    const byKey = new Map<string, { count: number; raw: string[] }>();
    for (const r of addrRows) {
      const k = addressKey(r.address);
      if (!k) continue;
      const cur = byKey.get(k) ?? { count: 0, raw: [] };
      cur.count += Number(r.n);
      cur.raw.push(r.address);
      byKey.set(k, cur);
    }
    const candidates = [...byKey.entries()].filter(([, v]) => v.count >= ADDRESS_SURGE.minCount);
    const addrCandidates = [];
    for (const [key, v] of candidates) {
      const [{ n }] = await this.ds.query(
        `SELECT COUNT(*) AS n FROM work_order WHERE created_at >= ? AND created_at < ? AND address IN (${v.raw.map(() => '?').join(', ')})`,
        [chinaDayStart(trailing.from), start, ...v.raw],
      );
      addrCandidates.push({ key, count: v.count, trailing: Number(n) });
    }
    for (const s of detectSurges(addrCandidates, ADDRESS_SURGE)) rows.push([day, 'address', 0, 0, s.key, s.count, s.baseline]);
    if (rows.length) {
      await this.ds.query(
        `INSERT IGNORE INTO surge_alert (day, kind, category_id, region_id, address_key, n, baseline) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        rows.flat(),
      );
    }
    return this.list({ from: day, to: day });
  }

  async list(period: Period): Promise<SurgeAlertView[]> {
    const lk = await this.lookup.get();
    const rows: Row[] = await this.ds.query(
      "SELECT id, DATE_FORMAT(day, '%Y-%m-%d') AS day, kind, category_id, region_id, address_key, n, baseline FROM surge_alert WHERE day BETWEEN ? AND ? ORDER BY day DESC, n DESC LIMIT 500",
      [period.from, period.to],
    );
    return rows.map((r) => surgeView(lk, r));
  }
}
