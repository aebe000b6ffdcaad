import type { HotCategoryInput, HotStyle, NamedValue } from './annual-report';

/**
 * The figures of the reports that are sums over summary rows (pure): appeals by level-1 category, section 三's hot
 * categories with their breakdowns, what coordination meetings were about.
 */

/** A row of summed summary cells: its key columns and values by column name. */
export type SumRow = Record<string, number | string>;

/** What the aggregation needs of the reference data (the server's Lookup has it). */
export interface CategoryTree {
  categories: Map<number, { id: number; code: string; name: string; level: number; l1: number; l2: number | null }>;
  children(id: number): { id: number; name: string }[];
  regions: { id: number; code: string; sort: number }[];
  regionName(id: number | null): string;
}

/**
 * How section 三 words and charts each hot category (the seed's template). Categories not listed get the
 * plain "诉求内容主要集中在…" paragraph and a chart by sub-category.
 */
export const HOT_TEMPLATE: Record<string, { style: HotStyle; chart: HotCategoryInput['chart'] }> = {
  srhj: { style: 'focus', chart: 'l2' },
  sdqn: { style: 'breakdown', chart: 'l2' },
  zfgl: { style: 'reflect', chart: 'l2' },
  wygl: { style: 'reflect', chart: 'l2' },
  wfjs: { style: 'types', chart: 'region' },
  hjwr: { style: 'pollution', chart: 'table' },
  zsrm: { style: 'shares', chart: 'l2' },
};
/** Section 三 picks the categories with the most complaints and reports (投诉、举报: where the 矛盾 are). */
export const DISPUTE_TYPES = ['complaint', 'report'];
const HOT_COUNT = 7;
const ALSO_COUNT = 7;

/** Named counts by id, largest first (ties by id), zeros left out. */
export function namedCounts(m: Map<number, number>, tree: CategoryTree): NamedValue[] {
  return [...m.entries()]
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([id, value]) => ({ name: tree.categories.get(id)?.name ?? String(id), value }));
}

/** Rows by category_id summed under their level-1 category (figure 3: 疫情 appeals by domain), largest first. */
export function byLevel1(rows: readonly SumRow[], tree: CategoryTree, value = 'accepted'): NamedValue[] {
  const by = new Map<number, number>();
  for (const r of rows) {
    const l1 = tree.categories.get(Number(r['category_id']))?.l1;
    if (l1 != null) by.set(l1, (by.get(l1) ?? 0) + Number(r[value]));
  }
  return [...by.entries()]
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([id, value]) => ({ name: tree.categories.get(id)?.name ?? String(id), value }));
}

/**
 * Section 三: level-1 categories ranked by complaints and reports (then by all appeals), the first seven chosen unless
 * `picked` names them, each with its sub-categories and regions; and the next seven by name. `cur` is grouped by
 * category_id, appeal_type_code and region_id, `before` (the period before) by category_id.
 */
export function hotCategories(
  cur: readonly SumRow[],
  before: readonly SumRow[],
  tree: CategoryTree,
  picked?: number[],
): { selected: HotCategoryInput[]; also: string[] } {
  const lk = tree;
  interface Agg {
    total: number;
    disputes: number;
    l2: Map<number, { total: number; l3: Map<number, number> }>;
    regions: Map<number, { total: number; l2: Map<number, number> }>;
  }
  const agg = new Map<number, Agg>();
  for (const r of cur) {
    const c = lk.categories.get(Number(r['category_id']));
    if (!c) continue;
    const n = Number(r['accepted']);
    let a = agg.get(c.l1);
    if (!a) agg.set(c.l1, (a = { total: 0, disputes: 0, l2: new Map(), regions: new Map() }));
    a.total += n;
    if (DISPUTE_TYPES.includes(String(r['appeal_type_code']))) a.disputes += n;
    if (c.l2 != null) {
      const l2 = a.l2.get(c.l2) ?? { total: 0, l3: new Map<number, number>() };
      l2.total += n;
      if (c.level === 3) l2.l3.set(c.id, (l2.l3.get(c.id) ?? 0) + n);
      a.l2.set(c.l2, l2);
    }
    const region = Number(r['region_id']);
    const rg = a.regions.get(region) ?? { total: 0, l2: new Map<number, number>() };
    rg.total += n;
    if (c.l2 != null) rg.l2.set(c.l2, (rg.l2.get(c.l2) ?? 0) + n);
    a.regions.set(region, rg);
  }
  const prevTotal = new Map<number, number>();
  for (const r of before) {
    const l1 = lk.categories.get(Number(r['category_id']))?.l1;
    if (l1 != null) prevTotal.set(l1, (prevTotal.get(l1) ?? 0) + Number(r['accepted']));
  }
  const ranked = [...agg.entries()].filter(([, a]) => a.total > 0).sort((x, y) => y[1].disputes - x[1].disputes || y[1].total - x[1].total || x[0] - y[0]);
  const chosen = picked ?? ranked.slice(0, HOT_COUNT).map(([id]) => id);
  const also = ranked
    .filter(([id]) => !chosen.includes(id))
    .slice(0, ALSO_COUNT)
    .map(([id]) => lk.categories.get(id)?.name ?? String(id));
  const regionOrder = new Map(lk.regions.map((r) => [r.id, r.sort]));
  const cityRegion = lk.regions.find((r) => r.code === 'city')?.id;
  const named = (m: Map<number, number>) => namedCounts(m, tree);
  const selected = chosen
    .map((id): HotCategoryInput => {
      const a = agg.get(id) ?? { total: 0, disputes: 0, l2: new Map(), regions: new Map() };
      const c = lk.categories.get(id);
      const template = HOT_TEMPLATE[c?.code ?? ''] ?? { style: 'focus' as HotStyle, chart: 'l2' as const };
      const l2 = lk
        .children(id)
        .map((x) => ({ name: x.name, value: a.l2.get(x.id)?.total ?? 0, l3: named(a.l2.get(x.id)?.l3 ?? new Map()) }))
        .sort((x, y) => y.value - x.value);
      const regions = [...a.regions.entries()]
        .filter(([rid, v]) => rid !== 0 && rid !== cityRegion && v.total > 0)
        .sort((x, y) => y[1].total - x[1].total || (regionOrder.get(x[0]) ?? 0) - (regionOrder.get(y[0]) ?? 0))
        .map(([rid, v]) => ({ name: lk.regionName(rid), value: v.total, l2: named(v.l2) }));
      return {
        code: c?.code ?? String(id),
        name: c?.name ?? String(id),
        count: a.total,
        previous: prevTotal.get(id) ?? 0,
        style: template.style,
        chart: template.chart,
        l2,
        regions,
      };
    })
    .sort((x, y) => y.count - x.count);
  return { selected, also };
}

/** What meetings were about, most frequent first: '停车收费问题专题协调会议' → '停车收费'. */
export function meetingTopics(titles: string[]): string[] {
  const by = new Map<string, number>();
  for (const t of titles) {
    const topic = t
      .replace(/(疑难问题)?(专题)?(协调)?(会议|会)$/u, '')
      .replace(/(的)?问题$/u, '')
      .trim();
    if (topic) by.set(topic, (by.get(topic) ?? 0) + 1);
  }
  return [...by.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t);
}
