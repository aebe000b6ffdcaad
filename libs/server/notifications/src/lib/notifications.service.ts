import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { NotificationPage, NotificationView } from '@hotline/contracts';
import type { AuthUser } from '@hotline/server-identity';
import { AppException } from '@hotline/server-platform';
import type { ListNotificationsDto, MarkReadDto } from './dto';
import { NotificationEntity } from './entities';
import { toNotificationView } from './mappers';

/** A user's inbox: their own notices only, newest first. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async list(user: AuthUser, q: ListNotificationsDto): Promise<NotificationPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const qb = this.ds.manager
      .createQueryBuilder(NotificationEntity, 'n')
      .leftJoin('work_order', 'o', 'o.id = n.order_id')
      .addSelect('o.number', 'order_number')
      .where('n.user_id = :uid', { uid: user.id });
    if (q.unreadOnly) qb.andWhere('n.read_at IS NULL');
    const [total, { raw, entities }, unread] = await Promise.all([
      qb.clone().getCount(),
      qb
        .orderBy('n.id', 'DESC')
        .offset((page - 1) * pageSize)
        .limit(pageSize)
        .getRawAndEntities(),
      this.unread(user.id),
    ]);
    const numbers = new Map<number, string | null>(raw.map((r: { n_id: number; order_number: string | null }) => [Number(r.n_id), r.order_number]));
    return { items: entities.map((n) => toNotificationView(n, numbers.get(Number(n.id)) ?? null)), total, page, pageSize, unread };
  }

  async markRead(user: AuthUser, dto: MarkReadDto): Promise<{ unread: number }> {
    if (!dto.all && !dto.ids?.length)
      throw new AppException('VALIDATION_FAILED', 'name the notices to mark read, or all', [{ field: 'ids', messages: ['give ids or all: true'] }]);
    const now = new Date();
    const qb = this.ds.manager
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: now })
      .where('user_id = :uid AND read_at IS NULL', { uid: user.id });
    if (!dto.all) qb.andWhere('id IN (:...ids)', { ids: dto.ids });
    await qb.execute();
    return { unread: await this.unread(user.id) };
  }

  async unread(userId: number): Promise<number> {
    const [row] = await this.ds.query('SELECT COUNT(*) AS n FROM notification WHERE user_id = ? AND read_at IS NULL', [userId]);
    return Number(row.n);
  }

  /** The id of the caller's newest notice (0 for none): where a stream opened without Last-Event-ID starts. */
  async latestId(userId: number): Promise<number> {
    const [row] = await this.ds.query('SELECT COALESCE(MAX(id), 0) AS id FROM notification WHERE user_id = ?', [userId]);
    return Number(row.id);
  }

  /**
   * What a reconnecting stream missed: the newest `limit` notices after `afterId`, oldest first, and how many older
   * ones it leaves out (they stay in the list and the unread count; a replay of thousands helps no one).
   */
  async since(userId: number, afterId: number, limit = 200): Promise<{ items: NotificationView[]; skipped: number }> {
    const rows: (NotificationEntity & { orderNumber: string | null })[] = await this.ds.query(
      `SELECT n.id, n.user_id AS userId, n.unit_id AS unitId, n.order_id AS orderId, n.kind, n.title, n.body, n.created_at AS createdAt, n.read_at AS readAt, o.number AS orderNumber
         FROM notification n LEFT JOIN work_order o ON o.id = n.order_id
        WHERE n.user_id = ? AND n.id > ? ORDER BY n.id DESC LIMIT ?`,
      [userId, afterId, limit + 1],
    );
    let skipped = 0;
    if (rows.length > limit) {
      rows.length = limit;
      const oldestKept = Number(rows[limit - 1].id);
      const [c] = await this.ds.query('SELECT COUNT(*) AS n FROM notification WHERE user_id = ? AND id > ? AND id < ?', [userId, afterId, oldestKept]);
      skipped = Number(c.n);
    }
    return { items: rows.reverse().map((r) => toNotificationView(r, r.orderNumber)), skipped };
  }
}
