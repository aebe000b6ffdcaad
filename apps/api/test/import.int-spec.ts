import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ReferenceService } from '@hotline/server-reference-data';
import type { ImportJobView, KpiSet } from '@hotline/contracts';
import { ImportJobsService, ImportService, ORDER_HEADERS, SummaryStaging } from '@hotline/server-legacy-import';
import { SummaryMaintenance } from '@hotline/server-statistics';
import { startApi, type Api, type Client } from './harness';
import { legacyCsv, legacyOrder, type LegacyFields } from './legacy-rows';

/**
 * Legacy import against the real database: good rows go in with their history and statistics, every bad row is
 * reported (row, column, reason) and stored not at all, and a second import of the same file changes nothing.
 */
describe('legacy import (CSV, XLSX, HTTP job)', () => {
  let api: Api;
  let admin: Client, leader: Client;
  let ds: DataSource;
  let importer: ImportService;
  const dir = mkdtempSync(join(tmpdir(), 'hotline-import-it-'));
  const PREFIX = 'ITIMP';

  const good = (no: number, over: LegacyFields = {}) => legacyOrder(`${PREFIX}${String(no).padStart(6, '0')}`, over);
  const count = async (sql: string, params: unknown[] = []) => Number((await ds.query(sql, params))[0].n);
  const ours = () => count(`SELECT COUNT(*) AS n FROM work_order WHERE number LIKE '${PREFIX}%'`);
  const kpis2017 = async () => (await leader.get<KpiSet>('/api/stats/kpis?from=2017-03-01&to=2017-03-31')).body;

  beforeAll(async () => {
    api = await startApi();
    [admin, leader] = await Promise.all(['admin', 'leader'].map((u) => api.as(u)));
    ds = api.app.get(DataSource);
    importer = api.app.get(ImportService);
  });

  afterAll(async () => {
    const ids = `SELECT id FROM work_order WHERE number LIKE '${PREFIX}%'`;
    for (const t of ['order_topic', 'order_history']) await ds.query(`DELETE FROM ${t} WHERE order_id IN (SELECT id FROM (${ids}) x)`);
    await ds.query(`DELETE FROM work_order WHERE number LIKE '${PREFIX}%'`);
    await ds.query("DELETE FROM call_record WHERE caller_phone LIKE '1390000%'");
    await ds.query('DELETE FROM import_job');
    await api.app.get(SummaryMaintenance).rebuild();
    rmSync(dir, { recursive: true, force: true });
    await api.close();
  });

  it('imports good rows, reports every bad one, and a second run changes nothing', async () => {
    const rows = [
      [...ORDER_HEADERS],
      good(1),
      good(2, {
        处理方式: '直接办结',
        承办单位: '',
        派单时间: '',
        办理时限: '',
        办结时间: '2017-03-01 09:35:00',
        回访时间: '',
        满意度: '',
        是否解决: '',
        诉求类型: '咨询',
        专题: '文明创建',
      }),
      good(3, { 办结时间: '', 回访时间: '', 满意度: '', 是否解决: '', 所属区域: '' }), // still open
      good(4, { 办结时间: '2017-03-08 10:00:00', 回访时间: '2017-03-09 10:00:00', 满意度: '不满意', 是否解决: '否', 诉求分类: '水电气暖', 所属区域: '市直' }), // late, L1 only
      good(5, { 受理平台: '海州区', 来源渠道: '微信' }),
      good(6, { 受理时间: '2017-02-30 10:00:00' }), // bad date
      good(7, { 承办单位: '市月球局', 来源渠道: '飞鸽' }), // unknown names
      good(1), // duplicate number in the file
      ['ITIMP000009', '市级'], // malformed: most columns missing
      good(10, { 诉求内容: 'a "quoted", multi-line\ncontent' }),
    ];
    const file = join(dir, 'orders.csv');
    writeFileSync(file, legacyCsv(rows));
    const before = await kpis2017();
    const r = await importer.importFile('orders', file);
    expect(r).toMatchObject({ processed: 10, inserted: 6, skipped: 0, errors: 4 });
    const errs = r.firstErrors.map((e) => `${e.row}|${e.column}|${e.reason}`);
    expect(errs).toEqual(
      expect.arrayContaining([
        '7|受理时间|时间格式错误：no such date or time',
        '8|来源渠道|未知的来源渠道“飞鸽”',
        '8|承办单位|未知的承办单位“市月球局”',
        '9|工单编号|与第 2 行的工单编号重复',
        '10|受理时间|不能为空',
        '10|诉求内容|不能为空',
      ]),
    );
    expect(await ours()).toBe(6);
    // nothing half-stored: the bad rows left no order, and every good one has its whole history
    expect(await count(`SELECT COUNT(*) AS n FROM work_order WHERE number IN ('${PREFIX}000006', '${PREFIX}000007', 'ITIMP000009')`)).toBe(0);
    const hist = await ds.query(
      `SELECT o.number, GROUP_CONCAT(h.action ORDER BY h.id) AS actions, o.status, o.version FROM work_order o JOIN order_history h ON h.order_id = o.id WHERE o.number LIKE '${PREFIX}%' GROUP BY o.id, o.number, o.status, o.version ORDER BY o.number`,
    );
    expect(hist.map((h: Record<string, unknown>) => [h['number'], h['actions'], h['status'], Number(h['version'])])).toEqual([
      [`${PREFIX}000001`, 'create,dispatch,sign,reply,accept-reply,callback,close', 'closed', 7],
      [`${PREFIX}000002`, 'create,direct-answer', 'closed', 2],
      [`${PREFIX}000003`, 'create,dispatch,sign', 'handling', 3],
      [`${PREFIX}000004`, 'create,dispatch,sign,reply,accept-reply,callback,close', 'closed', 7],
      [`${PREFIX}000005`, 'create,dispatch,sign,reply,accept-reply,callback,close', 'closed', 7],
      [`${PREFIX}000010`, 'create,dispatch,sign,reply,accept-reply,callback,close', 'closed', 7],
    ]);
    expect((await ds.query(`SELECT content FROM work_order WHERE number = '${PREFIX}000010'`))[0].content).toBe('a "quoted", multi-line\ncontent');

    // the statistics followed in the same transactions
    const after = await kpis2017();
    expect(after.accepted.value - before.accepted.value).toBe(5); // 000005 came in on the 海州区 platform
    expect(after.direct.value - before.direct.value).toBe(1);
    expect(after.finished.value - before.finished.value).toBe(3);
    expect(after.onTimeRate.numerator - before.onTimeRate.numerator).toBe(2);
    expect(after.callbacks.value - before.callbacks.value).toBe(3);
    expect((await admin.get('/api/stats/check')).body.ok).toBe(true);

    const again = await importer.importFile('orders', file);
    expect(again).toMatchObject({ processed: 10, inserted: 0, skipped: 6, errors: 4 });
    expect(await ours()).toBe(6);
    expect(await kpis2017()).toEqual(after);
  });

  it('leaves nothing of a batch whose database write fails midway, keeps the batches before it, and a re-run completes it', async () => {
    // a late order of 2016 makes a stat_overdue cell: the batch's last statement, after its orders, history,
    // topics and other summary cells are written in the same transaction, fails on it
    await ds.query('DROP TRIGGER IF EXISTS it_import_fail');
    await ds.query(
      `CREATE TRIGGER it_import_fail BEFORE INSERT ON stat_overdue FOR EACH ROW BEGIN IF NEW.due_day = '2016-05-06' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'it: poisoned batch'; END IF; END`,
    );
    const at = (d: number) => `2016-05-0${d} 09:00:00`;
    const row = (no: number, over: LegacyFields = {}) =>
      good(no, { 受理时间: at(1), 派单时间: at(1), 办理时限: '2016-05-03 17:30:00', 办结时间: at(4), 回访时间: at(5), 专题: '疫情防控', ...over });
    const rows = [
      [...ORDER_HEADERS],
      row(401),
      row(402),
      row(403),
      row(404, { 办理时限: '2016-05-06 09:00:00', 办结时间: '2016-05-07 09:00:00', 回访时间: '2016-05-08 09:00:00' }),
      row(405),
      row(406),
    ];
    const file = join(dir, 'poisoned.csv');
    writeFileSync(file, legacyCsv(rows));
    const numbers = `number BETWEEN '${PREFIX}000401' AND '${PREFIX}000406'`;
    try {
      await expect(importer.importFile('orders', file, { batchSize: 2 })).rejects.toThrow(/poisoned batch/);
      // batch 1 (401, 402) is in, whole; batch 2 (403, 404) left nothing; batch 3 never ran
      expect((await ds.query(`SELECT number FROM work_order WHERE ${numbers} ORDER BY number`)).map((r: { number: string }) => r.number)).toEqual([
        `${PREFIX}000401`,
        `${PREFIX}000402`,
      ]);
      expect(await count(`SELECT COUNT(*) AS n FROM order_history h JOIN work_order o ON o.id = h.order_id WHERE o.${numbers}`)).toBe(14);
      expect(await count(`SELECT COUNT(*) AS n FROM order_topic t JOIN work_order o ON o.id = t.order_id WHERE o.${numbers}`)).toBe(2);
      expect(await count('SELECT COUNT(*) AS n FROM order_history WHERE order_id NOT IN (SELECT id FROM work_order)')).toBe(0);
      expect((await admin.get('/api/stats/check')).body.ok).toBe(true);
    } finally {
      await ds.query('DROP TRIGGER IF EXISTS it_import_fail');
    }
    const r = await importer.importFile('orders', file, { batchSize: 2 });
    expect(r).toMatchObject({ processed: 6, inserted: 4, skipped: 2, errors: 0 });
    expect(await count(`SELECT COUNT(*) AS n FROM work_order WHERE ${numbers}`)).toBe(6);
    expect((await admin.get('/api/stats/check')).body.ok).toBe(true);
  });

  it('stores text exactly as the file has it, with tabs, backslashes and line breaks (the bulk load escapes them)', async () => {
    const content = 'tab\there, back\\slash \\N, CR\r\nLF\n"quoted" 中文';
    const file = join(dir, 'text.csv');
    writeFileSync(file, legacyCsv([[...ORDER_HEADERS], good(501, { 诉求内容: content, 来电号码: '' })]));
    expect(await importer.importFile('orders', file)).toMatchObject({ inserted: 1, errors: 0 });
    const [o] = await ds.query(`SELECT content, caller_phone, created_at, dispatched_at FROM work_order WHERE number = '${PREFIX}000501'`);
    expect(o.content).toBe(content);
    expect(o.caller_phone).toBeNull();
    expect(new Date(o.created_at).toISOString()).toBe('2017-03-01T01:30:00.000Z');
    expect(new Date(o.dispatched_at).toISOString()).toBe('2017-03-01T01:40:00.000Z');
  });

  it('imports the same way over multi-row INSERTs when the server refuses LOAD DATA LOCAL', async () => {
    // a client without the LOCAL_FILES capability is refused like a server with local_infile=OFF (MySQL 8's default)
    const noLocal = new DataSource({ ...ds.options, flags: ['-LOCAL_FILES'], extra: { connectionLimit: 2 } } as DataSourceOptions);
    await noLocal.initialize();
    try {
      const plain = new ImportService(noLocal, api.app.get(ReferenceService));
      const file = join(dir, 'no-local.csv');
      writeFileSync(
        file,
        legacyCsv([[...ORDER_HEADERS], good(601, { 诉求内容: 'tab\there\nline' }), good(602, { 专题: '文明创建' }), good(603, { 来源渠道: '飞鸽' })]),
      );
      expect(await plain.importFile('orders', file)).toMatchObject({ inserted: 2, errors: 1 });
      expect(await plain.importFile('orders', file)).toMatchObject({ inserted: 0, skipped: 2, errors: 1 });
    } finally {
      await noLocal.destroy();
    }
    expect((await ds.query(`SELECT content FROM work_order WHERE number = '${PREFIX}000601'`))[0].content).toBe('tab\there\nline');
    expect(
      await count(`SELECT COUNT(*) AS n FROM order_history h JOIN work_order o ON o.id = h.order_id WHERE o.number IN ('${PREFIX}000601', '${PREFIX}000602')`),
    ).toBe(14);
    expect((await admin.get('/api/stats/check')).body.ok).toBe(true);
  });

  it('imports the same way where the connection may not create temporary tables (summary cells as literal upserts)', async () => {
    const db = String(ds.driver.database);
    const user = `it_notmp_${process.pid}`;
    await ds.query(`DROP USER IF EXISTS '${user}'@'%'`);
    await ds.query(`CREATE USER '${user}'@'%' IDENTIFIED BY 'it-pass'`);
    // everything the import needs except CREATE TEMPORARY TABLES
    await ds.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON \`${db}\`.* TO '${user}'@'%'`);
    const limited = new DataSource({
      ...ds.options,
      url: undefined,
      host: '127.0.0.1',
      port: 3306,
      username: user,
      password: 'it-pass',
      database: db,
      extra: { connectionLimit: 4 },
    } as DataSourceOptions);
    await limited.initialize();
    const open = jest.spyOn(SummaryStaging, 'open');
    try {
      const plain = new ImportService(limited, api.app.get(ReferenceService));
      const file = join(dir, 'no-temp.csv');
      writeFileSync(file, legacyCsv([[...ORDER_HEADERS], good(701), good(702, { 专题: '文明创建' }), good(703), good(704)]));
      expect(await plain.importFile('orders', file, { batchSize: 2 })).toMatchObject({ inserted: 4, errors: 0 });
      expect(await plain.importFile('orders', file, { batchSize: 2 })).toMatchObject({ inserted: 0, skipped: 4 });
      // both writers of both runs were refused their staging tables
      expect(open).toHaveBeenCalledTimes(4);
      for (const r of open.mock.results) expect(await r.value).toBeNull();
    } finally {
      open.mockRestore();
      await limited.destroy();
      await ds.query(`DROP USER IF EXISTS '${user}'@'%'`);
    }
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM order_history h JOIN work_order o ON o.id = h.order_id WHERE o.number BETWEEN '${PREFIX}000701' AND '${PREFIX}000704'`,
      ),
    ).toBe(28);
    expect((await admin.get('/api/stats/check')).body.ok).toBe(true);
  });

  it('refuses a file without the required columns, storing nothing', async () => {
    const file = join(dir, 'bad-header.csv');
    writeFileSync(
      file,
      legacyCsv([
        ['工单编号', '诉求内容'],
        ['ITIMP000100', 'x'],
      ]),
    );
    await expect(importer.importFile('orders', file)).rejects.toThrow(/missing columns: .*受理平台/);
    expect(await count(`SELECT COUNT(*) AS n FROM work_order WHERE number = '${PREFIX}000100'`)).toBe(0);
  });

  it('reads XLSX, dates as dates or text', async () => {
    const file = join(dir, 'orders.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const ws = wb.addWorksheet('工单');
    ws.addRow([...ORDER_HEADERS]).commit();
    const r1 = good(201);
    r1[2] = new Date('2017-03-01T09:00:00Z') as unknown as string; // a date cell: wall clock 09:00
    ws.addRow(r1).commit();
    ws.addRow(good(202, { 诉求类型: '求助' })).commit();
    ws.addRow(good(203, { 诉求分类: '没有这个分类' })).commit();
    await wb.commit();
    const r = await importer.importFile('orders', file);
    expect(r).toMatchObject({ processed: 3, inserted: 2, errors: 1 });
    expect(r.firstErrors[0]).toEqual({ row: 4, column: '诉求分类', reason: '未知的诉求分类“没有这个分类”' });
    const [o] = await ds.query(`SELECT created_at FROM work_order WHERE number = '${PREFIX}000201'`);
    expect(new Date(o.created_at).toISOString()).toBe('2017-03-01T01:00:00.000Z');
  });

  it('imports call records idempotently, and they make the answer rate', async () => {
    const file = join(dir, 'calls.csv');
    writeFileSync(
      file,
      legacyCsv([
        ['呼叫时间', '主叫号码', '是否接通', '应答时间', '挂机时间'],
        ['2017-03-05 09:00:00', '13900000001', '是', '2017-03-05 09:00:06', '2017-03-05 09:03:00'],
        ['2017-03-05 09:01:00', '13900000002', '是', '2017-03-05 09:01:05', '2017-03-05 09:02:00'],
        ['2017-03-05 09:02:00', '13900000003', '否', '', '2017-03-05 09:02:30'],
        ['2017-03-05 09:03:00', '13900000004', '是', '', ''],
      ]),
    );
    const r = await importer.importFile('calls', file);
    expect(r).toMatchObject({ processed: 4, inserted: 3, errors: 1 });
    const k = await kpis2017();
    expect(k.answerRate).toMatchObject({ numerator: 2, denominator: 3 });
    expect(await importer.importFile('calls', file)).toMatchObject({ inserted: 0, skipped: 3 });
    expect((await kpis2017()).answerRate).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it('takes an upload over HTTP as a queued job the worker runs, with progress and paged errors', async () => {
    const body = legacyCsv([[...ORDER_HEADERS], good(301), good(302, { 满意度: '还行' })]);
    const res = await fetch(`${api.base}/api/imports?kind=orders&fileName=legacy.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/csv' },
      body,
    });
    expect(res.status).toBe(202);
    const job = (await res.json()) as ImportJobView;
    expect(job).toMatchObject({ kind: 'orders', fileName: 'legacy.csv', status: 'queued' });
    // what the worker does with the job
    const done = await api.app.get(ImportJobsService).run(job.id);
    expect(done).toMatchObject({ status: 'done', processedRows: 2, insertedRows: 1, errorRows: 1, progress: 1 });
    const view = await admin.get<ImportJobView>(`/api/imports/${job.id}`);
    expect(view.body.errors).toEqual([{ row: 3, column: '满意度', reason: '应为非常满意、满意、基本满意、不满意、非常不满意之一' }]);
    const page = await admin.get(`/api/imports/${job.id}/errors?page=1&pageSize=10`);
    expect(page.body).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    expect((await admin.get('/api/imports')).body.map((j: ImportJobView) => j.id)).toContain(job.id);
    // a re-run of a finished job is a no-op
    expect(await api.app.get(ImportJobsService).run(job.id)).toMatchObject({ status: 'done', insertedRows: 1 });
    // refusals
    expect((await leader.req('POST', '/api/imports?kind=orders&fileName=x.csv', 'a', { 'content-type': 'text/csv' })).status).toBe(403);
    const json = await admin.post('/api/imports?kind=orders&fileName=x.csv', { a: 1 });
    expect(json.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const badName = await fetch(`${api.base}/api/imports?kind=orders&fileName=x.txt`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/csv' },
      body: 'x',
    });
    expect(badName.status).toBe(400);
  });
});
