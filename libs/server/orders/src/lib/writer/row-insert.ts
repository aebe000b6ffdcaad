import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

interface Prepared {
  sql: string;
  columns: ColumnMetadata[];
}

const prepared = new WeakMap<object, Prepared>();

/**
 * INSERTs one entity row with a statement built once per entity from TypeORM's own column metadata (names,
 * transformers), and returns the new auto-increment id. TypeORM's `insert()` rebuilds the query through its
 * query builder on every call and was the largest single cost of intake after the driver itself; the rows of
 * the hot paths (orders, history) are plain, so the statement can be prepared once.
 */
export async function insertRow<T extends ObjectLiteral>(em: EntityManager, target: EntityTarget<T>, row: T): Promise<number> {
  const meta = em.connection.getMetadata(target);
  let p = prepared.get(meta);
  if (!p) {
    const columns = meta.columns.filter((c) => !c.isGenerated);
    p = { columns, sql: `INSERT INTO ${meta.tableName} (${columns.map((c) => c.databaseName).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})` };
    prepared.set(meta, p);
  }
  const values = p.columns.map((c) => c.getEntityValue(row, true) ?? null);
  const res: { insertId: number | string } = await em.query(p.sql, values);
  return Number(res.insertId);
}
