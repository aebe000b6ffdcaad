import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { OrderDetail, OrderSummary, Page } from '@hotline/contracts';
import { GeneratorService } from '@hotline/server-demo';
import { ImportService, ORDER_HEADERS } from '@hotline/server-legacy-import';
import { COUNT_LIMIT, OrderTextIndex } from '@hotline/server-orders';
import { dropDatabase, MIGRATIONS } from '@hotline/server-platform';
import { prepareDatabase } from './chaos/chaos-kit';
import { intake, startApi, type Api, type Client } from './harness';
import { legacyCsv, legacyOrder } from './legacy-rows';
import { testEnv } from './test-env';

// Text search counts and finds across every order of its database, and a bounded total needs more than 10,000 of
// them: other specs' orders would change the counts, and these would change theirs, so it has a database of its own.
describe('order search through the text index (real MariaDB)', () => {
  let api: Api;
  let agent: Client, dispatcher: Client, police: Client;
  let ds: DataSource;
  const dir = mkdtempSync(join(tmpdir(), 'hotline-text-it-'));
  const outer = process.env['IT_DATABASE'];
  const own = `hotline_it_text_${process.pid}`;
  // letters only: a word of its own in the text, never taken for an order number
  const run = Date.now()
    .toString(36)
    .replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)]);

  beforeAll(async () => {
    process.env['IT_DATABASE'] = own;
    await prepareDatabase(testEnv().DATABASE_URL);
    api = await startApi();
    [agent, dispatcher, police] = await Promise.all(['agent', 'dispatcher', 'gaj'].map((u) => api.as(u)));
    ds = api.app.get(DataSource);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await dropDatabase(testEnv().DATABASE_URL);
    rmSync(dir, { recursive: true, force: true });
    if (outer === undefined) delete process.env['IT_DATABASE'];
    else process.env['IT_DATABASE'] = outer;
    Object.assign(process.env, testEnv());
  });

  const create = async (over: Record<string, unknown>) => (await agent.post<OrderDetail>('/api/orders', intake(api, over))).body;
  const search = async (c: Client, q: string, extra = '') => {
    const r = await c.get<Page<OrderSummary>>(`/api/orders?pageSize=100&q=${encodeURIComponent(q)}${extra}`);
    expect(r.status).toBe(200);
    return r.body;
  };
  const ids = async (q: string, extra = '') => (await search(dispatcher, q, extra)).items.map((o) => o.id);

  it('finds by two-character and longer Chinese words and by address, exactly as typed', async () => {
    const lamp = await create({ content: `路灯坏了一个多月晚上一片漆黑 ${run}`, address: '新浦区朝阳东路17号' });
    const dance = await create({ content: `楼下广场舞噪音太大影响休息 ${run}`, address: '海州区幸福路3号' });
    expect(await ids('路灯')).toContain(lamp.id);
    expect(await ids('路灯')).not.toContain(dance.id);
    expect(await ids('广场舞噪音')).toEqual([dance.id]);
    expect(await ids('朝阳东路')).toContain(lamp.id);
    expect(await ids('幸福路')).toEqual(expect.arrayContaining([dance.id]));
    // 噪音 and 广场 are both in the text, 音广 is not: not found
    expect(await ids('噪音广场')).toEqual([]);
    // 噪 and 音 are both there, but not as 音噪
    expect(await ids('音噪')).toEqual([]);
    // a single character and an ASCII word
    expect(await ids('漆', `&from=${lamp.createdAt.slice(0, 10)}`)).toContain(lamp.id);
    expect(await ids(run)).toEqual(expect.arrayContaining([lamp.id, dance.id]));
  });

  it('an order number finds that order only, a phone the caller’s orders (hidden from a unit when confidential)', async () => {
    const a = await create({ content: `编号查找 ${run}` });
    await create({ content: `编号查找 ${run}` });
    expect((await search(dispatcher, a.number)).items.map((o) => o.id)).toEqual([a.id]);
    expect((await search(dispatcher, a.number)).total).toBe(1);

    const phone = `1391234${String(Date.now() % 10_000).padStart(4, '0')}`;
    const open = await create({ caller: { name: '李女士', phone, confidential: false } });
    const secret = await create({ caller: { name: '王先生', phone, confidential: true } });
    expect(await ids(phone)).toEqual(expect.arrayContaining([open.id, secret.id]));
    for (const o of [open, secret]) await dispatcher.act(o, 'dispatch', { unitId: api.ref.unit('gaj').id });
    const seen = (await search(police, phone)).items.map((o) => o.id);
    expect(seen).toContain(open.id);
    expect(seen).not.toContain(secret.id);
  });

  it('keeps the index on a bulk insert (legacy import) and on generated orders, and the rebuild fills what is missing', async () => {
    const file = join(dir, 'orders.csv');
    const number = `TXT${run}`.slice(0, 24);
    writeFileSync(file, legacyCsv([[...ORDER_HEADERS], legacyOrder(number, { 诉求内容: `旧系统导入的井盖缺失工单 ${run}` })]));
    expect(await api.app.get(ImportService).importFile('orders', file)).toMatchObject({ inserted: 1, errors: 0 });
    const imported = await search(dispatcher, '井盖缺失');
    expect(imported.items.map((o) => o.number)).toEqual([number]);

    // the generator's multi-row INSERTs: every generated order has its terms, and a word of one finds it
    await api.app.get(GeneratorService).generate({ years: [2019], scale: 0.005, seed: 7 });
    const missing = async () =>
      Number((await ds.query('SELECT COUNT(*) AS n FROM work_order o WHERE NOT EXISTS (SELECT 1 FROM order_text t WHERE t.order_id = o.id)'))[0].n);
    expect(await missing()).toBe(0);
    const [sample] = await ds.query(
      "SELECT id, number, content FROM work_order WHERE created_at < '2020-01-01' AND content IS NOT NULL ORDER BY id DESC LIMIT 1",
    );
    const word = /[\u4e00-\u9fff]{4,}/.exec(sample.content as string)?.[0].slice(0, 4) as string;
    const day = (sample.number as string).replace(/^(\d{4})(\d{2})(\d{2}).*/, '$1-$2-$3');
    expect(await ids(word, `&from=${day}&to=${day}`)).toContain(Number(sample.id));

    // orders without terms (as before the index existed) are filled by the rebuild
    await ds.query('DELETE FROM order_text WHERE order_id IN (SELECT id FROM (SELECT id FROM work_order ORDER BY id LIMIT 50) x)');
    expect(await missing()).toBe(50);
    await expect(api.app.get(OrderTextIndex).rebuild()).resolves.toMatchObject({ filled: 50, indexBuilt: false });
    expect(await missing()).toBe(0);
  }, 300_000);

  it('a common word newest first is served from the last 旬, counted over them; deeper pages and ranges are exact', async () => {
    // a word of its own, in 25 orders of today and 3 imported ones of 2019
    const word = `窨井${run}k`; // not `run` alone, which the last test counts
    const made: OrderDetail[] = [];
    for (let i = 0; i < 25; i += 5) {
      made.push(...(await Promise.all([0, 1, 2, 3, 4].map(() => create({ content: `小区${word}盖子松动 第${i}批` })))));
    }
    const recent = made.map((o) => o.id);
    const newestFirst = [...made].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id).map((o) => o.id);
    const file = join(dir, 'old.csv');
    const on = (n: number, time: string) => `2019-0${n}-${10 * n + 1} ${time}`;
    const rows = [1, 2, 3].map((n) =>
      legacyOrder(`OLD${n}${run}`, {
        诉求内容: `旧的${word}工单${n}`,
        受理时间: on(n, '09:30:00'),
        派单时间: on(n, '09:40:00'),
        办理时限: on(n, '17:30:00'),
        办结时间: on(n, '10:00:00'),
        回访时间: on(n, '11:00:00'),
      }),
    );
    writeFileSync(file, legacyCsv([[...ORDER_HEADERS], ...rows]));
    expect(await api.app.get(ImportService).importFile('orders', file)).toMatchObject({ inserted: 3, errors: 0 });
    const old = (await ds.query('SELECT id FROM work_order WHERE number LIKE ? ORDER BY id', [`OLD%${run}`])).map((r: { id: string }) => Number(r.id));
    expect(old).toHaveLength(3);

    // newest first: the last two 旬 hold this page and more, so only they are read and counted
    const first = (await dispatcher.get<Page<OrderSummary>>(`/api/orders?pageSize=20&q=${encodeURIComponent(word)}`)).body;
    expect(first).toMatchObject({ total: recent.length, totalBounded: true });
    expect(first.totalSince).toMatch(/^\d{4}-\d{2}-(01|11|21)$/);
    expect(first.items.map((o) => o.id)).toEqual(newestFirst.slice(0, 20));
    // a page past what the windows can fill: the whole range, exact
    const second = (await dispatcher.get<Page<OrderSummary>>(`/api/orders?pageSize=20&page=2&q=${encodeURIComponent(word)}`)).body;
    expect(second.total).toBe(recent.length + 3);
    expect(second.totalBounded).toBeUndefined();
    expect(second.items.slice(-3).map((o) => o.id)).toEqual([...old].reverse());
    // a range in the past: exact; oldest first: exact
    const in2019 = (await search(dispatcher, word, '&from=2019-01-01&to=2019-12-31')).items.map((o) => o.id);
    expect(in2019.sort()).toEqual([...old].sort());
    const asc = await search(dispatcher, word, '&sort=createdAt');
    expect(asc.total).toBe(recent.length + 3);
    expect(asc.totalSince).toBeUndefined();
    expect(asc.items.slice(0, 3).map((o) => o.id)).toEqual(old);
    // from today: the window is the whole range, its count exact
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const fromToday = await search(dispatcher, word, `&from=${today}`);
    expect(fromToday).toMatchObject({ total: recent.length });
    expect(fromToday.totalBounded).toBeUndefined();

    // the migration's SQL gives indexed orders the same period terms as the code gives new ones
    const ids = [...old, recent[0]];
    const before = await ds.query('SELECT order_id, terms FROM order_text WHERE order_id IN (?) ORDER BY order_id', [ids]);
    await ds.query("UPDATE order_text SET terms = TRIM(REGEXP_REPLACE(terms, '( ?[tn][0-9]{6,7}){4}$', '')) WHERE order_id IN (?)", [ids]);
    const migration = MIGRATIONS.map((M) => new M()).find((m) => m.name === 'OrderTextPeriods1765100000000');
    const qr = ds.createQueryRunner();
    try {
      await migration?.up(qr);
    } finally {
      await qr.release();
    }
    expect(await ds.query('SELECT order_id, terms FROM order_text WHERE order_id IN (?) ORDER BY order_id', [ids])).toEqual(before);
    const termsOf = (id: number) => before.find((r: { order_id: string }) => Number(r.order_id) === id).terms;
    expect(termsOf(old[0])).toMatch(/ t2019012 t2019013 n201901 n201902$/); // 11 January: the second 旬
    expect(termsOf(old[2])).toMatch(/ t2019033 t2019041 n201903 n201904$/); // 31 March: the third, and April next
  }, 300_000);

  it('counts at most 10,000 matches and says the total is bounded; an exact total otherwise', async () => {
    const all = await dispatcher.get<Page<OrderSummary>>('/api/orders?pageSize=1');
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM work_order');
    if (Number(n) <= COUNT_LIMIT) {
      await api.app.get(GeneratorService).generate({ years: [2018], scale: 0.04, seed: 8 });
    }
    const many = (await dispatcher.get<Page<OrderSummary>>('/api/orders?pageSize=1')).body;
    expect(many).toMatchObject({ total: COUNT_LIMIT, totalBounded: true });
    expect(many.items).toHaveLength(1);
    expect(all.status).toBe(200);
    const few = await search(dispatcher, run);
    expect(few.total).toBe(few.items.length);
    expect(few.totalBounded).toBeUndefined();
  }, 300_000);
});
