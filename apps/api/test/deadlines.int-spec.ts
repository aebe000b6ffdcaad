import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import type { DeadlineOpsView, EscalatedOrderView, NotificationPage, OrderDetail, OrderTimerView, TimeLimitPolicyView } from '@hotline/contracts';
import { intake, openEventStream, sleep, startApi, startRedis, startWorker, until, type Api, type ChildProcessHandle, type Client } from './harness';
import { testEnv } from './test-env';

/**
 * Second-scale drill policy for appeal type 'help': sign in 3 s (pre-warning at 2.4 s), handle in 2 days of 2 s
 * (pre-warning at 3.2 s, overdue at 4 s), escalate 1 day (2 s) after that; callback and supervision feedback 2 s.
 */
const DRILL = {
  clock: 'natural',
  dayLength: '2s',
  signLimit: '3s',
  handleLimit: '2d',
  callbackLimit: '2s',
  feedbackLimit: '2s',
  prewarnPercent: 80,
  longOverdueAfter: '1d',
};
const WORKER_ENV = {
  DEADLINES_RECONCILE_EVERY_MS: '500',
  DEADLINES_RELAY_EVERY_MS: '300',
  DEADLINES_GRACE_MS: '1500',
  DEADLINES_LOCK_MS: '2000',
  DEADLINES_STALLED_MS: '1000',
  DEADLINES_FULL_SCAN_EVERY_MS: '60000',
};
/** On a busy 2-core CI box an effect may run this late and the test still calls it on time. */
const LATE_OK_MS = 1500;

const ms = (iso: string | null | undefined) => new Date(iso as string).getTime();

interface Effect extends RowDataPacket {
  kind: string;
  due_at: Date;
  fired_at: Date;
}

// starting a worker compiles it with ts-node: on a loaded machine that alone can take over a minute
jest.setTimeout(150_000);

