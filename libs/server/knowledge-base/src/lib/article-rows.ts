import type { EntityManager } from 'typeorm';
import type {
  KnowledgeAction,
  KnowledgeArticleSummary,
  KnowledgeFlagView,
  KnowledgeHistoryEntry,
  KnowledgeStatus,
  KnowledgeVersionSummary,
  KnowledgeVersionView,
} from '@hotline/contracts';

/**
 * Raw rows of the knowledge tables and their wire mappers. The service reads and writes with plain SQL (the
 * workflow's version check is an UPDATE … WHERE version = ?); these keep the column names in one place.
 */
export type Row = Record<string, unknown>;

export interface ArticleRow {
  id: number;
  title: string;
  status: KnowledgeStatus;
  revision: 'draft' | 'review' | null;
  version: number;
  ownerUnitId: number | null;
  validTo: string | null;
  currentN: number;
  publishedN: number | null;
  useCount: number;
  lastUsedAt: Date | null;
  sourceOrderId: number | null;
  createdAt: Date;
  updatedAt: Date;
  openFlags: number;
  categoryIds: number[];
  regionIds: number[];
}

export const ARTICLE_COLUMNS = `a.id, a.title, a.status, a.revision_status, a.version, a.owner_unit_id, DATE_FORMAT(a.valid_to, '%Y-%m-%d') AS valid_to,
  a.current_version_n, a.published_version_n, a.use_count, a.last_used_at, a.source_order_id, a.created_at, a.updated_at,
  (SELECT COUNT(*) FROM knowledge_flag f WHERE f.article_id = a.id AND f.status = 'open') AS open_flags,
  cv.category_ids, cv.region_ids`;
/** The article and its working copy (current version), which gives the list its categories and regions. */
export const ARTICLE_FROM = 'knowledge_article a JOIN knowledge_article_version cv ON cv.article_id = a.id AND cv.n = a.current_version_n';

const num = (v: unknown) => (v == null ? null : Number(v));
const date = (v: unknown) => (v == null ? null : new Date(v as Date));
export const ids = (v: unknown): number[] => (v ? (JSON.parse(String(v)) as number[]) : []);
export const strings = (v: unknown): string[] => (v ? (JSON.parse(String(v)) as string[]) : []);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toArticleRow(r: Row): ArticleRow {
  return {
    id: Number(r['id']),
    title: String(r['title']),
    status: r['status'] as KnowledgeStatus,
    revision: (r['revision_status'] as ArticleRow['revision']) ?? null,
    version: Number(r['version']),
    ownerUnitId: num(r['owner_unit_id']),
    validTo: (r['valid_to'] as string | null) ?? null,
    currentN: Number(r['current_version_n']),
    publishedN: num(r['published_version_n']),
    useCount: Number(r['use_count']),
    lastUsedAt: date(r['last_used_at']),
    sourceOrderId: num(r['source_order_id']),
    createdAt: new Date(r['created_at'] as Date),
    updatedAt: new Date(r['updated_at'] as Date),
    openFlags: Number(r['open_flags'] ?? 0),
    categoryIds: ids(r['category_ids']),
    regionIds: ids(r['region_ids']),
  };
}

export function toSummary(a: ArticleRow, unitName: (id: number) => string | null): KnowledgeArticleSummary {
  return {
    id: a.id,
    title: a.title,
    status: a.status,
    version: a.version,
    publishedVersion: a.publishedN,
    hasRevision: a.revision != null,
    ownerUnitId: a.ownerUnitId,
    ownerUnitName: a.ownerUnitId == null ? null : unitName(a.ownerUnitId),
    categoryIds: a.categoryIds,
    regionIds: a.regionIds,
    validTo: a.validTo,
    useCount: a.useCount,
    lastUsedAt: iso(a.lastUsedAt),
    openFlags: a.openFlags,
    updatedAt: a.updatedAt.toISOString(),
  };
}

export const VERSION_COLUMNS = `v.article_id, v.n, v.title, v.questions, v.answer_html, v.answer_text, v.category_ids, v.region_ids, v.keywords,
  DATE_FORMAT(v.valid_to, '%Y-%m-%d') AS valid_to, v.created_at, v.created_by, v.published_at, u.display_name AS created_by_name`;
