import { inject } from '@angular/core';
import { RoutingAccuracyMonth } from '@hotline/contracts';
import { ApiClient, CallState, loadInto } from '@hotline/web-core-data-access';
import { signalStore, withMethods, withState } from '@ngrx/signals';

interface RoutingAccuracyState {
  months: RoutingAccuracyMonth[];
  state: CallState;
}

/** 派单准确率 of the last twelve months (oldest first): suggestions taken, and dispatches that never came back. */
export const RoutingAccuracyStore = signalStore(
  withState<RoutingAccuracyState>({ months: [], state: 'init' }),
  withMethods((store, api = inject(ApiClient)) => ({
    load(): Promise<boolean> {
      return loadInto(
        store,
        'state',
        () => api.get<RoutingAccuracyMonth[]>('/stats/routing-accuracy'),
        (months) => ({ months }),
        { failed: { months: [] } },
      );
    },
  })),
);
