import { inject } from '@angular/core';
import type { DeadLetterView, Open311KeyIssued, Open311KeyView, SmsMessageView, SmsTemplateView, WebhookView } from '@hotline/contracts';
import { ApiClient, CallState, NOTIFIER, loadInto, runCommand } from '@hotline/web-core-data-access';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';

interface IntegrationsState {
  templates: SmsTemplateView[];
  messages: SmsMessageView[];
  webhooks: WebhookView[];
  keys: Open311KeyView[];
  /** The key just issued: shown once, never again (only its hash is kept). */
  issued: Open311KeyIssued | null;
  deadLetters: DeadLetterView[];
  callState: CallState;
  busy: boolean;
}

/** 对外集成: SMS templates and log, webhooks, Open311 keys and the order-event stream's dead letters. */
export const IntegrationsStore = signalStore(
  withState<IntegrationsState>({ templates: [], messages: [], webhooks: [], keys: [], issued: null, deadLetters: [], callState: 'init', busy: false }),
  withMethods((store, api = inject(ApiClient), notifier = inject(NOTIFIER)) => {
    const command = <T>(run: () => Promise<T>) => runCommand(store, 'busy', run, (message) => notifier.error(message));
    const load = <T>(path: string, to: (v: T) => Partial<IntegrationsState>, query?: Record<string, string>) =>
      loadInto(store, 'callState', () => api.get<T>(path, query), to);
    return {
      loadTemplates: () => load<SmsTemplateView[]>('/admin/sms/templates', (templates) => ({ templates })),
      loadMessages: (phone: string) => load<SmsMessageView[]>('/admin/messages', (messages) => ({ messages }), phone ? { phone } : undefined),
      loadWebhooks: () => load<WebhookView[]>('/admin/webhooks', (webhooks) => ({ webhooks })),
      loadKeys: () => load<Open311KeyView[]>('/admin/open311/keys', (keys) => ({ keys })),
      loadDeadLetters: () => load<DeadLetterView[]>('/admin/events/dead-letters', (deadLetters) => ({ deadLetters })),

      saveTemplate: (t: SmsTemplateView, body: string, enabled: boolean) =>
        command(async () => {
          const saved = await api.put<SmsTemplateView>(`/admin/sms/templates/${t.code}`, { body, enabled, version: t.version });
          patchState(store, { templates: store.templates().map((x) => (x.code === saved.code ? saved : x)) });
          notifier.success('模板已保存');
          return saved;
        }),
      createWebhook: (url: string, secret: string, events: string[]) =>
        command(async () => {
          const w = await api.post<WebhookView>('/admin/webhooks', { url, secret, events });
          patchState(store, { webhooks: [...store.webhooks(), w] });
          notifier.success('已添加');
          return w;
        }),
      removeWebhook: (id: number) =>
        command(async () => {
          await api.delete(`/admin/webhooks/${id}`);
          patchState(store, { webhooks: store.webhooks().filter((w) => w.id !== id) });
          return true;
        }),
      issueKey: (name: string) =>
        command(async () => {
          const issued = await api.post<Open311KeyIssued>('/admin/open311/keys', { name });
          const { apiKey: _shownOnce, ...view } = issued;
          patchState(store, { issued, keys: [...store.keys(), view] });
          return issued;
        }),
      revokeKey: (id: number) =>
        command(async () => {
          await api.delete(`/admin/open311/keys/${id}`);
          patchState(store, { keys: store.keys().map((k) => (k.id === id ? { ...k, revokedAt: new Date().toISOString() } : k)), issued: null });
          return true;
        }),
      replay: (id: number) =>
        command(async () => {
          const marked = await api.post<DeadLetterView[]>(`/admin/events/dead-letters/${id}/replay`);
          const byId = new Map(marked.map((l) => [l.id, l]));
          patchState(store, { deadLetters: store.deadLetters().map((l) => byId.get(l.id) ?? l) });
          notifier.success(`已提交重放 ${marked.length} 条，下一轮投递`);
          return marked;
        }),
    };
  }),
);
