import { inject } from '@angular/core';
import { SurgeAlertView } from '@hotline/contracts';
import { ApiClient, CallState, NOTIFIER, errorMessage } from '@hotline/web-core-data-access';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { Period } from '@hotline/domain';
import { lastDays } from './period';

interface SurgesState {
  period: Period;
  alerts: SurgeAlertView[];
  callState: CallState;
  scanning: boolean;
}

/** Newest day first, then the biggest jump. */
export function sortAlerts(rows: readonly SurgeAlertView[]): SurgeAlertView[] {
  return [...rows].sort((a, b) => b.day.localeCompare(a.day) || (b.ratio ?? Infinity) - (a.ratio ?? Infinity) || b.count - a.count);
}

/** 激增预警: alerts of a period, and a scan of one day on demand (admin, supervisor). */
export const SurgesStore = signalStore(
  withState<SurgesState>(() => ({
    period: lastDays(30),
    alerts: [],
    callState: 'init',
    scanning: false,
  })),
  withMethods((store, api = inject(ApiClient), notifier = inject(NOTIFIER)) => {
    async function load(period = store.period()): Promise<void> {
      patchState(store, { period, callState: 'loading' });
      try {
        const alerts = await api.get<SurgeAlertView[]>('/surge-alerts', { ...period });
        patchState(store, { alerts: sortAlerts(alerts), callState: 'loaded' });
      } catch (err) {
        patchState(store, { callState: { error: errorMessage(err) } });
      }
    }
    return {
      load,
      /** Scans `day` (the API's default is yesterday) and reloads the list. */
      async scan(day?: string): Promise<SurgeAlertView[] | null> {
        patchState(store, { scanning: true });
        try {
          const found = await api.post<SurgeAlertView[]>('/surge-alerts/scan', day ? { day } : {});
          notifier.success(found.length ? `扫描完成，发现 ${found.length} 条激增预警` : '扫描完成，未发现激增');
          await load();
          return found;
        } catch (err) {
          notifier.error(`扫描失败：${errorMessage(err)}`);
          return null;
        } finally {
          patchState(store, { scanning: false });
        }
      },
    };
  }),
);
