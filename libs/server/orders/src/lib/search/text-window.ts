import { monthTerm } from './text-terms';

const BJ = 8 * 3600_000;

/** The first instant of the month `at` falls in, Beijing time, `back` months earlier. */
function monthStart(at: Date, back = 0): Date {
  const bj = new Date(at.getTime() + BJ);
  return new Date(Date.UTC(bj.getUTCFullYear(), bj.getUTCMonth() - back, 1) - BJ);
}

/** The month terms from the month of `last` back to the month of `first`, newest first. */
export function monthsBetween(first: Date, last: Date): string[] {
  const out: string[] = [];
  const stop = monthStart(first).getTime();
  for (let i = 0; ; i++) {
    const start = monthStart(last, i);
    if (start.getTime() < stop) break;
    out.push(monthTerm(start));
  }
  return out;
}

/** How a newest-first text search narrows the index lookup by month (see OrderQueries.search). */
export interface TextWindow {
  /** The last months of the searched range: asked first. */
  recent: string[];
  /** The recent months are the whole range (`from` lies within them): their count is the exact total. */
  coversRange: boolean;
  /** Every month of the range when `from` bounds it to at most MAX_RANGE_MONTHS, for the full lookup; else null. */
  range: string[] | null;
}

export const MAX_RANGE_MONTHS = 36;

/**
 * The months to ask the text index for. `newest` is the newest order's registration (null: no orders, no window);
 * `from` and `to` (exclusive) the searched range. The recent window ends at the newest order, or at `to` if earlier,
 * and always holds the current month unless `to` ends before it, so an order registered since `newest` was read is
 * not missed at a month's turn.
 */
export function textWindow(o: { newest: Date | null; now: Date; from?: Date; to?: Date; months: number }): TextWindow | null {
  if (!o.newest) return null;
  const last = o.to && o.to.getTime() <= o.newest.getTime() ? new Date(o.to.getTime() - 1) : o.newest;
  if (o.from && o.from.getTime() > last.getTime()) return null; // an empty range: the plain lookup finds nothing fast
  const recent = monthsBetween(monthStart(last, o.months - 1), last);
  if (!o.to || o.to.getTime() > o.now.getTime()) {
    const current = monthTerm(o.now);
    if (!recent.includes(current)) recent.unshift(current);
  }
  const windowStart = monthStart(last, o.months - 1);
  const coversRange = !!o.from && o.from.getTime() >= windowStart.getTime();
  const inRange = o.from ? recent.filter((m) => m >= monthTerm(o.from as Date)) : recent;
  let range: string[] | null = null;
  if (o.from) {
    const all = monthsBetween(o.from, last);
    range = all.length <= MAX_RANGE_MONTHS ? all : null;
  }
  return { recent: inRange, coversRange, range };
}
