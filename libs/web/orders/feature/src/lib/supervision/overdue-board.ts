import { OrderSummary } from '@hotline/contracts';
import { OrderQuery } from '@hotline/web-orders-data-access';

export interface UnitOverdue {
  unitId: number | null;
  unitName: string;
  count: number;
  urgent: number;
  /** The earliest missed deadline: how long the unit's worst order has been waiting. */
  oldestDueAt: string | null;
}

/** Groups overdue orders by main unit, worst first (most orders, then the oldest deadline). */
export function groupOverdueByUnit(rows: readonly OrderSummary[]): UnitOverdue[] {
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
  return [...groups.values()].sort((a, b) => b.count - a.count || (a.oldestDueAt ?? '\uffff').localeCompare(b.oldestDueAt ?? '\uffff'));
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * 积案: the overdue orders whose handling deadline passed at least `days` calendar days before `now`,
 * earliest deadline first. The API filters on the deadline, so the page's total is the count.
 */
export function longOverdueQuery(days: number, now: number): OrderQuery {
  return {
    overdue: true,
    sort: 'handleDueAt',
    handleDueBefore: new Date(now - days * DAY_MS).toISOString(),
  };
}
