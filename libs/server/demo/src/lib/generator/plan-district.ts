import { cumulative, pickCumulative, type Rnd } from './fit';
import { cityMatrix2020 } from './city-matrix';
import { assignDirectMethods } from './direct-methods';
import { dayWeights } from './day-weights';
import { type PlannedOrder, NO_TOPICS, F_SIGN_LATE } from './plan';
import { RefIndex, fail } from './ref-index';
import { DISTRICT_PROFILE, sumMix, TYPE_KEYS } from './targets';

/** The district platforms' orders: the city's mix of categories and types, the district profile's rates. */

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
      method: null,
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
  assignDirectMethods(out, ix, rnd);
  return out;
}
