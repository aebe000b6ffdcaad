import { DIRECT_ANSWER_METHOD_OPTIONS } from './action-bodies';

/**
 * Wire types of the knowledge base (知识库, issue 11). Server: libs/server/knowledge-base.
 *
 * Endpoints (all under /api, JWT bearer):
 *   GET    /knowledge/articles?status=&q=&ownerUnitId=&categoryId=&expiring=month&page=&pageSize=  → Page<KnowledgeArticleSummary>
 *            a unit handler sees only its own unit's articles; everyone else sees all (agents: published only)
 *   GET    /knowledge/articles/:id                     → KnowledgeArticleDetail
 *   POST   /knowledge/articles  KnowledgeArticleInput  → 201 KnowledgeArticleDetail (status draft)
 *            unit_handler: ownerUnitId is forced to its own unit; center roles (dispatcher/supervisor/admin) any unit
 *   PUT    /knowledge/articles/:id  KnowledgeArticleUpdate (input + version) → KnowledgeArticleDetail
 *            on draft/review: edits the draft in place as a new version (status back to draft if it was in review);
 *            on published: makes a revision (the published version keeps serving until the revision is published)
 *   POST   /knowledge/articles/:id/:action  KnowledgeActionBody  → KnowledgeArticleDetail
 *            action ∈ KNOWLEDGE_ACTIONS: submit (owner unit or center) | publish | reject (center) | expire | archive
 *   GET    /knowledge/articles/:id/versions/:n         → KnowledgeVersionView
 *   POST   /knowledge/articles/:id/flags  { reason }   → 201 KnowledgeFlagView (any signed-in role; the owner unit is notified)
 *   POST   /knowledge/flags/:id/resolve  { remark? }   → KnowledgeFlagView (owner unit or center)
 *   GET    /knowledge/flags?open=true&page=            → Page<KnowledgeFlagView> (unit handlers: their own unit's)
 *   POST   /knowledge/from-order/:orderId              → 201 KnowledgeArticleDetail (draft from a closed order's reply:
 *            a dispatcher/supervisor/admin, or a handler of the unit that answered)
 *   GET    /knowledge/stats                            → KnowledgeStats
 *   GET    /knowledge/search?q=&categoryId=&regionId=&page=&pageSize= → KnowledgeSearchResult (published, unexpired)
 *   POST   /knowledge/suggest  KnowledgeSuggestBody   → KnowledgeSuggestResponse (ten best; empty or > 5,000 chars → 400
 *            VALIDATION_FAILED with details [{ field: 'content', … }])
 *   POST   /knowledge/import?fileName=x.csv|x.xlsx  (raw body, Content-Type text/csv, the xlsx type or
 *            application/octet-stream) → 200 KnowledgeImportSummary (files ≤ 512 KB, status done) or 202
 *            KnowledgeImportSummary with status running (poll GET /knowledge/import/:jobId → KnowledgeImportSummary);
 *            center roles and unit handlers (their unit's); an admin's rows are published, anyone else's are drafts.
 *            Headers 标题, 答案 (required), 问题 / 同义问法 (one per line), 分类 (path 住房管理/住房公积金; several with ;),
 *            责任单位 (name or code), 有效期至 (YYYY-MM-DD), 关键词 (separated by , ， 、 or spaces)
 *   GET    /admin/knowledge/dictionary                 → KnowledgeDictionary (admin)
 *   POST   /admin/knowledge/dictionary  KnowledgeDictionaryEntryInput → 201 KnowledgeDictionaryEntry (admin)
 *   DELETE /admin/knowledge/dictionary/:id            → 204 (admin)
 *   GET    /stats/direct-answers?from=YYYY-MM-DD&to=YYYY-MM-DD → DirectAnswerStats
 *
 * Errors: stale `version` → 409 STALE_VERSION; a role that may never act → 403 FORBIDDEN_ROLE; another unit's article
 * → 404 NOT_FOUND; an action not allowed in the status → 409 INVALID_TRANSITION.
 */

export const KNOWLEDGE_STATUSES = ['draft', 'review', 'published', 'expired', 'archived'] as const;
export type KnowledgeStatus = (typeof KNOWLEDGE_STATUSES)[number];

export const KNOWLEDGE_STATUS_LABELS: Record<KnowledgeStatus, string> = {
  draft: '草稿',
  review: '待审核',
  published: '已发布',
  expired: '已过期',
  archived: '已归档',
};

