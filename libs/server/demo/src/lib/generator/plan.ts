import { CN_HOLIDAYS, isLeapYear } from '@hotline/domain';
import { chooseK, cumulative, deal, fitTable, pickCumulative, scaled, shuffle, split, type Rnd } from './fit';
import {
  CATEGORY_MIX_2020,
  CITY_YEARS,
  CIVILIZATION_PREFERRED,
  COLLECTOR_CATEGORIES,
  DISTRICT_PROFILE,
  EPIDEMIC_2020,
  HOT_YOY_2020,
  L2_2020,
  L3_WEIGHTS,
  OTHER_CATEGORIES_2020,
  OTHER_TYPE_TOTALS_2020,
  POLLUTION_BY_REGION_2020,
  priorCount,
  sumMix,
  TYPE_KEYS,
  type CityYear,
  type TypeMix,
} from './targets';

/**
 * The generator's plan: every order of a platform and year with what the report counts about it (category,
 * region, type, channel, topics, direct or dispatched, unit, late, callback …) and its day. Counts the
 * calibration promises are dealt exactly; the lifecycle module then turns each planned order into rows.
 */

export interface RefInfo {
  categories: { id: number; code: string; level: number; parentId: number | null; defaultUnitId: number | null }[];
  regions: { id: number; code: string }[];
  units: { id: number; code: string; name: string; kind: string; regionId: number | null; parentId: number | null; active: boolean }[];
  topics: { id: number; code: string }[];
  platforms: { id: number; code: string; regionId: number | null }[];
}

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
const NO_TOPICS: number[] = Object.freeze([]) as unknown as number[];
const withTopic = (o: PlannedOrder, id: number) => (o.topicIds = o.topicIds === NO_TOPICS ? [id] : [...o.topicIds, id]);

const LEVEL_SATISFIED = [true, true, true, false, false];
/** Region weights of the city platform's public appeals (chosen; 市直 = city level). */
const REGION_WEIGHTS: Record<string, number> = {
  city: 0.08,
  haizhou: 0.32,
  lianyun: 0.1,
  ganyu: 0.12,
  donghai: 0.1,
  guanyun: 0.08,
  guannan: 0.07,
  kaifaqu: 0.08,
  xuwei: 0.02,
  yuntaishan: 0.03,
};
/** Units that handle local matters through the region governments when the matter is in a district. */
const LOCAL_BUREAUS = new Set(['cgj', 'zjj', 'sthjj', 'zrzyghj', 'nyncj', 'slj', 'mzj', 'jyj', 'scjgj']);

export class RefIndex {
  readonly cat = new Map<string, RefInfo['categories'][number]>();
  readonly catById = new Map<number, RefInfo['categories'][number]>();
  readonly kids = new Map<number, RefInfo['categories'][number][]>();
  readonly region = new Map<string, number>();
  readonly regionCode = new Map<number, string>();
  readonly unitByCode = new Map<string, RefInfo['units'][number]>();
  readonly unitById = new Map<number, RefInfo['units'][number]>();
  readonly govOfRegion = new Map<number, RefInfo['units'][number]>();
  readonly townsOf = new Map<number, RefInfo['units'][number][]>();
  readonly topic = new Map<string, number>();
  readonly platform = new Map<string, RefInfo['platforms'][number]>();
  readonly regionCum: number[];
  readonly regionIds: number[];

  constructor(readonly ref: RefInfo) {
    for (const c of ref.categories) {
      this.cat.set(c.code, c);
      this.catById.set(c.id, c);
      if (c.parentId != null) {
        if (!this.kids.has(c.parentId)) this.kids.set(c.parentId, []);
        this.kids.get(c.parentId)?.push(c);
      }
    }
    for (const r of ref.regions) {
      this.region.set(r.code, r.id);
      this.regionCode.set(r.id, r.code);
    }
    for (const u of ref.units.filter((x) => x.active)) {
      this.unitByCode.set(u.code, u);
      this.unitById.set(u.id, u);
      if (u.kind === 'region_gov' && u.regionId != null) this.govOfRegion.set(u.regionId, u);
    }
    for (const u of ref.units.filter((x) => x.active && x.kind === 'town' && x.parentId != null)) {
      const list = this.townsOf.get(u.parentId as number) ?? [];
      list.push(u);
      this.townsOf.set(u.parentId as number, list);
    }
    for (const t of ref.topics) this.topic.set(t.code, t.id);
    for (const p of ref.platforms) this.platform.set(p.code, p);
    const regions = Object.keys(REGION_WEIGHTS).filter((c) => this.region.has(c));
    this.regionIds = regions.map((c) => this.region.get(c) as number);
    this.regionCum = cumulative(regions.map((c) => REGION_WEIGHTS[c]));
  }

