import { inject } from '@angular/core';
import { DirectAnswerStats } from '@hotline/contracts';
import { ApiClient, CallState, loadInto } from '@hotline/web-core-data-access';
import { signalStore, withMethods, withState } from '@ngrx/signals';

interface DirectAnswersState {
  stats: DirectAnswerStats | null;
  state: CallState;
}

/** How the direct answers of a period were made (知识库 / 三方通话 / 其他): the dashboard's 知识库覆盖率. */
export const DirectAnswersStore = signalStore(
  withState<DirectAnswersState>({ stats: null, state: 'init' }),
  withMethods((store, api = inject(ApiClient)) => {
    let seq = 0;
    return {
      load(from: string, to: string): Promise<boolean> {
        const mine = ++seq;
        return loadInto(
          store,
          'state',
          () => api.get<DirectAnswerStats>('/stats/direct-answers', { from, to }),
          (stats) => ({ stats }),
          { superseded: () => mine !== seq, failed: { stats: null } },
        );
      },
    };
  }),
);
