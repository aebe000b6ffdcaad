import { inject } from '@angular/core';
import { DeadlineOpsView } from '@hotline/contracts';
import { ApiClient, CallState, NOTIFIER, loadInto, runCommand } from '@hotline/web-core-data-access';
import { signalStore, withMethods, withState } from '@ngrx/signals';

interface DeadlineOpsState {
  ops: DeadlineOpsView | null;
  callState: CallState;
  reconciling: boolean;
}

/** 队列状态: the deadline queues, timers and reconciler as the API reports them, and a reconcile on demand. */
export const DeadlineOpsStore = signalStore(
  withState<DeadlineOpsState>({ ops: null, callState: 'init', reconciling: false }),
  withMethods((store, api = inject(ApiClient), notifier = inject(NOTIFIER)) => {
    /** Keeps the last good snapshot on screen when a refresh fails; `quiet` skips the spinner (auto-refresh). */
    async function load(quiet = false): Promise<void> {
      await loadInto(
        store,
        'callState',
        () => api.get<DeadlineOpsView>('/admin/deadlines'),
        (ops) => ({ ops }),
        { quiet },
      );
    }
    return {
      load,
      /** Asks the worker to compare every pending timer with Redis now (202), then refreshes the view. */
      async reconcileNow(): Promise<boolean> {
        const done = await runCommand(
          store,
          'reconciling',
          async () => {
            await api.post('/admin/deadlines/reconcile');
            notifier.success('已提交对账，稍后刷新查看结果');
            await load(true);
            return true;
          },
          (message) => notifier.error(message),
        );
        return done ?? false;
      },
    };
  }),
);
