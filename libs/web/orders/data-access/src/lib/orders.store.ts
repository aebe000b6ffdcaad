import { computed, inject } from '@angular/core';
import { ACTION_LABELS, OrderAction, OrderDetail, OrderSummary, Page } from '@hotline/contracts';
import { ApiClient, CallState, ERROR_MESSAGES, NOTIFIER, WebError, errorMessage, toWebError } from '@hotline/web-core-data-access';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, OrderQuery, toQueryParams } from './order-query';

export type ActionFields = Record<string, unknown>;

export type ActionOutcome = { ok: true; order: OrderDetail } | { ok: false; error: WebError; stale: boolean };

export const STALE_MESSAGE = '工单已被他人修改，已刷新';

interface OrdersState {
  query: OrderQuery;
  items: OrderSummary[];
  total: number;
  /** The search counted to `total` and stopped: there are more. */
  totalBounded: boolean;
  /** A text search counted only the orders registered since this day (YYYY-MM-DD); null when it counted them all. */
  totalSince: string | null;
  page: number;
  pageSize: number;
  listState: CallState;
  /** The order opened from the list (its drawer is open), null when none. */
  openId: number | null;
  detail: OrderDetail | null;
  detailState: CallState;
  actionState: CallState;
}

const initialState: OrdersState = {
  query: {},
  items: [],
  total: 0,
  totalBounded: false,
  totalSince: null,
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
  listState: 'init',
  openId: null,
  detail: null,
  detailState: 'init',
  actionState: 'init',
};

/**
 * Orders for one screen: a server-paged list and the order opened from it. Provide it in the
 * screen's component so that two screens never share a list.
 *
 * Every action carries the version the user saw. When someone else changed the order first
 * (409 STALE_VERSION) the order is reloaded and the caller's dialog stays open, so what the user
 * typed is kept and can be submitted again against the fresh version.
 */
