import { Injectable } from '@nestjs/common';
import { AppException } from '@hotline/server-platform';
import { ReferenceService } from '@hotline/server-reference-data';

export interface CategoryInfo {
  id: number;
  code: string;
  name: string;
  level: 1 | 2 | 3;
  parentId: number | null;
  path: string;
  sort: number;
  /** ancestors by level (itself at its own level) */
  l1: number;
  l2: number | null;
}

/** Names and trees the reports need, from the cached reference snapshot. */
export interface Lookup {
  categories: Map<number, CategoryInfo>;
  categoryByCode: Map<string, CategoryInfo>;
  /** level-1 categories in tree order */
  roots: CategoryInfo[];
  children(id: number): CategoryInfo[];
  regions: { id: number; name: string; code: string; sort: number }[];
  regionName(id: number | null): string;
  units: Map<number, { id: number; name: string; code: string; kind: string; isCounty: boolean; parentId: number | null; active: boolean }>;
  unitName(id: number | null): string;
  topics: { id: number; code: string; name: string }[];
  appealTypes: { code: string; name: string }[];
  channels: { code: string; name: string; group: 'public' | 'collector' }[];
  platforms: { id: number; code: string; name: string }[];
  /** platform ids of a scope: 'city' (default), 'all' (全市) or a platform code; undefined = every platform */
  platformIds(scope: string): number[] | undefined;
}

@Injectable()
export class LookupService {
  constructor(private readonly ref: ReferenceService) {}

  async get(): Promise<Lookup> {
    const s = await this.ref.snapshot();
    const byId = new Map(s.categories.map((c) => [c.id, c]));
    const categories = new Map<number, CategoryInfo>();
    const info = (id: number): CategoryInfo => {
      const done = categories.get(id);
      if (done) return done;
      const c = byId.get(id);
      if (!c) throw new Error(`category ${id} missing from the reference snapshot`);
      const parent = c.parentId != null ? info(c.parentId) : null;
      const out: CategoryInfo = {
        id: c.id,
        code: c.code,
        name: c.name,
        level: c.level,
        parentId: c.parentId,
        path: c.path,
        sort: c.sort,
        l1: parent ? parent.l1 : c.id,
        l2: c.level === 1 ? null : c.level === 2 ? c.id : (parent?.l2 ?? null),
      };
      categories.set(id, out);
      return out;
    };
    for (const c of s.categories) info(c.id);
    const kids = new Map<number, CategoryInfo[]>();
    for (const c of [...categories.values()].sort((a, b) => a.sort - b.sort || a.id - b.id)) {
      if (c.parentId == null) continue;
      if (!kids.has(c.parentId)) kids.set(c.parentId, []);
      kids.get(c.parentId)?.push(c);
    }
    const regions = s.regions.map((r) => ({ id: r.id, name: r.name, code: r.code, sort: r.sort }));
    const regionNames = new Map(regions.map((r) => [r.id, r.name]));
    const units = new Map(
      s.units.map((u) => [u.id, { id: u.id, name: u.name, code: u.code, kind: u.kind, isCounty: u.isCounty, parentId: u.parentId, active: u.active }]),
    );
    const platforms = s.platforms.map((p) => ({ id: p.id, code: p.code, name: p.name }));
    return {
      categories,
      categoryByCode: new Map([...categories.values()].map((c) => [c.code, c])),
      roots: [...categories.values()].filter((c) => c.level === 1).sort((a, b) => a.sort - b.sort || a.id - b.id),
      children: (id) => kids.get(id) ?? [],
      regions,
      regionName: (id) => (id ? (regionNames.get(id) ?? `区域${id}`) : '未指定'),
      units,
      unitName: (id) => (id ? (units.get(id)?.name ?? `单位${id}`) : '未派单'),
      topics: s.topics.map((t) => ({ id: t.id, code: t.code, name: t.name })),
      appealTypes: s.appealTypes.map((t) => ({ code: t.code, name: t.name })),
      channels: s.channels.map((c) => ({ code: c.code, name: c.name, group: c.group })),
      platforms,
      platformIds: (scope) => {
        if (scope === 'all') return undefined;
        const p = platforms.find((x) => x.code === scope);
        if (!p) throw new AppException('UNKNOWN_REFERENCE', `platform ${scope} does not exist; use city, all or a platform code`, { field: 'platform' });
        return [p.id];
      },
    };
  }
}
