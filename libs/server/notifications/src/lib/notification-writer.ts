import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import type { EntityManager } from 'typeorm';
import type { NotificationView, Role } from '@hotline/contracts';
import { AppConfig, REDIS } from '@hotline/server-platform';
import { NotificationEntity } from './entities';
import { toNotificationView } from './mappers';

/** The Redis channel on which written notices reach every API instance's live streams. */
export function notificationChannel(queuePrefix: string): string {
  return `${queuePrefix}:notifications`;
}

/** The Redis channel of live signals: events for one user's open streams that are not notices (a call pop …). */
export function signalChannel(queuePrefix: string): string {
  return `${queuePrefix}:signals`;
}

/** A live signal: sent to the user's open streams as event `type`, never stored (a closed stream misses it). */
export interface UserSignal {
  userId: number;
  type: string;
  data: unknown;
}

export interface NoticeDraft {
  kind: NotificationView['kind'];
  orderId: number | null;
  orderNumber: string | null;
  title: string;
  body?: string | null;
  /** The handlers of this unit (the unit's inbox). */
  unitId?: number | null;
  /** Every active user holding one of these roles (the supervisors' board, the callback desk …). */
  roles?: readonly Role[];
}

/** A notice as written for one user, ready to be published once the transaction has committed. */
export interface WrittenNotice {
  userId: number;
  view: NotificationView;
}

interface Addressee {
  id: number;
  role: Role;
  unit_id: number | null;
}

/** The active users some notices reach: the handlers of their units, and everyone holding one of their roles. */
export function addresseeQuery(to: { unitIds?: readonly number[]; roles?: readonly Role[] }): { sql: string; params: unknown[] } | null {
  const who: string[] = [];
  const params: unknown[] = [];
  if (to.unitIds?.length) {
    who.push(`(role = 'unit_handler' AND unit_id IN (${to.unitIds.map(() => '?').join(', ')}))`);
    params.push(...to.unitIds);
  }
  if (to.roles?.length) {
    who.push(`role IN (${to.roles.map(() => '?').join(', ')})`);
    params.push(...to.roles);
  }
  return who.length ? { sql: `SELECT id, role, unit_id FROM app_user WHERE active = 1 AND (${who.join(' OR ')}) ORDER BY id`, params } : null;
}

/** Who of `users` a draft reaches, each once; `viaUnit` when it reached them as their unit's handler. */
export function addresseesOf(draft: Pick<NoticeDraft, 'unitId' | 'roles'>, users: readonly Addressee[]): { userId: number; viaUnit: boolean }[] {
  const out: { userId: number; viaUnit: boolean }[] = [];
  for (const u of users) {
    const viaUnit = draft.unitId != null && u.role === 'unit_handler' && Number(u.unit_id) === draft.unitId;
    if ((viaUnit || (draft.roles ?? []).includes(u.role)) && !out.some((o) => o.userId === u.id)) out.push({ userId: Number(u.id), viaUnit });
  }
  return out;
}

/**
 * Writes notices in the caller's transaction (so a notice exists exactly when the event that caused it does),
 * and publishes them after commit for the live streams. Publishing is best effort: a client that missed one
 * catches up from the table when it reconnects (Last-Event-ID).
 */
@Injectable()
export class NotificationWriter {
  private readonly channel: string;

  private readonly signals: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.channel = notificationChannel(config.QUEUE_PREFIX);
    this.signals = signalChannel(config.QUEUE_PREFIX);
  }

  /** Publishes a live signal to every API instance's streams of that user (best effort, after the caller's commit). */
  async signal(s: UserSignal): Promise<void> {
    await this.redis.publish(this.signals, JSON.stringify(s));
  }

  /**
   * Writes every draft for its addressees with one lookup and one insert. The caller must hold the locks of the
   * drafts' orders: the new rows' ids are read back by (order, instant), which no one else can write meanwhile.
   */
  async writeMany(em: EntityManager, drafts: readonly NoticeDraft[], at: Date): Promise<WrittenNotice[]> {
    const units = [...new Set(drafts.map((d) => d.unitId).filter((u): u is number => u != null))];
    const roles = [...new Set(drafts.flatMap((d) => d.roles ?? []))];
    const lookup = addresseeQuery({ unitIds: units, roles });
    if (!lookup) return [];
    const users: Addressee[] = await em.query(lookup.sql, lookup.params);
    const rows: (Omit<NotificationEntity, 'id'> & { orderNumber: string | null })[] = drafts.flatMap((d) =>
      addresseesOf(d, users).map(({ userId, viaUnit }) => ({
        userId,
        unitId: viaUnit ? (d.unitId ?? null) : null,
        orderId: d.orderId,
        kind: d.kind,
        title: d.title,
        body: d.body ?? null,
        createdAt: at,
        readAt: null,
        orderNumber: d.orderNumber,
      })),
    );
    if (!rows.length) return [];
    if (rows.some((r) => r.orderId == null)) return this.oneByOne(em, rows);
    const res: { insertId: number } = await em.query('INSERT INTO notification (user_id, unit_id, order_id, kind, title, body, created_at) VALUES ?', [
      rows.map((r) => [r.userId, r.unitId, r.orderId, r.kind, r.title, r.body, r.createdAt]),
    ]);
    // a statement's rows get ascending ids from insertId on, not always consecutive ones (MySQL 8 interleaves
    // concurrent inserts), so they are read back along the primary key
    const back: { id: number; user_id: number; order_id: number; title: string }[] = await em.query(
      'SELECT id, user_id, order_id, title FROM notification WHERE id >= ? AND created_at = ? AND order_id IN (?) ORDER BY id',
      [res.insertId, at, [...new Set(rows.map((r) => r.orderId))]],
    );
    const ids = new Map<string, number[]>();
    for (const b of back) {
      const key = `${b.user_id}|${b.order_id}|${b.title}`;
      ids.set(key, [...(ids.get(key) ?? []), Number(b.id)]);
    }
    return rows.map((r) => {
      const id = ids.get(`${r.userId}|${r.orderId}|${r.title}`)?.shift();
      if (id == null) throw new Error(`notice for user ${r.userId} on order ${r.orderId} was not read back`);
      return { userId: r.userId, view: toNotificationView({ ...r, id }, r.orderNumber) };
    });
  }

  private async oneByOne(em: EntityManager, rows: (Omit<NotificationEntity, 'id'> & { orderNumber: string | null })[]): Promise<WrittenNotice[]> {
    const out: WrittenNotice[] = [];
    for (const { orderNumber, ...row } of rows) {
      const res = await em.insert(NotificationEntity, row);
      out.push({ userId: row.userId, view: toNotificationView({ ...row, id: Number(res.identifiers[0]['id']) }, orderNumber) });
    }
    return out;
  }

  async publish(notices: readonly WrittenNotice[]): Promise<void> {
    if (notices.length) await this.redis.publish(this.channel, JSON.stringify(notices));
  }
}
