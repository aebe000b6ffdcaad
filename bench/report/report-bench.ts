// Report benchmark: 2018–2020 generated at scale 1 (~2.8M orders), then the 2020 annual report with YoY from
// the summary tables, cold and warm, side by side with the same figures by full-scan GROUP BY over the orders;
// checks the two agree and that the report reproduces the seed's figures and table 1.
// Run through bench/report/run.mjs (it sets up ts-node); see docs/benchmarks.md.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AnnualReport } from '@hotline/contracts';
import { formatPercent, formatPp, formatChange, round } from '@hotline/domain';
import { IdentityModule } from '@hotline/server-identity';
import { OrdersModule } from '@hotline/server-orders';
import { dropDatabase, ensureDatabase, loadConfig, PlatformModule } from '@hotline/server-platform';
import { ReferenceDataModule, seedReferenceData } from '@hotline/server-reference-data';
import { GeneratorModule, GeneratorService } from '@hotline/server-demo';
import { AnnualReportService, ReportsCoreModule } from '@hotline/server-reports';
import { DashboardService, KpiService, LookupService, ScanReader, StatisticsCoreModule, SummaryMaintenance } from '@hotline/server-statistics';

const args = process.argv.slice(2);
const flag = (n: string) => args.includes(n);
const opt = (n: string, d: string) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const SCALE = Number(opt('--scale', '1'));
const RUNS = Number(opt('--runs', '5'));
const PERIOD = { from: '2020-01-01', to: '2020-12-31' };

@Module({
  imports: [
    PlatformModule.forRoot({ processName: 'bench-report', health: false }),
    IdentityModule,
    ReferenceDataModule,
    OrdersModule,
    StatisticsCoreModule,
    ReportsCoreModule,
    GeneratorModule,
  ],
})
class BenchModule {}

const log = (s: string) => process.stderr.write(`${s}\n`);

