import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { UNIT_ROLES, type Role, type UserView } from '@hotline/contracts';
import { AppException, audit, createValidationPipe, inTransaction, type AuditActor } from '@hotline/server-platform';
import { CreateUserDto } from './dto';
import type { AuthUser } from './auth-user';
import { hashPassword } from './password';
import { UserEntity } from './user.entity';

const CACHE_MS = 15_000;

const COMMAND_LINE: AuditActor = { id: null, displayName: '命令行', role: 'system' };

@Injectable()
export class UsersService {
  private readonly cache = new Map<number, { user: AuthUser | null; at: number }>();

  constructor(
    @InjectRepository(UserEntity) private readonly repo: Repository<UserEntity>,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  /** Every request re-checks its user; a short cache keeps that off the hot path. */
  async findActiveCached(id: number): Promise<AuthUser | null> {
    const hit = this.cache.get(id);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.user;
    const row = await this.repo.findOneBy({ id });
    const user = row && row.active ? toAuthUser(row) : null;
    this.cache.set(id, { user, at: Date.now() });
    return user;
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ username });
  }

  async list(): Promise<UserView[]> {
    const rows = await this.repo.find({ order: { id: 'ASC' } });
    return this.views(rows);
  }

  async view(id: number): Promise<UserView> {
    const row = await this.repo.findOneBy({ id });
    if (!row) throw new AppException('NOT_FOUND', `user ${id} not found`);
    return (await this.views([row]))[0];
  }

  async create(actor: AuditActor, input: { username: string; password: string; displayName: string; role: Role; unitId?: number | null }): Promise<UserView> {
    await this.checkUnit(input.role, input.unitId ?? null);
    if (await this.repo.existsBy({ username: input.username }))
      throw new AppException('DUPLICATE', `username ${input.username} is taken`, { field: 'username' });
    const row = this.repo.create({
      username: input.username,
      passwordHash: await hashPassword(input.password),
      displayName: input.displayName,
      role: input.role,
      unitId: input.unitId ?? null,
      active: true,
    });
    const id = await inTransaction(this.ds, async (em) => {
      const saved = await em.save(UserEntity, row);
      await audit(em, actor, 'user', saved.id, 'create', { username: input.username, role: input.role, unitId: input.unitId ?? null });
      return saved.id;
    });
    return this.view(id);
  }

  /**
   * An administrator made from the command line (`cli create-admin`): how a production deployment gets its first
   * user, since demo accounts are never made there. Validated exactly as POST /api/admin/users is.
   */
  async createAdmin(input: { username: string; password: string; displayName: string }): Promise<UserView> {
    const dto: CreateUserDto = await createValidationPipe().transform({ ...input, role: 'admin' }, { type: 'body', metatype: CreateUserDto });
    return this.create(COMMAND_LINE, dto);
  }

  async update(
    actor: AuditActor,
    id: number,
    patch: { password?: string; displayName?: string; role?: Role; unitId?: number | null; active?: boolean; version: number },
  ): Promise<UserView> {
    const row = await this.repo.findOneBy({ id });
    if (!row) throw new AppException('NOT_FOUND', `user ${id} not found`);
    const role = patch.role ?? row.role;
    const unitId = patch.unitId !== undefined ? patch.unitId : row.unitId;
    await this.checkUnit(role, unitId);
    const set: Partial<UserEntity> = { role, unitId };
    if (patch.displayName !== undefined) set.displayName = patch.displayName;
    if (patch.active !== undefined) set.active = patch.active;
    if (patch.password) set.passwordHash = await hashPassword(patch.password);
    await inTransaction(this.ds, async (em) => {
      const res = await em
        .createQueryBuilder()
        .update(UserEntity)
        .set({ ...set, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id, version: patch.version })
        .execute();
      if (!res.affected) throw new AppException('STALE_VERSION', 'the user was changed by someone else; reload and try again');
      const { passwordHash, ...logged } = set;
      await audit(em, actor, 'user', id, 'update', { ...logged, passwordChanged: !!passwordHash });
    });
    this.cache.delete(id);
    return this.view(id);
  }

  private async checkUnit(role: Role, unitId: number | null): Promise<void> {
    if (UNIT_ROLES.includes(role) && unitId == null)
      throw new AppException('VALIDATION_FAILED', 'a unit handler needs a unit', [{ field: 'unitId', messages: ['required for unit_handler'] }]);
    if (unitId != null) {
      const [row] = await this.ds.query('SELECT id FROM unit WHERE id = ?', [unitId]);
      if (!row) throw new AppException('UNKNOWN_REFERENCE', `unit ${unitId} does not exist`, { field: 'unitId' });
    }
  }

  private async views(rows: UserEntity[]): Promise<UserView[]> {
    const unitIds = [...new Set(rows.map((r) => r.unitId).filter((x): x is number => x != null))];
    const names = new Map<number, string>();
    if (unitIds.length) {
      const units: { id: number; name: string }[] = await this.ds.query('SELECT id, name FROM unit WHERE id IN (?)', [unitIds]);
      for (const u of units) names.set(u.id, u.name);
    }
    return rows.map((r) => ({ ...toUserView(r), unitName: r.unitId != null ? (names.get(r.unitId) ?? null) : null, active: r.active, version: r.version }));
  }
}

function toAuthUser(r: UserEntity): AuthUser {
  return { id: r.id, username: r.username, displayName: r.displayName, role: r.role, unitId: r.unitId };
}

export function toUserView(r: UserEntity, unitName: string | null = null): UserView {
  return { id: r.id, username: r.username, displayName: r.displayName, role: r.role, unitId: r.unitId, unitName };
}
