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

/** Builds a PreparedBatch order by order. */
export class BatchBuilder {
  private readonly numbers: string[] = [];
  private readonly history: string[][] = [];
  private readonly topicIds: number[][] = [];
  private readonly sums = new CellSums();
  private readonly lines: string[] = [];
  private historyRows = 0;

  constructor(private readonly jobId: number | null) {}

  add(o: LegacyOrder): void {
    const r = legacyToRows(o, this.jobId);
    const f = r.facts;
    const last = r.history[r.history.length - 1].at;
    this.lines.push(
      tsvLine([
        o.number, f.status, r.history.length, o.platformId, o.channel, o.appealType, o.categoryId, o.regionId, o.phone, o.content, f.resolution, r.directAnswer, f.mainUnitId,
        r.dispatchedAt, f.signedAt, f.repliedAt, r.reply, f.acceptedAt, r.closedAt, f.handleDueAt, f.callbackSatisfaction, f.callbackSolved, f.callbackAt, o.createdAt, last,
      ]),
    );
    const lines: string[] = [];
    for (const h of r.history) {
      // actor_id is NULL: the import is no user
      lines.push(`\t${tsvField(h.action)}\t${tsvField(h.from)}\t${tsvField(h.to)}\t\\N\t${ACTOR}\t${tsvField(h.role)}\t${tsvField(h.unitId)}\t${tsvField(h.comment)}\t${tsvField(h.data ? JSON.stringify(h.data) : null)}\t${tsvField(h.at)}\n`);
      const e = historyEventDelta({ action: h.action, toStatus: h.to, actorUnitId: h.unitId, data: h.data, at: h.at }, o.platformId);
      if (e) this.sums.add(e);
    }
    this.historyRows += lines.length;
    this.numbers.push(o.number);
    this.history.push(lines);
    this.topicIds.push(o.topicIds);
    for (const d of orderDeltas({ ...f, topicIds: o.topicIds }, 1)) this.sums.add(d);
  }

  finish(): PreparedBatch {
    return { numbers: this.numbers, orders: this.lines.join(''), history: this.history, topicIds: this.topicIds, historyRows: this.historyRows, sums: this.sums, upserts: this.sums.statements() };
  }
}

export function prepareOrders(orders: readonly LegacyOrder[], jobId: number | null): PreparedBatch {
  const b = new BatchBuilder(jobId);
  for (const o of orders) b.add(o);
  return b.finish();
}

/**
 * prepareOrders, giving the event loop a turn every `slice` orders: building a batch takes a good part of a
 * second, and the batch being written meanwhile must not wait that long for its next statement to be sent.
 */
export async function prepareOrdersYielding(orders: readonly LegacyOrder[], jobId: number | null, slice = 50): Promise<PreparedBatch> {
  const b = new BatchBuilder(jobId);
  for (let i = 0; i < orders.length; i++) {
    b.add(orders[i]);
    if (i % slice === slice - 1) await yieldToIo();
  }
  return b.finish();
}

/** Lets pending I/O callbacks run (a resolved promise would not: microtasks run before I/O). */
export function yieldToIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
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
