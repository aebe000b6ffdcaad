import { OrderSummary } from '@hotline/contracts';

export interface UnitOverdue {
  unitId: number | null;
  unitName: string;
  count: number;
  urgent: number;
  /** The earliest missed deadline: how long the unit's worst order has been waiting. */
  oldestDueAt: string | null;
}

/** Groups overdue orders by main unit, worst first (most orders, then the oldest deadline). */
export function groupOverdueByUnit(
  rows: readonly OrderSummary[],
): UnitOverdue[] {
  const groups = new Map<number | null, UnitOverdue>();
  for (const o of rows) {
    const key = o.mainUnitId;
    const g = groups.get(key) ?? {
      unitId: key,
      unitName: o.mainUnitName ?? '未派单',
      count: 0,
      urgent: 0,
      oldestDueAt: null,
    };
    g.count++;
    if (o.urgent) g.urgent++;
    const due = o.status === 'dispatched' ? o.signDueAt : o.handleDueAt;
    if (due && (!g.oldestDueAt || due < g.oldestDueAt)) g.oldestDueAt = due;
    groups.set(key, g);
  }
  return [...groups.values()].sort(
    (a, b) =>
      b.count - a.count ||
      (a.oldestDueAt ?? '\uffff').localeCompare(b.oldestDueAt ?? '\uffff'),
  );
}

/**
 * 积案: an overdue order whose handling deadline passed at least `days` calendar days before `now`.
 * Judged on the handling deadline only, because that is what the search API sorts on
 * (`sort=handleDueAt`), so the 积案 are exactly the first rows of the overdue search.
 */
export function longOverdueCutoff(days: number, now: number): number {
  return now - days * 24 * 3600 * 1000;
}

export function isLongOverdue(o: OrderSummary, cutoff: number): boolean {
  return !!o.handleDueAt && Date.parse(o.handleDueAt) <= cutoff;
}

/**
 * How many of a sorted list's first rows pass a test that holds for a prefix of it (rows that
 * pass, then none that do), found with about log2(total) probes of one row each: the API has no
 * "deadline before" filter, but sorts on the deadline, so this counts 积案 for any number of orders.
 */
export async function leadingCount(
  total: number,
  passes: (index: number) => Promise<boolean>,
): Promise<number> {
  let lo = 0;
  let hi = total;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (await passes(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
