import { inject } from '@angular/core';
import { DashboardData } from '@hotline/contracts';
import { ApiClient, CallState, loadInto } from '@hotline/web-core-data-access';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { Period } from '@hotline/domain';
import { PeriodPreset, PlatformChoice, presetPeriod } from './period';

interface DashboardState {
  preset: PeriodPreset;
  period: Period;
  platform: PlatformChoice;
  data: DashboardData | null;
  callState: CallState;
}

/**
 * 领导看板: `GET /api/stats/dashboard` for the chosen period and platform scope. A request that comes back
 * after a newer one was sent is dropped, so quick clicks through the presets never show a stale period.
 */
export const DashboardStore = signalStore(
  withState<DashboardState>(() => ({
    preset: 'month',
    period: presetPeriod('month'),
    platform: 'city',
    data: null,
    callState: 'init',
  })),
  withMethods((store, api = inject(ApiClient)) => {
    let seq = 0;
    async function load(): Promise<void> {
      const mine = ++seq;
      await loadInto(
        store,
        'callState',
        () => api.get<DashboardData>('/stats/dashboard', { ...store.period(), platform: store.platform() }),
        (data) => ({ data }),
        { superseded: () => mine !== seq },
      );
    }
    return {
      load,
      choose(preset: PeriodPreset, period?: Period): Promise<void> {
        const next = preset === 'custom' ? (period ?? store.period()) : presetPeriod(preset);
        patchState(store, { preset, period: next });
        return load();
      },
      setPlatform(platform: PlatformChoice): Promise<void> {
        patchState(store, { platform });
        return load();
      },
    };
  }),
);
