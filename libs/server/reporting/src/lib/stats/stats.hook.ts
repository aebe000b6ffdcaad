import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OrderHooks, type OrderChange, type OrderChangeHook } from '@hotline/server-orders';
import { eventDelta, eventUnit, orderDeltas, type Delta } from './summary-spec';
import { applyDeltas } from './summary-writer';

/**
 * Keeps the summary tables current with every order change, inside the change's own transaction: the order's
 * old contribution is taken out and its new one put in, so a rolled-back action leaves no trace in the
 * statistics and a committed one is counted exactly once.
 */
@Injectable()
export class StatsHook implements OrderChangeHook, OnModuleInit {
  constructor(private readonly hooks: OrderHooks) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async onOrderChange(c: OrderChange): Promise<void> {
    const rows: { topic_id: number | string }[] = await c.em.query('SELECT topic_id FROM order_topic WHERE order_id = ?', [c.after.id]);
    const topicIds = rows.map((r) => Number(r.topic_id));
    const deltas: Delta[] = [];
    if (c.before) deltas.push(...orderDeltas({ ...c.before, topicIds }, -1));
    deltas.push(...orderDeltas({ ...c.after, topicIds }, 1));
    const event = eventDelta(c.action, c.at, c.after.platformId, eventUnit(c.action, c.before, c.after, c.actor?.unitId ?? null));
    if (event) deltas.push(event);
    await applyDeltas(c.em, deltas);
  }
}
