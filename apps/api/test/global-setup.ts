import 'reflect-metadata';
import './register-paths';
import { DataSource } from 'typeorm';
import { seedDemoAccounts } from '@hotline/server-demo';
import { dataSourceOptions, dropDatabase, ensureDatabase } from '@hotline/server-platform';
import { seedReferenceData } from '@hotline/server-reference-data';
import { testEnv } from './test-env';

export default async function globalSetup(): Promise<void> {
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
