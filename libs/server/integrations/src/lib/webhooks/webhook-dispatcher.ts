import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { OrderSummary } from '@hotline/contracts';
import type { AuthUser } from '@hotline/server-identity';
import { OrderEventStream, toSummary, WorkOrderEntity, type OrderEventSubscriber, type OutboxEvent } from '@hotline/server-orders';
import { ReferenceService } from '@hotline/server-reference-data';
import { IntegrationsConfig } from '../integrations.config';
import { signBody } from './webhook-signature';
import { webhookSubscriberName, type WebhookRow } from './webhooks.service';

/** Webhooks see an order as a member unit does: a confidential caller's name and number masked. */
const AS_A_UNIT: AuthUser = { id: 0, username: 'webhook', displayName: 'webhook', role: 'unit_handler', unitId: null };

/** What a receiver gets: the event, and the order as it stands when delivered (masked). */
export interface WebhookDelivery {
  id: number;
  topic: string;
  occurredAt: string;
  event: Record<string, unknown> | null;
  order: OrderSummary | null;
}

/**
 * Keeps one order-event stream reader per registered webhook (`webhook-<id>`), so each receiver has its own position,
 * retries with backoff and dead letters, and one that is down holds back nobody else. `sync()` follows the webhook
 * table (the worker calls it every few seconds). Deliveries are JSON POSTs, in order, signed with the webhook's secret.
 */
@Injectable()
export class WebhookDispatcher {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private readonly known = new Map<number, string>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly stream: OrderEventStream,
    private readonly ref: ReferenceService,
    private readonly config: IntegrationsConfig,
  ) {}

  async sync(): Promise<void> {
    const rows: WebhookRow[] = await this.ds.query('SELECT * FROM webhook');
    const seen = new Set<number>();
    for (const row of rows) {
      const id = Number(row.id);
      seen.add(id);
      const key = `${row.url}\n${row.secret}\n${row.events}`;
      if (this.known.get(id) === key) continue;
      this.stream.unregister(webhookSubscriberName(id));
      this.stream.register(webhookSubscriberName(id), this.reader(row));
      this.known.set(id, key);
    }
    for (const id of [...this.known.keys()].filter((k) => !seen.has(k))) {
      this.stream.unregister(webhookSubscriberName(id));
      this.known.delete(id);
    }
  }

  /** Forgets every webhook reader (tests, shutdown). */
  clear(): void {
    for (const id of this.known.keys()) this.stream.unregister(webhookSubscriberName(id));
    this.known.clear();
  }

  private reader(row: WebhookRow): OrderEventSubscriber {
    return {
      topics: JSON.parse(row.events) as string[],
      batchSize: 100,
      retry: { attempts: this.config.EVENTS_RETRY_ATTEMPTS, baseMs: this.config.EVENTS_RETRY_BASE_MS, maxMs: this.config.EVENTS_RETRY_MAX_MS },
      handle: (events) => this.deliver(row, events),
    };
  }

  /** Posts the events one after the other; at the first failure passes those already taken and throws when none was. */
  private async deliver(row: WebhookRow, events: readonly OutboxEvent[]): Promise<void | number> {
    const orders = await this.orders(events);
    for (const [i, e] of events.entries()) {
      const delivery: WebhookDelivery = {
        id: e.id,
        topic: e.topic,
        occurredAt: new Date(e.createdAt).toISOString(),
        event: e.payload,
        order: orders.get(e.aggregateId) ?? null,
      };
      const body = JSON.stringify(delivery);
      try {
        const res = await fetch(row.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-hotline-signature': signBody(row.secret, body),
            'x-hotline-event-id': String(e.id),
            'x-hotline-event': e.topic,
          },
          body,
          signal: AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS),
        });
        if (!res.ok) throw new Error(`${row.url} answered ${res.status}`);
      } catch (err) {
        if (i > 0) return events[i - 1].id;
        throw new Error(`webhook ${row.id}: ${(err as Error).message}`);
      }
    }
  }

  private async orders(events: readonly OutboxEvent[]): Promise<Map<number, OrderSummary>> {
    const ids = [...new Set(events.map((e) => e.aggregateId))];
    const rows = await this.ds.getRepository(WorkOrderEntity).findBy({ id: In(ids) });
    const snap = await this.ref.snapshot();
    const cats = new Map(snap.categories.map((c) => [c.id, c.path]));
    const units = new Map(snap.units.map((u) => [u.id, u.name]));
    const names = { categoryPath: (id: number) => cats.get(id) ?? '', unitName: (id: number | null) => (id == null ? null : (units.get(id) ?? null)) };
    return new Map(rows.map((o) => [Number(o.id), toSummary(o, AS_A_UNIT, names)]));
  }
}
