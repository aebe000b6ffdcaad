import { Readable } from 'node:stream';
import type { QueryRunner } from 'typeorm';

/**
 * The import's bulk writes on the query runner's own connection, inside its transaction.
 *
 * LOAD DATA LOCAL INFILE: the rows go to the server as one stream instead of SQL text it must parse, which is
 * the cheapest way into InnoDB for both sides. It needs `local_infile` on the server (MariaDB's default; MySQL 8
 * ships it off) and mysql2's LOCAL_FILES flag (its default); the file is never on disk, mysql2 streams it from
 * `infileStreamFactory`. LOCAL implies IGNORE: a duplicate key or a value the column cannot hold is only a
 * warning, so every load checks that it stored exactly the rows it was given and no warning came back, and the
 * caller rolls the transaction back otherwise.
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

export async function loadRows(qr: QueryRunner, table: string, cols: readonly string[], text: string, rows: number): Promise<void> {
  if (!rows) return;
  const conn = (await qr.connect()) as MysqlConnection;
  const sql = `LOAD DATA LOCAL INFILE 'import.tsv' INTO TABLE ${table} CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${cols.join(', ')})`;
  const r = await new Promise<MysqlResult>((ok, fail) => conn.query({ sql, infileStreamFactory: () => Readable.from([Buffer.from(text, 'utf8')]) }, (err, res) => (err ? fail(err) : ok(res))));
  if (r.affectedRows !== rows || r.warningStatus) {
    let detail = '';
    if (r.warningStatus) {
      const w = (await qr.query('SHOW WARNINGS LIMIT 3')) as { Message: string }[];
      detail = `: ${w.map((x) => x.Message).join('; ')}`;
    }
    throw new BulkLoadError(`loading ${table}: ${r.affectedRows} of ${rows} rows stored, ${r.warningStatus} warnings${detail}`, table, rows, r.affectedRows);
  }
}
