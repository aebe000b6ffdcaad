import { computed, inject } from '@angular/core';
import type { RoutingModelStatus, RoutingModelView, RoutingRuleInput, RoutingRuleView } from '@hotline/contracts';
import { ApiClient, CallState, NOTIFIER, errorMessage, loadInto, toWebError } from '@hotline/web-core-data-access';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';

interface RoutingAdminState {
  model: RoutingModelView | null;
  rules: RoutingRuleView[];
  modelState: CallState;
  rulesState: CallState;
  busy: boolean;
  /**
   * Why the last 添加 failed (the API's Chinese message and its code), kept beside the form until the next attempt: the
   * toast goes after 6 s, and an admin (or a test) that looks a moment later must still see that the rule was refused.
   */
  addError: string | null;
}

/** A training run still under way: the page polls the model view while one is. */
export const ROUTING_RUN_PENDING: readonly RoutingModelStatus[] = ['queued', 'training'];

/** The API's code with its Chinese message, so an admin can quote the code when it is not self-explaining. */
export function routingErrorText(err: unknown): string {
  return `${errorMessage(err)}（${toWebError(err).code}）`;
}

/** 派单模型: the learned routing model, its training runs, and the dispatch catalogue (派单目录). */
export const RoutingAdminStore = signalStore(
  withState<RoutingAdminState>({ model: null, rules: [], modelState: 'init', rulesState: 'init', busy: false, addError: null }),
  withComputed((s) => ({
    /** queued or training, whether the serving model's own status or the latest run's */
    training: computed(() => {
      const m = s.model();
      return !!m && (ROUTING_RUN_PENDING.includes(m.status) || (!!m.latest && ROUTING_RUN_PENDING.includes(m.latest.status)));
    }),
  })),
  withMethods((store, api = inject(ApiClient), notifier = inject(NOTIFIER)) => {
    async function command<T>(run: () => Promise<T>, onError?: (err: unknown, text: string) => void): Promise<T | null> {
      patchState(store, { busy: true });
      try {
        return await run();
      } catch (err) {
        const text = routingErrorText(err);
        notifier.error(text);
        onError?.(err, text);
        return null;
      } finally {
        patchState(store, { busy: false });
      }
    }
    function reloadRules(): Promise<boolean> {
      return loadInto(
        store,
        'rulesState',
        () => api.get<RoutingRuleView[]>('/admin/routing/rules'),
        (rules) => ({ rules }),
      );
    }
    return {
      /** `quiet` keeps the last view on screen without a spinner (the poll while training). */
      loadModel: (quiet = false) =>
        loadInto(
          store,
          'modelState',
          () => api.get<RoutingModelView>('/admin/routing/model'),
          (model) => ({ model }),
          { quiet },
        ),
      loadRules: reloadRules,
      /** Queues a run (202); the answer is the model view with the run in it. */
      train: () =>
        command(async () => {
          const model = await api.post<RoutingModelView>('/admin/routing/train');
          patchState(store, { model });
          notifier.success('已提交训练，新模型须不差于当前模型才会启用');
          return model;
        }),
      /**
       * A refusal stays in `addError` until the next attempt; a DUPLICATE re-reads the catalogue, since the rule that
       * is already there may be one another admin added after this page loaded it.
       */
      addRule: (input: RoutingRuleInput) => {
        patchState(store, { addError: null });
        return command(
          async () => {
            const rule = await api.post<RoutingRuleView>('/admin/routing/rules', input);
            patchState(store, { rules: [...store.rules().filter((r) => r.id !== rule.id), rule] });
            notifier.success('派单规则已添加');
            return rule;
          },
          (err, text) => {
            patchState(store, { addError: text });
            if (toWebError(err).code === 'DUPLICATE') void reloadRules();
          },
        );
      },
      clearAddError: () => patchState(store, { addError: null }),
      removeRule: (id: number) =>
        command(async () => {
          await api.delete(`/admin/routing/rules/${id}`);
          patchState(store, { rules: store.rules().filter((r) => r.id !== id) });
          notifier.success('派单规则已删除');
          return true;
        }),
    };
  }),
);
