import type { EntityManager } from 'typeorm';
import { keyColumns, mergeDeltas, SLOTS, tableSpec, type Delta } from './summary-spec';

/** Rows per INSERT statement: keeps packets well under max_allowed_packet even for wide cube rows. */
const CHUNK = 2000;

/**
 * Adds deltas to the summary tables inside the caller's transaction: one multi-row
 * INSERT … ON DUPLICATE KEY UPDATE per table, rows in a fixed order (see mergeDeltas), in the given slot of
 * slotted tables. Writers that run side by side (order changes) pass slotOf(em); batch writers leave slot 0.
 */
export async function applyDeltas(em: EntityManager, deltas: readonly Delta[], slot = 0): Promise<void> {
  if (!deltas.length) return;
  for (const [table, rows] of mergeDeltas(deltas)) {
    const t = tableSpec(table);
    const s = t.slotted ? [slot] : [];
    const cols = [...keyColumns(t), ...(t.slotted ? ['slot'] : []), ...t.values];
    const update = t.values.map((v) => `${v} = ${v} + VALUES(${v})`).join(', ');
    const rowSql = `(${cols.map(() => '?').join(', ')})`;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const params = chunk.flatMap((r) => [...r.key, ...s, ...r.values]);
      await em.query(`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${chunk.map(() => rowSql).join(', ')} ON DUPLICATE KEY UPDATE ${update}`, params);
    }
  }
}

/**
 * The slot of the transaction's connection: concurrent transactions run on different pooled connections, so they
 * mostly write different rows of a hot cell, while one connection's writes keep landing on the same row.
 */
export function slotOf(em: EntityManager): number {
  const threadId = (em.queryRunner as unknown as { databaseConnection?: { threadId?: number } } | undefined)?.databaseConnection?.threadId;
  return threadId == null ? 0 : threadId % SLOTS;
}
