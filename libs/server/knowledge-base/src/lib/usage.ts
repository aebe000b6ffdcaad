import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { DirectAnswerMethod, DirectAnswerStats } from '@hotline/contracts';
import { DIRECT_ANSWER_METHODS } from '@hotline/contracts';
import type { OrderChange, OrderChangeHook } from '@hotline/server-orders';
import { AppException } from '@hotline/server-platform';
import type { Row } from './article-rows';

/**
 * Follows direct answers (OrderHooks, inside the action's transaction): an answer read out of an article must name a
 * version of it that was published while the article still serves, and counts as one use of it. A refusal rolls the
 * direct answer back.
 */
@Injectable()
export class ArticleUseHook implements OrderChangeHook {
  async onOrderChange({ em, action, after, at }: OrderChange): Promise<void> {
    if (action !== 'direct-answer' || after.directAnswerArticleId == null) return;
    const id = after.directAnswerArticleId;
    const n = after.directAnswerArticleVersion;
    const [a]: Row[] = await em.query(
      `SELECT a.status, v.published_at FROM knowledge_article a
         LEFT JOIN knowledge_article_version v ON v.article_id = a.id AND v.n = ? WHERE a.id = ? FOR UPDATE`,
      [n, id],
    );
    if (!a) throw new AppException('UNKNOWN_REFERENCE', `article ${id} does not exist`, { field: 'articleId' });
    if (a['status'] !== 'published') throw new AppException('PRECONDITION_FAILED', `article ${id} is not published`, { field: 'articleId' });
    if (!a['published_at']) throw new AppException('PRECONDITION_FAILED', `version ${n} of article ${id} was never published`, { field: 'articleVersion' });
    await em.query('UPDATE knowledge_article SET use_count = use_count + 1, last_used_at = ? WHERE id = ?', [at, id]);
  }
}

/** China-time days → the UTC instants the database holds. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** How the direct answers of a period were made, and the knowledge coverage (share that used an article). */
@Injectable()
export class DirectAnswerStatsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async stats(from: string, to: string): Promise<DirectAnswerStats> {
    if (to < from) throw new AppException('VALIDATION_FAILED', 'to: must not be before from', [{ field: 'to', messages: ['before from'] }]);
    const end = new Date(dayStart(to).getTime() + 86_400_000);
    const rows: Row[] = await this.ds.query(
      `SELECT COALESCE(direct_answer_method, 'unknown') AS method, appeal_type_code = 'consult' AS consult, COUNT(*) AS n
         FROM work_order WHERE resolution = 'direct' AND closed_at >= ? AND closed_at < ? GROUP BY 1, 2`,
      [dayStart(from), end],
    );
    const byMethod = Object.fromEntries([...DIRECT_ANSWER_METHODS, 'unknown'].map((m) => [m, 0])) as Record<DirectAnswerMethod | 'unknown', number>;
    let consultTotal = 0;
    let consultArticle = 0;
    for (const r of rows) {
      const m = (r['method'] as DirectAnswerMethod | 'unknown') in byMethod ? (r['method'] as DirectAnswerMethod | 'unknown') : 'unknown';
      byMethod[m] += Number(r['n']);
      if (Number(r['consult'])) {
        consultTotal += Number(r['n']);
        if (m === 'knowledge') consultArticle += Number(r['n']);
      }
    }
    const total = Object.values(byMethod).reduce((s, n) => s + n, 0);
    const share = (a: number, b: number) => (b ? a / b : null);
    return {
      from,
      to,
      total,
      byMethod,
      coverage: share(byMethod.knowledge, total),
      consultations: { total: consultTotal, withArticle: consultArticle, coverage: share(consultArticle, consultTotal) },
    };
  }
}
