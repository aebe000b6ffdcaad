import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OrderHooks, type OrderChange, type OrderChangeHook } from '@hotline/server-orders';
import { eventDelta, eventUnit, mergeDeltas, orderDeltas, type Delta } from './summary/summary-spec';
import { applyDeltas, slotOf } from './summary/summary-writer';

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
    const event = eventDelta(c.action, c.at, c.after.platformId, eventUnit(c.action, c.before, c.after, c.actor?.unitId ?? null));
    const withTopics = (topicIds: number[]) => {
      const d: Delta[] = [];
      if (c.before) d.push(...orderDeltas({ ...c.before, topicIds }, -1));
      d.push(...orderDeltas({ ...c.after, topicIds }, 1));
      return d;
    };
    // some actions (urging, co-replies, supervision feedback, extension requests …) move no cell: then the topics
    // need not be read nor any cell touched, only the event counted
    const changed = c.before == null || mergeDeltas(withTopics([])).size > 0;
    const deltas: Delta[] = [];
    if (changed) {
      const topicIds =
        c.topicIds ??
        ((await c.em.query('SELECT topic_id FROM order_topic WHERE order_id = ?', [c.after.id])) as { topic_id: number | string }[]).map((r) =>
          Number(r.topic_id),
        );
      deltas.push(...withTopics(topicIds));
    }
    if (event) deltas.push(event);
    await applyDeltas(c.em, deltas, slotOf(c.em));
  }
}
