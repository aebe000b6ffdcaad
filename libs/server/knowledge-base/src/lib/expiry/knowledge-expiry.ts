import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job, Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { NotificationWriter, type NoticeDraft, type WrittenNotice } from '@hotline/server-notifications';
import { inTransaction } from '@hotline/server-platform';
import { ARTICLE_COLUMNS, ARTICLE_FROM, toArticleRow, writeHistory, type Row } from '../article-rows';
import { ArticlesService } from '../articles.service';

export const KNOWLEDGE_QUEUE = 'knowledge';
export const KNOWLEDGE_JOBS = { expirySweep: 'expiry-sweep' } as const;
/** The owner unit is reminded this many days before 有效期至. */
export const REMIND_DAYS = 7;
/** How often the sweep runs. Serving stops exactly on time anyway: the index checks 有效期至 on every query. */
export const SWEEP_EVERY_MS = 10 * 60_000;

/** A China-time day (YYYY-MM-DD) `days` after `now`'s. */
export function chinaDay(now: Date, days = 0): string {
  return new Date(now.getTime() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

const SYSTEM = { id: null, displayName: '系统', role: 'system' };

/**
 * Expiry as a deadline: the owner unit is reminded REMIND_DAYS before 有效期至, and an article past it is expired (the
 * index stopped suggesting it at the end of that day already). The sweep is idempotent — each article is locked and
 * re-checked in its own transaction, and `reminded_for` records the 有效期至 a reminder was sent for — so any number of
 * workers and re-runs send each reminder once.
 */
@Injectable()
export class KnowledgeExpiry {
  private readonly logger = new Logger(KnowledgeExpiry.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly articles: ArticlesService,
    private readonly notices: NotificationWriter,
  ) {}

  async sweep(now = new Date()): Promise<{ reminded: number; expired: number }> {
    const today = chinaDay(now);
    const soon = chinaDay(now, REMIND_DAYS);
    // cheap existence checks first; then one transaction per article
    const due: Row[] = await this.ds.query(
      `SELECT id FROM knowledge_article WHERE status = 'published' AND valid_to IS NOT NULL AND valid_to <= ?
         AND (valid_to < ? OR reminded_for IS NULL OR reminded_for <> valid_to) ORDER BY valid_to, id LIMIT 5000`,
      [soon, today],
    );
    let reminded = 0;
    let expired = 0;
    for (const { id } of due) {
      const r = await this.one(Number(id), today, soon).catch((e: Error) => {
        this.logger.warn(`knowledge expiry of article ${id} failed: ${e.message}`);
        return null;
      });
      if (r === 'reminded') reminded++;
      if (r === 'expired') expired++;
    }
    if (expired) await this.articles.changed();
    if (reminded || expired) this.logger.log(`knowledge expiry: ${reminded} reminded, ${expired} expired`);
    return { reminded, expired };
  }

  private async one(id: number, today: string, soon: string): Promise<'reminded' | 'expired' | null> {
    let written: WrittenNotice[] = [];
    const result = await inTransaction(this.ds, async (em) => {
      const [r]: Row[] = await em.query(
        `SELECT ${ARTICLE_COLUMNS}, DATE_FORMAT(a.reminded_for, '%Y-%m-%d') AS reminded_for FROM ${ARTICLE_FROM} WHERE a.id = ? FOR UPDATE`,
        [id],
      );
      if (!r) return null;
      const a = toArticleRow(r);
      if (a.status !== 'published' || !a.validTo || a.validTo > soon) return null;
      const notice = (kind: NoticeDraft['kind'], title: string): NoticeDraft => ({
        kind,
        orderId: null,
        orderNumber: null,
        title,
        body: `有效期至 ${a.validTo}，请及时修订或归档。`,
        unitId: a.ownerUnitId,
        roles: a.ownerUnitId == null ? ['dispatcher'] : [],
      });
      if (a.validTo < today) {
        await this.articles.expireBySystem(em, a, `有效期至 ${a.validTo}`);
        written = await this.notices.writeMany(em, [notice('knowledge-expired', `知识“${a.title.slice(0, 60)}”已过期`)], new Date());
        return 'expired' as const;
      }
      if (r['reminded_for'] === a.validTo) return null;
      await em.query('UPDATE knowledge_article SET reminded_for = valid_to WHERE id = ?', [id]);
      await writeHistory(em, id, 'remind', a.status, a.status, SYSTEM, `有效期至 ${a.validTo}`, a.publishedN);
      written = await this.notices.writeMany(em, [notice('knowledge-expiring', `知识“${a.title.slice(0, 60)}”将于 ${a.validTo} 到期`)], new Date());
      return 'reminded' as const;
    });
    await this.notices.publish(written);
    return result;
  }
}

/** The worker's knowledge queue: the expiry sweep. */
@Processor(KNOWLEDGE_QUEUE)
export class KnowledgeProcessor extends WorkerHost {
  constructor(private readonly expiry: KnowledgeExpiry) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if (job.name !== KNOWLEDGE_JOBS.expirySweep) throw new Error(`no handler for knowledge job ${job.name}`);
    return this.expiry.sweep();
  }
}

/** Schedules the sweep (a job scheduler: one, however many workers start) and runs one at start. */
@Injectable()
export class KnowledgeScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(KNOWLEDGE_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    const opts = { removeOnComplete: 20, removeOnFail: 50 };
    await this.queue.upsertJobScheduler('knowledge-expiry', { every: SWEEP_EVERY_MS }, { name: KNOWLEDGE_JOBS.expirySweep, opts });
    await this.queue.add(KNOWLEDGE_JOBS.expirySweep, {}, { ...opts, jobId: `expiry-sweep-boot-${Date.now()}` });
  }
}
