import { inject } from '@angular/core';
import {
  KNOWLEDGE_LIMITS,
  KnowledgeFlagBody,
  KnowledgeFlagView,
  KnowledgeSuggestBody,
  KnowledgeSuggestResponse,
  KnowledgeSuggestion,
  KnowledgeVersionView,
} from '@hotline/contracts';
import { ApiClient, CallState, NOTIFIER, errorMessage, loadInto } from '@hotline/web-core-data-access';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';

/** Appeals shorter than this bring up nothing worth reading (a caller's first words). */
export const SUGGEST_MIN_CHARS = 4;

/** What a direct answer records when the agent read an article out. */
export interface ArticleUse {
  articleId: number;
  articleVersion: number;
  title: string;
}

interface SuggestState {
  items: KnowledgeSuggestion[];
  state: CallState;
  /** The article opened in the drawer: the published version the suggestion named (what is read out). */
  opened: KnowledgeVersionView | null;
  openedState: CallState;
  flagging: boolean;
}

/** The request for an appeal's text, or null when there is nothing (or too much) to ask about. */
export function suggestBody(content: string, categoryId?: number | null, regionId?: number | null): KnowledgeSuggestBody | null {
  const text = content.trim();
  if (text.length < SUGGEST_MIN_CHARS) return null;
  return {
    content: text.slice(0, KNOWLEDGE_LIMITS.suggestContent),
    ...(categoryId ? { categoryId } : {}),
    ...(regionId ? { regionId } : {}),
  };
}

/**
 * The intake screen's suggestions: the ten best published articles for the appeal as typed (the caller debounces),
 * the one the agent opened (the version the suggestion named, so the order records what was read out), and 标记有误.
 * An answer that arrives after a newer request was sent is dropped.
 */
export const KnowledgeSuggestStore = signalStore(
  withState<SuggestState>({ items: [], state: 'init', opened: null, openedState: 'init', flagging: false }),
  withMethods((store, api = inject(ApiClient), notifier = inject(NOTIFIER)) => {
    let seq = 0;
    let openSeq = 0;
    return {
      suggest(body: KnowledgeSuggestBody | null): Promise<boolean> {
        const mine = ++seq;
        if (!body) {
          patchState(store, { items: [], state: 'init' });
          return Promise.resolve(false);
        }
        return loadInto(
          store,
          'state',
          () => api.post<KnowledgeSuggestResponse>('/knowledge/suggest', body),
          (res) => ({ items: res.items }),
          { quiet: store.state() === 'loaded', superseded: () => mine !== seq },
        );
      },
      open(item: Pick<KnowledgeSuggestion, 'id' | 'version'>): Promise<boolean> {
        const mine = ++openSeq;
        return loadInto(
          store,
          'openedState',
          () => api.get<KnowledgeVersionView>(`/knowledge/articles/${item.id}/versions/${item.version}`),
          (opened) => ({ opened }),
          { superseded: () => mine !== openSeq, failed: { opened: null } },
        );
      },
      close(): void {
        openSeq++;
        patchState(store, { opened: null, openedState: 'init' });
      },
      clear(): void {
        seq++;
        openSeq++;
        patchState(store, { items: [], state: 'init', opened: null, openedState: 'init' });
      },
      /** 标记有误: the owner unit finds it in its inbox. */
      async flag(articleId: number, reason: string): Promise<boolean> {
        const body: KnowledgeFlagBody = { reason: reason.trim() };
        patchState(store, { flagging: true });
        try {
          await api.post<KnowledgeFlagView>(`/knowledge/articles/${articleId}/flags`, body);
          notifier.success('已标记有误，责任单位会收到提醒');
          return true;
        } catch (err) {
          notifier.error(`标记失败：${errorMessage(err)}`);
          return false;
        } finally {
          patchState(store, { flagging: false });
        }
      },
    };
  }),
);