export const KNOWLEDGE_ACTIONS = ['submit', 'publish', 'reject', 'expire', 'archive'] as const;
export type KnowledgeAction = (typeof KNOWLEDGE_ACTIONS)[number];

export const KNOWLEDGE_ACTION_LABELS: Record<KnowledgeAction, string> = {
  submit: '提交审核',
  publish: '审核发布',
  reject: '退回修改',
  expire: '置为过期',
  archive: '归档',
};

/** Limits of the article's fields (the server DTO reads them; the web forms may too). */
export const KNOWLEDGE_LIMITS = {
  title: 200,
  question: 500,
  questions: 20,
  answer: 20000,
  keyword: 50,
  keywords: 30,
  categories: 10,
  regions: 30,
  remark: 1000,
  flagReason: 1000,
  suggestContent: 5000,
  searchQuery: 500,
} as const;

export interface KnowledgeArticleSummary {
  id: number;
  title: string;
  status: KnowledgeStatus;
  version: number;
  /** the version number now serving (null until first published) */
  publishedVersion: number | null;
  /** true when a published article has an unpublished revision (draft or in review) */
  hasRevision: boolean;
  ownerUnitId: number | null;
  ownerUnitName: string | null;
  categoryIds: number[];
  regionIds: number[];
  /** YYYY-MM-DD or null (no end) */
  validTo: string | null;
  useCount: number;
  lastUsedAt: string | null;
  openFlags: number;
  updatedAt: string;
}

export interface KnowledgeArticleDetail extends KnowledgeArticleSummary {
  /** the working copy (the revision when there is one, else the published text) */
  questions: string[];
  /** sanitised HTML */
  answer: string;
  /** the answer as plain text (what the index and "insert into the direct answer" use) */
  answerText: string;
  keywords: string[];
  /** the number of the working copy's version */
  currentVersion: number;
  versions: KnowledgeVersionSummary[];
  flags: KnowledgeFlagView[];
  history: KnowledgeHistoryEntry[];
  createdAt: string;
  /** the order this draft was made from (沉淀为知识) */
  sourceOrderId: number | null;
}

export interface KnowledgeVersionSummary {
  n: number;
  title: string;
  createdAt: string;
  createdById: number | null;
  createdByName: string | null;
  /** true for the version now serving */
  published: boolean;
}

export interface KnowledgeVersionView extends KnowledgeVersionSummary {
  articleId: number;
  questions: string[];
  answer: string;
  answerText: string;
  keywords: string[];
  categoryIds: number[];
  regionIds: number[];
  validTo: string | null;
}

export interface KnowledgeHistoryEntry {
  id: number;
  action: KnowledgeAction | 'create' | 'edit' | 'flag' | 'resolve-flag' | 'remind' | 'import' | 'use';
  fromStatus: KnowledgeStatus | null;
  toStatus: KnowledgeStatus | null;
  actorId: number | null;
  actorName: string | null;
  remark: string | null;
  versionN: number | null;
  createdAt: string;
}

export interface KnowledgeFlagView {
  id: number;
  articleId: number;
  articleTitle: string;
  reason: string;
  status: 'open' | 'resolved';
  createdById: number | null;
  createdByName: string | null;
  createdAt: string;
  resolvedAt: string | null;
  resolvedByName: string | null;
  remark: string | null;
}

/** POST /knowledge/articles; PUT adds `version`. */
export interface KnowledgeArticleInput {
  title: string;
  questions?: string[];
  /** HTML (sanitised on the way in: p, br, b, strong, i, em, u, ul, ol, li, a[href], table parts, h3–h6) */
  answer: string;
  categoryIds?: number[];
  regionIds?: number[];
  keywords?: string[];
  /** unit handlers: ignored (their own unit) */
  ownerUnitId?: number | null;
  /** YYYY-MM-DD */
  validTo?: string | null;
}

export interface KnowledgeArticleUpdate extends KnowledgeArticleInput {
  version: number;
}

export interface KnowledgeActionBody {
  version: number;
  remark?: string;
}

export interface KnowledgeFlagBody {
  reason: string;
}

export interface KnowledgeResolveFlagBody {
  remark?: string;
}

