import { inject } from '@angular/core';
import {
  CategoryNode,
  DeadlineClockKind,
  DeadlineOpsView,
  HolidayView,
  Page,
  Role,
  TimeLimitPolicyView,
  TopicView,
  UnitView,
  UserView,
} from '@hotline/contracts';
import { ApiClient, CallState, NOTIFIER, ReferenceStore, WebError, errorMessage, toWebError } from '@hotline/web-core-data-access';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';

/**
 * Admin edits are optimistic like orders: a PATCH carries the `version` the list showed. Units and
 * users come with it; for a row without one (categories and topics, until their views include it)
 * the edit is refused here with a clear message instead of a validation error from the API.
 */
export type Versioned<T> = T & { version?: number };

export type AdminUserView = UserView;
export type AdminUnitView = Versioned<UnitView>;
export type AdminCategoryNode = Versioned<Omit<CategoryNode, 'children'>> & {
  children: AdminCategoryNode[];
};
export type AdminTopicView = Versioned<TopicView>;

export interface UnitForm {
  code: string;
  name: string;
  kind: UnitView['kind'];
  parentId: number | null;
  regionId: number | null;
  active: boolean;
}

export interface UserForm {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  active: boolean;
}

export interface CategoryForm {
  code: string;
  name: string;
  parentId: number | null;
  defaultUnitId: number | null;
}

export interface TopicForm {
  code: string;
  name: string;
  active: boolean;
}

export interface TimeLimitForm {
  appealType: string;
  urgent: boolean;
  clock: DeadlineClockKind;
  /** Natural clock only; empty = 24 h. */
  dayLength: string | null;
  signLimit: string;
  handleLimit: string;
  callbackLimit: string;
  feedbackLimit: string;
  prewarnPercent: number;
  longOverdueAfter: string;
}

interface AdminState {
  units: AdminUnitView[];
  unitsState: CallState;
  users: AdminUserView[];
  usersState: CallState;
  categories: AdminCategoryNode[];
  categoriesState: CallState;
  holidayYear: number;
  holidays: HolidayView[];
  holidaysState: CallState;
  timeLimits: TimeLimitPolicyView[];
  timeLimitsState: CallState;
  deadlineOps: DeadlineOpsView | null;
  deadlineOpsState: CallState;
  reconciling: boolean;
  saving: boolean;
  /** Why the last save failed (null after a success): the open form marks the fields it names. */
  lastSaveError: WebError | null;
}

export const NO_VERSION_MESSAGE = '该数据缺少版本号，暂不能修改（需要接口在列表中返回 version）';
export const ADMIN_STALE_MESSAGE = '数据已被他人修改，已刷新，请重新编辑';
export const DEFAULT_POLICY_UNDELETABLE = '默认策略（*）不能删除';
export const TIME_LIMIT_DUPLICATE = '该诉求类型与紧急程度的策略已存在';

/** Durations as the API reads them: a number and a unit — 30m, 2h, 5d, 0.5d, 3s. */
export const DURATION_PATTERN = /^\d+(\.\d+)?[smhd]$/;

function listOf<T>(res: T[] | Page<T>): T[] {
  return Array.isArray(res) ? res : (res?.items ?? []);
}

/**
 * The request bodies follow the API's DTOs, which reject unknown fields: creation takes the
 * identifying fields (code, username, kind), an update only what may change, plus `version`.
 */
export function unitBody(existing: AdminUnitView | null, f: UnitForm): Record<string, unknown> {
  return existing
    ? {
        version: existing.version,
        name: f.name,
        parentId: f.parentId,
        regionId: f.regionId,
        active: f.active,
      }
    : {
        code: f.code,
        name: f.name,
        kind: f.kind,
        parentId: f.parentId,
        regionId: f.regionId,
      };
}

export function userBody(existing: AdminUserView | null, f: UserForm): Record<string, unknown> {
  if (!existing)
    return {
      username: f.username,
      password: f.password,
      displayName: f.displayName,
      role: f.role,
      unitId: f.unitId,
    };
  return {
    version: existing.version,
    ...(f.password ? { password: f.password } : {}),
    displayName: f.displayName,
    role: f.role,
    unitId: f.unitId,
    active: f.active,
  };
}

export function categoryBody(existing: AdminCategoryNode | null, f: CategoryForm): Record<string, unknown> {
  return existing
    ? {
        version: existing.version,
        name: f.name,
        defaultUnitId: f.defaultUnitId,
      }
    : {
        code: f.code,
        name: f.name,
        parentId: f.parentId,
        defaultUnitId: f.defaultUnitId,
      };
}