  catId(code: string): number {
    const c = this.cat.get(code);
    if (!c) throw new Error(`category ${code} missing from the reference data`);
    return c.id;
  }

  children(code: string): RefInfo['categories'][number][] {
    return this.kids.get(this.catId(code)) ?? [];
  }

  /** A leaf under a level-2 code (weighted where the report names leaves); 3% stay classified at level 2. */
  leafOf(l2: string, rnd: Rnd): number {
    const leaves = this.children(l2);
    if (!leaves.length || rnd() < 0.03) return this.catId(l2);
    const w = L3_WEIGHTS[l2];
    return leaves[w && w.length === leaves.length ? pickCumulative(cumulative(w), rnd) : Math.floor(rnd() * leaves.length)].id;
  }

  randomRegion(rnd: Rnd): number {
    return this.regionIds[pickCumulative(this.regionCum, rnd)];
  }

  /** The unit an order of this category and region is dispatched to. */
  unitFor(categoryId: number, regionId: number | null, rnd: Rnd): number {
    let c = this.catById.get(categoryId);
    while (c && c.defaultUnitId == null && c.parentId != null) c = this.catById.get(c.parentId);
    const def = c?.defaultUnitId != null ? this.unitById.get(c.defaultUnitId) : undefined;
    const cityRegion = this.region.get('city');
    const gov = regionId != null && regionId !== cityRegion ? this.govOfRegion.get(regionId) : undefined;
    if (gov && (!def || (LOCAL_BUREAUS.has(def.code) && rnd() < 0.55))) {
      const towns = this.townsOf.get(gov.id) ?? [];
      return towns.length && rnd() < 0.4 ? towns[Math.floor(rnd() * towns.length)].id : gov.id;
    }
    return def?.id ?? this.unitByCode.get('zwb')?.id ?? [...this.unitById.values()][0].id;
  }

  /** How often a unit is late (towns and busy bureaus more, utilities less): a weight for picking late orders. */
  lateWeight(unitId: number): number {
    const u = this.unitById.get(unitId);
    if (!u) return 1;
    if (u.kind === 'town') return 2.2;
    if (u.kind === 'utility') return 0.5;
    if (u.kind === 'region_gov') return 1.5;
    return ['cgj', 'zjj', 'zrzyghj'].includes(u.code) ? 1.6 : 1;
  }
}

// ------------------------------------------------------------------ days

type DayProfile = 'base' | 'collector' | 'heating' | 'rain' | 'summer' | 'school' | 'epidemic';

const MONTH_FACTORS: Record<Exclude<DayProfile, 'base' | 'collector' | 'epidemic'>, number[]> = {
  heating: [3, 2.5, 1.2, 0.15, 0.1, 0.1, 0.1, 0.1, 0.1, 0.3, 1.5, 3],
  rain: [1.4, 1, 0.5, 0.5, 0.6, 2, 3, 2.5, 1, 0.5, 0.5, 1.2],
  summer: [0.9, 0.9, 0.9, 1, 1.1, 1.4, 1.6, 1.5, 1.1, 1, 0.9, 0.9],
  school: [0.6, 0.8, 0.8, 0.8, 0.8, 1.4, 2.5, 2.5, 1.6, 0.7, 0.6, 0.6],
};

function profileOf(l2: string | null, collector: boolean, epidemic: boolean): DayProfile {
  if (epidemic) return 'epidemic';
  if (collector) return 'collector';
  if (l2 === 'sdqn_gn') return 'heating';
  if (l2 === 'srhj_dljs' || l2 === 'srhj_xsd') return 'rain';
  if (l2 === 'sdqn_gs' || l2 === 'sdqn_gd' || (l2 ?? '').startsWith('zsrm')) return 'summer';
  if (l2 === 'jy_zsrx') return 'school';
  return 'base';
}

