import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { GeneratorModule, GeneratorService, seedDemoAccounts, seedDemoKnowledge, seedDemoOrders, DEMO_PASSWORD, DEMO_STAFF } from '@hotline/server-demo';
import { IdentityModule, UsersService, type AuthUser } from '@hotline/server-identity';
import { ArticlesService, ArticleUseHook, KnowledgeBaseCoreModule } from '@hotline/server-knowledge-base';
import { OrderHooks, OrdersModule, OrderTextIndex } from '@hotline/server-orders';
import { AppException, ensureDatabase, loadConfig, PlatformModule } from '@hotline/server-platform';
import { ReferenceDataModule, seedReferenceData } from '@hotline/server-reference-data';
import { createWriteStream, existsSync } from 'node:fs';
import { ImportService, LegacyImportCoreModule } from '@hotline/server-legacy-import';
import { StatisticsCoreModule, SummaryMaintenance } from '@hotline/server-statistics';

const USAGE = `usage: cli <command>
  migrate              create the database if missing and apply migrations
  seed                 migrate, then load the reference data (regions, units, categories, holidays …)
  demo [--orders N]    seed, then demo accounts, the knowledge base's demo articles, N demo orders
                       (default 300) walked through the live lifecycle, and generated 2018–2020 history
                       at DEMO_SCALE (default 0.01; 0 = none and no demo orders either)
  generate --years 2018-2020 --scale S [--seed N]
                       orders, history and call records calibrated to the 2020 annual report (scale 1 =
                       868022 city orders in 2020), then the summary tables rebuilt
  import FILE [--kind orders|calls]
                       import a legacy export (.csv or .xlsx; kind guessed from the header row when not
                       given); row errors go to FILE.errors.csv; importing a file twice changes nothing
  create-admin --username U [--name 显示名]
                       migrate, seed, then make an administrator (how a production deployment gets its
                       first user); the password comes from ADMIN_PASSWORD or is typed twice, hidden
  stats-rebuild        rebuild every summary table from the orders
  search-rebuild       give every order without them its text-search terms (order_text), in batches; with
                       more than 100000 to fill the FULLTEXT index is dropped and built again after (search
                       fails meanwhile: run it before the API serves, e.g. once after upgrading)
  stats-check          recount every summary cell from the orders and compare; exit 1 on a difference
`;
const COMMANDS = ['migrate', 'seed', 'demo', 'generate', 'import', 'create-admin', 'stats-rebuild', 'stats-check', 'search-rebuild'];

@Module({
  imports: [
    PlatformModule.forRoot({ processName: 'cli', health: false }),
    IdentityModule,
    ReferenceDataModule,
    OrdersModule,
    StatisticsCoreModule,
    LegacyImportCoreModule,
    GeneratorModule,
    KnowledgeBaseCoreModule,
  ],
})
class CliModule {}

function arg(rest: string[], name: string): string | undefined {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : undefined;
}

/** '2018-2020' or '2019,2020' → [2018, 2019, 2020] */
function parseYears(s: string): number[] {
  const range = /^(\d{4})-(\d{4})$/.exec(s);
  if (range) {
    const out: number[] = [];
    for (let y = Number(range[1]); y <= Number(range[2]); y++) out.push(y);
    return out;
  }
  const list = s.split(',').map((x) => Number(x.trim()));
  if (!list.length || list.some((y) => !Number.isInteger(y) || y < 2000 || y > 2100)) throw new Error(`--years: expected 2018-2020 or 2019,2020, got ${s}`);
  return list;
}

/** One line that rewrites itself on a terminal, and plain lines otherwise. */
function progressPrinter(): (p: { phase: string; done: number; total: number }) => void {
  let last = '';
  let lastAt = 0;
  return ({ phase, done, total }) => {
    const pct = total ? Math.floor((done / total) * 100) : 100;
    const line = `${phase}: ${'█'.repeat(Math.floor(pct / 4)).padEnd(25, '░')} ${pct}% (${done}/${total})`;
    if (process.stderr.isTTY) {
      if (Date.now() - lastAt > 100 || done === total) process.stderr.write(`\r${line.padEnd(last.length)}${done === total ? '\n' : ''}`);
    } else if (done === total || Date.now() - lastAt > 5000) process.stderr.write(`${line}\n`);
    lastAt = Date.now();
    last = line;
  };
}

