import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { WebhookView } from '@hotline/contracts';
import type { AuthUser } from '@hotline/server-identity';
import { AppException, audit, inTransaction } from '@hotline/server-platform';
import type { CreateWebhookDto } from '../dto';

/** The stream position (outbox_subscriber.name) of a webhook: one reader, retries and dead letters per receiver. */
export const webhookSubscriberName = (id: number) => `webhook-${id}`;

export interface WebhookRow {
  id: number | string;
  url: string;
  secret: string;
  events: string;
  created_at: Date;
}

export const toWebhookView = (r: WebhookRow): WebhookView => ({
  id: Number(r.id),
  url: r.url,
  events: JSON.parse(r.events) as string[],
  createdAt: new Date(r.created_at).toISOString(),
});

/** Registered webhook receivers (admin). The secret is write-only: it signs deliveries and is never shown again. */
@Injectable()
export class WebhooksService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async list(): Promise<WebhookView[]> {
    return ((await this.ds.query('SELECT * FROM webhook ORDER BY id')) as WebhookRow[]).map(toWebhookView);
  }

  async create(user: AuthUser, dto: CreateWebhookDto): Promise<WebhookView> {
    return inTransaction(this.ds, async (em) => {
      const res: { insertId: number } = await em.query('INSERT INTO webhook (url, secret, events, created_by) VALUES (?, ?, ?, ?)', [
        dto.url,
        dto.secret,
        JSON.stringify(dto.events),
        user.id,
      ]);
      // it starts at the stream's head: what is already in the outbox is not history it asked for
      const [{ top }] = await em.query('SELECT COALESCE(MAX(id), 0) AS top FROM outbox');
      await em.query('INSERT INTO outbox_subscriber (name, last_id) VALUES (?, ?) ON DUPLICATE KEY UPDATE last_id = VALUES(last_id)', [
        webhookSubscriberName(res.insertId),
        top,
      ]);
      await audit(em, user, 'webhook', res.insertId, 'create', { url: dto.url, events: dto.events });
      const [row]: WebhookRow[] = await em.query('SELECT * FROM webhook WHERE id = ?', [res.insertId]);
      return toWebhookView(row);
    });
  }

  async remove(user: AuthUser, id: number): Promise<void> {
    await inTransaction(this.ds, async (em) => {
      const res: { affectedRows: number } = await em.query('DELETE FROM webhook WHERE id = ?', [id]);
      if (!res.affectedRows) throw new AppException('NOT_FOUND', `no webhook ${id}`);
      // a retired reader's position would hold the outbox back for ever
      await em.query('DELETE FROM outbox_subscriber WHERE name = ?', [webhookSubscriberName(id)]);
      await audit(em, user, 'webhook', id, 'delete');
    });
  }
}
