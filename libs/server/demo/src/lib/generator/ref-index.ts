import { cumulative, pickCumulative, type Rnd } from './fit';
import { L3_WEIGHTS } from './targets';

/** The reference data as the generator plans with it: categories, regions, units and platforms by code, with the trees it walks. */

export interface RefInfo {
  categories: { id: number; code: string; level: number; parentId: number | null; defaultUnitId: number | null }[];
  regions: { id: number; code: string }[];
  units: { id: number; code: string; name: string; kind: string; regionId: number | null; parentId: number | null; active: boolean }[];
  topics: { id: number; code: string }[];
  platforms: { id: number; code: string; regionId: number | null }[];
}
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

export function fail(what: string): never {
  throw new Error(`reference data missing: ${what}`);
}