/** Cumulative day weights of a year for each profile: weekly rhythm, holidays, growth through the year, seasons. */
export function dayWeights(year: number): Record<DayProfile, number[]> {
  const days = isLeapYear(year) ? 366 : 365;
  const holidays = new Set(CN_HOLIDAYS.filter((h) => h.kind === 'holiday').map((h) => h.date));
  const workdays = new Set(CN_HOLIDAYS.filter((h) => h.kind === 'workday').map((h) => h.date));
  const base: number[] = [];
  const coll: number[] = [];
  const month: number[] = [];
  const epi: number[] = [];
  for (let i = 0; i < days; i++) {
    const d = new Date(Date.UTC(year, 0, 1 + i));
    const iso = d.toISOString().slice(0, 10);
    const dow = d.getUTCDay();
    const weekend = (dow === 0 || dow === 6) && !workdays.has(iso);
    const growth = 1 + 0.15 * (i / days);
    const w = holidays.has(iso) ? 0.65 : weekend ? (dow === 6 ? 0.8 : 0.72) : 1;
    base.push(w * growth);
    coll.push((holidays.has(iso) ? 0.3 : weekend ? 0.5 : 1) * growth);
    month.push(d.getUTCMonth());
    // 2020: nothing before 20 January, a peak in early February, a long tail
    const start = Date.UTC(2020, 0, 20);
    const t = (d.getTime() - start) / 86_400_000;
    epi.push(year !== 2020 || t < 0 ? 0 : (t < 14 ? 0.5 + t / 7 : 2.5 * Math.exp(-(t - 14) / 45) + 0.25) * w);
  }
  const seasonal = (k: keyof typeof MONTH_FACTORS) => cumulative(base.map((w, i) => w * MONTH_FACTORS[k][month[i]]));
  return {
    base: cumulative(base),
    collector: cumulative(coll),
    heating: seasonal('heating'),
    rain: seasonal('rain'),
    summer: seasonal('summer'),
    school: seasonal('school'),
    epidemic: cumulative(epi),
  };
}

// ------------------------------------------------------------------ the city platform

/** The 2020 public, non-epidemic, non-praise appeals by level-1 category × type, at scale 1. */
export function cityMatrix2020(): { codes: string[]; rows: TypeMix[] } {
  const codes = [...Object.keys(CATEGORY_MIX_2020), ...Object.keys(OTHER_CATEGORIES_2020)];
  const others = Object.keys(OTHER_CATEGORIES_2020);
  const fitted = fitTable(
    others.map((c) => OTHER_CATEGORIES_2020[c].total),
    TYPE_KEYS.map((k) => OTHER_TYPE_TOTALS_2020[k]),
    others.map((c) => TYPE_KEYS.map((k) => OTHER_CATEGORIES_2020[c].weights[k])),
  );
  const rows = [...Object.values(CATEGORY_MIX_2020), ...fitted.map((r) => Object.fromEntries(TYPE_KEYS.map((k, j) => [k, r[j]])) as unknown as TypeMix)];
  return { codes, rows };
}

const HOT = Object.keys(HOT_YOY_2020);

/** Level-1 × type counts for a year's public non-epidemic non-praise appeals, at scale 1. */
export function cityMatrix(year: number): { codes: string[]; rows: TypeMix[] } {
  const m2020 = cityMatrix2020();
  if (year === 2020) return m2020;
  const t = CITY_YEARS[year];
  const total = t.public - t.praise - t.thanks;
  const hot2020 = (c: string) => sumMix(CATEGORY_MIX_2020[c]);
  const hotTotal = (c: string) => (year === 2019 ? priorCount(hot2020(c), HOT_YOY_2020[c]) : Math.round(priorCount(hot2020(c), HOT_YOY_2020[c]) / 1.12));
  const hotSum = HOT.reduce((s, c) => s + hotTotal(c), 0);
  const rest = m2020.codes.filter((c) => !HOT.includes(c));
  const restTotals = split(total - hotSum, Object.fromEntries(rest.map((c) => [c, sumMix(m2020.rows[m2020.codes.indexOf(c)])])));
  const rowTotals = m2020.codes.map((c) => (HOT.includes(c) ? hotTotal(c) : restTotals[c]));
  const nonConsult2020 = TYPE_KEYS.filter((k) => k !== 'consult').map((k) => m2020.rows.reduce((s, r) => s + r[k], 0));
  const others = split(total - t.consultPublic, Object.fromEntries(TYPE_KEYS.filter((k) => k !== 'consult').map((k, i) => [k, nonConsult2020[i]])));
  const colTotals = TYPE_KEYS.map((k) => (k === 'consult' ? t.consultPublic : others[k as keyof typeof others]));
  const fitted = fitTable(
    rowTotals,
    colTotals,
    m2020.rows.map((r) => TYPE_KEYS.map((k) => r[k] + 1)),
  );
  return { codes: m2020.codes, rows: fitted.map((r) => Object.fromEntries(TYPE_KEYS.map((k, j) => [k, r[j]])) as unknown as TypeMix) };
}

