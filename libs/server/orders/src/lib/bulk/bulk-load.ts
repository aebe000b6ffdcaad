import { Readable } from 'node:stream';
import type { QueryRunner } from 'typeorm';
import { tsvString, type TsvData } from './tsv';

/**
 * Bulk writes on the query runner's own connection, inside its transaction: the orders lib's own (order-bulk-writer.ts)
 * and those of the reporting tables the legacy import and the generator fill.
 *
 * LOAD DATA LOCAL INFILE: the rows go to the server as one stream instead of SQL text it must parse, which is
 * the cheapest way into InnoDB for both sides. It needs `local_infile` on the server (MariaDB's default; MySQL 8
 * ships it off) and mysql2's LOCAL_FILES flag (its default); the file is never on disk, mysql2 streams it from
 * `infileStreamFactory`. LOCAL implies IGNORE: a duplicate key or a value the column cannot hold is only a
 * warning, so every load checks that it stored exactly the rows it was given and no warning came back, and the
 * caller rolls the transaction back otherwise. A server that refuses LOCAL (MySQL 8's default) gets the same rows
 * as multi-row INSERTs instead, slower but the same.
 */

interface MysqlResult {
  affectedRows: number;
  warningStatus: number;
  info?: string;
}
interface MysqlConnection {
  query(options: { sql: string; infileStreamFactory?: () => Readable }, cb: (err: Error | null, result: MysqlResult) => void): void;
}

export class BulkLoadError extends Error {
  constructor(
    message: string,
    readonly table: string,
    readonly expected: number,
    readonly stored: number,
  ) {
    super(message);
  }
}

/**
 * Loads `rows` lines of LOAD DATA text into `table`'s columns `cols`. A column may be a user variable ('@i') that
 * `set` (a SET clause's assignments) uses; those need LOAD DATA, so they are refused where it is (check
 * `localInfileRefused` first).
 */
export async function loadRows(qr: QueryRunner, table: string, cols: readonly string[], data: TsvData, rows: number, set?: string): Promise<void> {
  if (!rows) return;
  const conn = (await qr.connect()) as MysqlConnection;
  const sql = `LOAD DATA LOCAL INFILE 'import.tsv' INTO TABLE ${table} CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${cols.join(', ')})${set ? ` SET ${set}` : ''}`;
  const fallback = () => {
    if (set || cols.some((c) => c.startsWith('@'))) throw new Error(`loading ${table} needs LOAD DATA LOCAL, which this connection refuses`);
    return insertTsv(qr, table, cols, tsvString(data), rows);
  };
  if (localRefused.has(conn)) return fallback();
  const chunks = typeof data === 'string' ? [Buffer.from(data, 'utf8')] : data;
  let r: MysqlResult;
  try {
    r = await new Promise<MysqlResult>((ok, fail) =>
      conn.query({ sql, infileStreamFactory: () => Readable.from(chunks) }, (err, res) => (err ? fail(err) : ok(res))),
    );
  } catch (e) {
    if (!LOCAL_REFUSED.includes((e as { errno?: number }).errno ?? 0)) throw e;
    localRefused.add(conn);
    return fallback();
  }
  if (r.affectedRows !== rows || r.warningStatus) {
    let detail = '';
    if (r.warningStatus) {
      const w = (await qr.query('SHOW WARNINGS LIMIT 3')) as { Message: string }[];
      detail = `: ${w.map((x) => x.Message).join('; ')}`;
    }
    throw new BulkLoadError(`loading ${table}: ${r.affectedRows} of ${rows} rows stored, ${r.warningStatus} warnings${detail}`, table, rows, r.affectedRows);
  }
}

/** ER_NOT_ALLOWED_COMMAND (MySQL, local_infile=OFF), ER_CLIENT_LOCAL_FILES_DISABLED (MySQL 8 client side), ER_LOAD_INFILE_CAPABILITY_DISABLED (MariaDB) */
const LOCAL_REFUSED = [1148, 3948, 4166];
const localRefused = new WeakSet<object>();

/** Whether LOAD DATA LOCAL was refused on the query runner's connection (known once a load has been tried). */
export async function localInfileRefused(qr: QueryRunner): Promise<boolean> {
  return localRefused.has((await qr.connect()) as object);
}

/** The rows of LOAD DATA text (tsv.ts) as values: \N is NULL, escapes undone. */
export function parseTsv(text: string): (string | null)[][] {
  const unescape: Record<string, string> = { '\\': '\\', t: '\t', n: '\n', r: '\r', '0': '\0', N: 'N' };
  return text
    .split('\n')
    .slice(0, -1)
    .map((line) => line.split('\t').map((f) => (f === '\\N' ? null : f.includes('\\') ? f.replace(/\\(.)/g, (_, c: string) => unescape[c] ?? c) : f)));
}

async function insertTsv(qr: QueryRunner, table: string, cols: readonly string[], text: string, rows: number): Promise<void> {
  const values = parseTsv(text);
  if (values.length !== rows) throw new BulkLoadError(`${table}: ${values.length} rows in the text, ${rows} expected`, table, rows, values.length);
  const tuple = `(${cols.map(() => '?').join(', ')})`;
  for (let i = 0; i < values.length; i += 1000) {
    const part = values.slice(i, i + 1000);
    try {
      await qr.query(`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${part.map(() => tuple).join(', ')}`, part.flat());
    } catch (e) {
      // a duplicate number is the same shortfall a LOAD would have reported
      if ((e as { driverError?: { errno?: number } }).driverError?.errno === 1062) throw new BulkLoadError(`${table}: duplicate key`, table, rows, 0);
      throw e;
    }
  }
}

/** Multi-row INSERTs of `rows` (values in `cols` order), 1000 rows a statement; `ignore` skips rows whose key is there. */
export async function insertRows(
  q: { query(sql: string, params?: unknown[]): Promise<unknown> },
  table: string,
  cols: readonly string[],
  rows: readonly unknown[][],
  ignore = false,
): Promise<void> {
  const tuple = `(${cols.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += 1000) {
    const part = rows.slice(i, i + 1000);
    await q.query(`INSERT ${ignore ? 'IGNORE ' : ''}INTO ${table} (${cols.join(', ')}) VALUES ${part.map(() => tuple).join(', ')}`, part.flat());
  }
}
