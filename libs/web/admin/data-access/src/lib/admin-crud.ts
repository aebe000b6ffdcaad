import { inject } from '@angular/core';
import { Page } from '@hotline/contracts';
import { ApiClient, CallState, NOTIFIER, ReferenceStore, WebError, errorMessage, loadInto, toWebError } from '@hotline/web-core-data-access';
import { patchState, signalStoreFeature, withMethods, withState } from '@ngrx/signals';

/**
 * Admin edits are optimistic like orders: a PATCH carries the `version` the list showed. Units and
 * users come with it; for a row without one (categories and topics, until their views include it)
 * the edit is refused here with a clear message instead of a validation error from the API.
 */
export type Versioned<T> = T & { version?: number };

export const NO_VERSION_MESSAGE = '该数据缺少版本号，暂不能修改（需要接口在列表中返回 version）';
export const ADMIN_STALE_MESSAGE = '数据已被他人修改，已刷新，请重新编辑';

/** Chinese messages for error codes the generic map says too vaguely for this resource. */
export type SaveMessages = Partial<Record<string, string>>;

export interface AdminSaveState {
  saving: boolean;
  /** Why the last save failed (null after a success): the open form marks the fields it names. */
  lastSaveError: WebError | null;
}

export interface AdminListState<T> {
  items: T[];
  callState: CallState;
}

export function listOf<T>(res: T[] | Page<T>): T[] {
  return Array.isArray(res) ? res : (res?.items ?? []);
}

/**
 * What every admin resource store shares: the save (with the stale-version and no-version rules, the
 * notices, and the error kept for the form) and the create-or-patch of one row under `path`. A store
 * adds its list (`withAdminList`) and its own save methods on top.
 */
export function withAdminSave(path: string, noun: string) {
  return signalStoreFeature(
    withState<AdminSaveState>({ saving: false, lastSaveError: null }),
    withMethods((store, api = inject(ApiClient), notifier = inject(NOTIFIER), reference = inject(ReferenceStore)) => {
      /** Runs a save, reports it, and tells the form whether to close (it stays open with its values on error). */
      async function _save(
        existing: { version?: number } | null,
        run: () => Promise<unknown>,
        success: string,
        reload: () => Promise<unknown>,
        messages: SaveMessages = {},
      ): Promise<boolean> {
        if (existing && typeof existing.version !== 'number') {
          notifier.error(NO_VERSION_MESSAGE);
          return false;
        }
        patchState(store, { saving: true, lastSaveError: null });
        try {
          await run();
          notifier.success(success);
          await reload();
          return true;
        } catch (err) {
          const e = toWebError(err);
          patchState(store, { lastSaveError: e });
          if (e.code === 'STALE_VERSION') {
            notifier.warning(ADMIN_STALE_MESSAGE);
            await reload();
          } else {
            notifier.error((e.code && messages[e.code]) || errorMessage(e));
          }
          return false;
        } finally {
          patchState(store, { saving: false });
        }
      }
      return {
        _save,
        /** POST a new row to `path`, or PATCH `path/:id` of the existing one; `noun` says what was saved. */
        _upsert(
          existing: { id: number; version?: number } | null,
          body: Record<string, unknown>,
          reload: () => Promise<unknown>,
          messages?: SaveMessages,
        ): Promise<boolean> {
          return _save(
            existing,
            () => (existing ? api.patch(`${path}/${existing.id}`, body) : api.post(path, body)),
            existing ? `${noun}已保存` : `${noun}已创建`,
            reload,
            messages,
          );
        },
        /** Edits to reference data refresh the session's ReferenceStore so the other screens see them at once. */
        _refreshReference: () => reference.load(true),
      };
    }),
  );
}

/** The rows of one admin list, read from `path` (a plain array or a page), in the order `sort` gives. */
export function withAdminList<T>(path: string, sort: (rows: T[]) => T[] = (rows) => rows) {
  return signalStoreFeature(
    withState<AdminListState<T>>({ items: [], callState: 'init' }),
    withMethods((store, api = inject(ApiClient)) => ({
      load: (): Promise<boolean> =>
        loadInto(
          store,
          'callState',
          () => api.get<T[] | Page<T>>(path),
          (res) => ({ items: sort(listOf(res)) }),
        ),
    })),
  );
}
