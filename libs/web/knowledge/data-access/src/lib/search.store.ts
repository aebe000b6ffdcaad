import { inject } from '@angular/core';
import { KnowledgeSearchHit, KnowledgeSearchResult } from '@hotline/contracts';
import { ApiClient, CallState, loadInto } from '@hotline/web-core-data-access';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';

export const SEARCH_PAGE_SIZE = 10;

interface SearchState {
  q: string;
  categoryId: number | null;
  page: number;
  hits: KnowledgeSearchHit[];
  total: number;
  state: CallState;
}

/** Keyword search over the published articles, matches highlighted by the server (`<em>` in escaped HTML). */
export const KnowledgeSearchStore = signalStore(
  withState<SearchState>({ q: '', categoryId: null, page: 1, hits: [], total: 0, state: 'init' }),
  withMethods((store, api = inject(ApiClient)) => {
    let seq = 0;
    function fetch(): Promise<boolean> {
      const mine = ++seq;
      if (!store.q().trim()) {
        patchState(store, { hits: [], total: 0, state: 'init' });
        return Promise.resolve(false);
      }
      return loadInto(
        store,
        'state',
        () =>
          api.get<KnowledgeSearchResult>('/knowledge/search', {
            q: store.q().trim(),
            categoryId: store.categoryId(),
            page: store.page(),
            pageSize: SEARCH_PAGE_SIZE,
          }),
        (res) => ({ hits: res.hits, total: res.total }),
        { superseded: () => mine !== seq, failed: { hits: [], total: 0 } },
      );
    }
    return {
      search(q: string, categoryId: number | null = null): Promise<boolean> {
        patchState(store, { q, categoryId, page: 1 });
        return fetch();
      },
      setPage(page: number): Promise<boolean> {
        patchState(store, { page });
        return fetch();
      },
      clear(): void {
        seq++;
        patchState(store, { q: '', hits: [], total: 0, state: 'init' });
      },
    };
  }),
);
