import { TopicView } from '@hotline/contracts';
import { signalStore, withMethods } from '@ngrx/signals';
import { Versioned, withAdminSave } from './admin-crud';

export type AdminTopicView = Versioned<TopicView>;

export interface TopicForm {
  code: string;
  name: string;
  active: boolean;
}

export function topicBody(existing: AdminTopicView | null, f: TopicForm): Record<string, unknown> {
  return existing ? { version: existing.version, name: f.name, active: f.active } : { code: f.code, name: f.name };
}

/** 专题: the list is the session's reference data (ReferenceStore.topics), which a save refreshes. */
export const TopicsStore = signalStore(
  withAdminSave('/admin/topics', '专题'),
  withMethods((store) => ({
    save(existing: AdminTopicView | null, form: TopicForm): Promise<boolean> {
      return store._upsert(existing, topicBody(existing, form), store._refreshReference);
    },
  })),
);
