import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { KnowledgeArticleDetail, KnowledgeFlagView, Page } from '@hotline/contracts';
import type { AuthUser } from '@hotline/server-identity';
import { NotificationWriter, type WrittenNotice } from '@hotline/server-notifications';
import { AppException, inTransaction } from '@hotline/server-platform';
import { textToAnswerHtml } from './answer-html';
import { FLAG_SELECT, toFlagView, writeHistory, type Row } from './article-rows';
import { ArticlesService } from './articles.service';

/** Agents' flags on articles (wrong, outdated) sent to the owner unit's inbox, and 沉淀为知识 from a closed order. */
@Injectable()
export class FlagsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly articles: ArticlesService,
    private readonly notices: NotificationWriter,
  ) {}

  async flag(user: AuthUser, articleId: number, reason: string): Promise<KnowledgeFlagView> {
    let written: WrittenNotice[] = [];
    const id = await inTransaction(this.ds, async (em) => {
      const a = await this.articles.visible(user, articleId, em, true);
      const res = await em.query('INSERT INTO knowledge_flag (article_id, reason, created_by) VALUES (?, ?, ?)', [articleId, reason, user.id]);
      await writeHistory(em, articleId, 'flag', a.status, a.status, user, reason, a.publishedN ?? a.currentN);
      // the owner unit's inbox; an article of the center's own goes to its dispatchers
      written = await this.notices.writeMany(
        em,
        [
          {
            kind: 'knowledge-flag',
            orderId: null,
            orderNumber: null,
            title: `知识“${a.title.slice(0, 60)}”被标记有误`,
            body: `${user.displayName}：${reason}`.slice(0, 1000),
            unitId: a.ownerUnitId,
            roles: a.ownerUnitId == null ? ['dispatcher'] : [],
          },
        ],
        new Date(),
      );
      return Number(res.insertId);
    });
    await this.notices.publish(written);
    return this.one(id);
  }

  async resolve(user: AuthUser, flagId: number, remark: string | null): Promise<KnowledgeFlagView> {
    await inTransaction(this.ds, async (em) => {
      const [f]: Row[] = await em.query('SELECT id, article_id, status FROM knowledge_flag WHERE id = ? FOR UPDATE', [flagId]);
      if (!f) throw new AppException('NOT_FOUND', `flag ${flagId} not found`);
      const a = await this.articles.visible(user, Number(f['article_id']), em);
      if (user.role !== 'unit_handler' && !this.articles.isCenter(user)) throw new AppException('FORBIDDEN_ROLE', `a ${user.role} does not resolve flags`);
      if (f['status'] !== 'open') throw new AppException('INVALID_TRANSITION', `flag ${flagId} is resolved already`);
      await em.query("UPDATE knowledge_flag SET status = 'resolved', resolved_by = ?, resolved_at = CURRENT_TIMESTAMP(3), remark = ? WHERE id = ?", [
        user.id,
        remark,
        flagId,
      ]);
      await writeHistory(em, a.id, 'resolve-flag', a.status, a.status, user, remark, null);
    });
    return this.one(flagId);
  }

  async list(user: AuthUser, open: boolean | undefined, page: number, pageSize: number): Promise<Page<KnowledgeFlagView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (user.role === 'unit_handler') {
      where.push('a.owner_unit_id = ?');
      params.push(user.unitId);
    }
    if (open != null) where.push(open ? "f.status = 'open'" : "f.status = 'resolved'");
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.ds.query(`SELECT COUNT(*) AS total FROM knowledge_flag f JOIN knowledge_article a ON a.id = f.article_id ${w}`, params);
    const rows: Row[] = await this.ds.query(`${FLAG_SELECT} ${w} ORDER BY f.id DESC LIMIT ? OFFSET ?`, [...params, pageSize, (page - 1) * pageSize]);
    return { items: rows.map(toFlagView), total: Number(total), page, pageSize };
  }

  private async one(id: number): Promise<KnowledgeFlagView> {
    const [r]: Row[] = await this.ds.query(`${FLAG_SELECT} WHERE f.id = ?`, [id]);
    return toFlagView(r);
  }

  /**
   * 沉淀为知识: a closed order's reply (or direct answer) as a draft article, by the center's dispatchers or the unit
   * that answered it (the main unit; a unit handler's draft is its unit's).
   */
  async fromOrder(user: AuthUser, orderId: number): Promise<KnowledgeArticleDetail> {
    if (!['dispatcher', 'supervisor', 'admin', 'unit_handler'].includes(user.role))
      throw new AppException('FORBIDDEN_ROLE', `a ${user.role} does not draft articles`);
    const [o]: Row[] = await this.ds.query(
      `SELECT o.id, o.status, o.content, o.reply, o.direct_answer, o.category_id, o.region_id, o.main_unit_id, c.name AS category_name
         FROM work_order o JOIN category c ON c.id = o.category_id WHERE o.id = ?`,
      [orderId],
    );
    const mainUnitId = o?.['main_unit_id'] == null ? null : Number(o['main_unit_id']);
    if (!o || (user.role === 'unit_handler' && mainUnitId !== user.unitId)) throw new AppException('ORDER_NOT_FOUND', `order ${orderId} not found`);
    if (o['status'] !== 'closed') throw new AppException('PRECONDITION_FAILED', `order ${orderId} is not closed`, { field: 'orderId' });
    const answer = String(o['reply'] ?? o['direct_answer'] ?? '').trim();
    if (!answer) throw new AppException('PRECONDITION_FAILED', `order ${orderId} has no reply to keep`, { field: 'orderId' });
    const content = String(o['content']).trim();
    const clean = await this.articles.checkInput(user, {
      title: `${o['category_name']}：${content.replace(/\s+/g, ' ').slice(0, 40)}`.slice(0, 200),
      questions: [content.slice(0, 500)],
      answer: textToAnswerHtml(answer),
      categoryIds: [Number(o['category_id'])],
      regionIds: o['region_id'] == null ? [] : [Number(o['region_id'])],
      ownerUnitId: mainUnitId,
    });
    const id = await inTransaction(this.ds, (em) => this.articles.insert(em, user, clean, { sourceOrderId: orderId }));
    await this.articles.changed();
    return this.articles.get(user, id);
  }
}