/** Scales a matrix keeping its row and column totals consistent. */
function scaleMatrix(rows: TypeMix[], scale: number): number[][] {
  if (scale === 1) return rows.map((r) => TYPE_KEYS.map((k) => r[k]));
  const rowTotals = rows.map(sumMix);
  const colTotals = TYPE_KEYS.map((k) => rows.reduce((s, r) => s + r[k], 0));
  const total = scaled(
    rowTotals.reduce((s, n) => s + n, 0),
    scale,
  );
  const rs = split(total, Object.fromEntries(rowTotals.map((n, i) => [String(i), n])));
  const cs = split(total, Object.fromEntries(colTotals.map((n, i) => [String(i), n])));
  return fitTable(
    rowTotals.map((_, i) => rs[String(i)]),
    colTotals.map((_, j) => cs[String(j)]),
    rows.map((r) => TYPE_KEYS.map((k) => r[k] + 1e-3)),
  );
}

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

  return orders;
}

// ------------------------------------------------------------------ district platforms

export function planDistrict(ix: RefIndex, platformCode: string, year: number, count: number, rnd: Rnd): PlannedOrder[] {
  const p = ix.platform.get(platformCode) ?? fail(`platform ${platformCode}`);
  const matrix = cityMatrix2020();
  const l1Cum = cumulative(matrix.rows.map(sumMix));
  const epidemicId = ix.topic.get('epidemic');
  const weights = dayWeights(year);
  const chCum = cumulative(Object.values(DISTRICT_PROFILE.channels));
  const chKeys = Object.keys(DISTRICT_PROFILE.channels);
  const out: PlannedOrder[] = [];
  for (let n = 0; n < count; n++) {
    const i = pickCumulative(l1Cum, rnd);
    const row = matrix.rows[i];
    const type = TYPE_KEYS[pickCumulative(cumulative(TYPE_KEYS.map((k) => row[k])), rnd)];
    let l1 = matrix.codes[i];
    const epidemic = year === 2020 && rnd() < 0.06;
    if (epidemic) l1 = 'yqfk';
    const l2s = ix.children(l1);
    const l2 = l2s[Math.floor(rnd() * l2s.length)].code;
    const direct = rnd() < DISTRICT_PROFILE.directRate;
    const o: PlannedOrder = {
      platformId: p.id,
      categoryId: ix.leafOf(l2, rnd),
      regionId: p.regionId,
      type,
      channel: chKeys[pickCumulative(chCum, rnd)],
      topicIds: epidemic && epidemicId ? [epidemicId] : NO_TOPICS,
      direct,
      unitId: 0,
      wrongUnitId: 0,
      late: 0,
      callback: -1,
      solved: false,
      flags: 0,
      day: pickCumulative(epidemic ? weights.epidemic : weights.base, rnd),
      collector: false,
      l2,
    };
    if (!direct) {
      const gov = p.regionId != null ? ix.govOfRegion.get(p.regionId) : undefined;
      const towns = gov ? (ix.townsOf.get(gov.id) ?? []) : [];
      const r = rnd();
      o.unitId = gov && r < 0.5 ? gov.id : towns.length && r < 0.8 ? towns[Math.floor(rnd() * towns.length)].id : ix.unitFor(o.categoryId, null, rnd);
      o.late = rnd() < DISTRICT_PROFILE.lateRate ? 1 : 0;
      if (rnd() < DISTRICT_PROFILE.callbackRate) {
        o.callback = rnd() < DISTRICT_PROFILE.satisfied ? Math.floor(rnd() * 3) : 3 + Math.floor(rnd() * 2);
        o.solved = o.callback < 3 ? rnd() < 0.95 : rnd() < 0.3;
      }
      if (rnd() < 0.02) o.flags |= F_SIGN_LATE;
    }
    out.push(o);
  }
  return out;
}

// ------------------------------------------------------------------ helpers

function otherUnit(ix: RefIndex, unitId: number, rnd: Rnd): number {
  const all = [...ix.unitById.values()].filter((u) => u.kind === 'bureau' && u.id !== unitId);
  return all[Math.floor(rnd() * all.length)].id;
}

export function dayOfYear(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000);
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

function fail(what: string): never {
  throw new Error(`reference data missing: ${what}`);
}
