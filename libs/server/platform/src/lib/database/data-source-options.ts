import type { DataSourceOptions } from 'typeorm';
import { createConnection } from 'mysql2/promise';
import { MIGRATIONS } from './migrations';
import { SqlCountingLogger, sqlCountEnabled } from './sql-counter';

/** Connection settings from DATABASE_URL. Times are stored as UTC DATETIME(3); text is utf8mb4. */
export function dataSourceOptions(url: string): DataSourceOptions {
  const u = new URL(url);
  return {
    type: 'mysql',
    host: u.hostname,
    port: Number(u.port || 3306),
    username: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
    database: databaseName(url),
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: false,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    extra: { connectionLimit: Number(u.searchParams.get('connectionLimit') ?? 20) },
    ...(sqlCountEnabled() ? { logger: new SqlCountingLogger() } : {}),
  };
}

export function databaseName(url: string): string {
  return new URL(url).pathname.replace(/^\//, '');
}

async function serverConnection(url: string) {
  const u = new URL(url);
  return createConnection({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
  });
}

/** Creates the database named in DATABASE_URL if it is missing (first start, tests). */
export async function ensureDatabase(url: string): Promise<void> {
  const conn = await serverConnection(url);
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${databaseName(url)}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}

/** Drops the database named in DATABASE_URL: for tests cleaning up after themselves. */
export async function dropDatabase(url: string): Promise<void> {
  const conn = await serverConnection(url);
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${databaseName(url)}\``);
  } finally {
    await conn.end();
  }
}
