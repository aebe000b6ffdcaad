import type { EntityManager } from 'typeorm';
import { keyColumns, mergeDeltas, tableSpec, type Delta } from './summary-spec';

/** Rows per INSERT statement: keeps packets well under max_allowed_packet even for wide cube rows. */
const CHUNK = 2000;

/**
 * Adds deltas to the summary tables inside the caller's transaction: one multi-row
 * INSERT … ON DUPLICATE KEY UPDATE per table, rows in a fixed order (see mergeDeltas).
 */
export async function applyDeltas(em: EntityManager, deltas: readonly Delta[]): Promise<void> {
  if (!deltas.length) return;
  for (const [table, rows] of mergeDeltas(deltas)) {
    const t = tableSpec(table);
    const cols = [...keyColumns(t), ...t.values];
    const update = t.values.map((v) => `${v} = ${v} + VALUES(${v})`).join(', ');
    const rowSql = `(${cols.map(() => '?').join(', ')})`;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const params = chunk.flatMap((r) => [...r.key, ...r.values]);
      await em.query(`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${chunk.map(() => rowSql).join(', ')} ON DUPLICATE KEY UPDATE ${update}`, params);
    }
  }
}
