import { inject } from '@angular/core';
import { HolidayView } from '@hotline/contracts';
import { ApiClient, CallState, loadInto } from '@hotline/web-core-data-access';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { withAdminSave } from './admin-crud';

interface HolidaysState {
  year: number;
  items: HolidayView[];
  callState: CallState;
}

/** 节假日与调休: one year of the calendar at a time, keyed by date (PUT creates or replaces a day). */
export const HolidaysStore = signalStore(
  withState<HolidaysState>({ year: new Date().getFullYear(), items: [], callState: 'init' }),
  withAdminSave('/admin/holidays', '节假日'),
  withMethods((store, api = inject(ApiClient)) => {
    async function load(year = store.year()): Promise<void> {
      patchState(store, { year });
      const ok = await loadInto(
        store,
        'callState',
        () => api.get<HolidayView[]>('/admin/holidays', { year }),
        (rows) => ({ items: [...rows].sort((a, b) => a.date.localeCompare(b.date)) }),
      );
      if (!ok) patchState(store, { items: [] });
    }
    return {
      load,
      save(date: string, kind: HolidayView['kind'], name: string): Promise<boolean> {
        return store._save(
          null,
          () => api.put(`/admin/holidays/${date}`, { kind, name }),
          '节假日已保存',
          () => load(Number(date.slice(0, 4))),
        );
      },
      remove(date: string): Promise<boolean> {
        return store._save(
          null,
          () => api.delete(`/admin/holidays/${date}`),
          '已删除',
          () => load(),
        );
      },
    };
  }),
);
