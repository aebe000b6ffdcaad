import { OrderQuery } from '@hotline/web-orders-data-access';

/** One tab of a work queue: a saved search. */
export interface QueueTab {
  key: string;
  label: string;
  query: OrderQuery;
}

export const DISPATCH_TABS: QueueTab[] = [
  {
    key: 'registered',
    label: '待派单',
    query: { status: ['registered'], sort: 'createdAt' },
  },
  { key: 'returning', label: '退单审核', query: { status: ['returning'] } },
  { key: 'extension', label: '延期审核', query: { pendingExtension: true } },
  { key: 'replied', label: '回复审核', query: { status: ['replied'] } },
];

/**
 * A unit's own work is the orders it is the main unit of (`unitPart: 'main'`): an order it only assists
 * with is not for it to sign, so it is on the 协办 tab instead, while it is still open at the units (the
 * statuses a co-unit may co-reply in).
 */
export const UNIT_TABS: QueueTab[] = [
  { key: 'dispatched', label: '待签收', query: { status: ['dispatched'], unitPart: 'main' } },
  {
    key: 'handling',
    label: '办理中',
    query: { status: ['handling'], sort: 'handleDueAt', unitPart: 'main' },
  },
  {
    key: 'due-soon',
    label: '即将到期',
    query: { dueWithinHours: 24, sort: 'handleDueAt', unitPart: 'main' },
  },
  {
    key: 'overdue',
    label: '已超期',
    query: { overdue: true, sort: 'handleDueAt', unitPart: 'main' },
  },
  { key: 'reworked', label: '退回重办', query: { reworked: true, unitPart: 'main' } },
  {
    key: 'co',
    label: '协办',
    query: { status: ['dispatched', 'handling', 'suspended'], sort: 'handleDueAt', unitPart: 'co' },
  },
];

/** The API's callbackQueue: orders awaiting a callback, merged ones included (their callers get one too). */
export const CALLBACK_TABS: QueueTab[] = [
  {
    key: 'pending',
    label: '待回访',
    query: { callbackQueue: true, sort: 'createdAt' },
  },
  {
    key: 'due-soon',
    label: '24小时内到期',
    query: { callbackQueue: true, dueWithinHours: 24, sort: 'createdAt' },
  },
];