/** Reads a new password from the terminal twice without echoing it. */
async function typePassword(): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('no terminal to type the password on: set ADMIN_PASSWORD');
  const { createInterface } = await import('node:readline');
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
      // echo nothing of what is typed
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s) => s.startsWith(prompt) && process.stderr.write(prompt);
      rl.question(prompt, (a) => {
        rl.close();
        process.stderr.write('\n');
        resolve(a);
      });
    });
  const first = await ask('password: ');
  if ((await ask('again: ')) !== first) throw new Error('the two passwords differ');
  return first;
}

/** An export of calls has 呼叫时间 in its header row; anything else is orders. */
async function guessKind(file: string): Promise<'orders' | 'calls'> {
  if (/\.xlsx$/i.test(file)) return 'orders';
  const { createReadStream } = await import('node:fs');
  const head = await new Promise<string>((res, rej) => {
    const s = createReadStream(file, { start: 0, end: 2047, encoding: 'utf8' });
    let t = '';
    s.on('data', (c) => (t += c));
    s.on('end', () => res(t));
    s.on('error', rej);
  });
  return head.split(/\r?\n/)[0].includes('呼叫时间') ? 'calls' : 'orders';
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || !COMMANDS.includes(command)) {
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

    if (command === 'search-rebuild') {
      const bar = progressPrinter();
      const r = await app.get(OrderTextIndex).rebuild({ onProgress: (done, total) => bar({ phase: '检索词', done, total }) });
      console.log(`order text: ${r.filled} orders filled${r.indexBuilt ? ', FULLTEXT index built' : ''} in ${(r.ms / 1000).toFixed(1)} s`);
      return;
    }

    if (command === 'stats-rebuild') {
      for (const r of await app.get(SummaryMaintenance).rebuild()) console.log(`${r.table}: ${r.rows} rows in ${r.ms} ms`);
      return;
    }
    if (command === 'stats-check') {
      const r = await app.get(SummaryMaintenance).check();
      for (const t of r.tables)
        console.log(
          `${t.table}: ${t.cells} cells, ${t.mismatches} different${t.samples.length ? `\n  ${t.samples.map((s) => JSON.stringify(s)).join('\n  ')}` : ''}`,
        );
      console.log(r.ok ? `summary tables match the orders (${r.ms} ms)` : 'summary tables DIFFER from the orders: run stats-rebuild');
      if (!r.ok) process.exitCode = 1;
      return;
    }

    if (command === 'import') {
      const file = rest.find((a) => !a.startsWith('--') && a !== arg(rest, '--kind') && a !== arg(rest, '--batch'));
      if (!file) throw new Error('usage: cli import FILE [--kind orders|calls] [--batch ROWS]');
      if (!existsSync(file)) throw new Error(`no such file: ${file}`);
      const batch = arg(rest, '--batch');
      if (batch !== undefined && !(Number.isInteger(Number(batch)) && Number(batch) >= 1 && Number(batch) <= 50_000))
        throw new Error('--batch is a number of rows from 1 to 50000');
      const kind = (arg(rest, '--kind') ?? (await guessKind(file))) as 'orders' | 'calls';
      const errorsFile = `${file}.errors.csv`;
      const out = createWriteStream(errorsFile);
      out.write('\ufeff行号,列,原因\n');
      const bar = progressPrinter();
      const r = await app.get(ImportService).importFile(kind, file, {
        batchSize: batch === undefined ? undefined : Number(batch),
        onProgress: (p) => bar({ phase: `导入${kind === 'orders' ? '工单' : '来电记录'}`, done: Math.round(p.progress * 1000), total: 1000 }),
        onErrors: (errors) => errors.forEach((e) => out.write(`${e.row},${e.column},"${e.reason.replace(/"/g, '""')}"\n`)),
      });
      await new Promise((res) => out.end(res));
      console.log(
        `${r.processed} rows: ${r.inserted} imported, ${r.skipped} already there, ${r.errors} with errors (${errorsFile}) in ${(r.ms / 1000).toFixed(1)} s — ${Math.round(r.processed / Math.max(r.ms / 1000, 0.001))} rows/s, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
      );
      for (const e of r.firstErrors.slice(0, 10)) console.log(`  row ${e.row} ${e.column}: ${e.reason}`);
      return;
    }

    await seedReferenceData(ds);
    const [{ units }] = await ds.query('SELECT COUNT(*) AS units FROM unit');
    console.log(`reference data: ${units} units, regions, categories, channels, topics, holidays`);
    if (command === 'seed') return;

    if (command === 'create-admin') {
      const username = arg(rest, '--username');
      if (!username) throw new Error('usage: cli create-admin --username U [--name 显示名]');
      const password = process.env['ADMIN_PASSWORD'] ?? (await typePassword());
      const u = await app.get(UsersService).createAdmin({ username, password, displayName: arg(rest, '--name') ?? '系统管理员' });
      console.log(`administrator ${u.username} (id ${u.id}) created; log in at /login`);
      return;
    }

    if (command === 'generate') {
      const scale = Number(arg(rest, '--scale') ?? 1);
      const years = parseYears(arg(rest, '--years') ?? '2018-2020');
      const seed = arg(rest, '--seed') ? Number(arg(rest, '--seed')) : undefined;
      const r = await app.get(GeneratorService).generate({ years, scale, seed, onProgress: progressPrinter() });
      console.log(
        `generated ${r.orders} orders, ${r.history} history rows, ${r.calls} call records, ${r.reports} issued reports, ${r.meetings} meetings in ${(r.ms / 1000).toFixed(1)} s`,
      );
      return;
    }

    const created = await seedDemoAccounts(ds);
    console.log(`demo accounts: ${created} created (password ${DEMO_PASSWORD})`);
    // the knowledge base's demo articles, published by the admin through the knowledge service (empty base only),
    // before the demo orders: their direct answers read articles out
    const [admin]: AuthUser[] = await ds.query(
      "SELECT id, username, display_name AS displayName, role, unit_id AS unitId FROM app_user WHERE username = 'admin'",
    );
    if (admin) {
      const articles = app.get(ArticlesService);
      const kb = await seedDemoKnowledge(app, (a) => articles.create(admin, a, { publish: true }));
      console.log(kb ? `knowledge base: ${kb} demo articles published` : 'knowledge base: articles already present, none added');
    }
    const demoScale = Number(process.env['DEMO_SCALE'] ?? 0.01);
    const countArg = rest.indexOf('--orders');
    const wanted = demoScale > 0 ? (countArg >= 0 ? Number(rest[countArg + 1]) : Number(process.env['DEMO_ORDERS'] ?? 300)) : 0;
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM work_order');
    if (Number(n) === 0 && wanted > 0) {
      // as in the API: an answer read out of an article must name a published version, and counts as a use of it
      app.get(OrderHooks).register(new ArticleUseHook());
      const t0 = Date.now();
      const tally = await seedDemoOrders(app, wanted);
      console.log(`demo orders: ${wanted} in ${((Date.now() - t0) / 1000).toFixed(1)} s`, tally);
    } else {
      console.log(wanted > 0 ? `demo orders: ${n} already present, none added` : 'demo orders: none (DEMO_SCALE=0)');
    }
    if (demoScale > 0) {
      const [{ h }] = await ds.query("SELECT COUNT(*) AS h FROM work_order WHERE created_at >= '2017-12-31 16:00:00' AND created_at < '2020-12-31 16:00:00'");
      if (Number(h) === 0) {
        const r = await app.get(GeneratorService).generate({ years: [2018, 2019, 2020], scale: demoScale, onProgress: progressPrinter() });
        console.log(`history 2018–2020 at scale ${demoScale}: ${r.orders} orders, ${r.calls} calls in ${(r.ms / 1000).toFixed(1)} s`);
      } else {
        console.log(`history 2018–2020: ${h} orders already present, none added`);
      }
    }
    console.log(`logins: ${DEMO_STAFF.map((s) => s.username).join(', ')}, or a unit's code (e.g. gaj) — password ${DEMO_PASSWORD}`);
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).catch((err) => {
  // a refusal (bad input, a taken name) is told as the API would tell it; anything else with its stack
  if (err instanceof AppException) console.error(`${err.code}: ${err.message}${err.details ? `\n${JSON.stringify(err.details)}` : ''}`);
  else console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
