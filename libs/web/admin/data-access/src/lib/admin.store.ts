import { inject } from '@angular/core';
import { HolidayView, Page, Role, UnitView, UserView } from '@hotline/contracts';
import { ApiClient, CallState, NOTIFIER, ReferenceStore, errorMessage, toWebError } from '@hotline/web-core-data-access';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';

/** A user as the admin list shows it; `active` is not part of UserView but the PATCH body has it. */
export interface AdminUserView extends UserView {
  active?: boolean;
}

export interface UnitInput {
  code: string;
  name: string;
  kind: UnitView['kind'];
  parentId: number | null;
  regionId: number | null;
  active: boolean;
}

export interface UserInput {
  username?: string;
  password?: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  active: boolean;
}

export interface CategoryInput {
  code: string;
  name: string;
  parentId: number | null;
  defaultUnitId: number | null;
}

export interface TopicInput {
  code: string;
  name: string;
  active: boolean;
}

export type ProbeResult<T> = { status: 'ok'; data: T } | { status: 'unavailable' } | { status: 'error'; message: string };

interface AdminState {
  units: UnitView[];
  unitsState: CallState;
  users: AdminUserView[];
  usersState: CallState;
  holidayYear: number;
  holidays: HolidayView[];
  holidaysState: CallState;
  saving: boolean;
}

function listOf<T>(res: T[] | Page<T>): T[] {
  return Array.isArray(res) ? res : (res?.items ?? []);
}

/** Only send fields that were filled in: PATCH treats a missing field as "unchanged". */
function compact<T extends object>(body: T): Partial<T> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

/**
 * System administration (units, users, categories, topics, holidays). Edits to reference data
 * refresh the session's ReferenceStore so the other screens see them at once.
 */
export const AdminStore = signalStore(
  withState<AdminState>({
    units: [],
    unitsState: 'init',
    users: [],
    usersState: 'init',
    holidayYear: new Date().getFullYear(),
    holidays: [],
    holidaysState: 'init',
    saving: false,
  }),
  withMethods((store, api = inject(ApiClient), reference = inject(ReferenceStore), notifier = inject(NOTIFIER)) => {
    /** Runs a save, reports it, and tells the form whether to close (it stays open with its values on error). */
    async function save(run: () => Promise<unknown>, success: string, after?: () => Promise<unknown>): Promise<boolean> {
      patchState(store, { saving: true });
      try {
        await run();
        notifier.success(success);
        if (after) await after();
        return true;
      } catch (err) {
        notifier.error(errorMessage(err));
        return false;
      } finally {
        patchState(store, { saving: false });
      }
    }

    async function loadUnits(): Promise<void> {
      patchState(store, { unitsState: 'loading' });
      try {
        patchState(store, { units: listOf(await api.get<UnitView[] | Page<UnitView>>('/admin/units')), unitsState: 'loaded' });
      } catch (err) {
        patchState(store, { unitsState: { error: errorMessage(err) } });
      }
    }

    async function loadUsers(): Promise<void> {
      patchState(store, { usersState: 'loading' });
      try {
        patchState(store, { users: listOf(await api.get<AdminUserView[] | Page<AdminUserView>>('/admin/users')), usersState: 'loaded' });
      } catch (err) {
        patchState(store, { usersState: { error: errorMessage(err) } });
      }
    }

    async function loadHolidays(year = store.holidayYear()): Promise<void> {
      patchState(store, { holidayYear: year, holidaysState: 'loading' });
      try {
        const rows = await api.get<HolidayView[]>('/admin/holidays', { year });
        patchState(store, { holidays: [...rows].sort((a, b) => a.date.localeCompare(b.date)), holidaysState: 'loaded' });
      } catch (err) {
        patchState(store, { holidays: [], holidaysState: { error: errorMessage(err) } });
      }
    }

    const refreshReference = () => reference.load(true);

    return {
      loadUnits,
      loadUsers,
      loadHolidays,
      saveUnit(id: number | null, input: UnitInput): Promise<boolean> {
        return save(
          () => (id === null ? api.post('/admin/units', input) : api.patch(`/admin/units/${id}`, input)),
          id === null ? '单位已创建' : '单位已保存',
          () => Promise.all([loadUnits(), refreshReference()]),
        );
      },
      saveUser(id: number | null, input: UserInput): Promise<boolean> {
        const body = id === null ? compact(input) : compact({ ...input, username: undefined });
        return save(
          () => (id === null ? api.post('/admin/users', body) : api.patch(`/admin/users/${id}`, body)),
          id === null ? '用户已创建' : '用户已保存',
          loadUsers,
        );
      },
      saveCategory(id: number | null, input: CategoryInput): Promise<boolean> {
        return save(
          () => (id === null ? api.post('/admin/categories', input) : api.patch(`/admin/categories/${id}`, { ...input, parentId: undefined })),
          id === null ? '分类已创建' : '分类已保存',
          refreshReference,
        );
      },
      saveTopic(id: number | null, input: TopicInput): Promise<boolean> {
        return save(
          () => (id === null ? api.post('/admin/topics', input) : api.patch(`/admin/topics/${id}`, input)),
          id === null ? '专题已创建' : '专题已保存',
          refreshReference,
        );
      },
      saveHoliday(date: string, kind: HolidayView['kind'], name: string): Promise<boolean> {
        return save(() => api.put(`/admin/holidays/${date}`, { kind, name }), '节假日已保存', () => loadHolidays(Number(date.slice(0, 4))));
      },
      deleteHoliday(date: string): Promise<boolean> {
        return save(() => api.delete(`/admin/holidays/${date}`), '已删除', () => loadHolidays());
      },
      /** For pages whose endpoint may not exist yet: a 404 (or 501) reads as "not open yet". */
      async probe<T>(path: string): Promise<ProbeResult<T>> {
        try {
          return { status: 'ok', data: await api.get<T>(path) };
        } catch (err) {
          const e = toWebError(err);
          if (e.statusCode === 404 || e.statusCode === 501) return { status: 'unavailable' };
          return { status: 'error', message: errorMessage(e) };
        }
      },
    };
  }),
);
