import type { HistoryEntry, OrderAction, OrderDetail, OrderSummary } from '@hotline/contracts';
import { maskName, maskPhone } from '@hotline/domain';
import type { AuthUser } from '@hotline/server-identity';
import type { OrderCoUnitEntity, OrderHistoryEntity, WorkOrderEntity } from './entities';

export interface RefNames {
  categoryPath(id: number): string;
  unitName(id: number | null): string | null;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Units must not learn who a confidential caller is; the center's own roles see the caller. */
export function shouldMask(o: Pick<WorkOrderEntity, 'callerConfidential'>, viewer: AuthUser): boolean {
  return o.callerConfidential && viewer.role === 'unit_handler';
}

export function isOverdue(o: WorkOrderEntity, now = new Date()): boolean {
  if (o.handleOverdueAt || o.signOverdueAt) return true;
  if (o.status === 'dispatched' && o.signDueAt && o.signDueAt < now) return true;
  return (o.status === 'dispatched' || o.status === 'handling') && !!o.handleDueAt && o.handleDueAt < now;
}

export function toSummary(o: WorkOrderEntity, viewer: AuthUser, names: RefNames): OrderSummary {
  const mask = shouldMask(o, viewer);
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    version: o.version,
    channel: o.channel,
    appealType: o.appealType,
    categoryId: o.categoryId,
    categoryPath: names.categoryPath(o.categoryId),
    regionId: o.regionId,
    mainUnitId: o.mainUnitId,
    mainUnitName: names.unitName(o.mainUnitId),
    caller: {
      name: mask ? maskName(o.callerName) : o.callerName,
      phone: mask ? maskPhone(o.callerPhone) : o.callerPhone,
      confidential: o.callerConfidential,
    },
    contentPreview: o.content.length > 80 ? `${o.content.slice(0, 80)}…` : o.content,
    urgent: o.urgent,
    createdAt: o.createdAt.toISOString(),
    signDueAt: iso(o.signDueAt),
    handleDueAt: iso(o.handleDueAt),
    callbackDueAt: iso(o.callbackDueAt),
    overdue: isOverdue(o),
  };
}

export function toHistoryEntry(h: OrderHistoryEntity): HistoryEntry {
  return {
    id: h.id,
    action: h.action as HistoryEntry['action'],
    fromStatus: h.fromStatus,
    toStatus: h.toStatus,
    actorId: h.actorId,
    actorName: h.actorName,
    actorRole: h.actorRole,
    actorUnitId: h.actorUnitId,
    comment: h.comment,
    data: h.data,
    createdAt: h.createdAt.toISOString(),
  };
}

export function toDetail(
  o: WorkOrderEntity,
  viewer: AuthUser,
  names: RefNames,
  extra: { history: OrderHistoryEntity[]; coUnits: OrderCoUnitEntity[]; topics: string[]; allowedActions: OrderAction[] },
): OrderDetail {
  return {
    ...toSummary(o, viewer, names),
    platformId: o.platformId,
    address: o.address,
    content: o.content,
    topics: extra.topics,
    resolution: o.resolution,
    directAnswer: o.directAnswer,
    directAnswerRecord:
      o.resolution === 'direct' && o.directAnswerMethod
        ? {
            method: o.directAnswerMethod,
            articleId: o.directAnswerArticleId,
            articleVersion: o.directAnswerArticleVersion,
            threeWayUnitId: o.threeWayUnitId,
            threeWayPerson: o.threeWayPerson,
          }
        : null,
    reply: o.reply,
    coUnits: extra.coUnits.map((c) => ({ unitId: c.unitId, unitName: names.unitName(c.unitId) ?? '', repliedAt: iso(c.repliedAt), reply: c.reply })),
    pendingReturn: o.status === 'returning' && o.returnReason ? { reason: o.returnReason, requestedAt: iso(o.returnRequestedAt) as string } : null,
    pendingExtension: o.extDays ? { days: o.extDays, reason: o.extReason ?? '', requestedAt: iso(o.extRequestedAt) as string } : null,
    callback:
      o.callbackAt && o.callbackSatisfaction
        ? { satisfaction: o.callbackSatisfaction, solved: !!o.callbackSolved, comment: o.callbackComment, at: o.callbackAt.toISOString() }
        : null,
    mergedIntoId: o.mergedIntoId,
    reworkCount: o.reworkCount,
    urgeCount: o.urgeCount,
    superviseCount: o.superviseCount,
    signedAt: iso(o.signedAt),
    repliedAt: iso(o.repliedAt),
    closedAt: iso(o.closedAt),
    history: extra.history.map(toHistoryEntry),
    allowedActions: extra.allowedActions,
  };
}
