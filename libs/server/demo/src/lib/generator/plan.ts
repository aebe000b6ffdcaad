import type { DirectAnswerMethod } from '@hotline/contracts';
import { chooseK, cumulative, deal, pickCumulative, scaled, shuffle, split, type Rnd } from './fit';
import { assignDirectMethods } from './direct-methods';
import { cityMatrix, scaleMatrix } from './city-matrix';
import { dayOfYear, dayWeights, profileOf } from './day-weights';
import { RefIndex, fail } from './ref-index';
import {
  CITY_YEARS,
  CIVILIZATION_PREFERRED,
  COLLECTOR_CATEGORIES,
  EPIDEMIC_2020,
  L2_2020,
  POLLUTION_BY_REGION_2020,
  TYPE_KEYS,
  type CityYear,
} from './targets';

/**
 * The generator's plan: every order of a platform and year with what the report counts about it (category,
 * region, type, channel, topics, direct or dispatched, unit, late, callback …) and its day. Counts the
 * calibration promises are dealt exactly; the lifecycle module then turns each planned order into rows.
 */

export const F_RETURNED = 1;
export const F_SIGN_LATE = 2;
export const F_EXTENDED = 4;
export const F_SENT_BACK = 8;
export const F_REOPENED = 16;
export const F_URGED = 32;
export const F_SUPERVISED = 64;
export const F_INSTRUCTED = 128;

export interface PlannedOrder {
  platformId: number;
  categoryId: number;
  regionId: number | null;
  type: string;
  channel: string;
  topicIds: number[];
  direct: boolean;
  /** how a direct answer was made (direct-methods.ts); null for dispatched orders */
  method: DirectAnswerMethod | null;
  /** the unit it is dispatched to; for a direct answer by three-way call, the unit called */
  unitId: number;
  /** the unit it went to first and that returned it (F_RETURNED) */
  wrongUnitId: number;
  /** 0 on time, 1 late, 2 still open at the year's end (finished next year), 3 finished two years later */
  late: 0 | 1 | 2 | 3;
  /** satisfaction level index (0 非常满意 … 4 非常不满意) or -1 for no callback */
  callback: number;
  solved: boolean;
  flags: number;
  /** day of the year, 0-based */
  day: number;
  /** 'public' appeals of the city platform use the busy hours of the phones; collectors work office hours */
  collector: boolean;
  /** the level-2 category code it was planned under (null when classified only at level 1) */
  l2: string | null;
}

/** Shared by every order without topics (most of them), so a million plans do not hold a million empty arrays. */
export const NO_TOPICS: number[] = Object.freeze([]) as unknown as number[];
const withTopic = (o: PlannedOrder, id: number) => (o.topicIds = o.topicIds === NO_TOPICS ? [id] : [...o.topicIds, id]);

const LEVEL_SATISFIED = [true, true, true, false, false];

