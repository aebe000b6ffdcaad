import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { addDays, chinaDayStart, periodSegments, type Period } from '@hotline/domain';
import { tableSpec, type SummaryTable } from './summary-spec';

export type Filter = Record<string, string | number | readonly (string | number)[] | undefined>;

export interface SumQuery {
  table: SummaryTable;
  period: Period;
  /** column = value, or column IN (values); undefined is ignored */
  where?: Filter;
  groupBy?: readonly string[];
  values: readonly string[];
}

/**
 * Reads the summary tables for any period: whole years from the year rows, whole months from the month rows,
 * the rest from the day rows (periodSegments), so a year costs as much as a day.
 */
@Injectable()
export class SummaryReader {
  constructor(@InjectDataSource() protected readonly ds: DataSource) {}

  async sum<R = Record<string, number | string>>(q: SumQuery): Promise<R[]> {
    const params: unknown[] = [];
    const segs = periodSegments(q.period).map((s) => {
      params.push(s.grain, s.from, s.to);
      return '(grain = ? AND period BETWEEN ? AND ?)';
    });
    const where = [`(${segs.join(' OR ')})`, ...filters(q.where, params)];
    return this.run<R>(q.table, where, params, q.groupBy ?? [], q.values);
  }

  /** Day rows only, bucketed by day or month: for trends. */
  async series<R = Record<string, number | string>>(q: SumQuery & { bucket: 'day' | 'month' }): Promise<(R & { bucket: string })[]> {
    const params: unknown[] = [q.period.from, q.period.to];
    const where = ["grain = 'd' AND period BETWEEN ? AND ?", ...filters(q.where, params)];
    const bucket = q.bucket === 'day' ? "DATE_FORMAT(period, '%Y-%m-%d')" : "DATE_FORMAT(period, '%Y-%m')";
    const groupBy = [bucket, ...(q.groupBy ?? [])];
    return this.run<R & { bucket: string }>(q.table, where, params, groupBy, q.values, ['bucket']);
  }

  /**
   * The overdue ledger at the edges of a period: cleared = due before the period and finished in it;
   * remaining = due before the end (or the start) and not finished by then.
   */
  async backlog(period: Period, platform_id: number[] | undefined): Promise<{ cleared: number; remaining: number; remainingBefore: number }> {
    const end = addDays(period.to, 1);
    const plat = platform_id ? ` AND platform_id IN (${platform_id.map(() => '?').join(', ')})` : '';
    const p = platform_id ?? [];
    const one = async (sql: string, params: unknown[]) => Number((await this.ds.query(sql, params))[0].n);
    const [cleared, remaining, remainingBefore] = await Promise.all([
      one(`SELECT COALESCE(SUM(n), 0) AS n FROM stat_overdue WHERE due_day < ? AND finish_day BETWEEN ? AND ?${plat}`, [
        period.from,
        period.from,
        period.to,
        ...p,
      ]),
      one(`SELECT COALESCE(SUM(n), 0) AS n FROM stat_overdue WHERE due_day < ? AND finish_day >= ?${plat}`, [end, end, ...p]),
      one(`SELECT COALESCE(SUM(n), 0) AS n FROM stat_overdue WHERE due_day < ? AND finish_day >= ?${plat}`, [period.from, period.from, ...p]),
    ]);
    return { cleared, remaining, remainingBefore };
  }

  protected async run<R>(
    table: string,
    where: string[],
    params: unknown[],
    groupBy: readonly string[],
    values: readonly string[],
    aliases: string[] = [],
  ): Promise<R[]> {
    const cols = groupBy.map((g, i) => (aliases[i] ? `${g} AS ${aliases[i]}` : g));
    const select = [...cols, ...values.map((v) => `SUM(${v}) AS ${v}`)].join(', ');
    const sql = `SELECT ${select} FROM ${table} WHERE ${where.join(' AND ')}${groupBy.length ? ` GROUP BY ${groupBy.join(', ')}` : ''}`;
    const rows: Record<string, unknown>[] = await this.ds.query(sql, params);
    // SUM() comes back as a DECIMAL string; an empty period gives one row of NULLs
    return rows.map((r) => {
      const o: Record<string, unknown> = { ...r };
      for (const v of values) o[v] = Number(r[v] ?? 0);
      return o as R;
    });
  }
}

function filters(where: Filter | undefined, params: unknown[]): string[] {
  const out: string[] = [];
  for (const [col, v] of Object.entries(where ?? {})) {
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      if (!v.length) {
        out.push('1 = 0');
        continue;
      }
      out.push(`${col} IN (${v.map(() => '?').join(', ')})`);
      params.push(...v);
    } else {
      out.push(`${col} = ?`);
      params.push(v);
    }
  }
  return out;
}

/**
 * The same reads straight from the orders, calls and history: a full-scan GROUP BY over the period's rows with
 * the summary tables' own definitions. What the summary tables replace — kept for the benchmark, which runs
 * both side by side and checks they give the same figures.
 */
export class ScanReader extends SummaryReader {
  override async sum<R = Record<string, number | string>>(q: SumQuery): Promise<R[]> {
    const t = tableSpec(q.table);
    const params: unknown[] = [chinaDayStart(q.period.from), chinaDayStart(addDays(q.period.to, 1))];
    const where = filters(q.where, params);
    return this.run<R>(`(${t.recountBetween}) r`, where.length ? where : ['1 = 1'], params, q.groupBy ?? [], q.values);
  }

  override async backlog(period: Period, platform_id: number[] | undefined): Promise<{ cleared: number; remaining: number; remainingBefore: number }> {
    const t = tableSpec('stat_overdue');
    const ledger = `(${t.recount}) r`;
    const plat = platform_id ? ` AND platform_id IN (${platform_id.map(() => '?').join(', ')})` : '';
    const p = platform_id ?? [];
    const end = addDays(period.to, 1);
    const one = async (sql: string, params: unknown[]) => Number((await this.ds.query(sql, params))[0].n);
    return {
      cleared: await one(`SELECT COALESCE(SUM(n), 0) AS n FROM ${ledger} WHERE due_day < ? AND finish_day BETWEEN ? AND ?${plat}`, [
        period.from,
        period.from,
        period.to,
        ...p,
      ]),
      remaining: await one(`SELECT COALESCE(SUM(n), 0) AS n FROM ${ledger} WHERE due_day < ? AND finish_day >= ?${plat}`, [end, end, ...p]),
      remainingBefore: await one(`SELECT COALESCE(SUM(n), 0) AS n FROM ${ledger} WHERE due_day < ? AND finish_day >= ?${plat}`, [
        period.from,
        period.from,
        ...p,
      ]),
    };
  }
}
