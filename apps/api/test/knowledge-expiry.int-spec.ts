import { BullModule } from '@nestjs/bullmq';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { KnowledgeArticleDetail, NotificationPage } from '@hotline/contracts';
import { chinaDay, KnowledgeBaseWorkerModule, KnowledgeExpiry, KnowledgeSearch } from '@hotline/server-knowledge-base';
import { AppConfig, PlatformModule } from '@hotline/server-platform';
import { startApi, until, type Api, type Client } from './harness';

/**
 * The worker's part as apps/worker composes it (BullMQ processor + scheduler of the knowledge queue), started as an
 * application context in this process: a spawned ts-node worker takes longer to boot than this shared machine allows.
 */
@Module({
  imports: [
    PlatformModule.forRoot({ processName: 'worker', health: false }),
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (c: AppConfig) => ({ connection: { url: c.REDIS_URL, maxRetriesPerRequest: null }, prefix: c.QUEUE_PREFIX }),
    }),
    KnowledgeBaseWorkerModule,
  ],
})
class KnowledgeWorker {}

/** Expiry as a deadline: the worker reminds the owner unit 7 days ahead, then expires the article (real MariaDB + Redis). */
describe('knowledge expiry (the worker’s queue, real MariaDB + Redis)', () => {
  let api: Api;
  let worker: INestApplicationContext | undefined;
  let dispatcher: Client, water: Client, agent: Client;
  let ds: DataSource;
  const made: number[] = [];
  const tag = `${process.pid}${Date.now() % 100000}`;

  beforeAll(async () => {
    api = await startApi();
    [dispatcher, water, agent] = await Promise.all(['dispatcher', 'swjt', 'agent'].map((u) => api.as(u)));
    ds = api.app.get(DataSource);
  });
  afterAll(async () => {
    await worker?.close();
    if (made.length) {
      const ids = made.join(', ');
      for (const t of ['knowledge_flag', 'knowledge_history', 'knowledge_article_category', 'knowledge_article_version'])
        await ds.query(`DELETE FROM ${t} WHERE article_id IN (${ids})`);
      await ds.query(`DELETE FROM knowledge_article WHERE id IN (${ids})`);
    }
    await api.close();
  });

  /** A published article of the water company valid to `validTo`. */
  const published = async (title: string, validTo: string) => {
    const d = await water.post<KnowledgeArticleDetail>('/api/knowledge/articles', { title: `${title}${tag}`, answer: `<p>${title}的办理说明。</p>`, validTo });
    made.push(d.body.id);
    const s = await water.post<KnowledgeArticleDetail>(`/api/knowledge/articles/${d.body.id}/submit`, { version: d.body.version });
    const p = await dispatcher.post<KnowledgeArticleDetail>(`/api/knowledge/articles/${d.body.id}/publish`, { version: s.body.version });
    return p.body;
  };
  const inbox = async () => (await water.get<NotificationPage>('/api/notifications?pageSize=50')).body.items.filter((n) => n.title.includes(tag));

  it('the worker reminds the owner unit of an article expiring within 7 days, and expires one past its day', async () => {
    const now = new Date();
    const soon = await published('水费缴纳渠道', chinaDay(now, 3));
    const past = await published('旧版停水公告', chinaDay(now, -1));
    const later = await published('管网改造计划', chinaDay(now, 30));

    worker = await NestFactory.createApplicationContext(KnowledgeWorker, { logger: false });
    await worker.init(); // the scheduler adds a sweep as it starts
    await until(
      'the worker to expire the past article',
      async () => (await agent.get<KnowledgeArticleDetail>(`/api/knowledge/articles/${past.id}`)).body.status === 'expired',
      20_000,
      250,
    );
    await until('the reminder to reach the water company', async () => (await inbox()).some((n) => n.kind === 'knowledge-expiring'), 10_000, 250);

    const notes = await inbox();
    expect(notes.filter((n) => n.kind === 'knowledge-expiring').map((n) => n.title)).toEqual([`知识“水费缴纳渠道${tag}”将于 ${chinaDay(now, 3)} 到期`]);
    expect(notes.filter((n) => n.kind === 'knowledge-expired').map((n) => n.title)).toEqual([`知识“旧版停水公告${tag}”已过期`]);
    const s = (await agent.get<KnowledgeArticleDetail>(`/api/knowledge/articles/${soon.id}`)).body;
    expect(s.status).toBe('published');
    expect(s.history.at(-1)).toMatchObject({ action: 'remind', actorName: '系统' });
    expect((await agent.get<KnowledgeArticleDetail>(`/api/knowledge/articles/${past.id}`)).body.history.at(-1)).toMatchObject({
      action: 'expire',
      fromStatus: 'published',
      toStatus: 'expired',
    });
    expect((await agent.get<KnowledgeArticleDetail>(`/api/knowledge/articles/${later.id}`)).body.history.at(-1)?.action).toBe('publish');

    // a second sweep (here, in the API process) sends nothing twice
    expect(await api.app.get(KnowledgeExpiry).sweep()).toEqual({ reminded: 0, expired: 0 });
    expect(await inbox()).toHaveLength(2);
  });

  it('an article past its day is never suggested, even before the sweep expires it', async () => {
    const gone = await published('暂停供水区域查询', chinaDay(new Date(), -1));
    await api.app.get(KnowledgeSearch).refresh();
    const items = (await agent.post('/api/knowledge/suggest', { content: '暂停供水区域查询' })).body.items as { id: number }[];
    expect(items.map((i) => i.id)).not.toContain(gone.id);
  });
});
