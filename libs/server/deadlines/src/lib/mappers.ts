import type { OrderTimerView, ReconcilerRunView, TimeLimitPolicyView } from '@hotline/contracts';
import { toPolicy } from '@hotline/server-orders';
import type { DeadlineRepairEntity, DeadlineTimerEntity, TimeLimitPolicyEntity } from './entities';

export function toPolicyView(p: TimeLimitPolicyEntity): TimeLimitPolicyView {
  return {
    id: p.id,
    appealType: p.appealType,
    urgent: p.urgent,
    clock: p.clock,
    dayLength: p.dayLength,
    signLimit: p.signLimit,
    handleLimit: p.handleLimit,
    callbackLimit: p.callbackLimit,
    feedbackLimit: p.feedbackLimit,
    prewarnPercent: p.prewarnPercent,
    longOverdueAfter: p.longOverdueAfter,
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** The domain's view of a policy row: one definition, beside the table's mapping in the orders lib. */
export { toPolicy };

export function toTimerView(t: DeadlineTimerEntity, firedAt: Date | null): OrderTimerView {
  return {
    id: Number(t.id),
    kind: t.kind,
    state: t.state,
    dueAt: t.dueAt.toISOString(),
    deadlineAt: t.deadlineAt.toISOString(),
    firedAt: firedAt ? firedAt.toISOString() : null,
  };
}

export function toRepairView(r: DeadlineRepairEntity): ReconcilerRunView {
  return {
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt.toISOString(),
    fullScan: r.fullScan,
    fired: r.fired,
    requeued: r.requeued,
    backfilled: r.backfilled,
    note: r.note,
  };
}
