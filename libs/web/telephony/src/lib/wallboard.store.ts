import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import type { CallKpiReport, TelephonyAdminView, WallboardView } from '@hotline/contracts';
import { chinaDay } from '@hotline/domain';
import { ApiClient, CallState, NOTIFIER, errorMessage, loadInto } from '@hotline/web-core-data-access';

interface WallboardState {
  board: WallboardView | null;
  byHour: CallKpiReport | null;
  byAgent: CallKpiReport | null;
  callState: CallState;
  admin: TelephonyAdminView | null;
  adminState: CallState;
  saving: boolean;
}

/** 坐席监控 (refreshed by the page every few seconds) and, for admins, the PBX endpoint and the extensions. */
export const WallboardStore = signalStore(
  withState<WallboardState>({ board: null, byHour: null, byAgent: null, callState: 'init', admin: null, adminState: 'init', saving: false }),
  withMethods((store, api = inject(ApiClient), notifier = inject(NOTIFIER)) => ({
    async refresh(quiet = false): Promise<void> {
      const today = chinaDay(new Date());
      await loadInto(
        store,
        'callState',
        () =>
          Promise.all([
            api.get<WallboardView>('/telephony/wallboard'),
            api.get<CallKpiReport>('/telephony/kpis', { from: today, to: today, by: 'hour' }),
            api.get<CallKpiReport>('/telephony/kpis', { from: today, to: today, by: 'agent' }),
          ]),
        ([board, byHour, byAgent]) => ({ board, byHour, byAgent }),
        { quiet },
      );
    },
    async loadAdmin(): Promise<void> {
      await loadInto(
        store,
        'adminState',
        () => api.get<TelephonyAdminView>('/admin/telephony'),
        (admin) => ({ admin }),
      );
    },
    async rotate(pbxId: number): Promise<void> {
      patchState(store, { saving: true });
      try {
        patchState(store, { admin: await api.post<TelephonyAdminView>(`/admin/telephony/pbx/${pbxId}/rotate`) });
        notifier.success('已更换令牌：请把新地址配置到话务平台');
      } catch (e) {
        notifier.error(errorMessage(e));
      } finally {
        patchState(store, { saving: false });
      }
    },
    async setExtension(userId: number, extension: string): Promise<boolean> {
      patchState(store, { saving: true });
      try {
        const row = await api.put<TelephonyAdminView['extensions'][number]>(`/admin/telephony/extensions/${userId}`, { extension: extension.trim() || null });
        const admin = store.admin();
        if (admin) patchState(store, { admin: { ...admin, extensions: admin.extensions.map((e) => (e.userId === userId ? row : e)) } });
        notifier.success('分机号已保存');
        return true;
      } catch (e) {
        notifier.error(errorMessage(e));
        return false;
      } finally {
        patchState(store, { saving: false });
      }
    },
  })),
);
