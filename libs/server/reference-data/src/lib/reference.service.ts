import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppealTypeView, CategoryNode, ChannelView, HolidayView, PlatformView, RegionView, TopicView, UnitView } from '@hotline/contracts';
import { AppException, ChangeBus, CHANGES } from '@hotline/server-platform';
import { AppealTypeEntity, CategoryEntity, ChannelEntity, HolidayEntity, PlatformEntity, RegionEntity, TopicEntity, UnitEntity } from './entities';
import { isWithin, subtreeIds } from './unit-tree';

interface Snapshot {
  at: number;
  regions: RegionEntity[];
  units: UnitEntity[];
  categories: CategoryEntity[];
  channels: ChannelEntity[];
  appealTypes: AppealTypeEntity[];
  topics: TopicEntity[];
  platforms: PlatformEntity[];
}

// Reference data changes a few times a year and is read on every request. An admin's change reaches every
// process at once over the ChangeBus; the expiry is the fallback for a change signal lost with Redis.
const TTL_MS = 30_000;

/** Read side of the reference data, cached per process; orders validate their references through it. */
@Injectable()
export class ReferenceService {
  private snap: Promise<Snapshot> | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    bus: ChangeBus,
  ) {
    bus.on(CHANGES.reference, () => (this.snap = null));
  }

  private async load(): Promise<Snapshot> {
    const m = this.ds.manager;
    const [regions, units, categories, channels, appealTypes, topics, platforms] = await Promise.all([
      m.find(RegionEntity, { order: { sort: 'ASC', id: 'ASC' } }),
      m.find(UnitEntity, { order: { sort: 'ASC', id: 'ASC' } }),
      m.find(CategoryEntity, { order: { level: 'ASC', sort: 'ASC', id: 'ASC' } }),
      m.find(ChannelEntity, { order: { sort: 'ASC' } }),
      m.find(AppealTypeEntity, { order: { sort: 'ASC' } }),
      m.find(TopicEntity, { order: { sort: 'ASC', id: 'ASC' } }),
      m.find(PlatformEntity, { order: { id: 'ASC' } }),
    ]);
    return { at: Date.now(), regions, units, categories, channels, appealTypes, topics, platforms };
  }

  async snapshot(): Promise<Snapshot> {
    if (this.snap) {
      const s = await this.snap.catch(() => null);
      if (s && Date.now() - s.at < TTL_MS) return s;
    }
    this.snap = this.load();
    return this.snap;
  }

  async regions(): Promise<RegionView[]> {
    return (await this.snapshot()).regions.map(({ id, code, name, kind }) => ({ id, code, name, kind }));
  }

  async units(): Promise<UnitView[]> {
    return (await this.snapshot()).units.map(toUnitView);
  }

  async channels(): Promise<ChannelView[]> {
    return (await this.snapshot()).channels.map(({ code, name, group }) => ({ code, name, group }));
  }

  async appealTypes(): Promise<AppealTypeView[]> {
    return (await this.snapshot()).appealTypes.map(({ code, name }) => ({ code, name }));
  }

  async topics(): Promise<TopicView[]> {
    return (await this.snapshot()).topics.map(({ id, code, name, active, version }) => ({ id, code, name, active, version }));
  }

  async platforms(): Promise<PlatformView[]> {
    return (await this.snapshot()).platforms.map(({ id, code, name, regionId }) => ({ id, code, name, regionId }));
  }

  async categoryTree(includeInactive = false): Promise<CategoryNode[]> {
    const cats = (await this.snapshot()).categories.filter((c) => includeInactive || c.active);
    const nodes = new Map<number, CategoryNode>(
      cats.map((c) => [
        c.id,
        {
          id: c.id,
          code: c.code,
          name: c.name,
          level: c.level,
          parentId: c.parentId,
          defaultUnitId: c.defaultUnitId,
          active: c.active,
          version: c.version,
          children: [],
        },
      ]),
    );
    const roots: CategoryNode[] = [];
    for (const c of cats) {
      const node = nodes.get(c.id) as CategoryNode;
      if (c.parentId == null) roots.push(node);
      else nodes.get(c.parentId)?.children.push(node);
    }
    return roots;
  }

  async holidays(year?: number): Promise<HolidayView[]> {
    const qb = this.ds.manager.createQueryBuilder(HolidayEntity, 'h').orderBy('h.day', 'ASC');
    if (year) qb.where('h.day BETWEEN :a AND :b', { a: `${year}-01-01`, b: `${year}-12-31` });
    return (await qb.getMany()).map(({ day, kind, name }) => ({ date: day, kind, name }));
  }

  // --- lookups used when validating an order; each throws UNKNOWN_REFERENCE naming the field ---

  async category(id: number, field = 'categoryId'): Promise<CategoryEntity> {
    const c = (await this.snapshot()).categories.find((x) => x.id === id);
    if (!c || !c.active) throw new AppException('UNKNOWN_REFERENCE', `category ${id} does not exist`, { field });
    return c;
  }

  async unit(id: number, field = 'unitId'): Promise<UnitEntity> {
    const u = (await this.snapshot()).units.find((x) => x.id === id);
    if (!u || !u.active) throw new AppException('UNKNOWN_REFERENCE', `unit ${id} does not exist`, { field });
    return u;
  }

  async region(id: number, field = 'regionId'): Promise<RegionEntity> {
    const r = (await this.snapshot()).regions.find((x) => x.id === id);
    if (!r) throw new AppException('UNKNOWN_REFERENCE', `region ${id} does not exist`, { field });
    return r;
  }

  async platform(id: number | undefined, field = 'platformId'): Promise<PlatformEntity> {
    const all = (await this.snapshot()).platforms;
    const p = id == null ? (all.find((x) => x.code === 'city') ?? all[0]) : all.find((x) => x.id === id);
    if (!p) throw new AppException('UNKNOWN_REFERENCE', `platform ${id} does not exist`, { field });
    return p;
  }

  async channel(code: string, field = 'channel'): Promise<ChannelEntity> {
    const c = (await this.snapshot()).channels.find((x) => x.code === code);
    if (!c) throw new AppException('UNKNOWN_REFERENCE', `channel ${code} does not exist`, { field });
    return c;
  }

  async appealType(code: string, field = 'appealType'): Promise<AppealTypeEntity> {
    const t = (await this.snapshot()).appealTypes.find((x) => x.code === code);
    if (!t) throw new AppException('UNKNOWN_REFERENCE', `appeal type ${code} does not exist`, { field });
    return t;
  }

  async topicsByCode(codes: string[], field = 'topics'): Promise<TopicEntity[]> {
    const all = (await this.snapshot()).topics;
    return codes.map((code) => {
      const t = all.find((x) => x.code === code && x.active);
      if (!t) throw new AppException('UNKNOWN_REFERENCE', `topic ${code} does not exist`, { field });
      return t;
    });
  }

  /** A unit and every unit below it (a district government sees its towns' orders). */
  async unitScope(unitId: number): Promise<number[]> {
    return subtreeIds((await this.snapshot()).units, unitId);
  }

  async unitWithin(unitId: number, ancestorId: number): Promise<boolean> {
    return isWithin((await this.snapshot()).units, unitId, ancestorId);
  }

  /** The category and all its descendants, for search by a level-1 or level-2 category. */
  async categoryScope(categoryId: number): Promise<number[]> {
    return subtreeIds((await this.snapshot()).categories, categoryId);
  }
}

export function toUnitView(u: UnitEntity): UnitView & { isCounty: boolean; version: number } {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind,
    parentId: u.parentId,
    regionId: u.regionId,
    active: u.active,
    isCounty: u.isCounty,
    version: u.version,
  };
}
