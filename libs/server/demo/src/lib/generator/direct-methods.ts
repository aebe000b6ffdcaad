import type { DirectAnswerMethod } from '@hotline/contracts';
import { deal, split, type Rnd } from './fit';
import type { PlannedOrder } from './plan';
import type { RefIndex } from './ref-index';

/**
 * How the generated direct answers (直接办结) were made. The seed report says only that they were made "通过查询知识库、
 * 三方通话等方式" and gives no split, so the shares are chosen, by who answered what:
 * - consultations (咨询) are the knowledge base's business: a policy or a procedure read out of an article; a three-way
 *   call when no article answers the question; a few otherwise (pointed to a website or a window): 85 / 10 / 5.
 * - the public's other appeals answered on the spot (求助, 投诉, 建议 …) mostly need the unit: the agent calls it in and
 *   the matter is settled on the line; some are answered from an article (where to go, what the rule is), the rest
 *   otherwise (explained, referred to 110/119): 25 / 55 / 20.
 * - a collector's report closed on the spot was handled there by the collector (现场处置), neither read out nor called
 *   in, unless the collector called the unit: 0 / 10 / 90.
 * In 2020's plan that makes 52 % of the direct answers knowledge-base answers (two in three of the public's), 20 %
 * three-way calls and 28 % other (mostly the collectors').
 * Counts are dealt exactly in each group, so a scaled year keeps the shares.
 */
export const DIRECT_METHOD_SHARES: Record<DirectMethodGroup, Record<DirectAnswerMethod, number>> = {
  consult: { knowledge: 0.85, 'three-way': 0.1, other: 0.05 },
  public: { knowledge: 0.25, 'three-way': 0.55, other: 0.2 },
  collector: { knowledge: 0, 'three-way': 0.1, other: 0.9 },
};

export type DirectMethodGroup = 'consult' | 'public' | 'collector';

export function directMethodGroup(o: Pick<PlannedOrder, 'collector' | 'type'>): DirectMethodGroup {
  return o.collector ? 'collector' : o.type === 'consult' ? 'consult' : 'public';
}

/**
 * Gives every direct answer of a plan its method. A three-way call names the unit called: the one the order would have
 * been dispatched to, kept in `unitId` (a direct order has no other use for it).
 */
export function assignDirectMethods(orders: readonly PlannedOrder[], ix: RefIndex, rnd: Rnd): void {
  const groups: Record<DirectMethodGroup, PlannedOrder[]> = { consult: [], public: [], collector: [] };
  for (const o of orders) if (o.direct) groups[directMethodGroup(o)].push(o);
  for (const [group, list] of Object.entries(groups) as [DirectMethodGroup, PlannedOrder[]][]) {
    const dealt = deal(list, Object.entries(split(list.length, DIRECT_METHOD_SHARES[group])) as [DirectAnswerMethod, number][], rnd);
    for (const o of list) {
      o.method = dealt.get(o) as DirectAnswerMethod;
      if (o.method === 'three-way') o.unitId = ix.unitFor(o.categoryId, o.regionId, rnd);
    }
  }
}

/** The order row's record of a direct answer, as the direct-answer action writes it (libs/server/orders dispatch.effects.ts). */
export interface DirectAnswerColumns {
  directAnswerMethod: DirectAnswerMethod | null;
  directAnswerArticleId: number | null;
  directAnswerArticleVersion: number | null;
  threeWayUnitId: number | null;
  threeWayPerson: string | null;
}

/**
 * A planned direct answer's record. A knowledge-base answer names no article: the history is of 2018–2020 and the
 * demo's articles are published when the demo is seeded, so an answer naming one would cite a version published years
 * after it was read out (the live action refuses a version that is not published). The method alone is what the
 * summary tables and the report count.
 */
export function directAnswerColumns(o: PlannedOrder, person: () => string): DirectAnswerColumns {
  const threeWay = o.method === 'three-way';
  return {
    directAnswerMethod: o.method,
    directAnswerArticleId: null,
    directAnswerArticleVersion: null,
    threeWayUnitId: threeWay ? o.unitId : null,
    threeWayPerson: threeWay ? person() : null,
  };
}