export function planCity(ix: RefIndex, year: number, scale: number, rnd: Rnd): PlannedOrder[] {
  const t: CityYear | undefined = CITY_YEARS[year];
  if (!t) throw new Error(`no calibration for ${year}; the generator covers ${Object.keys(CITY_YEARS).join(', ')}`);
  const platformId = (ix.platform.get('city') ?? fail('platform city')).id;
  const epidemicId = ix.topic.get('epidemic');
  const civilizationId = ix.topic.get('civilization');
  const S = (n: number) => scaled(n, scale);
  const orders: PlannedOrder[] = [];
  const mk = (categoryId: number, regionId: number | null, type: string, collector: boolean, l2: string | null): PlannedOrder => {
    const o: PlannedOrder = {
      platformId,
      categoryId,
      regionId,
      type,
      channel: collector ? 'patrol' : 'phone',
      topicIds: NO_TOPICS,
      direct: false,
      method: null,
      unitId: 0,
      wrongUnitId: 0,
      late: 0,
      callback: -1,
      solved: false,
      flags: 0,
      day: 0,
      collector,
      l2,
    };
    orders.push(o);
    return o;
  };
  const l2Of = { get: (o: PlannedOrder) => o.l2, set: (o: PlannedOrder, l2: string | null) => (o.l2 = l2) };

  // --- public appeals, by category and type
  const matrix = cityMatrix(year);
  const counts = scaleMatrix(matrix.rows, scale);
  const publicOrders: PlannedOrder[] = [];
  const regionId = (code: string) => ix.region.get(code) ?? null;
  for (const [i, l1] of matrix.codes.entries()) {
    const mine: PlannedOrder[] = [];
    for (const [j, type] of TYPE_KEYS.entries()) for (let n = 0; n < counts[i][j]; n++) mine.push(mk(0, null, type, false, null));
    shuffle(mine, rnd);
    if (year === 2020 && l1 === 'hjwr') {
      const pairs: [string, number][] = [];
      for (const [region, cats] of Object.entries(POLLUTION_BY_REGION_2020)) for (const [cat, n] of Object.entries(cats)) pairs.push([`${region}|${cat}`, n]);
      const dealt = deal(mine, Object.entries(split(mine.length, Object.fromEntries(pairs))) as [string, number][], rnd);
      for (const o of mine) {
        const [region, cat] = (dealt.get(o) as string).split('|');
        o.regionId = regionId(region);
        o.categoryId = cat === 'hjwr' ? ix.catId('hjwr') : ix.leafOf(cat, rnd);
        l2Of.set(o, cat === 'hjwr' ? null : cat);
      }
    } else {
      const l2s = ix.children(l1);
      const given = year === 2020 ? L2_2020[l1] : undefined;
      const weights = given ?? L2_2020[l1] ?? Object.fromEntries(l2s.map((c, k) => [c.code, 1 + ((k * 7) % 5) / 4]));
      const dealt = given ? deal(mine, Object.entries(split(mine.length, given)) as [string, number][], rnd) : null;
      const cum = cumulative(Object.values(weights));
      const keys = Object.keys(weights);
      for (const o of mine) {
        const l2 = dealt ? (dealt.get(o) as string) : keys[pickCumulative(cum, rnd)];
        o.categoryId = ix.leafOf(l2, rnd);
        o.regionId = ix.randomRegion(rnd);
        l2Of.set(o, l2);
      }
    }
    publicOrders.push(...mine);
  }
  const nonEpidemicPublic = [...publicOrders];

  // --- 疫情 (2020): exact by type, over the domains of figure 3
  const epidemicGroups: { type: string; orders: PlannedOrder[]; direct: number; late: number }[] = [];
  if (year === 2020 && epidemicId) {
    const domains = Object.keys(EPIDEMIC_2020.domains);
    const cum = cumulative(Object.values(EPIDEMIC_2020.domains));
    for (const type of ['consult', 'help', 'complaint', 'suggestion'] as const) {
      const g = EPIDEMIC_2020[type];
      const list: PlannedOrder[] = [];
      for (let n = 0; n < S(g.count); n++) {
        const l2 = domains[pickCumulative(cum, rnd)];
        const o = mk(ix.leafOf(l2, rnd), ix.randomRegion(rnd), type, false, l2);
        withTopic(o, epidemicId);
        list.push(o);
      }
      epidemicGroups.push({ type, orders: list, direct: Math.min(S(g.direct), list.length), late: S(g.late) });
      publicOrders.push(...list);
    }
  }

  // --- praise and thanks: to 42 units (2020), dispatched to them
  const praiseOrders: PlannedOrder[] = [];
  const praiseL2 = 'qt_bygx';
  for (const [type, n] of [
    ['praise', S(t.praise)],
    ['thanks', S(t.thanks)],
  ] as const) {
    for (let k = 0; k < n; k++) praiseOrders.push(mk(ix.leafOf(praiseL2, rnd), ix.randomRegion(rnd), type, false, praiseL2));
  }
  if (praiseOrders.length) {
    const candidates = [...ix.unitById.values()].filter((u) => u.kind !== 'town');
    const nUnits = Math.max(1, Math.min(S(t.praiseUnits) || 1, candidates.length, praiseOrders.length));
    const units = shuffle([...candidates], rnd).slice(0, nUnits);
    const extra = split(praiseOrders.length - nUnits, Object.fromEntries(units.map((u, i) => [String(u.id), 1 / (i + 1) ** 0.9])));
    const dealt = deal(
      praiseOrders,
      units.map((u) => [u.id, 1 + extra[String(u.id)]] as [number, number]),
      rnd,
    );
    for (const o of praiseOrders) o.unitId = dealt.get(o) as number;
  }
  publicOrders.push(...praiseOrders);
  const isPraise = new Set(praiseOrders);

  // --- collectors' reports
  const collector: PlannedOrder[] = [];
  const collectorTotal = S(t.collector);
  const consultC = Math.min(S(t.consultCollector), collectorTotal);
  const rest = split(collectorTotal - consultC, { report: 0.65, help: 0.25, suggestion: 0.1 });
  const cCum = cumulative(Object.values(COLLECTOR_CATEGORIES));
  const cKeys = Object.keys(COLLECTOR_CATEGORIES);
  for (const [type, n] of [['consult', consultC], ...Object.entries(rest)] as [string, number][]) {
    for (let k = 0; k < n; k++) {
      const l2 = cKeys[pickCumulative(cCum, rnd)];
      collector.push(mk(ix.leafOf(l2, rnd), ix.randomRegion(rnd), type, true, l2));
    }
  }
  const chan = deal(collector, Object.entries(split(collector.length, { patrol: 0.69, video: 0.31 })), rnd);
  for (const o of collector) o.channel = chan.get(o) as string;
  if (civilizationId) {
    const l1Code = (o: PlannedOrder) => (l2Of.get(o) ?? '').split('_')[0];
    for (const o of chooseK(collector, S(t.civilization), (o) => (CIVILIZATION_PREFERRED.includes(l1Code(o)) ? 6 : 1), rnd)) withTopic(o, civilizationId);
  }

  // --- channels of public appeals: 好差评 transfers are complaints, 国务院督查 complaints or reports
  const internet = split(S(t.internet), { web: 0.24, wechat: 0.56, app: 0.13, email: 0.02, mayor_mailbox: 0.05 });
  const complaints = publicOrders.filter((o) => o.type === 'complaint');
  const hcp = chooseK(complaints, S(t.haochaping), () => 1, rnd);
  for (const o of hcp) o.channel = 'haochaping';
  const sc = chooseK(
    publicOrders.filter((o) => (o.type === 'complaint' || o.type === 'report') && o.channel === 'phone'),
    S(t.stateCouncil),
    () => 1,
    rnd,
  );
  for (const o of sc) o.channel = 'state_council';
  const free = publicOrders.filter((o) => o.channel === 'phone');
  const others: [string, number][] = [...Object.entries(internet), ['province', S(t.province)], ['sms', S(t.sms)]];
  const takeN = Math.min(
    free.length,
    others.reduce((s, [, n]) => s + n, 0),
  );
  const chosen = chooseK(free, takeN, () => 1, rnd);
  let at = 0;
  for (const [ch, n] of others) for (let k = 0; k < n && at < chosen.length; k++) chosen[at++].channel = ch;

  // --- direct answers, exactly: consultations, collectors, the rest by type
  const consultPublic = nonEpidemicPublic.filter((o) => o.type === 'consult');
  const epiDirect = epidemicGroups.reduce((s, g) => s + g.direct, 0);
  const epiConsultDirect = epidemicGroups.find((g) => g.type === 'consult')?.direct ?? 0;
  const consultCollectorDirect = Math.max(0, consultC - Math.min(consultC, 2));
  const consultDirect = clamp(S(t.consultDirect) - epiConsultDirect - consultCollectorDirect, 0, consultPublic.length);
  for (const o of chooseK(consultPublic, consultDirect, () => 1, rnd)) o.direct = true;
  for (const o of chooseK(
    collector.filter((o) => o.type === 'consult'),
    consultCollectorDirect,
    () => 1,
    rnd,
  ))
    o.direct = true;
  const collectorDirect = clamp(S(t.collectorDirect) - consultCollectorDirect, 0, collector.length - consultC);
  for (const o of chooseK(
    collector.filter((o) => o.type !== 'consult'),
    collectorDirect,
    (o) => (o.type === 'suggestion' ? 0.5 : 1),
    rnd,
  ))
    o.direct = true;
  for (const g of epidemicGroups) for (const o of chooseK(g.orders, g.direct, () => 1, rnd)) o.direct = true;
  const typeDirect: Record<string, number> = { help: 1.6, suggestion: 2, other: 2.5, complaint: 0.7, report: 0.5 };
  const rest2 = nonEpidemicPublic.filter((o) => o.type !== 'consult');
  const restDirect = clamp(S(t.direct) - consultDirect - consultCollectorDirect - collectorDirect - epiDirect, 0, rest2.length);
  const utilityCats = new Set(['sdqn']);
  for (const o of chooseK(rest2, restDirect, (o) => (typeDirect[o.type] ?? 1) * (utilityCats.has((l2Of.get(o) ?? '').split('_')[0]) ? 0.35 : 1), rnd))
    o.direct = true;

  // --- units of dispatched orders
  for (const o of orders) if (!o.direct && !o.unitId) o.unitId = ix.unitFor(o.categoryId, o.regionId, rnd);

  // --- days
  const weights = dayWeights(year);
  for (const o of orders)
    o.day = pickCumulative(weights[profileOf(l2Of.get(o) ?? null, o.collector, epidemicId != null && o.topicIds.includes(epidemicId))], rnd);

  // --- late, exactly: the epidemic groups by type, then the rest weighted by unit
  const dispatched = orders.filter((o) => !o.direct);
  const epiSet = new Set(epidemicGroups.flatMap((g) => g.orders));
  let epiLate = 0;
  for (const g of epidemicGroups) {
    const late = chooseK(
      g.orders.filter((o) => !o.direct),
      g.late,
      () => 1,
      rnd,
    );
    for (const o of late) o.late = 1;
    epiLate += late.length;
  }
  const lateTarget = S(t.total - t.direct - t.onTime); // dispatched − on time
  const lateable = dispatched.filter((o) => !epiSet.has(o) && !isPraise.has(o));
  for (const o of chooseK(lateable, clamp(lateTarget - epiLate, 0, lateable.length), (o) => ix.lateWeight(o.unitId), rnd)) o.late = 1;
  // 国务院大督查整改工单, 省督办单: handed down through the provincial platform, dispatched, handled on time
  // ("督促有关单位按时办理"); complaints and reports first, and never the same order for both
  const handedDown: [number | undefined, number][] = [
    [ix.topic.get('sc_inspection'), S(t.stateInspection)],
    [ix.topic.get('province_supervision'), S(t.provinceSupervision)],
  ];
  const tagged = new Set<PlannedOrder>();
  for (const [topicId, n] of handedDown) {
    if (topicId == null || n <= 0) continue;
    const pool = dispatched.filter((o) => o.channel === 'province' && o.late === 0 && !isPraise.has(o) && !epiSet.has(o) && !tagged.has(o));
    for (const o of chooseK(pool, Math.min(n, pool.length), (o) => (o.type === 'complaint' || o.type === 'report' ? 10 : 1), rnd)) {
      withTopic(o, topicId);
      tagged.add(o);
    }
  }
  // still open at the year's end: late orders taken in the first half of December (due before the new year)
  const dec1 = dayOfYear(year, 12, 1);
  const carry = chooseK(
    orders.filter((o) => o.late === 1 && o.day >= dec1 && o.day < dec1 + 15),
    S(t.carryOver),
    () => 1,
    rnd,
  );
  for (const o of carry) o.late = 2;
  for (const o of chooseK(carry, S(t.carryOverLong), () => 1, rnd)) o.late = 3;

  // --- callbacks, exactly, with their levels; solved mostly when satisfied
  const finished = dispatched.filter((o) => !isPraise.has(o) && o.late < 2);
  const called = chooseK(finished, Math.min(S(t.callbacks), finished.length), () => 1, rnd);
  const levels = split(called.length, Object.fromEntries(t.callbackLevels.map((n, i) => [String(i), n])));
  const lv = deal(
    called,
    Object.entries(levels).map(([k, n]) => [Number(k), n] as [number, number]),
    rnd,
  );
  for (const o of called) o.callback = lv.get(o) as number;
  for (const o of chooseK(called, Math.round((called.length * t.solved) / t.callbacks), (o) => (LEVEL_SATISFIED[o.callback] ? 10 : 1), rnd)) o.solved = true;
  // a dissatisfied first callback reopens a few; they are finished on time the second time round
  for (const o of chooseK(
    called.filter((o) => o.late === 0),
    Math.round(called.length * 0.015),
    () => 1,
    rnd,
  ))
    o.flags |= F_REOPENED;

  // --- the rest of a dispatched order's life: returns, late signing, extensions, reworks, urging
  const plain = dispatched.filter((o) => !isPraise.has(o) && o.late < 2);
  for (const o of chooseK(plain, Math.round(plain.length * 0.012), () => 1, rnd)) {
    o.flags |= F_RETURNED;
    o.wrongUnitId = otherUnit(ix, o.unitId, rnd);
  }
  for (const o of chooseK(plain, Math.round(plain.length * 0.03), (o) => ix.lateWeight(o.unitId), rnd)) o.flags |= F_SIGN_LATE;
  for (const o of chooseK(plain, Math.round(plain.length * 0.015), () => 1, rnd)) o.flags |= F_EXTENDED;
  for (const o of chooseK(plain, Math.round(plain.length * 0.008), () => 1, rnd)) o.flags |= F_SENT_BACK;
  for (const o of chooseK(dispatched, Math.round(dispatched.length * 0.02), (o) => (o.late ? 8 : 1), rnd)) o.flags |= F_URGED;
  for (const o of chooseK(dispatched, Math.min(S(t.instructions), dispatched.length), () => 1, rnd)) o.flags |= F_INSTRUCTED;

  // --- supervision (督办): so many times, on so many units
  const byUnit = new Map<number, PlannedOrder[]>();
  for (const o of dispatched) {
    if (isPraise.has(o)) continue;
    const list = byUnit.get(o.unitId);
    if (list) list.push(o);
    else byUnit.set(o.unitId, [o]);
  }
  const times = S(t.supervisions);
  const nUnits = Math.min(S(t.supervisedUnits) || (times ? 1 : 0), times, byUnit.size);
  const units = chooseK([...byUnit.keys()], nUnits, (u) => (byUnit.get(u)?.length ?? 0) * ix.lateWeight(u), rnd);
  const perUnit = units.length ? split(times - units.length, Object.fromEntries(units.map((u) => [String(u), byUnit.get(u)?.length ?? 1]))) : {};
  for (const u of units) for (const o of chooseK(byUnit.get(u) ?? [], 1 + (perUnit[String(u)] ?? 0), (o) => (o.late ? 5 : 1), rnd)) o.flags |= F_SUPERVISED;

  // --- how the direct answers were made (last, so the plan above draws the same numbers as before methods were)
  assignDirectMethods(orders, ix, rnd);
  return orders;
}

// ------------------------------------------------------------------ district platforms

// ------------------------------------------------------------------ helpers

function otherUnit(ix: RefIndex, unitId: number, rnd: Rnd): number {
  const all = [...ix.unitById.values()].filter((u) => u.kind === 'bureau' && u.id !== unitId);
  return all[Math.floor(rnd() * all.length)].id;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}
