import type { DataSource, EntityManager } from 'typeorm';

/** Runs fn in one READ COMMITTED transaction; row locks and version checks do the rest. */
export function inTransaction<T>(ds: DataSource, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  return ds.transaction('READ COMMITTED', fn);
}
