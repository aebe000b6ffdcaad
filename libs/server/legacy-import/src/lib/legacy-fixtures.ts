import { prng } from '@hotline/domain';
import { historyEventDelta, orderDeltas, type Delta } from '@hotline/server-statistics';
import type { LegacyOrder } from './legacy';
import { legacyToRows } from './legacy-rows';

/** Test data for the import's specs (pure, deterministic). */

/** Random legacy orders over two years: direct or dispatched, open or finished, called back or not, late or on time. */
export function randomOrders(n: number, seed = 1, days = 400): LegacyOrder[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const out: LegacyOrder[] = [];
  for (let i = 0; i < n; i++) {
    const createdAt = new Date(Date.UTC(2019, 11, 1) + Math.floor(rnd() * days * 86_400_000));
    const direct = rnd() < 0.4;
    const finished = rnd() < 0.9;
    const dispatchedAt = direct ? null : new Date(createdAt.getTime() + 600_000);
    const finishedAt = finished ? new Date(createdAt.getTime() + Math.floor(rnd() * 9 * 86_400_000) + 60_000) : null;
    const called = !direct && finished && rnd() < 0.3;
    out.push({
      row: i + 2,
      number: `T${i}`,
      platformId: pick([1, 2, 3]),
      createdAt,
      channel: pick(['phone', 'web', 'patrol', 'video']),
      appealType: pick(['consult', 'complaint', 'help']),
      categoryId: pick([10, 11, 12, 13]),
      regionId: pick([null, 100, 101]),
      topicIds: pick([[], [], [7], [7, 8]]),
      phone: '13800001111',
      content: 'x',
      direct,
      unitId: direct ? null : pick([50, 51]),
      dispatchedAt,
      handleDueAt: direct || rnd() < 0.2 ? null : new Date(createdAt.getTime() + 5 * 86_400_000),
      finishedAt,
      callbackAt: called && finishedAt ? new Date(finishedAt.getTime() + 86_400_000) : null,
      satisfaction: called ? pick(['very_satisfied', 'satisfied', 'dissatisfied'] as const) : null,
      solved: called ? rnd() < 0.8 : null,
    });
  }
  return out;
}

export function deltasOf(orders: readonly LegacyOrder[]): Delta[] {
  const out: Delta[] = [];
  for (const o of orders) {
    const r = legacyToRows(o, null);
    for (const h of r.history) {
      const e = historyEventDelta({ action: h.action, toStatus: h.to, actorUnitId: h.unitId, data: h.data, at: h.at }, o.platformId);
      if (e) out.push(e);
    }
    out.push(...orderDeltas({ ...r.facts, topicIds: o.topicIds }, 1));
  }
  return out;
}