describe('deadlines: timers that fire on time and survive faults (real MariaDB, Redis and a worker process)', () => {
  let redis: ChildProcessHandle & { url: string };
  let api: Api;
  let worker: ChildProcessHandle;
  let db: Connection;
  let admin: Client, agent: Client, dispatcher: Client, water: Client, supervisor: Client, callback: Client;
  let original: TimeLimitPolicyView;
  let timersQueue: Queue;
  let queueRedis: Redis;

  beforeAll(async () => {
    // a Redis of our own: the fault tests FLUSHALL it
    redis = await startRedis();
    process.env['IT_REDIS_URL'] = redis.url;
    [api, worker] = await Promise.all([startApi(), startWorker(WORKER_ENV)]);
    db = await createConnection({ uri: testEnv().DATABASE_URL, timezone: 'Z' });
    [admin, agent, dispatcher, water, supervisor, callback] = await Promise.all(
      ['admin', 'agent', 'dispatcher', 'swjt', 'supervisor', 'callback'].map((u) => api.as(u)),
    );
    original = (await admin.get<TimeLimitPolicyView[]>('/api/admin/time-limits')).body.find((p) => p.appealType === 'help' && !p.urgent) as TimeLimitPolicyView;
    const drill = await admin.req<TimeLimitPolicyView>('PATCH', `/api/admin/time-limits/${original.id}`, { version: original.version, ...DRILL });
    expect(drill.status).toBe(200);
    queueRedis = new Redis(redis.url, { maxRetriesPerRequest: null });
    timersQueue = new Queue('deadline-timers', { connection: queueRedis, prefix: testEnv().QUEUE_PREFIX });
  }, 90_000);

  afterAll(async () => {
    if (admin && original) {
      const now = (await admin.get<TimeLimitPolicyView[]>('/api/admin/time-limits')).body.find((p) => p.id === original.id) as TimeLimitPolicyView;
      const { clock, dayLength, signLimit, handleLimit, callbackLimit, feedbackLimit, prewarnPercent, longOverdueAfter } = original;
      await admin.req('PATCH', `/api/admin/time-limits/${original.id}`, {
        version: now.version,
        clock,
        dayLength,
        signLimit,
        handleLimit,
        callbackLimit,
        feedbackLimit,
        prewarnPercent,
        longOverdueAfter,
      });
    }
    await timersQueue?.close();
    queueRedis?.disconnect();
    if (process.env['SHOW_WORKER_LOG']) console.log(worker?.output());
    await worker?.stop();
    await api?.close();
    await db?.end();
    await redis?.stop();
    delete process.env['IT_REDIS_URL'];
  });

  const create = async (over: Record<string, unknown> = {}) =>
    (await agent.post<OrderDetail>('/api/orders', intake(api, { appealType: 'help', ...over }))).body;
  const dispatched = async () => dispatcher.act(await create(), 'dispatch', { unitId: api.ref.unit('swjt').id });
  const reload = async (id: number) => (await dispatcher.get<OrderDetail>(`/api/orders/${id}`)).body;
  const systemEvents = async (id: number) => (await reload(id)).history.filter((h) => h.actorRole === 'system').map((h) => h.action);
  const effects = async (orderId: number) =>
    (await db.query<Effect[]>('SELECT kind, due_at, fired_at FROM deadline_effect WHERE order_id = ? ORDER BY due_at, kind', [orderId]))[0];
  const kinds = async (orderId: number) => (await effects(orderId)).map((e) => e.kind);
  const sleepUntil = (t: number) => sleep(Math.max(0, t - Date.now()));

  describe('on time', () => {
    /*
     * The scenarios run side by side (their timers interleave as a real day's would); each `it` checks one.
     * They start when this block starts and are awaited by the tests.
     */
    const runs: Record<string, Promise<unknown>> = {};
    let stream: Awaited<ReturnType<typeof openEventStream>>;

    beforeAll(async () => {
      stream = await openEventStream(water, '/api/notifications/stream');
      await until('the stream to be ready', async () => stream.events.some((e) => e.type === 'ready'), 5000, 20);

      const run = (name: string, scenario: () => Promise<unknown>) => {
        runs[name] = scenario();
        runs[name].catch(() => undefined); // reported by the test that awaits it
      };

      run('untouched', async () => {
        const d = await dispatched();
        const timers = (await dispatcher.get<OrderTimerView[]>(`/api/orders/${d.id}/timers`)).body;
        await until('escalation', async () => (await effects(d.id)).length === 5, 15_000);
        return { d, timers };
      });

      run('justInTime', async () => {
        const d = await dispatched();
        const signed = await water.act(d, 'sign');
        await sleepUntil(ms(d.handleDueAt) - 700);
        const replied = await water.act(await reload(d.id), 'reply', { content: '已处理完毕' });
        await sleepUntil(ms(d.handleDueAt) + 2500); // past the deadline and the escalation point
        return { d, signed, replied };
      });

      run('extension', async () => {
        const d = await dispatched();
        const signed = await water.act(d, 'sign');
        const asked = await water.act(signed, 'request-extension', { days: 1, reason: '需协调施工单位' });
        const before = (await dispatcher.get<OrderTimerView[]>(`/api/orders/${d.id}/timers`)).body;
        const approved = await dispatcher.act(asked, 'approve-extension');
        await sleepUntil(ms(d.handleDueAt) + 800);
        const atOldDeadline = await kinds(d.id);
        await until('overdue at the new deadline', async () => (await kinds(d.id)).includes('handle-overdue'), 10_000);
        return { d, approved, before, atOldDeadline };
      });

      run('suspension', async () => {
        const d = await dispatched();
        const signed = await water.act(d, 'sign');
        await sleep(1000);
        const suspended = await water.act(signed, 'suspend', { reason: '等待市民补充材料' });
        await sleepUntil(ms(d.handleDueAt) + 700);
        const whileSuspended = await kinds(d.id);
        const resumed = await water.act(suspended, 'resume');
        await until('overdue after resume', async () => (await kinds(d.id)).includes('handle-overdue'), 10_000);
        return { d, suspended, resumed, whileSuspended };
      });

      run('supervision', async () => {
        const late = await supervisor.act(await water.act(await dispatched(), 'sign'), 'supervise', { comment: '请两秒内反馈' });
        const answered = await supervisor.act(await water.act(await dispatched(), 'sign'), 'supervise', { comment: '请两秒内反馈' });
        await water.act(await reload(answered.id), 'feedback', { content: '已安排专人负责' });
        await until('supervision overdue', async () => (await kinds(late.id)).includes('supervision-overdue'), 10_000);
        await sleep(1000);
        return { late, answered };
      });

      run('callback', async () => {
        const accept = async () => dispatcher.act(await water.act(await water.act(await dispatched(), 'sign'), 'reply', { content: '已修复' }), 'accept-reply');
        const [late, done] = await Promise.all([accept(), accept()]);
        await callback.act(done, 'callback', { satisfaction: 'satisfied', solved: true });
        await until('callback overdue', async () => (await kinds(late.id)).includes('callback-overdue'), 10_000);
        await sleep(1000);
        return { late, done };
      });
    });

    afterAll(() => stream?.close());

    it('pre-warning, overdue with auto-urge, and escalation each fire once, on time, with history, flags and notices', async () => {
      const { d, timers } = (await runs['untouched']) as { d: OrderDetail; timers: OrderTimerView[] };
      expect(timers.map((t) => [t.kind, t.state, ms(t.dueAt) - ms(d.signDueAt)])).toEqual([
        ['sign-prewarn', 'pending', -600],
        ['sign-overdue', 'pending', 0],
        ['handle-prewarn', 'pending', ms(d.handleDueAt) - 800 - ms(d.signDueAt)],
        ['handle-overdue', 'pending', ms(d.handleDueAt) - ms(d.signDueAt)],
        ['escalate', 'pending', ms(d.handleDueAt) + 2000 - ms(d.signDueAt)],
      ]);
      const fx = await effects(d.id);
      expect(fx.map((e) => e.kind)).toEqual(['sign-prewarn', 'sign-overdue', 'handle-prewarn', 'handle-overdue', 'escalate']);
      for (const e of fx) {
        expect(e.fired_at.getTime()).toBeGreaterThanOrEqual(e.due_at.getTime());
        expect(e.fired_at.getTime() - e.due_at.getTime()).toBeLessThan(LATE_OK_MS);
      }
      const o = await reload(d.id);
      expect(o.history.filter((h) => h.actorRole === 'system').map((h) => [h.action, h.actorName])).toEqual([
        ['pre-warning', '系统'],
        ['sign-overdue', '系统'],
        ['auto-urge', '系统'],
        ['pre-warning', '系统'],
        ['handle-overdue', '系统'],
        ['auto-urge', '系统'],
        ['escalate', '系统'],
      ]);
      // the overdue moments are the deadlines themselves; two system changes to the row, two urgings
      const [[row]] = await db.query<RowDataPacket[]>('SELECT sign_overdue_at, handle_overdue_at FROM work_order WHERE id = ?', [d.id]);
      expect(row['sign_overdue_at'].toISOString()).toBe(d.signDueAt);
      expect(row['handle_overdue_at'].toISOString()).toBe(d.handleDueAt);
      expect(o).toMatchObject({ urgeCount: 2, version: d.version + 2, overdue: true, status: 'dispatched' });

      const inbox = (await water.get<NotificationPage>('/api/notifications?pageSize=200')).body.items.filter((n) => n.orderId === d.id);
      expect(inbox.map((n) => n.kind).reverse()).toEqual(['pre-warning', 'sign-overdue', 'pre-warning', 'handle-overdue', 'escalate']);
      expect(inbox.every((n) => n.orderNumber === d.number && n.unitId === api.ref.unit('swjt').id)).toBe(true);
      const board = (await supervisor.get<NotificationPage>('/api/notifications?pageSize=200')).body.items.filter((n) => n.orderId === d.id);
      expect(board.map((n) => n.kind).reverse()).toEqual(['sign-overdue', 'handle-overdue', 'escalate']);
      const queue = (await supervisor.get<EscalatedOrderView[]>('/api/supervision/escalations')).body;
      expect(queue.find((q) => q.orderId === d.id)).toMatchObject({ number: d.number, mainUnitName: '连云港水务集团', urgeCount: 2, openSupervision: false });
      expect((await water.get('/api/supervision/escalations')).status).toBe(403);
    });

    it("the unit's inbox updates live over server-sent events, resumes with Last-Event-ID, and is marked read", async () => {
      const { d } = (await runs['untouched']) as { d: OrderDetail };
      const forOrder = () => stream.events.filter((e) => e.type === 'notification' && e.data.orderId === d.id);
      const live = await until('five live notices', async () => forOrder().length === 5 && forOrder(), 5000, 20);
      expect(live.map((e) => e.data.kind)).toEqual(['pre-warning', 'sign-overdue', 'pre-warning', 'handle-overdue', 'escalate']);
      expect(live.every((e) => e.id === String(e.data.id))).toBe(true);

      // a client that saw only the first notice gets the rest from the table when it reconnects
      const resumed = await openEventStream(water, '/api/notifications/stream', live[0].id as string);
      try {
        await until('the replay', async () => resumed.events.filter((e) => e.type === 'notification' && e.data.orderId === d.id).length >= 4, 5000, 20);
        expect(resumed.events[0].type).toBe('ready');
        const replayed = resumed.events.filter((e) => e.type === 'notification').map((e) => Number(e.id));
        expect(replayed).toEqual([...replayed].sort((a, b) => a - b));
        expect(replayed).not.toContain(Number(live[0].id));
      } finally {
        resumed.close();
      }

      // (the other scenarios keep writing to this inbox meanwhile, so the checks look at ids, not totals)
      const unreadIds = async () => (await water.get<NotificationPage>('/api/notifications?unreadOnly=true&pageSize=200')).body.items.map((n) => n.id);
      const mine = live.map((e) => Number(e.id));
      expect(await unreadIds()).toEqual(expect.arrayContaining(mine));
      await supervisor.post('/api/notifications/read', { ids: mine }); // not theirs: changes nothing
      expect(await unreadIds()).toEqual(expect.arrayContaining(mine));
      expect((await water.post('/api/notifications/read', { ids: mine })).status).toBe(200);
      expect(await unreadIds()).not.toEqual(expect.arrayContaining([mine[0]]));
      expect((await water.post('/api/notifications/read', {})).status).toBe(400);
      const seen = Math.max(...(await unreadIds()), ...mine);
      expect((await water.post('/api/notifications/read', { all: true })).status).toBe(200);
      expect((await unreadIds()).filter((id) => id <= seen)).toEqual([]);
    });

    it('completion just before the deadline: no overdue, no escalation', async () => {
      const { d, replied } = (await runs['justInTime']) as { d: OrderDetail; replied: OrderDetail };
      expect(ms(replied.repliedAt)).toBeLessThan(ms(d.handleDueAt));
      expect(await kinds(d.id)).toEqual(['handle-prewarn']);
      const timers = (await dispatcher.get<OrderTimerView[]>(`/api/orders/${d.id}/timers`)).body;
      expect(Object.fromEntries(timers.map((t) => [t.kind, t.state]))).toEqual({
        'sign-prewarn': 'cancelled',
        'sign-overdue': 'cancelled',
        'handle-prewarn': 'fired',
        'handle-overdue': 'cancelled',
        escalate: 'cancelled',
      });
      expect((await reload(d.id)).overdue).toBe(false);
    });

    it('an extension approved after the timers were scheduled moves them: nothing at the old deadline, overdue at the new one only', async () => {
      const { d, approved, before, atOldDeadline } = (await runs['extension']) as {
        d: OrderDetail;
        approved: OrderDetail;
        before: OrderTimerView[];
        atOldDeadline: string[];
      };
      expect(ms(approved.handleDueAt) - ms(d.handleDueAt)).toBe(2000); // one drill day
      expect(atOldDeadline).not.toContain('handle-overdue');
      const fx = await effects(d.id);
      expect(fx.filter((e) => e.kind === 'handle-overdue').map((e) => e.due_at.toISOString())).toEqual([approved.handleDueAt]);
      expect(fx.find((e) => e.kind === 'handle-overdue')?.fired_at.getTime()).toBeGreaterThanOrEqual(ms(approved.handleDueAt));
      expect(fx.filter((e) => e.kind === 'handle-prewarn').map((e) => e.due_at.getTime())).toEqual([ms(approved.handleDueAt) - 800]);

      // and the old timer's job, had it survived in Redis, would be a no-op when it ran
      const old = before.find((t) => t.kind === 'handle-overdue') as OrderTimerView;
      const job = await timersQueue.add('fire-timer', { timerId: old.id }, { jobId: `replay-${old.id}` });
      const state = await until('the replayed job', async () => ['completed', 'failed'].includes(await job.getState()) && (await job.getState()), 5000, 50);
      expect(state).toBe('completed');
      expect((await timersQueue.getJob(job.id as string))?.returnvalue).toBe('stale');
      expect((await effects(d.id)).filter((e) => e.kind === 'handle-overdue')).toHaveLength(1);
    });

    it('suspension stops the clock; resume restarts it with the time that was left', async () => {
      const { d, suspended, resumed, whileSuspended } = (await runs['suspension']) as {
        d: OrderDetail;
        suspended: OrderDetail;
        resumed: OrderDetail;
        whileSuspended: string[];
      };
      expect(whileSuspended).not.toContain('handle-overdue');
      const left = ms(d.handleDueAt) - ms(suspended.history.at(-1)?.createdAt);
      const resumedAt = ms(resumed.history.at(-1)?.createdAt);
      expect(ms(resumed.handleDueAt)).toBe(resumedAt + left);
      expect(resumed.history.at(-1)?.data).toMatchObject({ clock: 'natural' });
      const overdue = (await effects(d.id)).filter((e) => e.kind === 'handle-overdue');
      expect(overdue.map((e) => e.due_at.toISOString())).toEqual([resumed.handleDueAt]);
      expect(overdue[0].fired_at.getTime()).toBeGreaterThanOrEqual(ms(resumed.handleDueAt));
    });

    it('supervision feedback deadlines: an unanswered supervision is overdue, an answered one is not', async () => {
      const { late, answered } = (await runs['supervision']) as { late: OrderDetail; answered: OrderDetail };
      expect(await kinds(late.id)).toContain('supervision-overdue');
      expect(await kinds(answered.id)).not.toContain('supervision-overdue');
      expect(await systemEvents(late.id)).toContain('supervision-overdue');
      const board = (await supervisor.get<NotificationPage>('/api/notifications?pageSize=200')).body.items;
      expect(board.some((n) => n.orderId === late.id && n.kind === 'supervision-overdue')).toBe(true);
    });

    it('callback deadlines: the callback desk hears of an overdue callback; a done one is quiet', async () => {
      const { late, done } = (await runs['callback']) as { late: OrderDetail; done: OrderDetail };
      expect(await kinds(late.id)).toContain('callback-overdue');
      expect(await kinds(done.id)).not.toContain('callback-overdue');
      const desk = (await callback.get<NotificationPage>('/api/notifications?pageSize=200')).body.items;
      expect(desk.filter((n) => n.orderId === late.id).map((n) => n.kind)).toEqual(['callback-overdue']);
    });
  });

  describe('faults', () => {
    const EVENTS = ['pre-warning', 'sign-overdue', 'handle-overdue', 'auto-urge', 'escalate'];
    /** Every order has each effect exactly once: five ledger rows, seven system history rows. */
    const expectEachOnce = async (ids: number[]) => {
      const [fx] = await db.query<RowDataPacket[]>(`SELECT order_id, kind, COUNT(*) AS n FROM deadline_effect WHERE order_id IN (?) GROUP BY order_id, kind`, [
        ids,
      ]);
      expect(fx).toHaveLength(ids.length * 5);
      expect(fx.every((r) => Number(r['n']) === 1)).toBe(true);
      const [hist] = await db.query<RowDataPacket[]>(
        `SELECT order_id, action, COUNT(*) AS n FROM order_history WHERE order_id IN (?) AND actor_role = 'system' GROUP BY order_id, action`,
        [ids],
      );
      const count = (id: number, action: string) => Number(hist.find((h) => Number(h['order_id']) === id && h['action'] === action)?.['n'] ?? 0);
      for (const id of ids) expect(EVENTS.map((a) => count(id, a))).toEqual([2, 1, 1, 2, 1]);
      const [rows] = await db.query<RowDataPacket[]>('SELECT urge_count FROM work_order WHERE id IN (?)', [ids]);
      expect(rows.every((r) => Number(r['urge_count']) === 2)).toBe(true);
    };
    const ledgerCount = async (ids: number[]) =>
      Number((await db.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM deadline_effect WHERE order_id IN (?)', [ids]))[0][0]['n']);

    it('FLUSHALL on Redis: the reconciler rebuilds the jobs and schedulers, and every effect happens exactly once', async () => {
      const orders = await Promise.all(Array.from({ length: 10 }, () => dispatched()));
      const ids = orders.map((o) => o.id);
      const flushedAt = new Date();
      await queueRedis.flushall();
      expect(await queueRedis.dbsize()).toBe(0);
      await until('every effect', async () => (await ledgerCount(ids)) === 50, 20_000);
      await sleep(800); // room for a double, were there one
      await expectEachOnce(ids);

      const [repairs] = await db.query<RowDataPacket[]>(`SELECT requeued, full_scan FROM deadline_repair WHERE note LIKE '%wiped%' AND started_at >= ?`, [
        flushedAt,
      ]);
      expect(repairs.length).toBeGreaterThan(0);
      expect(repairs.every((r) => Number(r['full_scan']) === 1)).toBe(true);
      expect(repairs.reduce((sum, r) => sum + Number(r['requeued']), 0)).toBeGreaterThanOrEqual(50 - 10); // the ten orders' timers, less any fired by the reconciler itself
      const ops = (await admin.get<DeadlineOpsView>('/api/admin/deadlines')).body;
      expect(ops.reconciler.lastRepair).not.toBeNull();
      expect(ms(ops.reconciler.lastTickAt)).toBeGreaterThan(Date.now() - 5000);
      expect(ops.queues.map((q) => q.name)).toEqual(['deadline-timers', 'deadline-sweeps']);
      expect(ops.timers.dueUnfired).toBe(0);
      // every pending timer (the whole database's) has its job back
      const [pending] = await db.query<RowDataPacket[]>(`SELECT order_id, kind, ref_id, due_at FROM deadline_timer WHERE state = 'pending'`);
      const prefix = testEnv().QUEUE_PREFIX;
      for (const t of pending)
        expect(await queueRedis.exists(`${prefix}:deadline-timers:${t['order_id']}.${t['kind']}.${t['ref_id']}.${(t['due_at'] as Date).getTime()}`)).toBe(1);
      expect((await water.get('/api/admin/deadlines')).status).toBe(403);
    });

    it('the worker killed mid-job (and down while timers come due): after restart every effect happens exactly once', async () => {
      const orders = await Promise.all(Array.from({ length: 6 }, () => dispatched()));
      const ids = orders.map((o) => o.id);
      const held = ids.slice(0, 3);
      // hold three orders' rows so their first effects block inside the worker's transaction
      const locker = await createConnection({ uri: testEnv().DATABASE_URL, timezone: 'Z' });
      try {
        await locker.beginTransaction();
        await locker.query('SELECT id FROM work_order WHERE id IN (?) FOR UPDATE', [held]);
        await until('jobs stuck mid-transaction', async () => (await timersQueue.getJobCounts('active')).active >= held.length, 10_000, 50);
        expect(await ledgerCount(held)).toBe(0);
        await worker.stop('SIGKILL');
        await locker.rollback();
      } finally {
        await locker.end();
      }
      expect((await timersQueue.getJobCounts('active')).active).toBeGreaterThanOrEqual(held.length); // left behind, locked by a dead worker
      await sleepUntil(ms(orders[5].handleDueAt) + 500); // the rest comes due while no worker runs
      expect(await ledgerCount(held)).toBe(0);

      worker = await startWorker(WORKER_ENV);
      await until('every effect after the restart', async () => (await ledgerCount(ids)) === 30, 20_000);
      await sleep(1500); // stalled jobs come back after the dead worker's lock expires: they must find nothing to do
      await expectEachOnce(ids);
    });

    it('at most once comes from the ledger key: a timer marked pending again (a lost write) does not fire twice', async () => {
      const [[t]] = await db.query<RowDataPacket[]>(
        `SELECT t.id, t.order_id FROM deadline_timer t JOIN work_order o ON o.id = t.order_id WHERE t.kind = 'sign-overdue' AND t.state = 'fired' AND o.status = 'dispatched' ORDER BY t.id LIMIT 1`,
      );
      const countHistory = async () =>
        Number(
          (await db.query<RowDataPacket[]>(`SELECT COUNT(*) AS n FROM order_history WHERE order_id = ? AND actor_role = 'system'`, [t['order_id']]))[0][0]['n'],
        );
      const before = await countHistory();
      await db.query(`UPDATE deadline_timer SET state = 'pending' WHERE id = ?`, [t['id']]);
      expect((await admin.post('/api/admin/deadlines/reconcile')).status).toBe(202);
      await until('the reconciler to settle the timer', async () => {
        const [[row]] = await db.query<RowDataPacket[]>('SELECT state FROM deadline_timer WHERE id = ?', [t['id']]);
        return row['state'] === 'fired';
      });
      expect(await countHistory()).toBe(before);
      expect(
        Number(
          (await db.query<RowDataPacket[]>(`SELECT COUNT(*) AS n FROM deadline_effect WHERE order_id = ? AND kind = 'sign-overdue'`, [t['order_id']]))[0][0][
            'n'
          ],
        ),
      ).toBe(1);
    });
  });

  describe('time-limit policy administration', () => {
    it('lists the defaults and validates edits field by field, with version checks', async () => {
      const rows = (await admin.get<TimeLimitPolicyView[]>('/api/admin/time-limits')).body;
      expect(rows.slice(0, 2).map((r) => [r.appealType, r.urgent, r.signLimit, r.handleLimit])).toEqual([
        ['*', false, '2h', '5d'],
        ['*', true, '30m', '1d'],
      ]);
      expect(rows.find((r) => r.appealType === 'suggestion')).toMatchObject({ clock: 'working', handleLimit: '10d', callbackLimit: '2d', prewarnPercent: 80 });
      const any = rows[0];
      const bad = await admin.req('PATCH', `/api/admin/time-limits/${any.id}`, {
        version: any.version,
        signLimit: 'two hours',
        longOverdueAfter: '5x',
        dayLength: '2s',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['dayLength', 'longOverdueAfter', 'signLimit']);
      expect((await admin.req('PATCH', `/api/admin/time-limits/${any.id}`, { version: any.version, prewarnPercent: 100 })).body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'prewarnPercent' }],
      });
      expect((await admin.req('PATCH', `/api/admin/time-limits/${any.id}`, { version: any.version + 7, signLimit: '3h' })).body.code).toBe('STALE_VERSION');
      expect((await admin.req('DELETE', `/api/admin/time-limits/${any.id}`)).body.code).toBe('PRECONDITION_FAILED');
      expect((await admin.post('/api/admin/time-limits', { ...DRILL, appealType: 'help', urgent: false })).body.code).toBe('DUPLICATE');
      expect((await admin.post('/api/admin/time-limits', { ...DRILL, appealType: 'gossip', urgent: false })).body.code).toBe('UNKNOWN_REFERENCE');
      const urgentHelp = await admin.post<TimeLimitPolicyView>('/api/admin/time-limits', {
        ...DRILL,
        clock: 'working',
        dayLength: null,
        appealType: 'help',
        urgent: true,
        signLimit: '15m',
      });
      expect(urgentHelp).toMatchObject({ status: 201, body: { appealType: 'help', urgent: true, signLimit: '15m', version: 1 } });
      expect((await admin.req('DELETE', `/api/admin/time-limits/${urgentHelp.body.id}`)).status).toBe(204);
      expect((await dispatcher.get('/api/admin/time-limits')).status).toBe(403);
    });
  });
});
