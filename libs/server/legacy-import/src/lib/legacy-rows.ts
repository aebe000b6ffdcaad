import type { OrderAction, OrderStatus, Role } from '@hotline/contracts';
import { decide, type OrderFacts } from '@hotline/domain';
import type { LegacyOrder } from './legacy';

/**
 * A legacy order as this system's rows: the order in the state its times say it reached, and the history the
 * lifecycle would have written for it (each step allowed by the transition table), acted by "历史数据导入" in
 * the role that does that step.
 */

export const IMPORT_ACTOR = '历史数据导入';

export interface ImportedHistory {
  action: OrderAction | 'create';
  from: OrderStatus | null;
  to: OrderStatus;
  role: Role;
  unitId: number | null;
  comment: string | null;
  data: Record<string, unknown> | null;
  at: Date;
}

export interface ImportedOrder {
  facts: OrderFacts;
  history: ImportedHistory[];
  closedAt: Date | null;
  directAnswer: string | null;
  reply: string | null;
  dispatchedAt: Date | null;
}

export function legacyToRows(o: LegacyOrder, jobId: number | null): ImportedOrder {
  const history: ImportedHistory[] = [];
  let status: OrderStatus = 'registered';
  const note = { importJob: jobId, legacyNumber: o.number };
  const step = (
    action: OrderAction | 'create',
    role: Role,
    at: Date,
    extra: { unitId?: number | null; comment?: string | null; data?: Record<string, unknown> | null; ctx?: Parameters<typeof decide>[3] } = {},
  ) => {
    let to: OrderStatus = 'registered';
    if (action !== 'create') {
      const d = decide(status, action, role, { hasComment: !!extra.comment, ...extra.ctx });
      if (!d.ok) throw new Error(`legacy order ${o.number}: ${action} refused in ${status}: ${d.reason}`);
      to = d.to;
    }
    history.push({
      action,
      from: action === 'create' ? null : status,
      to,
      role,
      unitId: extra.unitId ?? null,
      comment: extra.comment ?? null,
      data: extra.data ?? null,
      at,
    });
    status = to;
  };

  step('create', 'agent', o.createdAt, { data: { channel: o.channel, appealType: o.appealType, ...note } });
  const facts: OrderFacts = {
    createdAt: o.createdAt,
    platformId: o.platformId,
    channel: o.channel,
    appealType: o.appealType,
    categoryId: o.categoryId,
    regionId: o.regionId,
    mainUnitId: null,
    status: 'registered',
    resolution: null,
    signedAt: null,
    signDueAt: null,
    repliedAt: null,
    acceptedAt: null,
    handleDueAt: null,
    callbackAt: null,
    callbackSatisfaction: null,
    callbackSolved: null,
    returnCount: 0,
    reworkCount: 0,
    extensionCount: 0,
    superviseCount: 0,
    instructCount: 0,
  };
  if (o.direct) {
    const answer = '原系统直接办结（历史数据导入）。';
    step('direct-answer', 'agent', o.finishedAt ?? o.createdAt, { comment: answer });
    return {
      facts: { ...facts, status, resolution: 'direct' },
      history,
      closedAt: o.finishedAt ?? o.createdAt,
      directAnswer: answer,
      reply: null,
      dispatchedAt: null,
    };
  }
  const dispatchedAt = o.dispatchedAt ?? o.createdAt;
  const unitId = o.unitId as number;
  step('dispatch', 'dispatcher', dispatchedAt, { data: { unitId, coUnitIds: [], redispatch: false } });
  // the export does not say when the unit signed: as soon as it was dispatched
  step('sign', 'unit_handler', dispatchedAt, { unitId });
  const f: OrderFacts = { ...facts, mainUnitId: unitId, resolution: 'dispatched', signedAt: dispatchedAt, handleDueAt: o.handleDueAt };
  let reply: string | null = null;
  let closedAt: Date | null = null;
  if (o.finishedAt) {
    reply = '原系统已办结（历史数据导入）。';
    step('reply', 'unit_handler', o.finishedAt, { unitId, comment: reply });
    step('accept-reply', 'dispatcher', o.finishedAt);
    f.repliedAt = o.finishedAt;
    f.acceptedAt = o.finishedAt;
    if (o.callbackAt && o.satisfaction) {
      const dissatisfied = o.satisfaction === 'dissatisfied' || o.satisfaction === 'very_dissatisfied';
      step('callback', 'callback_agent', o.callbackAt, {
        data: { satisfaction: o.satisfaction, solved: o.solved ?? false, reopen: false },
        ctx: { dissatisfied },
      });
      Object.assign(f, { callbackAt: o.callbackAt, callbackSatisfaction: o.satisfaction, callbackSolved: o.solved ?? false });
      step('close', 'callback_agent', o.callbackAt, { data: { withoutCallback: false }, ctx: { callbackDone: true } });
      closedAt = o.callbackAt;
    } else {
      step('close', 'dispatcher', o.finishedAt, { comment: '原系统已办结归档（历史数据导入）。', data: { withoutCallback: true } });
      closedAt = o.finishedAt;
    }
  }
  return { facts: { ...f, status }, history, closedAt, directAnswer: null, reply, dispatchedAt };
}
