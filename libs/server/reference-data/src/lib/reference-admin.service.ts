import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, ObjectLiteral, EntityTarget } from 'typeorm';
import { AppException, audit, ChangeBus, CHANGES, inTransaction, type AuditActor } from '@hotline/server-platform';
import type { CreateCategoryDto, CreateTopicDto, CreateUnitDto, PutHolidayDto, UpdateCategoryDto, UpdateTopicDto, UpdateUnitDto } from './dto';
import { CategoryEntity, HolidayEntity, TopicEntity, UnitEntity } from './entities';
import { ReferenceService } from './reference.service';
import { wouldCycle } from './unit-tree';

/** Admin writes to reference data: every update is version-checked, audited, and tells every process's caches. */
@Injectable()
export class ReferenceAdminService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly ref: ReferenceService,
    private readonly bus: ChangeBus,
  ) {}

  async createUnit(actor: AuditActor, dto: CreateUnitDto) {
    if (dto.parentId != null) await this.ref.unit(dto.parentId, 'parentId');
    if (dto.regionId != null) await this.ref.region(dto.regionId);
    const saved = await inTransaction(this.ds, async (em) => {
      const row = await em.save(UnitEntity, {
        code: dto.code,
        name: dto.name,
        kind: dto.kind,
        parentId: dto.parentId ?? null,
        regionId: dto.regionId ?? null,
        isCounty: dto.isCounty ?? false,
        active: true,
        sort: 0,
        version: 1,
      });
      await audit(em, actor, 'unit', row.id, 'create', { ...dto });
      return row;
    });
    await this.bus.changed(CHANGES.reference);
    return saved;
  }

  async updateUnit(actor: AuditActor, id: number, dto: UpdateUnitDto) {
    const { units } = await this.ref.snapshot();
    if (dto.parentId !== undefined && wouldCycle(units, id, dto.parentId))
      throw new AppException('VALIDATION_FAILED', 'a unit cannot be placed under itself', [{ field: 'parentId', messages: ['would create a cycle'] }]);
    if (dto.parentId != null) await this.ref.unit(dto.parentId, 'parentId');
    if (dto.regionId != null) await this.ref.region(dto.regionId);
    const { version, ...patch } = dto;
    await inTransaction(this.ds, async (em) => {
      await this.versionedUpdate(em, UnitEntity, id, version, patch);
      await audit(em, actor, 'unit', id, 'update', { ...patch });
    });
    await this.bus.changed(CHANGES.reference);
    return this.ds.manager.findOneByOrFail(UnitEntity, { id });
  }

  async createCategory(actor: AuditActor, dto: CreateCategoryDto) {
    const parent = dto.parentId != null ? await this.ref.category(dto.parentId, 'parentId') : null;
    if (parent && parent.level >= 3)
      throw new AppException('VALIDATION_FAILED', 'categories have at most three levels', [{ field: 'parentId', messages: ['parent is already level 3'] }]);
    if (dto.defaultUnitId != null) await this.ref.unit(dto.defaultUnitId, 'defaultUnitId');
    const saved = await inTransaction(this.ds, async (em) => {
      const row = await em.save(CategoryEntity, {
        code: dto.code,
        name: dto.name,
        parentId: parent?.id ?? null,
        level: ((parent?.level ?? 0) + 1) as 1 | 2 | 3,
        path: parent ? `${parent.path}/${dto.name}` : dto.name,
        defaultUnitId: dto.defaultUnitId ?? null,
        active: true,
        sort: 0,
        version: 1,
      });
      await audit(em, actor, 'category', row.id, 'create', { ...dto });
      return row;
    });
    await this.bus.changed(CHANGES.reference);
    return saved;
  }

  /** A rename rewrites the stored path of the whole subtree in the same transaction. */
  async updateCategory(actor: AuditActor, id: number, dto: UpdateCategoryDto) {
    if (dto.defaultUnitId != null) await this.ref.unit(dto.defaultUnitId, 'defaultUnitId');
    await inTransaction(this.ds, async (em) => {
      const cur = await em.findOneBy(CategoryEntity, { id });
      if (!cur) throw new AppException('NOT_FOUND', `category ${id} not found`);
      const { version, ...patch } = dto;
      const set: Partial<CategoryEntity> = { ...patch };
      if (dto.name && dto.name !== cur.name) {
        const newPath = cur.path.slice(0, cur.path.length - cur.name.length) + dto.name;
        set.path = newPath;
        await em.query('UPDATE category SET path = CONCAT(?, SUBSTRING(path, ?)) WHERE path LIKE ?', [newPath, cur.path.length + 1, `${cur.path}/%`]);
      }
      await this.versionedUpdate(em, CategoryEntity, id, version, set);
      await audit(em, actor, 'category', id, 'update', { ...set });
    });
    await this.bus.changed(CHANGES.reference);
    return this.ds.manager.findOneByOrFail(CategoryEntity, { id });
  }

  async createTopic(actor: AuditActor, dto: CreateTopicDto) {
    const saved = await inTransaction(this.ds, async (em) => {
      const row = await em.save(TopicEntity, { code: dto.code, name: dto.name, active: true, sort: 0, version: 1 });
      await audit(em, actor, 'topic', row.id, 'create', { ...dto });
      return row;
    });
    await this.bus.changed(CHANGES.reference);
    return saved;
  }

  async updateTopic(actor: AuditActor, id: number, dto: UpdateTopicDto) {
    const { version, ...patch } = dto;
    await inTransaction(this.ds, async (em) => {
      await this.versionedUpdate(em, TopicEntity, id, version, patch);
      await audit(em, actor, 'topic', id, 'update', { ...patch });
    });
    await this.bus.changed(CHANGES.reference);
    return this.ds.manager.findOneByOrFail(TopicEntity, { id });
  }

  async putHoliday(actor: AuditActor, date: string, dto: PutHolidayDto) {
    if (!isCalendarDate(date)) throw new AppException('VALIDATION_FAILED', 'date must be YYYY-MM-DD', [{ field: 'date', messages: ['must be YYYY-MM-DD'] }]);
    await inTransaction(this.ds, async (em) => {
      await em.upsert(HolidayEntity, { day: date, kind: dto.kind, name: dto.name }, ['day']);
      await audit(em, actor, 'holiday', date, 'put', { ...dto });
    });
    await this.bus.changed(CHANGES.holidays);
    return { date, kind: dto.kind, name: dto.name };
  }

  async deleteHoliday(actor: AuditActor, date: string) {
    await inTransaction(this.ds, async (em) => {
      const res = await em.delete(HolidayEntity, { day: date });
      if (!res.affected) throw new AppException('NOT_FOUND', `no holiday entry on ${date}`);
      await audit(em, actor, 'holiday', date, 'delete');
    });
    await this.bus.changed(CHANGES.holidays);
  }

  private async versionedUpdate<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, id: number, version: number, patch: Partial<T>) {
    const res = await em
      .createQueryBuilder()
      .update(entity)
      .set({ ...patch, version: () => 'version + 1' } as never)
      .where('id = :id AND version = :version', { id, version })
      .execute();
    if (!res.affected) {
      const exists = await em.getRepository(entity).existsBy({ id } as never);
      throw exists
        ? new AppException('STALE_VERSION', 'changed by someone else; reload and try again')
        : new AppException('NOT_FOUND', `record ${id} not found`);
    }
  }
}

/** YYYY-MM-DD naming a real day (JS Date would roll 02-30 over to March). */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
