import { computed, inject } from '@angular/core';
import {
  KNOWLEDGE_ACTION_LABELS,
  KnowledgeAction,
  KnowledgeArticleDetail,
  KnowledgeArticleInput,
  KnowledgeArticleQuery,
  KnowledgeArticleSummary,
  KnowledgeFlagView,
  KnowledgeVersionView,
  Page,
} from '@hotline/contracts';
import { ApiClient, CallState, NOTIFIER, WebError, errorMessage, loadInto, toWebError } from '@hotline/web-core-data-access';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';

export const ARTICLE_STALE_MESSAGE = '文章已被他人修改，已刷新';
export const ARTICLES_PAGE_SIZE = 20;
/** How many open flags the page lists above the articles. */
export const OPEN_FLAGS_SHOWN = 10;

export type ArticleOutcome = { ok: true; article: KnowledgeArticleDetail } | { ok: false; error: WebError; stale: boolean };

interface ArticlesState {
  query: KnowledgeArticleQuery;
  items: KnowledgeArticleSummary[];
  total: number;
  listState: CallState;
  detail: KnowledgeArticleDetail | null;
  detailState: CallState;
  /** A past version opened from the history (null: the working copy is shown). */
  version: KnowledgeVersionView | null;
  versionState: CallState;
  saving: boolean;
  /** Open flags (标记有误) on the articles the user maintains: a unit's own, all for the center. */
  openFlags: KnowledgeFlagView[];
  openFlagsTotal: number;
}

/** Drops what the API would read as a filter but is empty. */
export function articleQueryParams(q: KnowledgeArticleQuery): Record<string, string | number | undefined> {
  return {
    status: q.status,
    q: q.q?.trim() || undefined,
    ownerUnitId: q.ownerUnitId,
    categoryId: q.categoryId,
    expiring: q.expiring,
    page: q.page ?? 1,
    pageSize: q.pageSize ?? ARTICLES_PAGE_SIZE,
  };
}

/**
 * 知识库 articles for one screen: a server-paged list (status tab, 本月到期, owner unit), the article opened from it
 * with its versions, and the editor's save and workflow actions. Every write carries the version the user saw; a 409
 * reloads the article and says so, and the caller keeps what was typed (as the orders store does).
 */