export interface KnowledgeArticleQuery {
  status?: KnowledgeStatus;
  q?: string;
  ownerUnitId?: number;
  categoryId?: number;
  /** 'month': valid to within the current calendar month (本月到期) */
  expiring?: 'month';
  page?: number;
  pageSize?: number;
}

export interface KnowledgeSearchHit {
  id: number;
  version: number;
  /** HTML-escaped with <em>…</em> around matches */
  titleHtml: string;
  snippetHtml: string;
  score: number;
  categoryIds: number[];
  updatedAt: string;
}

export interface KnowledgeSearchResult {
  total: number;
  page: number;
  pageSize: number;
  hits: KnowledgeSearchHit[];
}

export interface KnowledgeSuggestBody {
  content: string;
  categoryId?: number;
  regionId?: number;
}

export interface KnowledgeSuggestion {
  id: number;
  /** the published version number (what the direct answer records as articleVersion) */
  version: number;
  title: string;
  /** HTML-escaped with <em>…</em> */
  snippet: string;
  score: number;
}

export interface KnowledgeSuggestResponse {
  items: KnowledgeSuggestion[];
}

export interface KnowledgeStats {
  byStatus: Record<KnowledgeStatus, number>;
  /** published articles whose 有效期至 falls in the current month */
  expiringThisMonth: number;
  openFlags: number;
  /** uses recorded by direct answers, all time */
  uses: number;
  /** most used articles */
  top: { id: number; title: string; useCount: number; lastUsedAt: string | null }[];
}

export interface KnowledgeImportRowError {
  row: number;
  column: string;
  reason: string;
}

export interface KnowledgeImportSummary {
  jobId: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  fileName: string;
  /** new articles */
  imported: number;
  /** articles (same title and owner unit) given a new version */
  updated: number;
  /** rows that said what their article says already (a re-import) */
  unchanged: number;
  /** rows refused, each with its errors (row, column, reason); nothing of them is stored */
  failed: number;
  /** why the whole file failed (missing columns …), else null */
  message: string | null;
  /** the first 100 row errors */
  errors: KnowledgeImportRowError[];
}

export interface KnowledgeDictionaryEntry {
  id: number;
  kind: 'word' | 'synonyms';
  /** kind word: one word; kind synonyms: the group, two or more words */
  words: string[];
  createdAt: string;
}

export interface KnowledgeDictionaryEntryInput {
  kind: 'word' | 'synonyms';
  words: string[];
}

export interface KnowledgeDictionary {
  items: KnowledgeDictionaryEntry[];
}

/** Notices the knowledge base sends to a unit's inbox (NotificationView.kind besides the order events). */
export const KNOWLEDGE_NOTICE_KINDS = ['knowledge-flag', 'knowledge-expiring', 'knowledge-expired'] as const;
export type KnowledgeNoticeKind = (typeof KNOWLEDGE_NOTICE_KINDS)[number];

/** How a direct answer (直接办结) was made; recorded on the order. */
export const DIRECT_ANSWER_METHODS = DIRECT_ANSWER_METHOD_OPTIONS;
export type DirectAnswerMethod = (typeof DIRECT_ANSWER_METHODS)[number];
export const DIRECT_ANSWER_METHOD_LABELS: Record<DirectAnswerMethod, string> = {
  knowledge: '知识库',
  'three-way': '三方通话',
  other: '其他',
};

/**
 * On the order detail as `OrderDetail.directAnswerRecord` (null for orders not answered directly). The direct-answer
 * action body (ACTION_BODIES['direct-answer']) takes the same fields: method?, articleId?, articleVersion?,
 * threeWayUnitId?, threeWayPerson?; method 'knowledge' needs articleId and articleVersion (the suggestion's `version`;
 * the article must be published, else 409 PRECONDITION_FAILED), 'three-way' needs threeWayUnitId.
 */
export interface DirectAnswerRecord {
  method: DirectAnswerMethod | null;
  articleId: number | null;
  articleVersion: number | null;
  threeWayUnitId: number | null;
  threeWayPerson: string | null;
}

export interface DirectAnswerStats {
  from: string;
  to: string;
  total: number;
  byMethod: Record<DirectAnswerMethod | 'unknown', number>;
  /** share (0..1) of direct answers that used an article; null when total is 0 */
  coverage: number | null;
  /** consultations (appeal type 咨询) only */
  consultations: { total: number; withArticle: number; coverage: number | null };
}
