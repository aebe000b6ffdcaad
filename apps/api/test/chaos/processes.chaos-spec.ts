import Redis from 'ioredis';
import { createConnection, type Connection } from 'mysql2/promise';
import { reconcilerKeys } from '@hotline/server-deadlines';
import type { KnowledgeArticleDetail } from '@hotline/contracts';
import { openEventStream, sleep, startApiProcess, startRedis, startWorker, until, type ApiEndpoint, type ChildProcessHandle } from '../harness';
import { testEnv } from '../test-env';
import { effectsOnce, intakeLoad, SHORT, WORKER_ENV, drillPolicy, loadNow } from './chaos-kit';

/**
 * Issue 15, fault injection: two API processes and two worker processes (four OS processes besides Jest's) on one
 * database and one (private) Redis, one worker SIGKILLed while timers fire. Every deadline effect happens once, a
 * notice caused through one API process reaches the stream held open on the other, and the reconciler runs once per
 * tick, not once per worker.
 */
describe('chaos: two API processes and two workers, one worker SIGKILLed mid-work', () => {
  let redis: ChildProcessHandle & { url: string };
  let a: ApiEndpoint & ChildProcessHandle, b: ApiEndpoint & ChildProcessHandle;
  let w1: ChildProcessHandle, w2: ChildProcessHandle;
  let db: Connection;
  let probe: Redis;
  let restore: () => Promise<void>;

  beforeAll(async () => {
    redis = await startRedis();
    process.env['IT_REDIS_URL'] = redis.url;
    // one after the other: two ts-node compiles at once on 2 cores take minutes
    a = await startApiProcess();
    b = await startApiProcess();
    w1 = await startWorker(WORKER_ENV);
    w2 = await startWorker(WORKER_ENV);
    db = await createConnection({ uri: testEnv().DATABASE_URL, timezone: 'Z' });
    probe = new Redis(redis.url, { maxRetriesPerRequest: null });
    restore = await drillPolicy(await a.as('admin'));
  }, 600_000);

  afterAll(async () => {
    await restore?.();
    await Promise.all([w1?.stop(), w2?.stop(), a?.close(), b?.close()]);
    probe?.disconnect();
    await db?.end();
    await redis?.stop();
    delete process.env['IT_REDIS_URL'];
  });

  it('effects once, notices on both API processes, one reconciler run per tick', async () => {
    expect(new Set([process.pid, a.pid, b.pid, w1.pid, w2.pid]).size).toBe(5);
    const [agentA, dispatcherB] = await Promise.all([a.as('agent'), b.as('dispatcher')]);
    const [waterA, waterB] = await Promise.all([a.as('swjt'), b.as('swjt')]);
    const [streamA, streamB] = await Promise.all([openEventStream(waterA, '/api/notifications/stream'), openEventStream(waterB, '/api/notifications/stream')]);
    let liveShare = '';
    let replayShare = '';
    try {
      // a notice written by API process A itself (an agent flags the water group's article there) reaches the
      // water group's stream held open on API process B, through Redis
      const draft = await waterA.post<KnowledgeArticleDetail>('/api/knowledge/articles', {
        title: `二次供水水箱清洗 ${Date.now()}`,
        questions: ['水箱多久清洗一次'],
        answer: '<p>每半年清洗消毒一次。</p>',
        categoryIds: [a.ref.category('水电气暖/供水/突发停水').id],
        validTo: '2099-12-31',
      });
      expect(draft.status).toBe(201);
      const submitted = await waterA.post<KnowledgeArticleDetail>(`/api/knowledge/articles/${draft.body.id}/submit`, { version: draft.body.version });
      const published = await (
        await a.as('dispatcher')
      ).post<KnowledgeArticleDetail>(`/api/knowledge/articles/${draft.body.id}/publish`, {
        version: submitted.body.version,
      });
      expect(published.status).toBe(200);
      const flaggedAt = Date.now();
      expect((await agentA.post(`/api/knowledge/articles/${draft.body.id}/flags`, { reason: '电话号码已经改了' })).status).toBe(201);
      const flagOn = (s: { events: typeof streamB.events }) =>
        s.events.find((e) => e.type === 'notification' && e.data['kind'] === 'knowledge-flag' && String(e.data['body']).includes('电话号码已经改了'));
      const onB = await until('the flag notice on API process B', async () => flagOn(streamB), 10_000, 50);
      const flagMs = Date.now() - flaggedAt;
      await until('the flag notice on API process A', async () => flagOn(streamA), 10_000, 50);
      expect(flagOn(streamA)?.id).toBe(onB.id);
      if (process.env['CHAOS_REPORT']) console.info(`processes chaos: flag on A seen on B within ${flagMs} ms`);

      // orders taken on A and dispatched on B, by two loops, while both workers run their timers
      const load = intakeLoad(a, agentA, dispatcherB, 2);
      await sleep(SHORT ? 3000 : 8000);
      await w1.stop('SIGKILL'); // timers are coming due and firing now: whatever it held is left to the other worker
      await sleep(SHORT ? 2000 : 5000);
      await load.stop();
      const ids = load.samples.filter((s) => s.what === 'dispatch' && s.status === 200).map((s) => Number(s.orderId));
      expect(ids.length).toBeGreaterThan(0);
      await until('every due timer to fire', async () => (await effectsOnce(db, ids)).missing <= 0, 60_000, 250);
      await sleep(2000); // the dead worker's jobs come back as stalled: they must find nothing to do
      expect(await effectsOnce(db, ids)).toEqual({ duplicated: 0, missing: 0 });

      // each notice to the water group reached its handler's stream on both instances
      const [[{ n }]] = (await db.query(
        'SELECT COUNT(*) AS n FROM notification WHERE user_id = (SELECT id FROM app_user WHERE username = ?) AND order_id IN (?)',
        ['swjt', ids],
      )) as unknown as [[{ n: number }]];
      const seen = (s: { events: typeof streamA.events }) =>
        new Set(s.events.filter((e) => e.type === 'notification' && ids.includes(Number(e.data['orderId']))).map((e) => e.id));
      // live: what was published reached both instances' streams alike (a notice whose publish died with worker 1
      // after its commit reaches neither live: that is what Last-Event-ID is for)
      await until('the same notices on both streams', async () => seen(streamA).size > 0 && seen(streamA).size === seen(streamB).size, 10_000, 100);
      await sleep(500);
      expect([...seen(streamA)].sort()).toEqual([...seen(streamB)].sort());
      // resumed from the id 'ready' gave at connect, on the other process: the notices written since, none missing —
      // up to the replay's cap of the newest 200, the rest counted in `skipped` (a long run writes more than 200)
      const readyA = streamA.events.find((e) => e.type === 'ready')?.id as string;
      const [newest] = (await db.query(
        'SELECT id FROM notification WHERE user_id = (SELECT id FROM app_user WHERE username = ?) AND id > ? ORDER BY id DESC LIMIT 200',
        ['swjt', Number(readyA)],
      )) as unknown as [{ id: number }[]];
      const [[{ since }]] = (await db.query(
        'SELECT COUNT(*) AS since FROM notification WHERE user_id = (SELECT id FROM app_user WHERE username = ?) AND id > ?',
        ['swjt', Number(readyA)],
      )) as unknown as [[{ since: number }]];
      const resumed = await openEventStream(waterB, '/api/notifications/stream', readyA);
      try {
        const replayed = () => new Set(resumed.events.filter((e) => e.type === 'notification').map((e) => Number(e.id)));
        await until('the replay to cover the newest notices', async () => replayed().size >= newest.length, 10_000, 100);
        expect([...replayed()].sort((x, y) => x - y)).toEqual(newest.map((r) => Number(r.id)).sort((x, y) => x - y));
        expect(Number(resumed.events.find((e) => e.type === 'ready')?.data['skipped'] ?? 0)).toBe(Number(since) - newest.length);
        replayShare = `${replayed().size}/${Number(since)}`;
      } finally {
        resumed.close();
      }
      liveShare = `${seen(streamA).size}/${Number(n)}`;
      expect(Number(n)).toBeGreaterThan(0);

      // the reconciler, with one worker left and then with two: one run per tick
      w1 = await startWorker(WORKER_ENV);
      const starts = new Set<string>();
      const windowMs = SHORT ? 4000 : 10_000;
      const end = Date.now() + windowMs;
      while (Date.now() < end) {
        const last = await probe.get(reconcilerKeys(testEnv().QUEUE_PREFIX).lastTick);
        if (last) starts.add(JSON.parse(last).startedAt);
        await sleep(40);
      }
      const ticks = windowMs / Number(WORKER_ENV.DEADLINES_RECONCILE_EVERY_MS);
      if (process.env['CHAOS_REPORT'])
        console.info(
          `processes chaos: ${JSON.stringify({ dispatched: ids.length, notices: Number(n), liveOnBoth: liveShare, replayedOfSince: replayShare, load: loadNow(), reconcilerRuns: starts.size, ticks })}`,
        );
      expect(starts.size).toBeGreaterThan(ticks * 0.5);
      expect(starts.size).toBeLessThanOrEqual(ticks + 1);
    } finally {
      streamA.close();
      streamB.close();
    }
  });
});
