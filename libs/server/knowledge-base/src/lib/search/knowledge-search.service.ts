import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { KnowledgeSearchResult, KnowledgeSuggestBody, KnowledgeSuggestResponse } from '@hotline/contracts';
import { AppException, ChangeBus } from '@hotline/server-platform';
import { KnowledgeIndex, KnowledgeQueryError, type KnowledgeArticleRow } from '@hotline/server-knowledge';
import { ids, strings, type Row } from '../article-rows';
import { KNOWLEDGE_CHANGED } from '../articles.service';
import { DICTIONARY_CHANGED, DictionaryService } from '../dictionary.service';

/** How often a process checks the change counter, besides being woken by the ChangeBus (a lost message costs this). */
export const POLL_MS = 1000;

const SERVING = `SELECT a.id, a.status, a.index_seq, a.updated_at, v.n, v.title, v.questions, v.answer_text, v.category_ids, v.region_ids, v.keywords,
  DATE_FORMAT(v.valid_to, '%Y-%m-%d') AS valid_to
  FROM knowledge_article a LEFT JOIN knowledge_article_version v ON v.article_id = a.id AND v.n = a.published_version_n`;

/** 有效期至 is a day (inclusive) in China time: the article stops serving at the end of it. */
export const endOfDay = (day: string) => new Date(`${day}T23:59:59.999+08:00`);

function toIndexRow(r: Row): KnowledgeArticleRow {
  return {
    id: Number(r['id']),
    version: Number(r['n']),
    title: String(r['title']),
    questions: strings(r['questions']),
    answer: String(r['answer_text']),
    categoryIds: ids(r['category_ids']),
    regionIds: ids(r['region_ids']),
    keywords: strings(r['keywords']),
    validTo: r['valid_to'] ? endOfDay(String(r['valid_to'])) : null,
    updatedAt: new Date(r['updated_at'] as Date),
  };
}

/**
 * This process's search index of the published articles (the database stays the only copy). Built at start; then
 * every committed change is applied in change-number order — woken at once by the ChangeBus, and by a poll of the
 * one-row counter every second in case a message was lost, so a publish anywhere is searchable here within ~1 s. A
 * dictionary change rebuilds the whole index with the new words and synonyms.
 */
@Injectable()
export class KnowledgeSearch implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(KnowledgeSearch.name);
  private index = new KnowledgeIndex();
  private seenSeq = 0;
  private seenDict = -1;
  /** one refresh at a time, in order: a rebuild and the changes after it never interleave */
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private ready: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly dictionary: DictionaryService,
    bus: ChangeBus,
  ) {
    bus.on(KNOWLEDGE_CHANGED, () => void this.refresh());
    bus.on(DICTIONARY_CHANGED, () => void this.refresh());
  }

  onApplicationBootstrap(): void {
    this.ready = this.refresh();
    this.timer = setInterval(() => void this.refresh(), POLL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Applies what changed since this process last looked (serialised). */
  refresh(): Promise<void> {
    this.chain = this.chain.then(() => this.catchUp()).catch((e: Error) => this.logger.warn(`knowledge index refresh failed: ${e.message}`));
    return this.chain;
  }

  private async catchUp(): Promise<void> {
    const [c]: Row[] = await this.ds.query('SELECT article_seq, dict_seq FROM knowledge_counter WHERE id = 1');
    const seq = Number(c['article_seq']);
    const dict = Number(c['dict_seq']);
    if (dict !== this.seenDict) return this.rebuild(seq, dict);
    if (seq <= this.seenSeq) return;
    const rows: Row[] = await this.ds.query(`${SERVING} WHERE a.index_seq > ? ORDER BY a.index_seq`, [this.seenSeq]);
    for (const r of rows) {
      if (r['status'] === 'published' && r['n'] != null) this.index.upsert(toIndexRow(r));
      else this.index.remove(Number(r['id']));
      this.seenSeq = Math.max(this.seenSeq, Number(r['index_seq']));
    }
    this.seenSeq = Math.max(this.seenSeq, seq);
  }

  /** A fresh index of every published article; the counter was read first, so later changes are applied after. */
  private async rebuild(seq: number, dict: number): Promise<void> {
    const started = Date.now();
    const { userWords, synonyms } = await this.dictionary.load();
    const rows: Row[] = await this.ds.query(`${SERVING} WHERE a.status = 'published'`);
    const index = new KnowledgeIndex({ userWords, synonyms });
    await index.rebuild(rows.filter((r) => r['n'] != null).map(toIndexRow));
    this.index = index;
    this.seenSeq = seq;
    this.seenDict = dict;
    this.logger.log(`knowledge index: ${rows.length} articles in ${Date.now() - started} ms`);
    // rows committed after the counter was read are in the index already; re-applying them is harmless
  }

  /** Resolves once the first build is done (tests and the first query wait for it). */
  async whenReady(): Promise<void> {
    await (this.ready ?? this.refresh());
  }

  async search(q: { q: string; categoryId?: number; regionId?: number; page?: number; pageSize?: number }): Promise<KnowledgeSearchResult> {
    await this.whenReady();
    const r = this.guard('q', () => this.index.search(q.q, { categoryId: q.categoryId, regionId: q.regionId, page: q.page ?? 1, pageSize: q.pageSize ?? 10 }));
    return {
      total: r.total,
      page: r.page,
      pageSize: r.pageSize,
      hits: r.hits.map((h) => ({
        id: Number(h.id),
        version: h.version,
        titleHtml: h.titleHtml,
        snippetHtml: h.snippetHtml,
        score: h.score,
        categoryIds: h.categoryIds.map(Number),
        updatedAt: h.updatedAt.toISOString(),
      })),
    };
  }

  async suggest(body: KnowledgeSuggestBody): Promise<KnowledgeSuggestResponse> {
    await this.whenReady();
    const items = this.guard('content', () => this.index.suggest({ content: body.content, categoryId: body.categoryId, regionId: body.regionId, limit: 10 }));
    return { items: items.map((s) => ({ id: Number(s.id), version: this.index.versionOf(s.id) ?? 0, title: s.title, snippet: s.snippet, score: s.score })) };
  }

  /** The engine's refusals (empty, too long, bad page) as 400s naming the field. */
  private guard<T>(field: string, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof KnowledgeQueryError) {
        const f = e.code === 'INVALID_PAGE' ? 'page' : field;
        throw new AppException('VALIDATION_FAILED', `${f}: ${e.message}`, [{ field: f, messages: [e.message] }]);
      }
      throw e;
    }
  }
}
