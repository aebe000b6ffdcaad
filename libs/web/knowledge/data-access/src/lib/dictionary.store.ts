import { inject } from '@angular/core';
import { KnowledgeDictionary, KnowledgeDictionaryEntry, KnowledgeDictionaryEntryInput } from '@hotline/contracts';
import { ApiClient, CallState, NOTIFIER, errorMessage, loadInto } from '@hotline/web-core-data-access';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';

/** Splits what an admin typed into words: commas (either width), 、, slashes and spaces separate them. */
export function splitWords(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,，、/;；]+/)
        .map((w) => w.trim())
        .filter(Boolean),
    ),
  ];
}

interface DictionaryState {
  items: KnowledgeDictionaryEntry[];
  state: CallState;
  saving: boolean;
}

/** The search's user dictionary (admin): single words (place and unit names) and synonym groups (公积金/住房公积金). */
export const KnowledgeDictionaryStore = signalStore(
  withState<DictionaryState>({ items: [], state: 'init', saving: false }),
  withMethods((store, api = inject(ApiClient), notifier = inject(NOTIFIER)) => {
    const load = (): Promise<boolean> =>
      loadInto(
        store,
        'state',
        () => api.get<KnowledgeDictionary>('/admin/knowledge/dictionary'),
        (d) => ({ items: d.items }),
      );
    return {
      load,
      async add(input: KnowledgeDictionaryEntryInput): Promise<boolean> {
        patchState(store, { saving: true });
        try {
          const entry = await api.post<KnowledgeDictionaryEntry>('/admin/knowledge/dictionary', input);
          patchState(store, { items: [entry, ...store.items()] });
          notifier.success('已添加，检索将在数秒内生效');
          return true;
        } catch (err) {
          notifier.error(errorMessage(err));
          return false;
        } finally {
          patchState(store, { saving: false });
        }
      },
      async remove(entry: KnowledgeDictionaryEntry): Promise<boolean> {
        try {
          await api.delete(`/admin/knowledge/dictionary/${entry.id}`);
          patchState(store, { items: store.items().filter((e) => e.id !== entry.id) });
          notifier.success('已删除');
          return true;
        } catch (err) {
          notifier.error(errorMessage(err));
          return false;
        }
      },
    };
  }),
);
