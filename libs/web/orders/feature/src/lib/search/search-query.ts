import { OrderStatus } from '@hotline/contracts';
import { OrderQuery } from '@hotline/web-orders-data-access';

/** The search form as typed. */
export interface SearchForm {
  number: string;
  phone: string;
  q: string;
  status: OrderStatus[];
  unitId: number | null;
  regionId: number | null;
  category: number[];
  channel: string | null;
  appealType: string | null;
  topic: string | null;
  dates: Date[] | null;
  overdue: boolean;
}

export const EMPTY_SEARCH: SearchForm = {
  number: '',
  phone: '',
  q: '',
  status: [],
  unitId: null,
  regionId: null,
  category: [],
  channel: null,
  appealType: null,
  topic: null,
  dates: null,
  overdue: false,
};

function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

/**
 * Form → API query. Dates are whole local days sent as instants: `from` at 00:00 of the first day,
 * `to` at the last millisecond of the last day, so the range is inclusive whatever the server's time zone.
 */
export function toOrderQuery(f: SearchForm): OrderQuery {
  const [from, to] = f.dates ?? [];
  const end = to ? new Date(startOfDay(to).getTime() + 24 * 3600 * 1000 - 1) : null;
  return {
    number: f.number.trim() || undefined,
    phone: f.phone.replace(/\D/g, '') || undefined,
    q: f.q.trim() || undefined,
    status: f.status.length ? f.status : undefined,
    unitId: f.unitId,
    regionId: f.regionId,
    categoryId: f.category.length ? f.category[f.category.length - 1] : null,
    channel: f.channel,
    appealType: f.appealType,
    topic: f.topic,
    from: from ? startOfDay(from).toISOString() : null,
    to: end ? end.toISOString() : null,
    overdue: f.overdue || undefined,
  };
}

export function exportFileName(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `工单导出_${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}_${p(now.getHours())}${p(now.getMinutes())}.xlsx`;
}
