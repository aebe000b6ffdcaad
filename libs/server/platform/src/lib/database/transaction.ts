import type { DataSource, EntityManager } from 'typeorm';

/** Pool connections whose session already runs READ COMMITTED (the mysql2 connection objects live as long as the socket). */
const readCommitted = new WeakSet<object>();

/**
 * Runs fn in one READ COMMITTED transaction; row locks and version checks do the rest.
 *
 * The isolation level is set once per pooled connection (SET SESSION) rather than before every transaction as
 * `ds.transaction('READ COMMITTED', …)` does: that was one round trip more on every write of the hot paths
 * (intake, every lifecycle action, every timer effect).
 */
export async function inTransaction<T>(ds: DataSource, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  const qr = ds.createQueryRunner();
  await qr.connect();
  const conn = (qr as unknown as { databaseConnection: object }).databaseConnection;
  try {
    if (!readCommitted.has(conn)) {
      await qr.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
      readCommitted.add(conn);
    }
    await qr.startTransaction();
    try {
      const result = await fn(qr.manager);
      await qr.commitTransaction();
      return result;
    } catch (e) {
      await qr.rollbackTransaction();
      throw e;
    }
  } finally {
    await qr.release();
  }
}
