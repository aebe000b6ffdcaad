import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  KnowledgeAction,
  KnowledgeArticleDetail,
  KnowledgeArticleInput,
  KnowledgeArticleQuery,
  KnowledgeArticleSummary,
  KnowledgeStats,
  KnowledgeStatus,
  KnowledgeVersionView,
  Page,
} from '@hotline/contracts';
import { KNOWLEDGE_STATUSES } from '@hotline/contracts';
import type { AuthUser } from '@hotline/server-identity';
import { AppException, ChangeBus, inTransaction } from '@hotline/server-platform';
import { ReferenceService } from '@hotline/server-reference-data';
import { answerText, sanitizeAnswer } from './answer-html';
import {
  ARTICLE_COLUMNS,
  ARTICLE_FROM,
  FLAG_SELECT,
  stampChange,
  toArticleRow,
  toFlagView,
  toHistoryEntry,
  toSummary,
  toVersionSummary,
  toVersionView,
  VERSION_COLUMNS,
  VERSION_FROM,
  writeHistory,
  type Actor,
  type ArticleRow,
  type Row,
} from './article-rows';
import { CENTER_ROLES, decide, EDITOR_ROLES, type ArticleState, type Verb } from './workflow';

/** The ChangeBus topic on which a committed article change wakes every API process's index. */
export const KNOWLEDGE_CHANGED = 'knowledge';

export interface WriteOptions {
  /** an admin's import publishes at once */
  publish?: boolean;
  sourceOrderId?: number | null;
  /** the history action of a create ('create', 'import') */
  action?: 'create' | 'import';
}

const SYSTEM: Actor = { id: null, displayName: '系统', role: 'system' };

