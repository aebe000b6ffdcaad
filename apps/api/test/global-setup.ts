import 'reflect-metadata';
import './register-paths';
import { DataSource } from 'typeorm';
import { seedDemoAccounts } from '@hotline/server-demo';
import { dataSourceOptions, dropDatabase, ensureDatabase } from '@hotline/server-platform';
import { seedReferenceData } from '@hotline/server-reference-data';
import { testEnv } from './test-env';

export default async function globalSetup(): Promise<void> {
  // a database per run unless one is named: two runs at once (a developer's and CI's) must not share rows;
  // the test workers and the teardown inherit it from this process's environment
  process.env['IT_DATABASE'] ??= `hotline_it_${process.pid}`;
  const env = testEnv();
  Object.assign(process.env, env);
  await dropDatabase(env.DATABASE_URL);
  await ensureDatabase(env.DATABASE_URL);
  const ds = await new DataSource(dataSourceOptions(env.DATABASE_URL)).initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    await seedReferenceData(ds);
    await seedDemoAccounts(ds, env);
  } finally {
    await ds.destroy();
  }
}