export const KnowledgeArticlesStore = signalStore(
  withState<ArticlesState>({
    query: {},
    items: [],
    total: 0,
    listState: 'init',
    detail: null,
    detailState: 'init',
    version: null,
    versionState: 'init',
    saving: false,
    openFlags: [],
    openFlagsTotal: 0,
  }),
  withComputed((s) => ({
    listLoading: computed(() => s.listState() === 'loading'),
  })),
  withMethods((store, api = inject(ApiClient), notifier = inject(NOTIFIER)) => {
    let listSeq = 0;

    function fetchList(): Promise<boolean> {
      const seq = ++listSeq;
      return loadInto(
        store,
        'listState',
        () => api.get<Page<KnowledgeArticleSummary>>('/knowledge/articles', articleQueryParams(store.query())),
        (res) => ({ items: res.items, total: res.total }),
        { superseded: () => seq !== listSeq, failed: { items: [], total: 0 } },
      );
    }

    function loadDetail(id: number, quiet = false): Promise<boolean> {
      return loadInto(
        store,
        'detailState',
        () => api.get<KnowledgeArticleDetail>(`/knowledge/articles/${id}`),
        (detail) => ({ detail }),
        { quiet },
      );
    }

    /** One write; a stale version reloads the article and warns, other errors are told as they are. */
    async function write(run: () => Promise<KnowledgeArticleDetail>, done: string): Promise<ArticleOutcome> {
      patchState(store, { saving: true });
      try {
        const article = await run();
        patchState(store, { detail: article, detailState: 'loaded', version: null });
        notifier.success(done);
        if (store.listState() !== 'init') void fetchList();
        return { ok: true, article };
      } catch (err) {
        const error = toWebError(err);
        const stale = error.code === 'STALE_VERSION';
        const current = store.detail();
        if (stale && current) {
          await loadDetail(current.id, true);
          notifier.warning(ARTICLE_STALE_MESSAGE);
        } else {
          notifier.error(errorMessage(error));
        }
        return { ok: false, error, stale };
      } finally {
        patchState(store, { saving: false });
      }
    }

    return {
      search(query: KnowledgeArticleQuery): Promise<boolean> {
        patchState(store, { query: { ...query, page: query.page ?? 1 } });
        return fetchList();
      },
      setPage(page: number): Promise<boolean> {
        patchState(store, { query: { ...store.query(), page } });
        return fetchList();
      },
      reload: fetchList,
      open(id: number): Promise<boolean> {
        patchState(store, { detail: store.detail()?.id === id ? store.detail() : null, version: null, versionState: 'init' });
        return loadDetail(id);
      },
      close(): void {
        patchState(store, { detail: null, detailState: 'init', version: null, versionState: 'init' });
      },
      create(input: KnowledgeArticleInput): Promise<ArticleOutcome> {
        return write(() => api.post<KnowledgeArticleDetail>('/knowledge/articles', input), '草稿已保存');
      },
      /** Saves the opened article (a published one gets a revision; the published text serves until it is published). */
      update(input: KnowledgeArticleInput): Promise<ArticleOutcome> {
        const a = store.detail();
        if (!a) return Promise.resolve(notOpen());
        return write(() => api.put<KnowledgeArticleDetail>(`/knowledge/articles/${a.id}`, { ...input, version: a.version }), '已保存');
      },
      act(action: KnowledgeAction, remark?: string): Promise<ArticleOutcome> {
        const a = store.detail();
        if (!a) return Promise.resolve(notOpen());
        const body = { version: a.version, ...(remark?.trim() ? { remark: remark.trim() } : {}) };
        return write(() => api.post<KnowledgeArticleDetail>(`/knowledge/articles/${a.id}/${action}`, body), `${KNOWLEDGE_ACTION_LABELS[action]}成功`);
      },
      /** 沉淀为知识: a draft made from a closed order's reply, opened as the current article. */
      fromOrder(orderId: number): Promise<ArticleOutcome> {
        return write(() => api.post<KnowledgeArticleDetail>(`/knowledge/from-order/${orderId}`), '已生成知识草稿');
      },
      showVersion(n: number): Promise<boolean> {
        const a = store.detail();
        if (!a) return Promise.resolve(false);
        return loadInto(
          store,
          'versionState',
          () => api.get<KnowledgeVersionView>(`/knowledge/articles/${a.id}/versions/${n}`),
          (version) => ({ version }),
        );
      },
      hideVersion(): void {
        patchState(store, { version: null, versionState: 'init' });
      },
      async loadOpenFlags(): Promise<void> {
        try {
          const page = await api.get<Page<KnowledgeFlagView>>('/knowledge/flags', { open: true, page: 1, pageSize: OPEN_FLAGS_SHOWN });
          patchState(store, { openFlags: page.items, openFlagsTotal: page.total });
        } catch {
          // a side list: the page works without it
          patchState(store, { openFlags: [], openFlagsTotal: 0 });
        }
      },
      async resolveFlag(flag: KnowledgeFlagView, remark?: string): Promise<boolean> {
        try {
          await api.post<KnowledgeFlagView>(`/knowledge/flags/${flag.id}/resolve`, remark?.trim() ? { remark: remark.trim() } : {});
          notifier.success('已处理');
          patchState(store, { openFlags: store.openFlags().filter((f) => f.id !== flag.id), openFlagsTotal: Math.max(0, store.openFlagsTotal() - 1) });
          if (store.detail()?.id === flag.articleId) await loadDetail(flag.articleId, true);
          return true;
        } catch (err) {
          notifier.error(errorMessage(err));
          return false;
        }
      },
    };
  }),
);

function notOpen(): ArticleOutcome {
  return { ok: false, error: { statusCode: 0, code: 'NOT_FOUND', message: '' }, stale: false };
}
