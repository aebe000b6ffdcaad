import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { RoutingAccuracyMonth } from '@hotline/contracts';
import { chinaDay } from '@hotline/domain';
import { ORDER_EVENT_TOPIC_PREFIX, type OrderEventPayload, type OrderEventSubscriber, type OutboxEvent } from '@hotline/server-orders';
import { audit } from '@hotline/server-platform';
import { SimilarOrdersService } from '../similar/similar-orders.service';
import { RoutingSuggestService } from '../suggest/routing-suggest.service';

/** The order-event subscriber's name (its position in outbox_subscriber: keep it across releases). */
export const ROUTING_SUBSCRIBER = 'routing-outcomes';
/** A closed order this similar by text (cosine of character pairs), or by phone/address and ≥ REPEAT_TEXT, is repeated. */
export const REPEAT_TEXT_ALONE = 0.6;
export const REPEAT_TEXT = 0.25;

interface OrderRow {
  id: string;
  content: string;
  category_id: number;
  region_id: number | null;
  main_unit_id: number | null;
  caller_phone: string | null;
  address: string | null;
  created_at: Date;
}

const SYSTEM = { id: null, displayName: '系统', role: 'system' };

/**
 * Follows the order events (in the worker, after commit): on intake, what the model would have suggested and whether
 * the agent's category is it, and whether the appeal repeats one closed in the last 90 days (重复投诉, linked); on
 * dispatch, whether the unit is the suggested one; a later return (退单) or re-dispatch (改派) marks the order as come
 * back. Idempotent: rows are keyed by order, and a repeated event finds its work done.
 */
@Injectable()
export class RoutingOutcomes implements OrderEventSubscriber {
  private readonly logger = new Logger(RoutingOutcomes.name);
  readonly topics = [`${ORDER_EVENT_TOPIC_PREFIX}create`, `${ORDER_EVENT_TOPIC_PREFIX}dispatch`, `${ORDER_EVENT_TOPIC_PREFIX}approve-return`];
  readonly batchSize = 200;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly suggest: RoutingSuggestService,
    private readonly similar: SimilarOrdersService,
  ) {}

  async handle(events: readonly OutboxEvent[]): Promise<void> {
    for (const e of events) {
      const p = e.payload as unknown as OrderEventPayload;
      const [order]: OrderRow[] = await this.ds.query(
        'SELECT id, content, category_id, region_id, main_unit_id, caller_phone, address, created_at FROM work_order WHERE id = ?',
        [p.orderId],
      );
      if (!order) continue;
      if (p.action === 'create') await this.onCreate(order);
      else if (p.action === 'dispatch') await this.onDispatch(order);
      else await this.ds.query('UPDATE routing_outcome SET came_back = 1 WHERE order_id = ?', [p.orderId]);
    }
  }

  private async onCreate(o: OrderRow): Promise<void> {
    const [top] = await this.suggest.categories(o.content);
    await this.ds.query('INSERT IGNORE INTO routing_outcome (order_id, month, suggested_category_id, category_taken) VALUES (?, ?, ?, ?)', [
      o.id,
      chinaDay(new Date(o.created_at)).slice(0, 7),
      top?.id ?? null,
      top ? Number(top.id === o.category_id) : null,
    ]);
    await this.markRepeat(o);
  }

  private async onDispatch(o: OrderRow): Promise<void> {
    const [outcome]: { unit_taken: number | null }[] = await this.ds.query('SELECT unit_taken FROM routing_outcome WHERE order_id = ?', [o.id]);
    if (outcome && outcome.unit_taken != null) {
      // dispatched again: the first unit was wrong (改派)
      await this.ds.query('UPDATE routing_outcome SET came_back = 1 WHERE order_id = ?', [o.id]);
      return;
    }
    const [top] = await this.suggest.units(o.category_id, o.content, o.region_id);
    const taken = top && o.main_unit_id != null ? Number(top.id === o.main_unit_id) : null;
    await this.ds.query(
      `INSERT INTO routing_outcome (order_id, month, suggested_unit_id, unit_taken) VALUES (?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE suggested_unit_id = VALUES(suggested_unit_id), unit_taken = VALUES(unit_taken)`,
      [o.id, chinaDay(new Date(o.created_at)).slice(0, 7), top?.id ?? null, taken],
    );
  }

  /** 重复投诉: the same matter closed in the last 90 days, by the same caller or place with similar text, or very similar text. */
  private async markRepeat(o: OrderRow): Promise<void> {
    const found = await this.similar.find(
      { content: o.content, phone: o.caller_phone, address: o.address, regionId: o.region_id, categoryId: o.category_id, excludeId: Number(o.id) },
      20,
    );
    const closed = found.filter((s) => !s.open && s.orderId < Number(o.id));
    if (closed.length === 0) return;
    const text = new Map(
      (
        await this.similar.textScores(
          o.content,
          closed.map((c) => c.orderId),
        )
      ).map((h) => [h.id, h.score]),
    );
    const hit = closed
      .map((c) => ({ c, text: text.get(c.orderId) ?? 0 }))
      .filter(({ c, text }) => text >= REPEAT_TEXT_ALONE || ((c.reason === 'phone' || c.reason === 'address') && text >= REPEAT_TEXT))
      .sort((a, b) => b.text - a.text)[0];
    if (!hit) return;
    await this.ds.transaction(async (em) => {
      const r = await em.query('INSERT IGNORE INTO order_repeat (order_id, earlier_order_id, reason, score) VALUES (?, ?, ?, ?)', [
        o.id,
        hit.c.orderId,
        hit.c.reason,
        hit.text,
      ]);
      if ((r.affectedRows ?? 0) === 1) await audit(em, SYSTEM, 'work_order', o.id, 'repeat-complaint', { earlierOrderId: hit.c.orderId, reason: hit.c.reason });
    });
    this.logger.debug(`order ${o.id} repeats ${hit.c.orderId}`);
  }

  /** 派单准确率 by month: suggestions taken, and dispatches on the suggested unit that never came back. */
  async byMonth(months = 12): Promise<RoutingAccuracyMonth[]> {
    const rows: { month: string; orders: string; cat_n: string; cat_y: string; unit_n: string; unit_y: string; held: string }[] = await this.ds.query(
      `SELECT month, COUNT(*) AS orders,
              COUNT(category_taken) AS cat_n, COALESCE(SUM(category_taken), 0) AS cat_y,
              COUNT(unit_taken) AS unit_n, COALESCE(SUM(unit_taken), 0) AS unit_y,
              COALESCE(SUM(unit_taken = 1 AND came_back = 0), 0) AS held
         FROM routing_outcome GROUP BY month ORDER BY month DESC LIMIT ?`,
      [months],
    );
    const share = (y: string, n: string) => (Number(n) > 0 ? Math.round((Number(y) / Number(n)) * 10_000) / 10_000 : null);
    return rows.reverse().map((r) => ({
      month: r.month,
      orders: Number(r.orders),
      categoryTaken: share(r.cat_y, r.cat_n),
      unitTaken: share(r.unit_y, r.unit_n),
      accuracy: share(r.held, r.unit_n),
    }));
  }
}
