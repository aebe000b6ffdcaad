import { inject } from '@angular/core';
import { TimeLimitPolicyView } from '@hotline/contracts';
import { ApiClient } from '@hotline/web-core-data-access';
import { signalStore, withMethods } from '@ngrx/signals';
import { withAdminList, withAdminSave } from './admin-crud';

/** What the form edits: the policy row without its bookkeeping (natural clock only: empty day length = 24 h). */
export type TimeLimitForm = Omit<TimeLimitPolicyView, 'id' | 'version' | 'updatedAt'>;

export const DEFAULT_POLICY_UNDELETABLE = '默认策略（*）不能删除';
export const TIME_LIMIT_DUPLICATE = '该诉求类型与紧急程度的策略已存在';

/** Durations as the API reads them: a number and a unit — 30m, 2h, 5d, 0.5d, 3s. */
export const DURATION_PATTERN = /^\d+(\.\d+)?[smhd]$/;

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

/** 时限策略: the deadline policy per appeal type and urgency. */
export const TimeLimitsStore = signalStore(
  withAdminList<TimeLimitPolicyView>('/admin/time-limits', sortTimeLimits),
  withAdminSave('/admin/time-limits', '时限策略'),
  withMethods((store, api = inject(ApiClient)) => ({
    save(existing: TimeLimitPolicyView | null, form: TimeLimitForm): Promise<boolean> {
      return store._upsert(existing, timeLimitBody(existing, form), store.load, { DUPLICATE: TIME_LIMIT_DUPLICATE });
    },
    remove(row: TimeLimitPolicyView): Promise<boolean> {
      return store._save(null, () => api.delete(`/admin/time-limits/${row.id}`), '时限策略已删除', store.load, {
        PRECONDITION_FAILED: DEFAULT_POLICY_UNDELETABLE,
      });
    },
  })),
);
