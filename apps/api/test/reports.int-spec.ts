import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import type { AnnualReport, KpiSet, ReportIssueDetail } from '@hotline/contracts';
import { formatPercent as pctOf } from '@hotline/domain';
import { GeneratorService } from '@hotline/server-demo';
import { AnnualReportService, decodePng, distinctColours, unzip } from '@hotline/server-reports';
import { DashboardService, KpiService, LookupService, ScanReader, SummaryMaintenance } from '@hotline/server-statistics';
import { startApi, type Api, type Client } from './harness';

/**
 * Generated history at a small scale, then every figure of the annual report (and the KPIs of an odd period)
 * against an independent recount: plain SQL over the orders, calls, meetings and reports, written here from
 * the definitions in docs (domain.md), not from the summary tables or their SQL.
 */
const SCALE = 0.003;

describe('annual report from generated history equals a recount from the orders', () => {
  let api: Api;
  let leader: Client, admin: Client, water: Client;
  let ds: DataSource;
  let city: number;
  let report: AnnualReport;

  /** China calendar day → the UTC instant it starts, as the DATETIME columns store it. */
  const at = (day: string) => new Date(`${day}T00:00:00+08:00`);
  const next = (day: string) => new Date(at(day).getTime() + 86_400_000);
  const n = async (sql: string, params: unknown[] = []) => Number((await ds.query(sql, params))[0].n);
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  const growth = (a: number, b: number) => (b > 0 ? (a - b) / b : null);
  const pp = (a: number | null, b: number | null) => (a != null && b != null ? (a - b) * 100 : null);
  const blockOf = (r: AnnualReport, key: string) => r.sections.flatMap((s) => s.blocks).find((b) => b.key === key)?.text ?? '';

  /** Orders of the city platform accepted in [from, to], with an extra condition. */
  const orders = (from: string, to: string, cond = '1 = 1', platform: 'city' | 'all' = 'city') =>
    n(
      `SELECT COUNT(*) AS n FROM work_order o WHERE ${platform === 'city' ? `o.platform_id = ${city} AND ` : ''}o.created_at >= ? AND o.created_at < ? AND (${cond})`,
      [at(from), next(to)],
    );
  const PUBLIC = "o.channel_code NOT IN ('patrol', 'video')";
  const FINISHED = "o.resolution = 'dispatched' AND o.accepted_at IS NOT NULL";
  const ON_TIME = `${FINISHED} AND (o.handle_due_at IS NULL OR o.replied_at <= o.handle_due_at)`;
  const topic = (code: string) => `EXISTS (SELECT 1 FROM order_topic ot JOIN topic t ON t.id = ot.topic_id WHERE ot.order_id = o.id AND t.code = '${code}')`;
  const inL1 = (code: string) =>
    `o.category_id IN (SELECT c.id FROM category c LEFT JOIN category p ON p.id = c.parent_id LEFT JOIN category g ON g.id = p.parent_id WHERE COALESCE(g.code, p.code, c.code) = '${code}')`;

  beforeAll(async () => {
    api = await startApi();
    [leader, admin, water] = await Promise.all(['leader', 'admin', 'swjt'].map((u) => api.as(u)));
    ds = api.app.get(DataSource);
    city = Number((await ds.query("SELECT id FROM platform WHERE code = 'city'"))[0].id);
    await api.app.get(GeneratorService).generate({ years: [2018, 2019, 2020], scale: SCALE, seed: 42 });
    // 国务院大督查 (5 a year) and 省督办 (3) round to none at this scale: mark a few provincial transfers as the
    // intake would (topics on the order), then rebuild the summary tables from the orders
    const tag = async (code: string, year: number, count: number) => {
      const ids: { id: string }[] = await ds.query(
        `SELECT o.id FROM work_order o WHERE o.platform_id = ? AND o.resolution = 'dispatched' AND o.created_at >= ? AND o.created_at < ?
         AND NOT EXISTS (SELECT 1 FROM order_topic x WHERE x.order_id = o.id) ORDER BY o.channel_code = 'province' DESC, o.id LIMIT ${count}`,
        [city, at(`${year}-01-01`), next(`${year}-12-31`)],
      );
      expect(ids).toHaveLength(count);
      for (const { id } of ids) await ds.query('INSERT INTO order_topic (order_id, topic_id) SELECT ?, id FROM topic WHERE code = ?', [id, code]);
    };
    await tag('sc_inspection', 2020, 2);
    await tag('province_supervision', 2020, 1);
    await tag('sc_inspection', 2019, 1);
    await api.app.get(SummaryMaintenance).rebuild();
    const r = await leader.get<AnnualReport>('/api/reports/annual?year=2020');
    expect(r.status).toBe(200);
    report = r.body;
  }, 120_000);

  afterAll(async () => {
    // leave the shared test database as the other suites expect it: no history before 2021
    const before = next('2020-12-31');
    const ids = `SELECT id FROM work_order WHERE created_at < ?`;
    for (const t of ['order_topic', 'order_history', 'supervision', 'order_co_unit'])
      await ds.query(`DELETE FROM ${t} WHERE order_id IN (SELECT id FROM (${ids}) x)`, [before]);
    await ds.query('DELETE FROM work_order WHERE created_at < ?', [before]);
    await ds.query('DELETE FROM call_record WHERE called_at < ?', [before]);
    await ds.query('DELETE FROM report_issue WHERE issued_at < ?', [before]);
    await ds.query("DELETE FROM coordination_meeting WHERE held_on < '2021-01-01'");
    await api.app.get(SummaryMaintenance).rebuild();
    await api.close();
  }, 120_000);

  it('the generation is idempotent only by refusing: a second run into the same years fails', async () => {
    await expect(api.app.get(GeneratorService).generate({ years: [2020], scale: SCALE })).rejects.toThrow(/already/);
  });

  it('summary tables built from the generated orders match a recount cell by cell', async () => {
    const r = await admin.get('/api/stats/check');
    expect(r.body.tables.filter((t: { mismatches: number }) => t.mismatches)).toEqual([]);
  });

  it('section 一: intake', async () => {
    const f = report.figures;
    const acc = await orders('2020-01-01', '2020-12-31');
    const pub = await orders('2020-01-01', '2020-12-31', PUBLIC);
    expect(acc).toBeGreaterThan(1000);
    expect(f['accepted']).toBe(acc);
    expect(f['dailyAverage']).toBe(Math.round(acc / 366));
    expect(f['public']).toBe(pub);
    expect(f['collector']).toBe(acc - pub);
    expect(f['publicShare']).toBeCloseTo(pub / acc, 12);
    const calls = await ds.query(
      'SELECT COUNT(*) AS offered, SUM(answered) AS answered FROM call_record WHERE platform_id = ? AND called_at >= ? AND called_at < ?',
      [city, at('2020-01-01'), next('2020-12-31')],
    );
    expect(f['answerRate']).toBeCloseTo(Number(calls[0].answered) / Number(calls[0].offered), 12);

    const all = (y: number) => orders(`${y}-01-01`, `${y}-12-31`, '1 = 1', 'all');
    const cityYear = (y: number) => orders(`${y}-01-01`, `${y}-12-31`);
    const [a20, a19, a18, c19, c18] = await Promise.all([all(2020), all(2019), all(2018), cityYear(2019), cityYear(2018)]);
    expect(f['allAccepted']).toBe(a20);
    expect(f['allYoy']).toBeCloseTo(growth(a20, a19) as number, 12);
    expect(f['allVsTwoYearsAgo']).toBeCloseTo(growth(a20, a18) as number, 12);
    expect(f['acceptedYoy']).toBeCloseTo(growth(acc, c19) as number, 12);
    expect(f['acceptedVsTwoYearsAgo']).toBeCloseTo(growth(acc, c18) as number, 12);
    expect(report.charts.find((c) => c.id === 'volume')?.series).toEqual([
      { name: '全市', data: [a18, a19, a20] },
      { name: '市级平台', data: [c18, c19, acc] },
    ]);

    const consult = await orders('2020-01-01', '2020-12-31', "o.appeal_type_code = 'consult'");
    const consult19 = await orders('2019-01-01', '2019-12-31', "o.appeal_type_code = 'consult'");
    const pubConsult = await orders('2020-01-01', '2020-12-31', `o.appeal_type_code = 'consult' AND ${PUBLIC}`);
    const share19 = ratio(
      await orders('2019-01-01', '2019-12-31', `o.appeal_type_code = 'consult' AND ${PUBLIC}`),
      await orders('2019-01-01', '2019-12-31', PUBLIC),
    );
    const consultDirect = await orders('2020-01-01', '2020-12-31', "o.appeal_type_code = 'consult' AND o.resolution = 'direct'");
    const directRate19 = ratio(await orders('2019-01-01', '2019-12-31', "o.appeal_type_code = 'consult' AND o.resolution = 'direct'"), consult19);
    expect(f['consultations']).toBe(consult);
    expect(f['consultationsYoy']).toBeCloseTo(growth(consult, consult19) as number, 12);
    expect(f['consultationShare']).toBeCloseTo(pubConsult / pub, 12);
    expect(f['consultationSharePp']).toBeCloseTo(pp(pubConsult / pub, share19) as number, 10);
    expect(f['consultationDirectRate']).toBeCloseTo(consultDirect / consult, 12);
    expect(f['consultationDirectRatePp']).toBeCloseTo(pp(consultDirect / consult, directRate19) as number, 10);

    const cb = 'o.callback_at IS NOT NULL AND o.callback_satisfaction IS NOT NULL';
    expect(f['callbacks']).toBe(await orders('2020-01-01', '2020-12-31', cb));
    expect(f['haochaping']).toBe(await orders('2020-01-01', '2020-12-31', "o.channel_code = 'haochaping'"));
    const internetSql = "o.channel_code IN ('web', 'wechat', 'app', 'email', 'mayor_mailbox')";
    const internet = await orders('2020-01-01', '2020-12-31', internetSql);
    expect(f['internet']).toBe(internet);
    expect(f['internetTimes']).toBeCloseTo(internet / (await orders('2019-01-01', '2019-12-31', internetSql)), 12);
    const civ = await orders('2020-01-01', '2020-12-31', `${topic('civilization')} AND NOT ${PUBLIC}`);
    expect(f['civilization']).toBe(civ);
    expect(f['civilizationShare']).toBeCloseTo(civ / (acc - pub), 12);
  });

  it('section 二: handling, the epidemic, leadership records and the backlog', async () => {
    const f = report.figures;
    const acc = await orders('2020-01-01', '2020-12-31');
    const direct = await orders('2020-01-01', '2020-12-31', "o.resolution = 'direct'");
    const finished = await orders('2020-01-01', '2020-12-31', FINISHED);
    const onTime = await orders('2020-01-01', '2020-12-31', ON_TIME);
    const direct19 = ratio(await orders('2019-01-01', '2019-12-31', "o.resolution = 'direct'"), await orders('2019-01-01', '2019-12-31'));
    const onTime19 = ratio(await orders('2019-01-01', '2019-12-31', ON_TIME), await orders('2019-01-01', '2019-12-31', FINISHED));
    expect(f['direct']).toBe(direct);
    expect(f['directRate']).toBeCloseTo(direct / acc, 12);
    expect(f['directRatePp']).toBeCloseTo(pp(direct / acc, direct19) as number, 10);
    // the generated history records how every direct answer was made, as the live action does: the report's method
    // sentence comes from the summary cells, with nothing left unrecorded
    const method = (m: string) => orders('2020-01-01', '2020-12-31', `o.resolution = 'direct' AND o.direct_answer_method = '${m}'`);
    const [kb, threeWay, other] = await Promise.all([method('knowledge'), method('three-way'), method('other')]);
    expect(kb * threeWay * other).toBeGreaterThan(0);
    expect(kb + threeWay + other).toBe(direct);
    expect(f).toMatchObject({ directKnowledge: kb, directThreeWay: threeWay, directOther: other, directUnrecorded: 0 });
    expect(f['directKnowledgeShare']).toBeCloseTo(kb / direct, 12);
    expect(f['directThreeWayShare']).toBeCloseTo(threeWay / direct, 12);
    expect(blockOf(report, 'handling')).toContain(
      `直接办结的诉求中，查询知识库答复 ${kb}件，占 ${pctOf(kb / direct)}；三方通话答复 ${threeWay}件，占 ${pctOf(threeWay / direct)}；` +
        `其他方式答复 ${other}件，占 ${pctOf(other / direct)}。`,
    );
    // consultations are answered from the knowledge base above all; a three-way call names the unit called
    const consultDirectKb = await orders('2020-01-01', '2020-12-31', "o.appeal_type_code = 'consult' AND o.direct_answer_method = 'knowledge'");
    expect(consultDirectKb / (await orders('2020-01-01', '2020-12-31', "o.appeal_type_code = 'consult' AND o.resolution = 'direct'"))).toBeGreaterThan(0.6);
    expect(await orders('2020-01-01', '2020-12-31', "o.direct_answer_method = 'three-way' AND o.three_way_unit_id IS NULL")).toBe(0);
    expect(f['dispatched']).toBe(await orders('2020-01-01', '2020-12-31', "o.resolution = 'dispatched'"));
    expect(f['onTimeRate']).toBeCloseTo(onTime / finished, 12);
    expect(f['onTimeRatePp']).toBeCloseTo(pp(onTime / finished, onTime19) as number, 10);
    const called = 'o.callback_at IS NOT NULL AND o.callback_satisfaction IS NOT NULL';
    const satisfied = await orders(
      '2020-01-01',
      '2020-12-31',
      `${called} AND o.callback_satisfaction IN ('very_satisfied', 'satisfied', 'basically_satisfied')`,
    );
    expect(f['satisfactionRate']).toBeCloseTo(satisfied / (await orders('2020-01-01', '2020-12-31', called)), 12);

    const epi = await orders('2020-01-01', '2020-12-31', topic('epidemic'));
    const pub = await orders('2020-01-01', '2020-12-31', PUBLIC);
    const epiPublic = await orders('2020-01-01', '2020-12-31', `${topic('epidemic')} AND ${PUBLIC}`);
    const epiConsult = await orders('2020-01-01', '2020-12-31', `${topic('epidemic')} AND o.appeal_type_code = 'consult'`);
    const epiHelp = await orders('2020-01-01', '2020-12-31', `${topic('epidemic')} AND o.appeal_type_code = 'help'`);
    expect(epi).toBeGreaterThan(0);
    expect(f['epidemic']).toBe(epi);
    expect(f['epidemicShare']).toBeCloseTo(epiPublic / pub, 12);
    expect(f['epidemicDirectRate']).toBeCloseTo((await orders('2020-01-01', '2020-12-31', `${topic('epidemic')} AND o.resolution = 'direct'`)) / epi, 12);
    expect(f['epidemicConsult']).toBe(epiConsult);
    expect(f['epidemicConsultShare']).toBeCloseTo(epiConsult / epi, 12);
    expect(f['epidemicConsultDirectRate']).toBeCloseTo(
      (await orders('2020-01-01', '2020-12-31', `${topic('epidemic')} AND o.appeal_type_code = 'consult' AND o.resolution = 'direct'`)) / epiConsult,
      12,
    );
    expect(f['epidemicHelp']).toBe(epiHelp);
    const helpFinished = await orders('2020-01-01', '2020-12-31', `${topic('epidemic')} AND o.appeal_type_code = 'help' AND ${FINISHED}`);
    expect(f['epidemicHelpOnTimeRate']).toBeCloseTo(
      (await orders('2020-01-01', '2020-12-31', `${topic('epidemic')} AND o.appeal_type_code = 'help' AND ${ON_TIME}`)) / helpFinished,
      12,
    );

    expect(f['reportsIssued']).toBe(
      await n("SELECT COUNT(*) AS n FROM report_issue WHERE kind IN ('express', 'special') AND issued_at >= ? AND issued_at < ?", [
        at('2020-01-01'),
        next('2020-12-31'),
      ]),
    );
    expect(f['meetings']).toBe(await n("SELECT COUNT(*) AS n FROM coordination_meeting WHERE held_on BETWEEN '2020-01-01' AND '2020-12-31'"));
    expect(f['instructions']).toBe(
      await n(`SELECT COALESCE(SUM(o.instruct_count), 0) AS n FROM work_order o WHERE o.platform_id = ${city} AND o.created_at >= ? AND o.created_at < ?`, [
        at('2020-01-01'),
        next('2020-12-31'),
      ]),
    );
    const praise = "o.appeal_type_code IN ('praise', 'thanks')";
    expect(f['praise']).toBe(await orders('2020-01-01', '2020-12-31', praise));
    expect(f['praiseUnits']).toBe(
      await n(
        `SELECT COUNT(DISTINCT o.main_unit_id) AS n FROM work_order o WHERE o.platform_id = ${city} AND o.created_at >= ? AND o.created_at < ? AND ${praise} AND o.main_unit_id IS NOT NULL`,
        [at('2020-01-01'), next('2020-12-31')],
      ),
    );
    const sup = await ds.query(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT s.unit_id) AS u FROM supervision s JOIN work_order o ON o.id = s.order_id WHERE o.platform_id = ${city} AND s.created_at >= ? AND s.created_at < ?`,
      [at('2020-01-01'), next('2020-12-31')],
    );
    expect(f['supervisions']).toBe(Number(sup[0].n));
    expect(f['supervisedUnits']).toBe(Number(sup[0].u));
    expect(f['stateCouncil']).toBe(await orders('2020-01-01', '2020-12-31', "o.channel_code = 'state_council'"));
    expect(f['stateInspection']).toBe(await orders('2020-01-01', '2020-12-31', topic('sc_inspection')));
    expect(f['provinceSupervision']).toBe(await orders('2020-01-01', '2020-12-31', topic('province_supervision')));
    expect([f['stateInspection'], f['provinceSupervision']]).toEqual([2, 1]);
    const backlogText = report.sections[1].blocks.find((b) => b.lead.startsWith('积案'))?.text ?? '';
    if ((f['stateCouncil'] as number) > 0) expect(backlogText).toContain(`国务院“互联网+督查”交办单 ${f['stateCouncil']}件`);
    expect(backlogText).toContain('国务院大督查整改工单 2件，省督办单 1件。');
    // 好差评 rectification orders fed back: answered on the spot, or the unit's reply accepted
    const hcp = await orders('2020-01-01', '2020-12-31', "o.channel_code = 'haochaping'");
    const fedBack = await orders('2020-01-01', '2020-12-31', `o.channel_code = 'haochaping' AND (o.resolution = 'direct' OR (${FINISHED}))`);
    expect(f['haochapingFinished']).toBe(fedBack);
    expect(report.sections[0].blocks.find((b) => b.lead.startsWith('平台延伸'))?.text).toContain(
      fedBack >= hcp ? `整改工单 ${hcp}件，已全部完成反馈` : `已完成反馈 ${fedBack}件`,
    );

    // the overdue ledger: due before t and not finished (reply accepted) before t
    const finishAt = 'COALESCE(o.replied_at, o.accepted_at)';
    const overdueAt = (t: Date) =>
      n(
        `SELECT COUNT(*) AS n FROM work_order o WHERE o.platform_id = ${city} AND o.resolution = 'dispatched' AND o.handle_due_at < ?
         AND NOT (${ON_TIME}) AND (o.accepted_at IS NULL OR ${finishAt} >= ?)`,
        [t, t],
      );
    const start = at('2020-01-01');
    const end = next('2020-12-31');
    expect(f['backlogRemaining']).toBe(await overdueAt(end));
    expect(f['backlogRemainingBefore']).toBe(await overdueAt(start));
    expect(f['backlogCleared']).toBe(
      await n(
        `SELECT COUNT(*) AS n FROM work_order o WHERE o.platform_id = ${city} AND o.resolution = 'dispatched' AND o.handle_due_at < ? AND ${FINISHED} AND NOT (${ON_TIME}) AND ${finishAt} >= ? AND ${finishAt} < ?`,
        [start, start, end],
      ),
    );
    expect((f['backlogRemainingBefore'] as number) + (f['backlogCleared'] as number)).toBeGreaterThan(0);
  });

  it('section 三: the hot categories, their sub-categories and table 1', async () => {
    const f = report.figures;
    const hot = report.sections[2].blocks.filter((b) => b.no);
    expect(hot).toHaveLength(7);
    const codes = Object.keys(f)
      .filter((k) => /^hot\.[a-z]+\.count$/.test(k))
      .map((k) => k.split('.')[1]);
    expect(codes).toHaveLength(7);
    // the seven with most complaints + reports among public appeals
    const disputes = await ds.query(
      `SELECT COALESCE(g.code, p.code, c.code) AS l1, SUM(o.appeal_type_code IN ('complaint', 'report')) AS d, COUNT(*) AS t FROM work_order o JOIN category c ON c.id = o.category_id
       LEFT JOIN category p ON p.id = c.parent_id LEFT JOIN category g ON g.id = p.parent_id
       WHERE o.platform_id = ${city} AND o.created_at >= ? AND o.created_at < ? AND ${PUBLIC} GROUP BY l1 ORDER BY d DESC, t DESC`,
      [at('2020-01-01'), next('2020-12-31')],
    );
    expect(new Set(codes)).toEqual(new Set(disputes.slice(0, 7).map((r: { l1: string }) => r.l1)));
    for (const code of codes) {
      const cur = await orders('2020-01-01', '2020-12-31', `${PUBLIC} AND ${inL1(code)}`);
      const prev = await orders('2019-01-01', '2019-12-31', `${PUBLIC} AND ${inL1(code)}`);
      expect(f[`hot.${code}.count`]).toBe(cur);
      expect(f[`hot.${code}.yoy`]).toBeCloseTo(growth(cur, prev) as number, 12);
    }
    const table = report.tables[0];
    if (table) {
      const code = table.id.replace('table-', '');
      const byRegion = await ds.query(
        `SELECT r.name, COUNT(*) AS n FROM work_order o JOIN region r ON r.id = o.region_id WHERE o.platform_id = ${city} AND o.created_at >= ? AND o.created_at < ? AND ${PUBLIC} AND ${inL1(code)} AND r.code <> 'city'
         GROUP BY r.id, r.name, r.sort ORDER BY n DESC, r.sort`,
        [at('2020-01-01'), next('2020-12-31')],
      );
      const total = f[`hot.${code}.count`] as number;
      expect(table.rows.map((r) => [r[0], r[1], r[2]])).toEqual(
        byRegion.map((r: { name: string; n: string }) => [
          r.name,
          Number(r.n),
          `${(Math.round((Number(r.n) / total) * 10000 * (1 + 8 * Number.EPSILON)) / 100).toFixed(2)}%`,
        ]),
      );
    }
    expect(report.charts.map((c) => c.no)).toEqual(report.charts.map((_, i) => i + 1));
  });

  it('the same report computed by full-scan GROUP BY over the orders (the benchmark baseline) is identical', async () => {
    const lookup = api.app.get(LookupService);
    const scan = new ScanReader(ds);
    const kpi = new KpiService(scan, lookup);
    const scanned = await new AnnualReportService(ds, scan, kpi, new DashboardService(ds, scan, kpi, lookup), lookup).report({
      period: { from: '2020-01-01', to: '2020-12-31' },
    });
    const strip = (r: AnnualReport) => ({ ...r, generatedInMs: 0, issuedOn: '' });
    expect(strip(scanned)).toEqual(strip(report));
  });

  it('KPIs of an odd period (days, whole months and days again) equal a recount', async () => {
    const r = await leader.get<KpiSet>('/api/stats/kpis?from=2020-01-20&to=2020-04-10');
    expect(r.status).toBe(200);
    const k = r.body;
    expect(k.period.days).toBe(82);
    expect(k.previousPeriod).toEqual({ from: '2019-01-20', to: '2019-04-10', days: 81 });
    expect(k.accepted.value).toBe(await orders('2020-01-20', '2020-04-10'));
    expect(k.accepted.previous).toBe(await orders('2019-01-20', '2019-04-10'));
    expect(k.direct.value).toBe(await orders('2020-01-20', '2020-04-10', "o.resolution = 'direct'"));
    expect(k.onTimeRate.numerator).toBe(await orders('2020-01-20', '2020-04-10', ON_TIME));
    expect(k.topics.find((t) => t.code === 'epidemic')?.accepted.value).toBe(await orders('2020-01-20', '2020-04-10', topic('epidemic')));
    const all = await leader.get<KpiSet>('/api/stats/kpis?from=2020-01-20&to=2020-04-10&platform=all');
    expect(all.body.accepted.value).toBe(await orders('2020-01-20', '2020-04-10', '1 = 1', 'all'));
    const dash = await leader.get('/api/stats/dashboard?from=2020-01-01&to=2020-12-31');
    expect(dash.body.trendGranularity).toBe('month');
    expect(dash.body.trend).toHaveLength(12);
    expect(dash.body.trend.reduce((s: number, p: { accepted: number }) => s + p.accepted, 0)).toBe(await orders('2020-01-01', '2020-12-31'));
  });

  it('exports the report as DOCX (charts as images) and its tables and chart data as XLSX', async () => {
    const docx = await fetch(`${api.base}/api/reports/annual.docx?year=2020`, { headers: { authorization: `Bearer ${leader.token}` } });
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    expect(decodeURIComponent(docx.headers.get('content-disposition') ?? '')).toContain('2020年市 12345在线服务平台运行情况综合分析报告.docx');
    const bytes = Buffer.from(await docx.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const files = unzip(bytes);
    // every figure is a real picture: a PNG (what Word before 2016 and WPS show) of many colours, and its SVG
    for (let k = 1; k <= report.charts.length; k++) {
      const png = decodePng(files.get(`word/media/chart${k}.png`) as Buffer);
      expect(png.width).toBeGreaterThanOrEqual(640);
      expect(distinctColours(png)).toBeGreaterThan(10);
      expect(files.get(`word/media/chart${k}.svg`)?.toString('utf8')).toContain('<svg');
    }
    expect(files.has(`word/media/chart${report.charts.length + 1}.png`)).toBe(false);
    const xml = files.get('word/document.xml')?.toString('utf8') ?? '';
    expect(xml).toContain(`图 ${report.charts.length} `);
    const xlsx = await fetch(`${api.base}/api/reports/annual.xlsx?year=2020`, { headers: { authorization: `Bearer ${leader.token}` } });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheets = wb.worksheets.map((w) => w.name);
    expect(sheets[0]).toMatch(/^表1 /);
    expect(sheets).toHaveLength(report.tables.length + report.charts.length + 1);
    const t1 = wb.worksheets[0];
    expect(t1.getRow(3).getCell(1).value).toBe(report.tables[0]?.rows[0]?.[0]);
  });

  it('a 专报 on one topic counts only its orders — by type, domain and day — as a recount does', async () => {
    const r = await leader.get<AnnualReport>('/api/reports/express?kind=special&from=2020-01-20&to=2020-02-29&topic=epidemic');
    expect(r.status).toBe(200);
    const f = r.body.figures;
    const T = topic('epidemic');
    const acc = await orders('2020-01-20', '2020-02-29', T);
    expect(acc).toBeGreaterThan(0);
    expect(r.body.title).toBe('2020年1月20日至2月29日市 12345在线服务平台疫情防控诉求情况专报');
    expect(r.body.focus).toEqual({ kind: 'topic', code: 'epidemic', name: '疫情防控' });
    expect(f['focus.accepted']).toBe(acc);
    expect(f['focus.previous']).toBe(await orders('2019-01-20', '2019-02-28', T));
    expect(f['focus.share']).toBeCloseTo(acc / (await orders('2020-01-20', '2020-02-29')), 12);
    expect(f['focus.public']).toBe(await orders('2020-01-20', '2020-02-29', `${T} AND ${PUBLIC}`));
    expect(f['focus.collector']).toBe(await orders('2020-01-20', '2020-02-29', `${T} AND NOT ${PUBLIC}`));
    expect(f['focus.direct']).toBe(await orders('2020-01-20', '2020-02-29', `${T} AND o.resolution = 'direct'`));
    expect(f['focus.dispatched']).toBe(await orders('2020-01-20', '2020-02-29', `${T} AND o.resolution = 'dispatched'`));
    expect(f['focus.onTimeRate']).toEqual(
      ratio(await orders('2020-01-20', '2020-02-29', `${T} AND ${ON_TIME}`), await orders('2020-01-20', '2020-02-29', `${T} AND ${FINISHED}`)),
    );
    const called = 'o.callback_at IS NOT NULL AND o.callback_satisfaction IS NOT NULL';
    expect(f['focus.callbacks']).toBe(await orders('2020-01-20', '2020-02-29', `${T} AND ${called}`));
    const types = await ds.query(
      `SELECT o.appeal_type_code AS code, COUNT(*) AS n FROM work_order o WHERE o.platform_id = ${city} AND o.created_at >= ? AND o.created_at < ? AND ${T} GROUP BY o.appeal_type_code`,
      [at('2020-01-20'), next('2020-02-29')],
    );
    for (const t of types) expect(f[`focus.type.${t.code}`]).toBe(Number(t.n));
    const domains = await ds.query(
      `SELECT COALESCE(g.name, p.name, c.name) AS name, COUNT(*) AS n FROM work_order o JOIN category c ON c.id = o.category_id LEFT JOIN category p ON p.id = c.parent_id LEFT JOIN category g ON g.id = p.parent_id
       WHERE o.platform_id = ${city} AND o.created_at >= ? AND o.created_at < ? AND ${T} GROUP BY name`,
      [at('2020-01-20'), next('2020-02-29')],
    );
    for (const d of domains) expect(f[`focus.breakdown.${d.name}`]).toBe(Number(d.n));
    const trend = r.body.charts.find((c) => c.id === 'focus-trend');
    expect(trend?.categories).toHaveLength(41);
    expect(trend?.series[0].data.reduce((a, b) => a + b, 0)).toBe(acc);
    const jan25 = await orders('2020-01-25', '2020-01-25', T);
    expect(trend?.series[0].data[5]).toBe(jan25);
    const xlsx = await fetch(`${api.base}/api/reports/express.xlsx?kind=special&from=2020-01-20&to=2020-02-29&topic=epidemic`, {
      headers: { authorization: `Bearer ${leader.token}` },
    });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    expect(wb.worksheets).toHaveLength(r.body.tables.length + r.body.charts.length + 1);
  });

  it('a 专报 on one category: its sub-categories and regions as a recount', async () => {
    const r = await leader.get<AnnualReport>('/api/reports/express?kind=special&from=2020-01-01&to=2020-12-31&category=sdqn');
    expect(r.status).toBe(200);
    const f = r.body.figures;
    expect(f['focus.accepted']).toBe(await orders('2020-01-01', '2020-12-31', inL1('sdqn')));
    const l2 = await ds.query(
      `SELECT CASE WHEN c.level = 3 THEN p.name ELSE c.name END AS name, COUNT(*) AS n FROM work_order o JOIN category c ON c.id = o.category_id LEFT JOIN category p ON p.id = c.parent_id
       WHERE o.platform_id = ${city} AND o.created_at >= ? AND o.created_at < ? AND ${inL1('sdqn')} AND c.level > 1 GROUP BY name`,
      [at('2020-01-01'), next('2020-12-31')],
    );
    expect(l2.length).toBeGreaterThan(0);
    for (const x of l2) expect(f[`focus.breakdown.${x.name}`]).toBe(Number(x.n));
    const regions = await ds.query(
      `SELECT r.name, COUNT(*) AS n FROM work_order o JOIN region r ON r.id = o.region_id WHERE o.platform_id = ${city} AND o.created_at >= ? AND o.created_at < ? AND ${inL1('sdqn')} AND r.code <> 'city'
       GROUP BY r.id, r.name, r.sort ORDER BY n DESC, r.sort`,
      [at('2020-01-01'), next('2020-12-31')],
    );
    expect(r.body.tables[0].rows.map((row) => [row[0], row[1]])).toEqual(regions.map((x: { name: string; n: string }) => [x.name, Number(x.n)]));
    expect((await leader.get('/api/reports/express?kind=special&from=2020-01-01&to=2020-12-31&category=nope')).status).toBe(422);
    expect((await leader.get('/api/reports/express?kind=express&from=2020-01-01&to=2020-12-31&topic=epidemic')).body.code).toBe('VALIDATION_FAILED');
  });

  it('issues a focused 专报 with the leadership’s remarks, edits them, and prints them in its DOCX', async () => {
    const suggestion = '建议卫健、交通等部门加强政策解读，及时更新知识库。';
    const before = '疫情发生以来，中心第一时间开通疫情防控专席。';
    const issued = await leader.post('/api/reports/issues', {
      kind: 'special',
      from: '2020-01-20',
      to: '2020-02-29',
      topic: 'epidemic',
      remarks: { 'focus.suggestions': { after: suggestion }, 'focus.overview': { before } },
    });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({
      kind: 'special',
      focus: { kind: 'topic', code: 'epidemic' },
      remarkKeys: ['focus.suggestions', 'focus.overview'],
      updatedAt: null,
    });
    const id = issued.body.id;
    const detail = await leader.get<ReportIssueDetail>(`/api/reports/issues/${id}`);
    expect(detail.body.report.sections[3].blocks[0].remarks).toEqual({ after: suggestion });
    expect(detail.body.report.figures['focus.accepted']).toBe(await orders('2020-01-20', '2020-02-29', topic('epidemic')));
    const docx = await fetch(`${api.base}/api/reports/issues/${id}/docx`, { headers: { authorization: `Bearer ${leader.token}` } });
    expect(docx.status).toBe(200);
    const xml =
      unzip(Buffer.from(await docx.arrayBuffer()))
        .get('word/document.xml')
        ?.toString('utf8') ?? '';
    expect(xml).toContain('四、意见建议');
    expect(xml).toContain(suggestion);
    expect(xml.indexOf(before)).toBeLessThan(xml.indexOf('共受理疫情防控相关诉求'));

    const edited = await leader.req<ReportIssueDetail>('PUT', `/api/reports/issues/${id}/remarks`, {
      remarks: { 'focus.suggestions': { after: '建议：继续做好政策解读。' } },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.remarkKeys).toEqual(['focus.suggestions']);
    expect(edited.body.updatedAt).not.toBeNull();
    expect(edited.body.report.sections[0].blocks[0].remarks).toBeUndefined();
    expect(edited.body.report.sections[3].blocks[0].remarks).toEqual({ after: '建议：继续做好政策解读。' });
    const latest = await leader.get('/api/reports/issues/latest-remarks?kind=special&topic=epidemic');
    expect(latest.body).toEqual({ 'focus.suggestions': { after: '建议：继续做好政策解读。' } });
    expect((await leader.get('/api/reports/issues/latest-remarks?kind=special&category=sdqn')).body).toEqual({});
    const bad = await leader.req('PUT', `/api/reports/issues/${id}/remarks`, { remarks: { 'hot.zfgl': { after: 'x' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('remarks.hot.zfgl');
    expect((await water.req('PUT', `/api/reports/issues/${id}/remarks`, { remarks: {} })).status).toBe(403);
    expect((await leader.get('/api/reports/issues/999999')).status).toBe(404);
    await ds.query('DELETE FROM report_issue WHERE id = ?', [id]);
  });

  it('the annual report names what the coordination meetings were about, from their titles', async () => {
    const titles: { title: string; n: string }[] = await ds.query(
      "SELECT title, COUNT(*) AS n FROM coordination_meeting WHERE held_on BETWEEN '2020-01-01' AND '2020-12-31' GROUP BY title ORDER BY n DESC, title",
    );
    const units = report.sections[1].blocks.find((b) => b.key === 'handling.units');
    if (titles.length) expect(units?.text).toContain(`推动${titles[0].title.replace(/专题协调会议$/, '').replace(/问题$/, '')}`);
    expect(report.sections.flatMap((s) => s.blocks.map((b) => b.key))).toEqual(
      expect.arrayContaining(['intake', 'intake.volume', 'intake.consult', 'handling.backlog', 'hot']),
    );
  });

  it('the first year has no YoY and the second no two-years-back clause, rather than 同比—; an empty period says so', async () => {
    const text = (r: AnnualReport) => r.sections.flatMap((s) => s.blocks.map((b) => b.text)).join('\n');
    const block = (r: AnnualReport, key: string) => r.sections.flatMap((s) => s.blocks).find((b) => b.key === key)?.text ?? '';
    const first = (await leader.get<AnnualReport>('/api/reports/annual?year=2018')).body;
    expect(text(first)).not.toContain('—');
    expect(block(first, 'intake.volume')).toBe(`2018年，全市 12345 在线共受理诉求 ${first.figures['allAccepted']} 件。`);
    expect(block(first, 'intake.consult')).not.toContain('同比');
    const second = (await leader.get<AnnualReport>('/api/reports/annual?year=2019')).body;
    expect(text(second)).not.toContain('—');
    expect(block(second, 'intake.volume')).toContain('同比');
    expect(block(second, 'intake.volume')).not.toContain('2017');
    const empty = (await leader.get<AnnualReport>('/api/reports/express?kind=express&from=2017-03-01&to=2017-03-31')).body;
    expect(block(empty, 'intake')).toBe('2017年3月，市 12345在线服务平台（以下简称市 12345在线）未受理诉求。');
    expect(text(empty)).not.toContain('日均受理 0件');
    expect(text(empty)).not.toContain('—');
    const focus = (await leader.get<AnnualReport>('/api/reports/express?kind=special&from=2018-01-01&to=2018-12-31&category=sdqn')).body;
    expect(text(focus)).not.toContain('—');
    expect(block(focus, 'focus.overview')).not.toContain('同比');
  });

  it('express reports come from the same engine; issuing one records it', async () => {
    const express = await leader.get<AnnualReport>('/api/reports/express?kind=express&from=2020-02-01&to=2020-02-29');
    expect(express.status).toBe(200);
    expect(express.body.title).toBe('2020年2月市 12345在线服务平台运行情况快报');
    expect(express.body.figures['accepted']).toBe(await orders('2020-02-01', '2020-02-29'));
    // the 快报 says how its direct answers were made, from the same summary cells
    const feb = (cond: string) => orders('2020-02-01', '2020-02-29', `o.resolution = 'direct' AND ${cond}`);
    const kb = await feb("o.direct_answer_method = 'knowledge'");
    expect(express.body.figures).toMatchObject({
      directKnowledge: kb,
      directThreeWay: await feb("o.direct_answer_method = 'three-way'"),
      directOther: await feb("o.direct_answer_method = 'other'"),
      directUnrecorded: await feb('o.direct_answer_method IS NULL'),
    });
    expect(blockOf(express.body, 'handling')).toContain(`查询知识库答复 ${kb}件`);
    const issued = await leader.post('/api/reports/issues', { kind: 'special', from: '2020-02-01', to: '2020-02-29', title: '关于疫情诉求情况的专报' });
    expect(issued.status).toBe(201);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const list = await leader.get(`/api/reports/issues?from=${today}&to=${today}`);
    expect(list.body.map((x: { id: number }) => x.id)).toContain(issued.body.id);
    await ds.query('DELETE FROM report_issue WHERE id = ?', [issued.body.id]);
    expect((await water.get('/api/reports/annual?year=2020')).status).toBe(403);
    expect((await leader.get('/api/reports/annual')).body.code).toBe('VALIDATION_FAILED');
    expect((await leader.get('/api/reports/annual?year=2020&hot=nope')).body.code).toBe('UNKNOWN_REFERENCE');
  });
});
