import { historyEventDelta, orderDeltas } from '../stats/summary-spec';
import { CellSums } from './cell-sums';
import type { LegacyOrder } from './legacy';
import { IMPORT_ACTOR, legacyToRows } from './legacy-rows';
import { tsvField, tsvLine } from './tsv';

/**
 * A batch of checked legacy orders turned into what the database takes, before it is written (pure, so it is
 * built while the previous batch commits): the work_order rows as LOAD DATA text, each order's history and
 * topic rows without the order id (known only once the order rows are in), and the summary cells the batch
 * adds to, merged.
 */

export const ORDER_COLS = [
  'number', 'status', 'version', 'platform_id', 'channel_code', 'appeal_type_code', 'category_id', 'region_id', 'caller_phone', 'content', 'resolution', 'direct_answer', 'main_unit_id',
  'dispatched_at', 'signed_at', 'replied_at', 'reply', 'accepted_at', 'closed_at', 'handle_due_at', 'callback_satisfaction', 'callback_solved', 'callback_at', 'created_at', 'updated_at',
] as const;
export const HISTORY_COLS = ['order_id', 'action', 'from_status', 'to_status', 'actor_id', 'actor_name', 'actor_role', 'actor_unit_id', 'comment', 'data', 'created_at'] as const;
export const TOPIC_COLS = ['order_id', 'topic_id'] as const;

export interface PreparedBatch {
  numbers: string[];
  /** LOAD DATA text of the work_order rows, in `numbers` order */
  orders: string;
  /** per order (same order): its history lines after the order_id column, each starting with '\t' */
  history: string[][];
  topicIds: number[][];
  historyRows: number;
  /** the summary cells the batch adds to */
  sums: CellSums;
  /** and the statements that add them */
  upserts: string[];
}

const ACTOR = tsvField(IMPORT_ACTOR);

export function prepareOrders(orders: readonly LegacyOrder[], jobId: number | null): PreparedBatch {
  const numbers: string[] = [];
  const history: string[][] = [];
  const topicIds: number[][] = [];
  const sums = new CellSums();
  let text = '';
  let historyRows = 0;
  for (const o of orders) {
    const r = legacyToRows(o, jobId);
    const f = r.facts;
    const last = r.history[r.history.length - 1].at;
    text += tsvLine([
      o.number, f.status, r.history.length, o.platformId, o.channel, o.appealType, o.categoryId, o.regionId, o.phone, o.content, f.resolution, r.directAnswer, f.mainUnitId,
      r.dispatchedAt, f.signedAt, f.repliedAt, r.reply, f.acceptedAt, r.closedAt, f.handleDueAt, f.callbackSatisfaction, f.callbackSolved, f.callbackAt, o.createdAt, last,
    ]);
    const lines: string[] = [];
    for (const h of r.history) {
      // actor_id is NULL: the import is no user
      lines.push(`\t${tsvField(h.action)}\t${tsvField(h.from)}\t${tsvField(h.to)}\t\\N\t${ACTOR}\t${tsvField(h.role)}\t${tsvField(h.unitId)}\t${tsvField(h.comment)}\t${tsvField(h.data ? JSON.stringify(h.data) : null)}\t${tsvField(h.at)}\n`);
      const e = historyEventDelta({ action: h.action, toStatus: h.to, actorUnitId: h.unitId, data: h.data, at: h.at }, o.platformId);
      if (e) sums.add(e);
    }
    historyRows += lines.length;
    numbers.push(o.number);
    history.push(lines);
    topicIds.push(o.topicIds);
    for (const d of orderDeltas({ ...f, topicIds: o.topicIds }, 1)) sums.add(d);
  }
  return { numbers, orders: text, history, topicIds, historyRows, sums, upserts: sums.statements() };
}

/** The history and topic rows once the orders' ids are known (`ids[i]` is the id of `numbers[i]`). */
export function withOrderIds(b: PreparedBatch, ids: readonly number[]): { history: string; topics: string; topicRows: number } {
  let history = '';
  let topics = '';
  let topicRows = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = String(ids[i]);
    for (const line of b.history[i]) history += id + line;
    for (const t of b.topicIds[i]) {
      topics += `${id}\t${t}\n`;
      topicRows++;
    }
  }
  return { history, topics, topicRows };
}
