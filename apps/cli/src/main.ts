import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { seedDemoAccounts, seedDemoOrders, DEMO_PASSWORD, DEMO_STAFF } from '@hotline/server-demo';
import { IdentityModule } from '@hotline/server-identity';
import { OrdersModule } from '@hotline/server-orders';
import { ensureDatabase, loadConfig, PlatformModule } from '@hotline/server-platform';
import { ReferenceDataModule, seedReferenceData } from '@hotline/server-reference-data';

const USAGE = `usage: cli <command>
  migrate              create the database if missing and apply migrations
  seed                 migrate, then load the reference data (regions, units, categories, holidays …)
  demo [--orders N]    seed, then demo accounts and N demo orders (default 300) if there are none yet
`;

@Module({ imports: [PlatformModule.forRoot({ processName: 'cli', health: false }), IdentityModule, ReferenceDataModule, OrdersModule] })
class CliModule {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || !['migrate', 'seed', 'demo'].includes(command)) {
    process.stdout.write(USAGE);
    process.exit(command ? 2 : 0);
  }
  const config = loadConfig();
  await ensureDatabase(config.DATABASE_URL);
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    const ds = app.get(DataSource);
    const applied = await ds.runMigrations({ transaction: 'each' });
    console.log(`migrations: ${applied.length ? applied.map((m) => m.name).join(', ') : 'up to date'}`);
    if (command === 'migrate') return;

    await seedReferenceData(ds);
    const [{ units }] = await ds.query('SELECT COUNT(*) AS units FROM unit');
    console.log(`reference data: ${units} units, regions, categories, channels, topics, holidays`);
    if (command === 'seed') return;

    const created = await seedDemoAccounts(ds);
    console.log(`demo accounts: ${created} created (password ${DEMO_PASSWORD})`);
    const countArg = rest.indexOf('--orders');
    const wanted = countArg >= 0 ? Number(rest[countArg + 1]) : Number(process.env['DEMO_ORDERS'] ?? 300);
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM work_order');
    if (Number(n) === 0 && wanted > 0) {
      const t0 = Date.now();
      const tally = await seedDemoOrders(app, wanted);
      console.log(`demo orders: ${wanted} in ${((Date.now() - t0) / 1000).toFixed(1)} s`, tally);
    } else {
      console.log(`demo orders: ${n} already present, none added`);
    }
    console.log(`logins: ${DEMO_STAFF.map((s) => s.username).join(', ')}, or a unit's code (e.g. gaj) — password ${DEMO_PASSWORD}`);
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
