import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * SQL statements per HTTP request, for benchmarks (bench/search): with SQL_COUNT_HEADER=1 every response carries
 * `x-sql-count`, the statements TypeORM sent while it was handled. Off by default: it is a test instrument, and the
 * async context it keeps per request costs a little on every query.
 */
export const sqlCountEnabled = (): boolean => process.env['SQL_COUNT_HEADER'] === '1';

const perRequest = new AsyncLocalStorage<{ n: number }>();

/** TypeORM's logger that counts the statements of the request in whose async context they are sent. */
export class SqlCountingLogger implements TypeOrmLogger {
  logQuery(): void {
    const c = perRequest.getStore();
    if (c) c.n++;
  }
  logQueryError(): void {
    /* statements are counted, nothing is written */
  }
  logQuerySlow(): void {
    /* statements are counted, nothing is written */
  }
  logSchemaBuild(): void {
    /* statements are counted, nothing is written */
  }
  logMigration(): void {
    /* statements are counted, nothing is written */
  }
  log(): void {
    /* statements are counted, nothing is written */
  }
}

/** The request's context (opened in onRequest, so the handler runs inside it) and the header on its response. */
export function countSqlPerRequest(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (req, _reply, done) => {
    const store = { n: 0 };
    (req as unknown as { sqlCount: { n: number } }).sqlCount = store;
    perRequest.run(store, done);
  });
  fastify.addHook('onSend', (req, reply, payload, done) => {
    const store = (req as unknown as { sqlCount?: { n: number } }).sqlCount;
    if (store) reply.header('x-sql-count', String(store.n));
    done(null, payload);
  });
}