async function main(): Promise<void> {
  const config = loadConfig();
  await ensureDatabase(config.DATABASE_URL);
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error', 'warn'] });
  const ds = app.get(DataSource);
  const result: Record<string, unknown> = { scale: SCALE, database: new URL(config.DATABASE_URL).pathname.slice(1), startedAt: new Date().toISOString() };
  try {
    await ds.runMigrations({ transaction: 'each' });
    await seedReferenceData(ds);
    const [{ n }] = await ds.query("SELECT COUNT(*) AS n FROM work_order WHERE created_at < '2020-12-31 16:00:00'");
    if (Number(n) === 0) {
      log(`generating 2018–2020 at scale ${SCALE} …`);
      let last = '';
      const g = await app.get(GeneratorService).generate({
        years: [2018, 2019, 2020],
        scale: SCALE,
        onProgress: (p) => {
          const line = `${p.phase} ${Math.floor((p.done / Math.max(1, p.total)) * 100)}%`;
          if (line !== last && (p.done === p.total || p.done % 100000 < 1000)) log(`  ${line}`);
          last = line;
        },
      });
      result['generate'] = g;
      log(`generated ${g.orders} orders, ${g.history} history rows, ${g.calls} calls in ${(g.ms / 1000).toFixed(0)} s`);
    } else {
      log(`reusing ${n} orders already in the database`);
    }
    const [counts] = await ds.query(
      'SELECT (SELECT COUNT(*) FROM work_order) AS orders, (SELECT COUNT(*) FROM order_history) AS history, (SELECT COUNT(*) FROM call_record) AS calls, (SELECT COUNT(*) FROM stat_category) AS stat_category_rows, (SELECT COUNT(*) FROM stat_intake) AS stat_intake_rows',
    );
    result['rows'] = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)]));
    if (flag('--check')) {
      log('recount check of every summary cell …');
      const c = await app.get(SummaryMaintenance).check();
      result['check'] = { ok: c.ok, ms: c.ms, tables: c.tables.map((t) => ({ table: t.table, cells: t.cells, mismatches: t.mismatches })) };
      log(`check: ${c.ok ? 'every cell matches' : 'DIFFERENCES'} (${(c.ms / 1000).toFixed(0)} s)`);
    }

    const lookup = app.get(LookupService);
    const summary = app.get(AnnualReportService);
    const scanReader = new ScanReader(ds);
    const scanKpi = new KpiService(scanReader, lookup);
    const scan = new AnnualReportService(ds, scanReader, scanKpi, new DashboardService(ds, scanReader, scanKpi, lookup), lookup);
    await lookup.get(); // reference data into the cache: both sides read it the same way

    // the full scan first: it streams the orders through the (small) buffer pool, pushing the summary tables out
    log('full-scan GROUP BY report …');
    let t = Date.now();
    const scanned = await scan.report({ period: PERIOD });
    const scanMs = Date.now() - t;
    log(`  ${scanMs} ms`);
    log('summary-table report, cold then warm …');
    t = Date.now();
    const cold = await summary.report({ period: PERIOD });
    const coldMs = Date.now() - t;
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      t = Date.now();
      await summary.report({ period: PERIOD });
      warm.push(Date.now() - t);
    }
    warm.sort((a, b) => a - b);
    const warmMs = warm[Math.floor(warm.length / 2)];
    log(`  cold ${coldMs} ms, warm median ${warmMs} ms`);
    const strip = (r: AnnualReport) => JSON.stringify({ ...r, generatedInMs: 0, issuedOn: '' });
    const same = strip(scanned) === strip(cold);
    result['report'] = {
      coldMs,
      warmMs,
      warmRuns: warm,
      fullScanMs: scanMs,
      speedupCold: round(scanMs / Math.max(1, coldMs), 1),
      speedupWarm: round(scanMs / Math.max(1, warmMs), 1),
      sameFigures: same,
    };
    log(`  full scan / summary: ${round(scanMs / Math.max(1, coldMs), 1)}× cold, ${round(scanMs / Math.max(1, warmMs), 1)}× warm; same figures: ${same}`);

    const seed = SCALE === 1 ? compareWithSeed(cold) : [];
    result['seed'] = { checked: seed.length, failed: seed.filter((s) => !s.ok) };
    if (seed.length)
      log(
        `seed figures: ${seed.filter((s) => s.ok).length} of ${seed.length} reproduced${seed.some((s) => !s.ok) ? `; differing: ${JSON.stringify(seed.filter((s) => !s.ok))}` : ''}`,
      );
    result['text'] = cold.sections.map((s) => `${s.no}、${s.title}\n${s.blocks.map((b) => `${b.no}${b.lead}${b.text}`).join('\n')}`).join('\n');
    result['table1'] = cold.tables[0] ?? null;
    result['finishedAt'] = new Date().toISOString();
    const dir = join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `report-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2));
    writeFileSync(join(dir, 'latest.json'), JSON.stringify(result, null, 2));
    log(`results: ${file}`);
    if (!same || seed.some((s) => !s.ok)) process.exitCode = 1;
  } finally {
    await app.close();
    if (!flag('--keep')) {
      await dropDatabase(config.DATABASE_URL);
      log('benchmark database dropped (--keep to keep it)');
    }
  }
}

/** Every figure the seed report prints for 2020, against the regenerated report. */
function compareWithSeed(r: AnnualReport): { figure: string; seed: string; got: string; ok: boolean }[] {
  const f = r.figures;
  const num = (k: string) => String(f[k]);
  const pct = (k: string) => formatPercent(f[k] as number);
  const chg = (k: string) =>
    formatChange(f[k] as number)
      .replace(/^(增长|下降) /, (m) => (m.startsWith('下') ? '-' : '+'))
      .replace('%', '');
  const pp = (k: string) =>
    formatPp(f[k] as number)
      .replace(/个百分点$/, '')
      .replace(/^(提高|降低) /, (m) => (m.startsWith('降') ? '-' : '+'));
  const expected: [string, string, () => string][] = [
    ['受理诉求', '868022', () => num('accepted')],
    ['日均受理', '2372', () => num('dailyAverage')],
    ['电话接通率', '97.60%', () => pct('answerRate')],
    ['公众反映', '577102', () => num('public')],
    ['采集员上报', '290920', () => num('collector')],
    ['公众占比', '66.48%', () => pct('publicShare')],
    ['采集占比', '33.52%', () => pct('collectorShare')],
    ['全市受理', '1224862', () => num('allAccepted')],
    ['全市同比', '+35.11', () => chg('allYoy')],
    ['全市较2018', '+83.87', () => chg('allVsTwoYearsAgo')],
    ['市级同比', '+28.40', () => chg('acceptedYoy')],
    ['市级较2018', '+86.64', () => chg('acceptedVsTwoYearsAgo')],
    ['咨询类', '271973', () => num('consultations')],
    ['咨询同比', '+70.86', () => chg('consultationsYoy')],
    ['咨询占公众', '47.12%', () => pct('consultationShare')],
    ['咨询占比变化', '+4.19', () => pp('consultationSharePp')],
    ['咨询直接答复率', '97.24%', () => pct('consultationDirectRate')],
    ['直接答复率变化', '+4.75', () => pp('consultationDirectRatePp')],
    ['好差评回访', '16963', () => num('callbacks')],
    ['好差评整改', '417', () => num('haochaping')],
    ['整改已反馈', '417', () => num('haochapingFinished')],
    ['互联网渠道', '38947', () => num('internet')],
    ['互联网倍数', '5.15', () => round(f['internetTimes'] as number, 2).toFixed(2)],
    ['文明创建', '152544', () => num('civilization')],
    ['文明创建占比', '52.44%', () => pct('civilizationShare')],
    ['直接办结', '487120', () => num('direct')],
    ['直接办结率', '56.12%', () => pct('directRate')],
    ['直接办结率变化', '+0.75', () => pp('directRatePp')],
    ['派发工单', '380902', () => num('dispatched')],
    ['按期办结率', '97.10%', () => pct('onTimeRate')],
    ['按期办结率变化', '+2.66', () => pp('onTimeRatePp')],
    ['满意率', '96.84%', () => pct('satisfactionRate')],
    ['疫情诉求', '73226', () => num('epidemic')],
    ['疫情占公众', '12.69%', () => pct('epidemicShare')],
    ['疫情直接办结率', '66.71%', () => pct('epidemicDirectRate')],
    ['疫情咨询', '48987', () => num('epidemicConsult')],
    ['疫情咨询占比', '66.90%', () => pct('epidemicConsultShare')],
    ['疫情咨询直接答复率', '98.35%', () => pct('epidemicConsultDirectRate')],
    ['疫情求助', '23449', () => num('epidemicHelp')],
    ['疫情求助占比', '32.02%', () => pct('epidemicHelpShare')],
    ['疫情求助按时办结率', '98.34%', () => pct('epidemicHelpOnTimeRate')],
    ['快报专报', '277', () => num('reportsIssued')],
    ['市领导批示', '765', () => num('instructions')],
    ['专题协调会议', '43', () => num('meetings')],
    ['表扬感谢', '359', () => num('praise')],
    ['涉及单位', '42', () => num('praiseUnits')],
    ['化解积案', '291', () => num('backlogCleared')],
    ['剩余超期', '147', () => num('backlogRemaining')],
    ['较上年底减少', '172', () => String((f['backlogRemainingBefore'] as number) - (f['backlogRemaining'] as number))],
    ['督办单位', '13', () => num('supervisedUnits')],
    ['督办次数', '23', () => num('supervisions')],
    ['国务院互联网+督查', '108', () => num('stateCouncil')],
    ['国务院大督查整改工单', '5', () => num('stateInspection')],
    ['省督办单', '3', () => num('provinceSupervision')],
    ...(
      [
        ['srhj', '20408', '+17.29'],
        ['sdqn', '17131', '+16.93'],
        ['zfgl', '14359', '-1.43'],
        ['wygl', '13525', '-13.95'],
        ['wfjs', '11089', '-38.27'],
        ['hjwr', '6795', '-38.46'],
        ['zsrm', '6634', '-42.66'],
      ] as const
    ).flatMap(([c, n, y]): [string, string, () => string][] => [
      [`${c} 受理`, n, () => num(`hot.${c}.count`)],
      [`${c} 同比`, y, () => chg(`hot.${c}.yoy`)],
    ]),
    ...(
      [
        ['sdqn', '供水', '11399'],
        ['sdqn', '供电', '3061'],
        ['sdqn', '供气', '2492'],
        ['sdqn', '供暖', '179'],
        ['wfjs', '已建成违建', '7801'],
        ['wfjs', '新增在建违建', '3288'],
        ['hjwr', '油烟污染', '1830'],
        ['hjwr', '工业废气', '1150'],
        ['hjwr', '工业废水', '311'],
        ['zsrm', '民用生活噪声', '2160'],
        ['zsrm', '建筑施工噪声', '2064'],
      ] as const
    ).map(([c, l2, n]): [string, string, () => string] => [`${c} ${l2}`, n, () => num(`hot.${c}.${l2}`)]),
  ];
  const out = expected.map(([figure, seed, got]) => {
    let v: string;
    try {
      v = got();
    } catch {
      v = 'missing';
    }
    return { figure, seed, got: v, ok: v === seed };
  });
  const table = r.tables[0];
  const seedTable = [
    ['海州区', 2670, '39.29%', '油烟污染、工业废气、粉尘污染'],
    ['赣榆区', 804, '11.83%', '工业废气、粉尘污染、油烟污染'],
    ['东海县', 624, '9.18%', '油烟污染、粉尘污染、养殖污染'],
    ['灌南县', 624, '9.18%', '工业废气、油烟污染、粉尘污染'],
    ['连云区', 462, '6.80%', '油烟污染、工业废气、工业废水'],
    ['开发区', 455, '6.70%', '工业废气、油烟污染、工业废水'],
    ['灌云县', 294, '4.33%', '养殖污染、工业废气、工业废水'],
    ['徐圩新区', 104, '1.53%', '工业废气、养殖污染、粉尘污染'],
    ['云台山景区', 42, '0.62%', '粉尘污染、养殖污染、工业废水'],
  ];
  out.push({
    figure: '表1 环境污染诉求区域分布情况',
    seed: JSON.stringify(seedTable),
    got: JSON.stringify(table?.rows ?? null),
    ok: JSON.stringify(table?.rows) === JSON.stringify(seedTable),
  });
  const hotOrder = r.sections[2].blocks.filter((b) => b.no).map((b) => b.lead);
  const seedOrder = ['市容环境。', '水电气暖。', '住房管理。', '物业管理。', '违法建设。', '环境污染。', '噪声扰民。'];
  out.push({ figure: '三、热点诉求（顺序）', seed: seedOrder.join(''), got: hotOrder.join(''), ok: hotOrder.join('') === seedOrder.join('') });
  return out;
}

main().catch((e) => {
  log(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