export function topicBody(existing: AdminTopicView | null, f: TopicForm): Record<string, unknown> {
  return existing ? { version: existing.version, name: f.name, active: f.active } : { code: f.code, name: f.name };
}

/** Create sends the identifying pair (appeal type, urgency); an update only the limits, plus `version`. */
export function timeLimitBody(existing: TimeLimitPolicyView | null, f: TimeLimitForm): Record<string, unknown> {
  const limits = {
    clock: f.clock,
    dayLength: f.clock === 'natural' && f.dayLength?.trim() ? f.dayLength.trim() : null,
    signLimit: f.signLimit.trim(),
    handleLimit: f.handleLimit.trim(),
    callbackLimit: f.callbackLimit.trim(),
    feedbackLimit: f.feedbackLimit.trim(),
    prewarnPercent: f.prewarnPercent,
    longOverdueAfter: f.longOverdueAfter.trim(),
  };
  return existing ? { version: existing.version, ...limits } : { appealType: f.appealType, urgent: f.urgent, ...limits };
}

/** The default ('*') rows first, then by appeal type, normal before urgent — stable however the API orders them. */
export function sortTimeLimits(rows: readonly TimeLimitPolicyView[]): TimeLimitPolicyView[] {
  const rank = (r: TimeLimitPolicyView) => (r.appealType === '*' ? 0 : 1);
  return [...rows].sort((a, b) => rank(a) - rank(b) || a.appealType.localeCompare(b.appealType) || Number(a.urgent) - Number(b.urgent));
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
    categories: [],
    categoriesState: 'init',
    holidayYear: new Date().getFullYear(),
    holidays: [],
    holidaysState: 'init',
    timeLimits: [],
    timeLimitsState: 'init',
    deadlineOps: null,
    deadlineOpsState: 'init',
    reconciling: false,
    saving: false,
    lastSaveError: null,
  }),
  withMethods((store, api = inject(ApiClient), reference = inject(ReferenceStore), notifier = inject(NOTIFIER)) => {
    /** Runs a save, reports it, and tells the form whether to close (it stays open with its values on error). */
    async function save(
      existing: { version?: number } | null,
      run: () => Promise<unknown>,
      success: string,
      reload: () => Promise<unknown>,
      messages: Partial<Record<string, string>> = {},
    ): Promise<boolean> {
      if (existing && typeof existing.version !== 'number') {
        notifier.error(NO_VERSION_MESSAGE);
        return false;
      }
      patchState(store, { saving: true, lastSaveError: null });
      try {
        await run();
        notifier.success(success);
        await reload();
        return true;
      } catch (err) {
        const e = toWebError(err);
        patchState(store, { lastSaveError: e });
        if (e.code === 'STALE_VERSION') {
          notifier.warning(ADMIN_STALE_MESSAGE);
          await reload();
        } else {
          notifier.error((e.code && messages[e.code]) || errorMessage(e));
        }
        return false;
      } finally {
        patchState(store, { saving: false });
      }
    }

    async function load<K extends 'units' | 'users' | 'categories'>(key: K, path: string): Promise<void> {
      const stateKey = `${key}State` as const;
      patchState(store, { [stateKey]: 'loading' } as Partial<AdminState>);
      try {
        const rows = listOf(await api.get<AdminState[K] | Page<AdminState[K][number]>>(path));
        patchState(store, {
          [key]: rows,
          [stateKey]: 'loaded',
        } as Partial<AdminState>);
      } catch (err) {
        patchState(store, {
          [stateKey]: { error: errorMessage(err) },
        } as Partial<AdminState>);
      }
    }

    const loadUnits = () => load('units', '/admin/units');
    const loadUsers = () => load('users', '/admin/users');
    const loadCategories = () => load('categories', '/admin/categories');

    async function loadHolidays(year = store.holidayYear()): Promise<void> {
      patchState(store, { holidayYear: year, holidaysState: 'loading' });
      try {
        const rows = await api.get<HolidayView[]>('/admin/holidays', {
          year,
        });
        patchState(store, {
          holidays: [...rows].sort((a, b) => a.date.localeCompare(b.date)),
          holidaysState: 'loaded',
        });
      } catch (err) {
        patchState(store, {
          holidays: [],
          holidaysState: { error: errorMessage(err) },
        });
      }
    }

    async function loadTimeLimits(): Promise<void> {
      patchState(store, { timeLimitsState: 'loading' });
      try {
        const rows = await api.get<TimeLimitPolicyView[]>('/admin/time-limits');
        patchState(store, {
          timeLimits: sortTimeLimits(rows),
          timeLimitsState: 'loaded',
        });
      } catch (err) {
        patchState(store, { timeLimitsState: { error: errorMessage(err) } });
      }
    }

    /** Keeps the last good snapshot on screen when a refresh fails; `quiet` skips the spinner (auto-refresh). */
    async function loadDeadlineOps(quiet = false): Promise<void> {
      if (!quiet) patchState(store, { deadlineOpsState: 'loading' });
      try {
        const ops = await api.get<DeadlineOpsView>('/admin/deadlines');
        patchState(store, { deadlineOps: ops, deadlineOpsState: 'loaded' });
      } catch (err) {
        patchState(store, { deadlineOpsState: { error: errorMessage(err) } });
      }
    }

    const refreshReference = () => reference.load(true);

    return {
      loadUnits,
      loadUsers,
      loadCategories,
      loadHolidays,
      saveUnit(existing: AdminUnitView | null, form: UnitForm): Promise<boolean> {
        const body = unitBody(existing, form);
        return save(
          existing,
          () => (existing ? api.patch(`/admin/units/${existing.id}`, body) : api.post('/admin/units', body)),
          existing ? '单位已保存' : '单位已创建',
          () => Promise.all([loadUnits(), refreshReference()]),
        );
      },
      saveUser(existing: AdminUserView | null, form: UserForm): Promise<boolean> {
        const body = userBody(existing, form);
        return save(
          existing,
          () => (existing ? api.patch(`/admin/users/${existing.id}`, body) : api.post('/admin/users', body)),
          existing ? '用户已保存' : '用户已创建',
          loadUsers,
        );
      },
      saveCategory(existing: AdminCategoryNode | null, form: CategoryForm): Promise<boolean> {
        const body = categoryBody(existing, form);
        return save(
          existing,
          () => (existing ? api.patch(`/admin/categories/${existing.id}`, body) : api.post('/admin/categories', body)),
          existing ? '分类已保存' : '分类已创建',
          () => Promise.all([loadCategories(), refreshReference()]),
        );
      },
      saveTopic(existing: AdminTopicView | null, form: TopicForm): Promise<boolean> {
        const body = topicBody(existing, form);
        return save(
          existing,
          () => (existing ? api.patch(`/admin/topics/${existing.id}`, body) : api.post('/admin/topics', body)),
          existing ? '专题已保存' : '专题已创建',
          refreshReference,
        );
      },
      saveHoliday(date: string, kind: HolidayView['kind'], name: string): Promise<boolean> {
        return save(
          null,
          () => api.put(`/admin/holidays/${date}`, { kind, name }),
          '节假日已保存',
          () => loadHolidays(Number(date.slice(0, 4))),
        );
      },
      deleteHoliday(date: string): Promise<boolean> {
        return save(
          null,
          () => api.delete(`/admin/holidays/${date}`),
          '已删除',
          () => loadHolidays(),
        );
      },
      loadTimeLimits,
      saveTimeLimit(existing: TimeLimitPolicyView | null, form: TimeLimitForm): Promise<boolean> {
        const body = timeLimitBody(existing, form);
        return save(
          existing,
          () => (existing ? api.patch(`/admin/time-limits/${existing.id}`, body) : api.post('/admin/time-limits', body)),
          existing ? '时限策略已保存' : '时限策略已创建',
          loadTimeLimits,
          { DUPLICATE: TIME_LIMIT_DUPLICATE },
        );
      },
      deleteTimeLimit(row: TimeLimitPolicyView): Promise<boolean> {
        return save(null, () => api.delete(`/admin/time-limits/${row.id}`), '时限策略已删除', loadTimeLimits, {
          PRECONDITION_FAILED: DEFAULT_POLICY_UNDELETABLE,
        });
      },
      loadDeadlineOps,
      /** Asks the worker to compare every pending timer with Redis now (202), then refreshes the view. */
      async reconcileNow(): Promise<boolean> {
        patchState(store, { reconciling: true });
        try {
          await api.post('/admin/deadlines/reconcile');
          notifier.success('已提交对账，稍后刷新查看结果');
          await loadDeadlineOps(true);
          return true;
        } catch (err) {
          notifier.error(errorMessage(err));
          return false;
        } finally {
          patchState(store, { reconciling: false });
        }
      },
    };
  }),
);