export const VERSION_FROM = 'knowledge_article_version v LEFT JOIN app_user u ON u.id = v.created_by';

export function toVersionSummary(r: Row, publishedN: number | null): KnowledgeVersionSummary {
  return {
    n: Number(r['n']),
    title: String(r['title']),
    createdAt: new Date(r['created_at'] as Date).toISOString(),
    createdById: num(r['created_by']),
    createdByName: (r['created_by_name'] as string | null) ?? null,
    published: publishedN != null && Number(r['n']) === publishedN,
  };
}

export function toVersionView(r: Row, publishedN: number | null): KnowledgeVersionView {
  return {
    ...toVersionSummary(r, publishedN),
    articleId: Number(r['article_id']),
    questions: strings(r['questions']),
    answer: String(r['answer_html']),
    answerText: String(r['answer_text']),
    keywords: strings(r['keywords']),
    categoryIds: ids(r['category_ids']),
    regionIds: ids(r['region_ids']),
    validTo: (r['valid_to'] as string | null) ?? null,
  };
}

export const FLAG_SELECT = `SELECT f.id, f.article_id, a.title AS article_title, f.reason, f.status, f.created_by, cu.display_name AS created_by_name,
  f.created_at, f.resolved_at, ru.display_name AS resolved_by_name, f.remark
  FROM knowledge_flag f JOIN knowledge_article a ON a.id = f.article_id
  LEFT JOIN app_user cu ON cu.id = f.created_by LEFT JOIN app_user ru ON ru.id = f.resolved_by`;

export function toFlagView(r: Row): KnowledgeFlagView {
  return {
    id: Number(r['id']),
    articleId: Number(r['article_id']),
    articleTitle: String(r['article_title']),
    reason: String(r['reason']),
    status: r['status'] as KnowledgeFlagView['status'],
    createdById: num(r['created_by']),
    createdByName: (r['created_by_name'] as string | null) ?? null,
    createdAt: new Date(r['created_at'] as Date).toISOString(),
    resolvedAt: iso(date(r['resolved_at'])),
    resolvedByName: (r['resolved_by_name'] as string | null) ?? null,
    remark: (r['remark'] as string | null) ?? null,
  };
}

export function toHistoryEntry(r: Row): KnowledgeHistoryEntry {
  return {
    id: Number(r['id']),
    action: r['action'] as KnowledgeHistoryEntry['action'],
    fromStatus: (r['from_status'] as KnowledgeStatus | null) ?? null,
    toStatus: (r['to_status'] as KnowledgeStatus | null) ?? null,
    actorId: num(r['actor_id']),
    actorName: (r['actor_name'] as string | null) ?? null,
    remark: (r['remark'] as string | null) ?? null,
    versionN: num(r['version_n']),
    createdAt: new Date(r['created_at'] as Date).toISOString(),
  };
}

export interface Actor {
  id: number | null;
  displayName: string;
  role: string;
}

/** One history row of an article, in the caller's transaction. */
export async function writeHistory(
  em: EntityManager,
  articleId: number,
  action: KnowledgeAction | KnowledgeHistoryEntry['action'],
  from: KnowledgeStatus | null,
  to: KnowledgeStatus | null,
  actor: Actor,
  remark: string | null,
  versionN: number | null,
): Promise<void> {
  await em.query(
    'INSERT INTO knowledge_history (article_id, action, from_status, to_status, actor_id, actor_name, actor_role, remark, version_n) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [articleId, action, from, to, actor.id, actor.displayName.slice(0, 64), actor.role, remark, versionN],
  );
}

/**
 * Takes the next change number under the counter row's lock and stamps the article with it: the lock is held to
 * commit, so changes commit in number order and a process that has read up to n has seen every change ≤ n.
 */
export async function stampChange(em: EntityManager, articleId: number): Promise<void> {
  await em.query('UPDATE knowledge_counter SET article_seq = article_seq + 1 WHERE id = 1');
  await em.query('UPDATE knowledge_article SET index_seq = (SELECT article_seq FROM knowledge_counter WHERE id = 1) WHERE id = ?', [articleId]);
}
