/**
 * Names shared by global setup, tests and teardown. Each run gets its own database (so runs never see each
 * other's rows) and its own Redis logical DB and key prefix.
 */
export function testEnv() {
  const db = process.env['IT_DATABASE'] ?? 'hotline_it'; // global setup names one per run
  return {
    DATABASE_URL: process.env['IT_DATABASE_URL'] ?? `mysql://root@127.0.0.1:3306/${db}`,
    REDIS_URL: process.env['IT_REDIS_URL'] ?? 'redis://127.0.0.1:6379/13',
    QUEUE_PREFIX: `it_${db}`,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    JWT_SECRET: 'integration-test-secret-0123456789',
  };
}
