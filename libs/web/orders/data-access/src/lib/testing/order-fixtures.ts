import { OrderDetail, OrderSummary } from '@hotline/contracts';

/** Test data shared by the order specs. */
export function summary(id: number, patch: Partial<OrderSummary> = {}): OrderSummary {
  return {
    id,
    number: `2020010100000${id}`,
    status: 'handling',
    version: 1,
    channel: 'phone',
    appealType: 'complaint',
    categoryId: 12,
    categoryPath: '水电气暖/供水/突发停水',
    regionId: 1,
    mainUnitId: 4,
    mainUnitName: '市住建局',
    caller: { name: '李四', phone: '13812345678', confidential: false },
    contentPreview: '小区停水',
    urgent: false,
    createdAt: '2020-01-01T01:00:00Z',
    signDueAt: null,
    handleDueAt: '2020-01-08T09:00:00Z',
    callbackDueAt: null,
    overdue: false,
    ...patch,
  };
}

export function detail(id: number, patch: Partial<OrderDetail> = {}): OrderDetail {
  return {
    ...summary(id),
    platformId: 1,
    address: '新浦路1号',
    content: '小区停水三天',
    topics: [],
    resolution: 'dispatched',
    directAnswer: null,
    reply: null,
    coUnits: [],
    pendingReturn: null,
    pendingExtension: null,
    callback: null,
    mergedIntoId: null,
    reworkCount: 0,
    urgeCount: 0,
    superviseCount: 0,
    signedAt: null,
    repliedAt: null,
    closedAt: null,
    history: [],
    allowedActions: ['reply', 'return'],
    ...patch,
  };
}