/** Articles: drafting, the review workflow, versions, the lists, and what a unit may see. */
@Injectable()
export class ArticlesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly ref: ReferenceService,
    private readonly bus: ChangeBus,
  ) {}

  // ------------------------------------------------------------------ reads

  async list(user: AuthUser, q: KnowledgeArticleQuery): Promise<Page<KnowledgeArticleSummary>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (user.role === 'unit_handler') {
      where.push('a.owner_unit_id = ?');
      params.push(user.unitId);
    } else if (q.ownerUnitId) {
      where.push('a.owner_unit_id = ?');
      params.push(q.ownerUnitId);
    }
    // a reader who writes no articles (agent, callback agent, leader) sees what was published, never drafts
    if (!EDITOR_ROLES.includes(user.role)) where.push('a.published_version_n IS NOT NULL');
    if (q.status) {
      where.push('a.status = ?');
      params.push(q.status);
    }
    if (q.q?.trim()) {
      where.push('a.title LIKE ?');
      params.push(`%${q.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    if (q.categoryId) {
      where.push('EXISTS (SELECT 1 FROM knowledge_article_category c WHERE c.article_id = a.id AND c.category_id = ?)');
      params.push(q.categoryId);
    }
    if (q.expiring === 'month') {
      const { first, last } = monthOf(new Date());
      where.push("a.status = 'published' AND a.valid_to BETWEEN ? AND ?");
      params.push(first, last);
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const [{ total }] = await this.ds.query(`SELECT COUNT(*) AS total FROM knowledge_article a ${w}`, params);
    const rows: Row[] = await this.ds.query(
      `SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} ${w} ORDER BY ${q.expiring ? 'a.valid_to ASC,' : ''} a.updated_at DESC, a.id DESC LIMIT ? OFFSET ?`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    const names = await this.unitNames();
    return { items: rows.map((r) => toSummary(toArticleRow(r), names)), total: Number(total), page, pageSize };
  }

  async get(user: AuthUser, id: number, em: EntityManager = this.ds.manager): Promise<KnowledgeArticleDetail> {
    const a = await this.visible(user, id, em);
    const [versions, flags, history] = await Promise.all([
      em.query(`SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE v.article_id = ? ORDER BY v.n DESC`, [id]) as Promise<Row[]>,
      em.query(`${FLAG_SELECT} WHERE f.article_id = ? ORDER BY f.id DESC`, [id]) as Promise<Row[]>,
      em.query('SELECT * FROM knowledge_history WHERE article_id = ? ORDER BY id', [id]) as Promise<Row[]>,
    ]);
    const current = toVersionView(versions.find((v) => Number(v['n']) === a.currentN) as Row, a.publishedN);
    return {
      ...toSummary(a, await this.unitNames()),
      questions: current.questions,
      answer: current.answer,
      answerText: current.answerText,
      keywords: current.keywords,
      currentVersion: a.currentN,
      versions: versions.map((v) => toVersionSummary(v, a.publishedN)),
      flags: flags.map(toFlagView),
      history: history.map(toHistoryEntry),
      createdAt: a.createdAt.toISOString(),
      sourceOrderId: a.sourceOrderId,
    };
  }

  async version(user: AuthUser, id: number, n: number): Promise<KnowledgeVersionView> {
    const a = await this.visible(user, id);
    const [v]: Row[] = await this.ds.query(`SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE v.article_id = ? AND v.n = ?`, [id, n]);
    if (!v) throw new AppException('NOT_FOUND', `article ${id} has no version ${n}`);
    return toVersionView(v, a.publishedN);
  }

  async stats(user: AuthUser): Promise<KnowledgeStats> {
    const own = user.role === 'unit_handler';
    const scope = own ? 'WHERE a.owner_unit_id = ?' : '';
    const p = own ? [user.unitId] : [];
    const byStatusRows: Row[] = await this.ds.query(`SELECT a.status, COUNT(*) AS n FROM knowledge_article a ${scope} GROUP BY a.status`, p);
    const byStatus = Object.fromEntries(KNOWLEDGE_STATUSES.map((s) => [s, 0])) as Record<KnowledgeStatus, number>;
    for (const r of byStatusRows) byStatus[r['status'] as KnowledgeStatus] = Number(r['n']);
    const { first, last } = monthOf(new Date());
    const and = own ? 'AND a.owner_unit_id = ?' : '';
    const [[exp], [flags], [uses], top] = await Promise.all([
      this.ds.query(`SELECT COUNT(*) AS n FROM knowledge_article a WHERE a.status = 'published' AND a.valid_to BETWEEN ? AND ? ${and}`, [first, last, ...p]),
      this.ds.query(`SELECT COUNT(*) AS n FROM knowledge_flag f JOIN knowledge_article a ON a.id = f.article_id WHERE f.status = 'open' ${and}`, p),
      this.ds.query(`SELECT COALESCE(SUM(a.use_count), 0) AS n FROM knowledge_article a ${scope}`, p),
      this.ds.query(
        `SELECT a.id, a.title, a.use_count, a.last_used_at FROM knowledge_article a WHERE a.use_count > 0 ${and} ORDER BY a.use_count DESC, a.id LIMIT 10`,
        p,
      ),
    ]);
    return {
      byStatus,
      expiringThisMonth: Number(exp.n),
      openFlags: Number(flags.n),
      uses: Number(uses.n),
      top: (top as Row[]).map((r) => ({
        id: Number(r['id']),
        title: String(r['title']),
        useCount: Number(r['use_count']),
        lastUsedAt: r['last_used_at'] ? new Date(r['last_used_at'] as Date).toISOString() : null,
      })),
    };
  }

  /** The article, or 404 when it does not exist or belongs to another unit than a unit handler's. */
  async visible(user: AuthUser, id: number, em: EntityManager = this.ds.manager, lock = false): Promise<ArticleRow> {
    const [r]: Row[] = await em.query(`SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.id = ?${lock ? ' FOR UPDATE' : ''}`, [id]);
    const a = r ? toArticleRow(r) : null;
    const hidden = !a || (user.role === 'unit_handler' && a.ownerUnitId !== user.unitId) || (!EDITOR_ROLES.includes(user.role) && a.publishedN === null);
    if (hidden) throw new AppException('NOT_FOUND', `article ${id} not found`);
    return a;
  }

  // ------------------------------------------------------------------ writes

  async create(user: AuthUser, input: KnowledgeArticleInput, opts: WriteOptions = {}): Promise<KnowledgeArticleDetail> {
    if (!EDITOR_ROLES.includes(user.role)) throw new AppException('FORBIDDEN_ROLE', `a ${user.role} does not write articles`);
    const clean = await this.checkInput(user, input);
    const id = await inTransaction(this.ds, (em) => this.insert(em, user, clean, opts));
    await this.changed();
    return this.get(user, id);
  }

  /** Writes a new article in the caller's transaction (the import calls it per row); returns its id. */
  async insert(em: EntityManager, user: AuthUser, clean: CleanInput, opts: WriteOptions = {}): Promise<number> {
    const status: KnowledgeStatus = opts.publish ? 'published' : 'draft';
    const res = await em.query(
      `INSERT INTO knowledge_article (title, status, owner_unit_id, valid_to, current_version_n, published_version_n, source_order_id, created_by)
       VALUES (?, ?, ?, ?, 1, ?, ?, ?)`,
      [clean.title, status, clean.ownerUnitId, clean.validTo, opts.publish ? 1 : null, opts.sourceOrderId ?? null, user.id],
    );
    const id = Number(res.insertId);
    await this.writeVersion(em, id, 1, clean, user.id, !!opts.publish);
    await writeHistory(em, id, opts.action ?? 'create', null, status, user, null, 1);
    await stampChange(em, id);
    return id;
  }

  async update(user: AuthUser, id: number, version: number, input: KnowledgeArticleInput): Promise<KnowledgeArticleDetail> {
    const clean = await this.checkInput(user, input);
    await inTransaction(this.ds, (em) => this.revise(em, user, id, version, clean));
    await this.changed();
    return this.get(user, id);
  }

  /** A new version of an article in the caller's transaction: a draft's edit, or a published article's revision. */
  async revise(em: EntityManager, user: AuthUser, id: number, version: number | null, clean: CleanInput, publish = false): Promise<void> {
    const a = await this.visible(user, id, em, true);
    const edit = this.allowed(user, a, 'edit');
    if (version != null && a.version !== version) throw stale(id);
    const n = a.currentN + 1;
    // an edit of a revision or a draft replaces the working copy with a new version; the published one stays
    let next = edit;
    if (publish) next = { status: 'published', revision: null };
    await this.writeVersion(em, id, n, clean, user.id, publish);
    // a published article's owner, title and validity change when its revision is published
    const servingFields = next.status !== 'published' || publish;
    await em.query(
      `UPDATE knowledge_article SET status = ?, revision_status = ?, current_version_n = ?, version = version + 1, updated_at = CURRENT_TIMESTAMP(3)
        ${publish ? ', published_version_n = ?' : ''}
        ${servingFields ? ', title = ?, owner_unit_id = ?, valid_to = ?, reminded_for = NULL' : ''} WHERE id = ?`,
      [next.status, next.revision, n, ...(publish ? [n] : []), ...(servingFields ? [clean.title, clean.ownerUnitId, clean.validTo] : []), id],
    );
    await writeHistory(em, id, publish ? 'import' : 'edit', a.status, next.status, user, null, n);
    await stampChange(em, id);
  }

  async act(user: AuthUser, id: number, action: KnowledgeAction, version: number, remark?: string): Promise<KnowledgeArticleDetail> {
    await inTransaction(this.ds, async (em) => {
      const a = await this.visible(user, id, em, true);
      const next = this.allowed(user, a, action);
      if (a.version !== version) throw stale(id);
      await this.transition(em, a, action, next, user, remark ?? null);
    });
    await this.changed();
    return this.get(user, id);
  }

  /** Expiry by the worker: the same transition as a user's 'expire', by the system. */
  async expireBySystem(em: EntityManager, a: ArticleRow, remark: string): Promise<void> {
    const d = decide(a, 'expire', 'system');
    if (d.ok) await this.transition(em, a, 'expire', d.next, SYSTEM, remark);
  }

  private async transition(em: EntityManager, a: ArticleRow, action: KnowledgeAction, next: ArticleState, actor: Actor, remark: string | null) {
    const publishing = action === 'publish';
    if (publishing) {
      // the working copy becomes the version that serves, with its owner, title and validity
      const [cv]: Row[] = await em.query(
        "SELECT title, DATE_FORMAT(valid_to, '%Y-%m-%d') AS valid_to FROM knowledge_article_version WHERE article_id = ? AND n = ?",
        [a.id, a.currentN],
      );
      await em.query('UPDATE knowledge_article_version SET published_at = CURRENT_TIMESTAMP(3) WHERE article_id = ? AND n = ?', [a.id, a.currentN]);
      await em.query('UPDATE knowledge_article SET published_version_n = current_version_n, title = ?, valid_to = ?, reminded_for = NULL WHERE id = ?', [
        cv['title'],
        cv['valid_to'] ?? null,
        a.id,
      ]);
    }
    await em.query('UPDATE knowledge_article SET status = ?, revision_status = ?, version = version + 1, updated_at = CURRENT_TIMESTAMP(3) WHERE id = ?', [
      next.status,
      next.revision,
      a.id,
    ]);
    await writeHistory(em, a.id, action, a.status, next.status, actor, remark, a.currentN);
    await stampChange(em, a.id);
  }

  /** What the workflow says for this user on this article: the next state, or 403 (role) / 409 (status). */
  allowed(user: AuthUser, a: ArticleRow, verb: Verb) {
    const d = decide(a, verb, user.role);
    if (!d.ok && d.reason === 'role') throw new AppException('FORBIDDEN_ROLE', `a ${user.role} may not ${verb} articles`);
    if (!d.ok)
      throw new AppException('INVALID_TRANSITION', `cannot ${verb} an article that is ${a.status}${a.revision ? ` with a revision in ${a.revision}` : ''}`);
    return d.next;
  }

  /** Validates references and sanitises the answer; a unit handler's articles are its own unit's. */
  async checkInput(user: AuthUser, input: KnowledgeArticleInput): Promise<CleanInput> {
    const categoryIds = input.categoryIds ?? [];
    const regionIds = input.regionIds ?? [];
    for (const [i, c] of categoryIds.entries()) await this.ref.category(c, `categoryIds.${i}`);
    for (const [i, r] of regionIds.entries()) await this.ref.region(r, `regionIds.${i}`);
    let ownerUnitId = input.ownerUnitId ?? null;
    if (user.role === 'unit_handler') ownerUnitId = user.unitId;
    else if (ownerUnitId != null) await this.ref.unit(ownerUnitId, 'ownerUnitId');
    const answer = sanitizeAnswer(input.answer);
    const text = answerText(answer);
    if (!text) throw new AppException('VALIDATION_FAILED', 'answer: no text left once sanitised', [{ field: 'answer', messages: ['has no text'] }]);
    const uniq = (xs: string[] | undefined) => [...new Set((xs ?? []).map((x) => x.trim()).filter(Boolean))];
    return {
      title: input.title.trim(),
      questions: uniq(input.questions),
      answer,
      answerText: text,
      categoryIds,
      regionIds,
      keywords: uniq(input.keywords),
      ownerUnitId,
      validTo: input.validTo ?? null,
    };
  }

  private async writeVersion(em: EntityManager, id: number, n: number, c: CleanInput, userId: number | null, published: boolean): Promise<void> {
    await em.query(
      `INSERT INTO knowledge_article_version (article_id, n, title, questions, answer_html, answer_text, category_ids, region_ids, keywords, valid_to, created_by, published_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${published ? 'CURRENT_TIMESTAMP(3)' : 'NULL'})`,
      [
        id,
        n,
        c.title,
        JSON.stringify(c.questions),
        c.answer,
        c.answerText,
        JSON.stringify(c.categoryIds),
        JSON.stringify(c.regionIds),
        JSON.stringify(c.keywords),
        c.validTo,
        userId,
      ],
    );
    await em.query('DELETE FROM knowledge_article_category WHERE article_id = ?', [id]);
    if (c.categoryIds.length)
      await em.query(
        `INSERT INTO knowledge_article_category (article_id, category_id) VALUES ${c.categoryIds.map(() => '(?, ?)').join(', ')}`,
        c.categoryIds.flatMap((cid) => [id, cid]),
      );
  }

  /** Tells every process's index to read the changes just committed. */
  async changed(): Promise<void> {
    await this.bus.changed(KNOWLEDGE_CHANGED);
  }

  async unitNames(): Promise<(id: number) => string | null> {
    const units = (await this.ref.snapshot()).units;
    return (id) => units.find((u) => u.id === id)?.name ?? null;
  }

  isCenter(user: AuthUser): boolean {
    return CENTER_ROLES.includes(user.role);
  }
}

export interface CleanInput {
  title: string;
  questions: string[];
  answer: string;
  answerText: string;
  categoryIds: number[];
  regionIds: number[];
  keywords: string[];
  ownerUnitId: number | null;
  validTo: string | null;
}

export const stale = (id: number) => new AppException('STALE_VERSION', `article ${id} was changed by someone else; reload it`, { field: 'version' });

/** The first and last day (YYYY-MM-DD) of the month of `d`, China time. */
export function monthOf(d: Date): { first: string; last: string } {
  const cn = new Date(d.getTime() + 8 * 3600_000);
  const y = cn.getUTCFullYear();
  const m = cn.getUTCMonth();
  const pad = (x: number) => String(x).padStart(2, '0');
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return { first: `${y}-${pad(m + 1)}-01`, last: `${y}-${pad(m + 1)}-${pad(lastDay)}` };
}
