import { OrderStatus, OrderUnitPart } from '@hotline/contracts';
import { QueryParams } from '@hotline/web-core-data-access';

/** The search filters of `GET /api/orders` (docs/api.md). */
export interface OrderQuery {
  number?: string;
  status?: readonly OrderStatus[];
  unitId?: number | null;
  regionId?: number | null;
  categoryId?: number | null;
  channel?: string | null;
  appealType?: string | null;
  topic?: string | null;
  phone?: string;
  q?: string;
  from?: string | null;
  to?: string | null;
  overdue?: boolean;
  dueWithinHours?: number | null;
  /** ISO time: handling deadline at or before it; with `overdue`, the 积案 of N days. */
  handleDueBefore?: string | null;
  pendingExtension?: boolean;
  reworked?: boolean;
  sort?: 'createdAt' | '-createdAt' | 'handleDueAt';
  /** Orders awaiting a callback, merged ones included. */
  callbackQueue?: boolean;
  /** 督办件: orders that have been formally supervised. */
  supervised?: boolean;
  resolution?: 'direct' | 'dispatched' | null;
  /** A unit user's part in the order: 'main', the main unit is in the user's scope; 'co', only a co-unit is (协办). */
  unitPart?: OrderUnitPart;
  satisfaction?: readonly string[];
}

export const DEFAULT_PAGE_SIZE = 20;
/** The API's page size cap, used for exports and boards. */
export const MAX_PAGE_SIZE = 200;

export function toQueryParams(query: OrderQuery, page?: number, pageSize?: number): QueryParams {
  const params: QueryParams = { ...query } as QueryParams;
  if (typeof query.number === 'string') params['number'] = query.number.trim();
  if (typeof query.phone === 'string') params['phone'] = query.phone.replace(/\D/g, '');
  if (typeof query.q === 'string') params['q'] = query.q.trim();
  if (page !== undefined) params['page'] = page;
  if (pageSize !== undefined) params['pageSize'] = pageSize;
  return params;
}

/**
 * The caller-history lookup fires on the digits typed so far once there are at least seven of them
 * (a local number without area code); punctuation and spaces an agent types are ignored.
 */
export const CALLER_HISTORY_MIN_DIGITS = 7;

export function callerHistoryPhone(raw: string | null | undefined): string | null {
  const digits = (raw ?? '').replace(/\D/g, '');
  return digits.length >= CALLER_HISTORY_MIN_DIGITS ? digits : null;
}
