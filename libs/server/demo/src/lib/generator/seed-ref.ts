import { CATEGORIES, PLATFORMS, REGIONS, TOPICS, UNITS, type CategorySeed } from '@hotline/server-reference-data';
import type { RefInfo } from './ref-index';

/**
 * The reference data as the seeder would load it, with ids given in seed order: lets the planner and its
 * specs run without a database.
 */
export function seedRefInfo(): RefInfo {
  const regions = REGIONS.map((r, i) => ({ id: i + 1, code: r.code }));
  const regionId = new Map(regions.map((r) => [r.code, r.id]));
  const ordered = [...UNITS.filter((u) => !u.parentCode), ...UNITS.filter((u) => u.parentCode)];
  const unitId = new Map(ordered.map((u, i) => [u.code, i + 1]));
  const units = ordered.map((u, i) => ({
    id: i + 1,
    code: u.code,
    name: u.name,
    kind: u.kind,
    regionId: u.regionCode ? (regionId.get(u.regionCode) ?? null) : null,
    parentId: u.parentCode ? (unitId.get(u.parentCode) ?? null) : null,
    active: true,
  }));
  const categories: RefInfo['categories'] = [];
  const walk = (nodes: CategorySeed[], parentId: number | null, level: number) => {
    for (const c of nodes) {
      const id = categories.length + 1;
      categories.push({ id, code: c.code, level, parentId, defaultUnitId: c.defaultUnitCode ? (unitId.get(c.defaultUnitCode) ?? null) : null });
      walk(c.children ?? [], id, level + 1);
    }
  };
  walk(CATEGORIES, null, 1);
  return {
    categories,
    regions,
    units,
    topics: TOPICS.map((t, i) => ({ id: i + 1, code: t.code })),
    platforms: PLATFORMS.map((p, i) => ({ id: i + 1, code: p.code, regionId: p.regionCode ? (regionId.get(p.regionCode) ?? null) : null })),
  };
}
