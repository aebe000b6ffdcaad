import { inject } from '@angular/core';
import { OrderCluster, OrderSuggestion, SUGGEST_BATCH_MAX, SuggestBatchResponse } from '@hotline/contracts';
import { ApiClient, CallState, loadInto } from '@hotline/web-core-data-access';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';

interface RoutingQueueState {
  /** by order id: the suggestions of the orders on the page shown */
  suggestions: Record<number, OrderSuggestion>;
  suggestionsState: CallState;
  /** registered orders that look like one matter */
  clusters: OrderCluster[];
  clustersState: CallState;
  /** the suggestion the dispatcher took: the dispatch dialog of that order opens with its unit */
  taken: { orderId: number; unitId: number } | null;
}

/** The dispatcher queue's routing help: 派单建议 per row (one request per page) and 疑似同一事项 groups. */
export const RoutingQueueStore = signalStore(
  withState<RoutingQueueState>({ suggestions: {}, suggestionsState: 'init', clusters: [], clustersState: 'init', taken: null }),
  withMethods((store, api = inject(ApiClient)) => {
    let seq = 0;
    return {
      /** Suggestions for the orders of a page; a newer page's answer wins over an older one still on its way. */
      loadSuggestions(orderIds: readonly number[]): Promise<boolean> {
        const mine = ++seq;
        const ids = orderIds.slice(0, SUGGEST_BATCH_MAX);
        if (ids.length === 0) {
          patchState(store, { suggestions: {}, suggestionsState: 'loaded' });
          return Promise.resolve(true);
        }
        return loadInto(
          store,
          'suggestionsState',
          () => api.post<SuggestBatchResponse>('/routing/suggest-batch', { orderIds: ids }),
          (r) => ({ suggestions: Object.fromEntries(r.suggestions.map((s) => [s.orderId, s])) }),
          { superseded: () => mine !== seq, failed: { suggestions: {} } },
        );
      },
      loadClusters(): Promise<boolean> {
        return loadInto(
          store,
          'clustersState',
          () => api.get<OrderCluster[]>('/routing/queue-clusters'),
          (clusters) => ({ clusters }),
          {
            failed: { clusters: [] },
          },
        );
      },
      take(orderId: number, unitId: number): void {
        patchState(store, { taken: { orderId, unitId } });
      },
      clearTaken(): void {
        patchState(store, { taken: null });
      },
    };
  }),
);
