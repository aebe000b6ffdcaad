import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ANY_APPEAL_TYPE, type TimeLimitPolicyView } from '@hotline/contracts';
import { validatePolicy } from '@hotline/domain';
import type { AuthUser } from '@hotline/server-identity';
import { AppException, audit, ChangeBus, CHANGES, inTransaction } from '@hotline/server-platform';
import { ReferenceService } from '@hotline/server-reference-data';
import type { CreateTimeLimitPolicyDto, UpdateTimeLimitPolicyDto } from './dto';
import { TimeLimitPolicyEntity } from './entities';
import { toPolicy, toPolicyView } from './mappers';

/**
 * Admins edit the time-limit policy here. A change applies to deadlines set from then on (the running ones are
 * stored on the orders); this process drops its cached policy at once, other API instances within 30 s.
 */
@Injectable()
export class TimeLimitPolicyService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly ref: ReferenceService,
    private readonly bus: ChangeBus,
  ) {}

  async list(): Promise<TimeLimitPolicyView[]> {
    const rows = await this.ds.manager.find(TimeLimitPolicyEntity, { order: { appealType: 'ASC', urgent: 'ASC' } });
    // the default rows first, then by type
    return rows.sort((a, b) => Number(b.appealType === ANY_APPEAL_TYPE) - Number(a.appealType === ANY_APPEAL_TYPE)).map(toPolicyView);
  }

  async create(user: AuthUser, dto: CreateTimeLimitPolicyDto): Promise<TimeLimitPolicyView> {
    if (dto.appealType !== ANY_APPEAL_TYPE) await this.ref.appealType(dto.appealType);
    const row = { ...dto, dayLength: dto.dayLength ?? null };
    check(toPolicy(row));
    const now = new Date();
    const id = await inTransaction(this.ds, async (em) => {
      const res = await em.insert(TimeLimitPolicyEntity, { ...row, version: 1, updatedBy: user.id, createdAt: now, updatedAt: now });
      const newId = Number(res.identifiers[0]['id']);
      await audit(em, user, 'time-limit', newId, 'create', { ...row });
      return newId;
    });
    await this.bus.changed(CHANGES.timeLimits);
    return toPolicyView(await this.ds.manager.findOneByOrFail(TimeLimitPolicyEntity, { id }));
  }

  async update(user: AuthUser, id: number, dto: UpdateTimeLimitPolicyDto): Promise<TimeLimitPolicyView> {
    const cur = await this.ds.manager.findOneBy(TimeLimitPolicyEntity, { id });
    if (!cur) throw new AppException('NOT_FOUND', `time-limit policy ${id} not found`);
    const { version, ...fields } = dto;
    // only what the request names (a DTO instance may carry the others as undefined)
    const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Omit<UpdateTimeLimitPolicyDto, 'version'>;
    const next = { ...cur, ...patch };
    // leaving the natural clock leaves its day length behind
    if (next.clock !== 'natural' && patch.dayLength === undefined) next.dayLength = null;
    check(toPolicy(next));
    await inTransaction(this.ds, async (em) => {
      const res = await em
        .createQueryBuilder()
        .update(TimeLimitPolicyEntity)
        .set({ ...patch, dayLength: next.dayLength, updatedBy: user.id, updatedAt: new Date(), version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id, version })
        .execute();
      if (res.affected !== 1)
        throw new AppException('STALE_VERSION', 'the policy was changed by someone else; reload it and try again', { currentVersion: cur.version });
      await audit(em, user, 'time-limit', id, 'update', { ...patch });
    });
    await this.bus.changed(CHANGES.timeLimits);
    return toPolicyView(await this.ds.manager.findOneByOrFail(TimeLimitPolicyEntity, { id }));
  }

  async remove(user: AuthUser, id: number): Promise<void> {
    const cur = await this.ds.manager.findOneBy(TimeLimitPolicyEntity, { id });
    if (!cur) throw new AppException('NOT_FOUND', `time-limit policy ${id} not found`);
    if (cur.appealType === ANY_APPEAL_TYPE) throw new AppException('PRECONDITION_FAILED', 'the default rows (*) can be edited but not deleted');
    await inTransaction(this.ds, async (em) => {
      await em.delete(TimeLimitPolicyEntity, { id });
      await audit(em, user, 'time-limit', id, 'delete', { appealType: cur.appealType, urgent: cur.urgent });
    });
    await this.bus.changed(CHANGES.timeLimits);
  }
}

function check(policy: ReturnType<typeof toPolicy>): void {
  const errors = validatePolicy(policy);
  if (errors.length) throw new AppException('VALIDATION_FAILED', errors.map((e) => `${e.field}: ${e.messages.join(', ')}`).join('; '), errors);
}
