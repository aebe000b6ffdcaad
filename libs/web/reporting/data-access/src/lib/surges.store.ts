import { inject } from '@angular/core';
import { SurgeAlertView } from '@hotline/contracts';
import { ApiClient, CallState, NOTIFIER, loadInto, runCommand } from '@hotline/web-core-data-access';
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
      patchState(store, { period });
      await loadInto(
        store,
        'callState',
        () => api.get<SurgeAlertView[]>('/surge-alerts', { ...period }),
        (alerts) => ({ alerts: sortAlerts(alerts) }),
      );
    }
    return {
      load,
      /** Scans `day` (the API's default is yesterday) and reloads the list. */
      scan(day?: string): Promise<SurgeAlertView[] | null> {
        return runCommand(
          store,
          'scanning',
          async () => {
            const found = await api.post<SurgeAlertView[]>('/surge-alerts/scan', day ? { day } : {});
            notifier.success(found.length ? `扫描完成，发现 ${found.length} 条激增预警` : '扫描完成，未发现激增');
            await load();
            return found;
          },
          (message) => notifier.error(`扫描失败：${message}`),
        );
      },
    };
  }),
);
