import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { keyColumns, TABLES, type SummaryTable, type TableSpec } from './summary-spec';

export interface RebuildResult {
  table: SummaryTable;
  rows: number;
  ms: number;
}

export interface TableCheck {
  table: SummaryTable;
  /** cells in the recount */
  cells: number;
  /** cells whose stored values differ from the recount (missing, extra or different) */
  mismatches: number;
  /** the first few differences: key, stored values, recounted values (null = no such cell) */
  samples: { key: Record<string, unknown>; stored: Record<string, number> | null; recount: Record<string, number> | null }[];
}

export interface CheckResult {
  ok: boolean;
  ms: number;
  tables: TableCheck[];
}

/**
 * Rebuilds the summary tables from the orders, and checks them: recounts every cell from the orders with the
 * SQL definitions (summary-spec.ts) and compares cell by cell with what the change hook accumulated.
 */
@Injectable()
export class SummaryMaintenance {
  private readonly logger = new Logger(SummaryMaintenance.name);

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Builds each table afresh beside the live one and swaps them with one RENAME, so readers never see a
   * half-built table. Order changes committed while a table is being rebuilt may be missed: run it when the
   * system is quiet (after an import or a generation) and follow it with check().
   */
  async rebuild(tables: readonly SummaryTable[] = TABLES.map((t) => t.table)): Promise<RebuildResult[]> {
    const out: RebuildResult[] = [];
    for (const t of TABLES.filter((x) => tables.includes(x.table))) {
      const t0 = Date.now();
      const shadow = `${t.table}__rebuild`;
      await this.ds.query(`DROP TABLE IF EXISTS ${shadow}`);
      await this.ds.query(`CREATE TABLE ${shadow} LIKE ${t.table}`);
      await fill(this.ds.manager, t, shadow);
      const [{ n }] = await this.ds.query(`SELECT COUNT(*) AS n FROM ${shadow}`);
      await this.ds.query(`RENAME TABLE ${t.table} TO ${t.table}__old, ${shadow} TO ${t.table}`);
      await this.ds.query(`DROP TABLE ${t.table}__old`);
      out.push({ table: t.table, rows: Number(n), ms: Date.now() - t0 });
      this.logger.log(`rebuilt ${t.table}: ${n} rows in ${Date.now() - t0} ms`);
    }
    return out;
  }

  async check(opts: { tables?: readonly SummaryTable[]; samples?: number } = {}): Promise<CheckResult> {
    const t0 = Date.now();
    const wanted = opts.tables ?? TABLES.map((t) => t.table);
    const limit = opts.samples ?? 10;
    const results: TableCheck[] = [];
    for (const t of TABLES.filter((x) => wanted.includes(x.table))) results.push(await checkTable(this.ds.manager, t, limit));
    return { ok: results.every((r) => r.mismatches === 0), ms: Date.now() - t0, tables: results };
  }
}

/** Fills `target` (same shape as the table) with the recount: day rows, then months and years from the days. */
async function fill(em: EntityManager, t: TableSpec, target: string): Promise<void> {
  const keys = t.keys.join(', ');
  const values = t.values.join(', ');
  if (!t.grained) {
    await em.query(`INSERT INTO ${target} (${keys}, ${values}) SELECT ${keys}, ${values} FROM (${t.recount}) r`);
    return;
  }
  await em.query(`INSERT INTO ${target} (grain, period, ${keys}, ${values}) SELECT 'd', period, ${keys}, ${values} FROM (${t.recount}) r`);
  const sums = t.values.map((v) => `SUM(${v})`).join(', ');
  await em.query(
    `INSERT INTO ${target} (grain, period, ${keys}, ${values}) SELECT 'm', DATE_FORMAT(period, '%Y-%m-01'), ${keys}, ${sums} FROM ${target} WHERE grain = 'd' GROUP BY DATE_FORMAT(period, '%Y-%m-01'), ${keys}`,
  );
  await em.query(
    `INSERT INTO ${target} (grain, period, ${keys}, ${values}) SELECT 'y', DATE_FORMAT(period, '%Y-01-01'), ${keys}, ${sums} FROM ${target} WHERE grain = 'm' GROUP BY DATE_FORMAT(period, '%Y-01-01'), ${keys}`,
  );
}

async function checkTable(em: EntityManager, t: TableSpec, limit: number): Promise<TableCheck> {
  // a real table, not a TEMPORARY one: MySQL 8 cannot open a temporary table twice in one statement
  const recount = `${t.table}__check_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  await em.query(`CREATE TABLE ${recount} LIKE ${t.table}`);
  try {
    await fill(em, t, recount);
    const keys = keyColumns(t);
    const on = keys.map((k) => `s.${k} = r.${k}`).join(' AND ');
    const differs = t.values.map((v) => `s.${v} <> r.${v}`).join(' OR ');
    const nonZero = t.values.map((v) => `s.${v} <> 0`).join(' OR ');
    const sel = [
      ...keys.map((k) => `COALESCE(s.${k}, r.${k}) AS ${k}`),
      ...t.values.map((v) => `s.${v} AS s_${v}`),
      ...t.values.map((v) => `r.${v} AS r_${v}`),
    ].join(', ');
    // stored cells that are wrong or should not exist (cells netted to zero are fine), then recounted cells never stored
    // a cell is the sum of its slots
    const storedCells = t.slotted
      ? `(SELECT ${keys.join(', ')}, ${t.values.map((v) => `SUM(${v}) AS ${v}`).join(', ')} FROM ${t.table} GROUP BY ${keys.join(', ')})`
      : t.table;
    const stored = `FROM ${storedCells} s LEFT JOIN ${recount} r ON ${on} WHERE (r.${keys[0]} IS NULL AND (${nonZero})) OR (r.${keys[0]} IS NOT NULL AND (${differs}))`;
    const missing = `FROM ${recount} r LEFT JOIN ${storedCells} s ON ${on} WHERE s.${keys[0]} IS NULL`;
    const [{ a }] = await em.query(`SELECT COUNT(*) AS a ${stored}`);
    const [{ b }] = await em.query(`SELECT COUNT(*) AS b ${missing}`);
    const [{ cells }] = await em.query(`SELECT COUNT(*) AS cells FROM ${recount}`);
    const rows: Record<string, unknown>[] = [
      ...(await em.query(`SELECT ${sel} ${stored} LIMIT ${limit}`)),
      ...(await em.query(`SELECT ${sel} ${missing} LIMIT ${limit}`)),
    ];
    const samples = rows.slice(0, limit).map((r) => {
      const side = (p: string) => (r[`${p}_${t.values[0]}`] == null ? null : Object.fromEntries(t.values.map((v) => [v, Number(r[`${p}_${v}`])])));
      return {
        key: Object.fromEntries(keys.map((k) => [k, r[k] instanceof Date ? (r[k] as Date).toISOString().slice(0, 10) : r[k]])),
        stored: side('s'),
        recount: side('r'),
      };
    });
    return { table: t.table, cells: Number(cells), mismatches: Number(a) + Number(b), samples };
  } finally {
    await em.query(`DROP TABLE IF EXISTS ${recount}`);
  }
}
