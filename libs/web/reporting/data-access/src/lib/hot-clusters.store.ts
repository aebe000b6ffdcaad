import { inject } from '@angular/core';
import { HotClustersResponse } from '@hotline/contracts';
import { Period } from '@hotline/domain';
import { ApiClient, CallState, loadInto } from '@hotline/web-core-data-access';
import { signalStore, withMethods, withState } from '@ngrx/signals';

interface HotClustersState {
  result: HotClustersResponse | null;
  state: CallState;
}

/** 热点聚集: the period's groups of three or more appeals about one place or thing. */
export const HotClustersStore = signalStore(
  withState<HotClustersState>({ result: null, state: 'init' }),
  withMethods((store, api = inject(ApiClient)) => {
    let seq = 0;
    return {
      load(period: Period, min = 3): Promise<boolean> {
        const mine = ++seq;
        return loadInto(
          store,
          'state',
          () => api.get<HotClustersResponse>('/routing/clusters', { from: period.from, to: period.to, min }),
          (result) => ({ result }),
          { superseded: () => mine !== seq, failed: { result: null } },
        );
      },
    };
  }),
);