export const OrdersStore = signalStore(
  withState<OrdersState>(initialState),
  withComputed((s) => ({
    listLoading: computed(() => s.listState() === 'loading'),
    acting: computed(() => s.actionState() === 'loading'),
  })),
  withMethods((store, api = inject(ApiClient), notifier = inject(NOTIFIER)) => {
    let listSeq = 0;

    async function fetchPage(): Promise<void> {
      const seq = ++listSeq;
      patchState(store, { listState: 'loading' });
      try {
        const res = await api.get<Page<OrderSummary>>('/orders', toQueryParams(store.query(), store.page(), store.pageSize()));
        if (seq !== listSeq) return; // a newer search superseded this one
        patchState(store, {
          items: res.items,
          total: res.total,
          totalBounded: res.totalBounded ?? false,
          totalSince: res.totalSince ?? null,
          listState: 'loaded',
        });
      } catch (err) {
        if (seq !== listSeq) return;
        patchState(store, {
          items: [],
          total: 0,
          totalBounded: false,
          totalSince: null,
          listState: { error: errorMessage(err) },
        });
      }
    }

    async function loadDetail(id: number, quiet = false): Promise<void> {
      if (!quiet) patchState(store, { detailState: 'loading' });
      try {
        const detail = await api.get<OrderDetail>(`/orders/${id}`);
        patchState(store, { detail, detailState: 'loaded' });
      } catch (err) {
        patchState(store, {
          detail: quiet ? store.detail() : null,
          detailState: { error: errorMessage(err, { context: 'order' }) },
        });
      }
    }

    /** After an action the list may be stale; screens without a list (an order opened by link) skip this. */
    function refreshList(): void {
      if (store.listState() !== 'init') void fetchPage();
    }

    async function post(order: Pick<OrderSummary, 'id' | 'version'>, action: OrderAction, fields: ActionFields): Promise<OrderDetail> {
      return api.post<OrderDetail>(`/orders/${order.id}/actions/${action}`, {
        ...fields,
        version: order.version,
      });
    }

    return {
      /** A new search starts at page 1 unless a page is given. */
      search(query: OrderQuery, page = 1, pageSize = store.pageSize()): Promise<void> {
        patchState(store, { query, page, pageSize });
        return fetchPage();
      },
      setPage(page: number, pageSize = store.pageSize()): Promise<void> {
        patchState(store, {
          page: pageSize !== store.pageSize() ? 1 : page,
          pageSize,
        });
        return fetchPage();
      },
      reload: fetchPage,
      clearList(): void {
        listSeq++;
        patchState(store, { items: [], total: 0, totalBounded: false, totalSince: null, listState: 'init' });
      },
      open(id: number): Promise<void> {
        patchState(store, {
          openId: id,
          detail: store.detail()?.id === id ? store.detail() : null,
          actionState: 'init',
        });
        return loadDetail(id);
      },
      refreshDetail(): Promise<void> {
        const d = store.detail();
        return d ? loadDetail(d.id, true) : Promise.resolve();
      },
      /** For a link whose id cannot name an order: same message as the API's 404. */
      notFound(): void {
        patchState(store, {
          detail: null,
          detailState: { error: ERROR_MESSAGES.ORDER_NOT_FOUND },
        });
      },
      closeDetail(): void {
        patchState(store, {
          openId: null,
          detail: null,
          detailState: 'init',
          actionState: 'init',
        });
      },

      /** Runs an action on the opened order and tells the user how it went. */
      async runAction(action: OrderAction, fields: ActionFields = {}): Promise<ActionOutcome> {
        const order = store.detail();
        if (!order)
          return {
            ok: false,
            error: { statusCode: 0, code: 'ORDER_NOT_FOUND', message: '' },
            stale: false,
          };
        patchState(store, { actionState: 'loading' });
        try {
          const updated = await post(order, action, fields);
          patchState(store, { detail: updated, actionState: 'loaded' });
          notifier.success(`${ACTION_LABELS[action]}成功`);
          refreshList();
          return { ok: true, order: updated };
        } catch (err) {
          const error = toWebError(err);
          const stale = error.code === 'STALE_VERSION';
          if (stale) {
            await loadDetail(order.id, true);
            notifier.warning(STALE_MESSAGE);
            patchState(store, { actionState: { error: STALE_MESSAGE } });
          } else {
            const message = errorMessage(error, { context: 'order' });
            notifier.error(message);
            patchState(store, { actionState: { error: message } });
            // the list row may be out of date too (someone moved the order on)
            if (error.code === 'INVALID_TRANSITION') void loadDetail(order.id, true);
          }
          return { ok: false, error, stale };
        }
      },

      /** An action straight from a list row (e.g. 催办 on the overdue board), with the row's version. */
      async rowAction(row: OrderSummary, action: OrderAction, fields: ActionFields = {}): Promise<ActionOutcome> {
        try {
          const updated = await post(row, action, fields);
          notifier.success(`${row.number} ${ACTION_LABELS[action]}成功`);
          refreshList();
          return { ok: true, order: updated };
        } catch (err) {
          const error = toWebError(err);
          const stale = error.code === 'STALE_VERSION';
          notifier[stale ? 'warning' : 'error'](stale ? STALE_MESSAGE : errorMessage(error, { context: 'order' }));
          refreshList();
          return { ok: false, error, stale };
        }
      },

      /** The number of orders matching a query (one row fetched); null when the API refused it. */
      async count(query: OrderQuery): Promise<number | null> {
        try {
          const res = await api.get<Page<OrderSummary>>('/orders', toQueryParams(query, 1, 1));
          return res.total;
        } catch {
          return null;
        }
      },

      /** Every order matching a query, fetched in pages of 200 (the API's cap), for exports and boards. */
      async fetchAll(query: OrderQuery, onProgress?: (loaded: number, total: number) => void, limit = 50_000): Promise<OrderSummary[]> {
        const all: OrderSummary[] = [];
        for (let page = 1; ; page++) {
          const res = await api.get<Page<OrderSummary>>('/orders', toQueryParams(query, page, MAX_PAGE_SIZE));
          all.push(...res.items);
          onProgress?.(all.length, res.total);
          if (!res.items.length || all.length >= res.total || all.length >= limit) return all;
        }
      },

      /** Resolves a human order number to its row (the merge dialog asks for a number, the API for an id). */
      async findByNumber(number: string): Promise<OrderSummary | null> {
        const res = await api.get<Page<OrderSummary>>('/orders', toQueryParams({ number }, 1, 5));
        return res.items.find((o) => o.number === number.trim()) ?? null;
      },
    };
  }),
);
