// Drops the e2e database named in the URL (it belongs to the tests; nothing else uses it).
import { createConnection } from 'mysql2/promise';

export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/hotline_e2e';

export async function dropE2eDatabase(url = E2E_DATABASE_URL) {
  const u = new URL(url);
  const conn = await createConnection({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
  });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${u.pathname.slice(1)}\``);
  } finally {
    await conn.end();
  }
}

/**
 * Empties the e2e queue prefix in Redis. The database is dropped every run, but BullMQ keeps finished jobs under
 * deterministic ids (`import-1` …); left over from the last run they would swallow this run's jobs of the same id.
 */
export async function clearE2eRedis(prefix, url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379') {
  const { default: Redis } = await import('ioredis');
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
