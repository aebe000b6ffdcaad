import { WorkOrderEntity } from '../entities';

/**
 * A new order's row before intake fills in what the caller said: every lifecycle column at its starting value. The one
 * definition of it — intake, the legacy import and the generator all start from here, so a column added to the order
 * gets its initial value in one place.
 */
export function newOrderRow(): WorkOrderEntity {
  return Object.assign(new WorkOrderEntity(), {
    status: 'registered',
    version: 1,
    resolution: null,
    directAnswer: null,
    directAnswerMethod: null,
    directAnswerArticleId: null,
    directAnswerArticleVersion: null,
    threeWayUnitId: null,
    threeWayPerson: null,
    mainUnitId: null,
    dispatchedAt: null,
    signedAt: null,
    repliedAt: null,
    reply: null,
    acceptedAt: null,
    closedAt: null,
    statusBeforeReturn: null,
    returnReason: null,
    returnRequestedAt: null,
    extDays: null,
    extReason: null,
    extRequestedAt: null,
    extensionCount: 0,
    reworkCount: 0,
    returnCount: 0,
    urgeCount: 0,
    superviseCount: 0,
    instructCount: 0,
    signDueAt: null,
    handleDueAt: null,
    callbackDueAt: null,
    signOverdueAt: null,
    handleOverdueAt: null,
    suspendedAt: null,
    callbackSatisfaction: null,
    callbackSolved: null,
    callbackComment: null,
    callbackAt: null,
    mergedIntoId: null,
    callerSmsConsent: false,
    upstreamDueAt: null,
  } satisfies Omit<
    WorkOrderEntity,
    | 'id'
    | 'number'
    | 'platformId'
    | 'channel'
    | 'appealType'
    | 'categoryId'
    | 'regionId'
    | 'callerName'
    | 'callerPhone'
    | 'callerConfidential'
    | 'address'
    | 'content'
    | 'urgent'
    | 'createdBy'
    | 'createdAt'
    | 'updatedAt'
  >);
}
