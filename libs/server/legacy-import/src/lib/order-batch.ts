import { historyEventDelta, orderDeltas } from '@hotline/server-statistics';
import { CellSums, type TableRows } from './cell-sums';
import type { LegacyOrder } from './legacy';
import { IMPORT_ACTOR, legacyToRows } from './legacy-rows';
import { tsvField, tsvLine, TsvSink, tsvString, type TsvData } from './tsv';

/**
 * A batch of checked legacy orders turned into what the database takes, before it is written (pure, so it is
 * built while the previous batch commits): the work_order rows, their history and topic rows, and the summary
 * cells the batch adds to, merged, all as LOAD DATA text.
 *
 * An order's id is known only once its row is in, so the history and topic rows start with the order's index in
 * the batch instead (`@i` in HISTORY_COLS and TOPIC_COLS): the loads turn it into the id with `SET order_id =
 * first + @i * step` when the orders got consecutive ids, which the writer checks, or the text is rewritten
 * with the ids looked up (withOrderIds).
 */

export const ORDER_COLS = [
  'number',
  'status',
  'version',
  'platform_id',
  'channel_code',
  'appeal_type_code',
  'category_id',
  'region_id',
  'caller_phone',
  'content',
  'resolution',
  'direct_answer',
  'main_unit_id',
  'dispatched_at',
  'signed_at',
  'replied_at',
  'reply',
  'accepted_at',
  'closed_at',
  'handle_due_at',
  'callback_satisfaction',
  'callback_solved',
  'callback_at',
  'created_at',
  'updated_at',
] as const;
/** '@i' is the order's index in the batch, which the load turns into order_id */
export const HISTORY_COLS = [
  '@i',
  'action',
  'from_status',
  'to_status',
  'actor_id',
  'actor_name',
  'actor_role',
  'actor_unit_id',
  'comment',
  'data',
  'created_at',
] as const;
export const TOPIC_COLS = ['@i', 'topic_id'] as const;

export interface PreparedBatch {
  numbers: string[];
  /** the work_order rows, in `numbers` order */
  orders: TsvData;
  /** the history rows, each starting with its order's index in the batch */
  history: TsvData;
  historyRows: number;
  /** the order_topic rows, likewise */
  topics: TsvData;
  topicRows: number;
  /** the summary cells the batch adds to */
  sums: CellSums;
  /** and as LOAD DATA text, per table */
  summaryRows: TableRows[];
}

const ACTOR = tsvField(IMPORT_ACTOR);

/** Builds a PreparedBatch order by order. */
export class BatchBuilder {
  private readonly numbers: string[] = [];
  private readonly orders = new TsvSink();
  private readonly history = new TsvSink();
  private readonly topics = new TsvSink(64 * 1024);
  private readonly sums = new CellSums();
  private historyRows = 0;
  private topicRows = 0;

  constructor(private readonly jobId: number | null) {}

  add(o: LegacyOrder): void {
    const i = this.numbers.length;
    const r = legacyToRows(o, this.jobId);
    const f = r.facts;
    const last = r.history[r.history.length - 1].at;
    this.orders.write(
      tsvLine([
        o.number,
        f.status,
        r.history.length,
        o.platformId,
        o.channel,
        o.appealType,
        o.categoryId,
        o.regionId,
        o.phone,
        o.content,
        f.resolution,
        r.directAnswer,
        f.mainUnitId,
        r.dispatchedAt,
        f.signedAt,
        f.repliedAt,
        r.reply,
        f.acceptedAt,
        r.closedAt,
        f.handleDueAt,
        f.callbackSatisfaction,
        f.callbackSolved,
        f.callbackAt,
        o.createdAt,
        last,
      ]),
    );
    let lines = '';
    for (const h of r.history) {
      // actor_id is NULL: the import is no user
      lines += `${i}\t${tsvField(h.action)}\t${tsvField(h.from)}\t${tsvField(h.to)}\t\\N\t${ACTOR}\t${tsvField(h.role)}\t${tsvField(h.unitId)}\t${tsvField(h.comment)}\t${tsvField(h.data ? JSON.stringify(h.data) : null)}\t${tsvField(h.at)}\n`;
      const e = historyEventDelta({ action: h.action, toStatus: h.to, actorUnitId: h.unitId, data: h.data, at: h.at }, o.platformId);
      if (e) this.sums.add(e);
    }
    this.history.write(lines);
    this.historyRows += r.history.length;
    if (o.topicIds.length) {
      let t = '';
      for (const id of o.topicIds) t += `${i}\t${id}\n`;
      this.topics.write(t);
      this.topicRows += o.topicIds.length;
    }
    this.numbers.push(o.number);
    // r.facts is this order's own object: it takes the topics instead of a copy being made with them
    for (const d of orderDeltas(Object.assign(f, { topicIds: o.topicIds }), 1)) this.sums.add(d);
  }

  finish(): PreparedBatch {
    return {
      numbers: this.numbers,
      orders: this.orders.chunks(),
      history: this.history.chunks(),
      historyRows: this.historyRows,
      topics: this.topics.chunks(),
      topicRows: this.topicRows,
      sums: this.sums,
      summaryRows: this.sums.rows(),
    };
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

/** History or topic text with each line's batch index replaced by its order's id (`ids[i]` is the id of `numbers[i]`). */
export function withOrderIds(text: TsvData, ids: readonly number[]): string {
  return tsvString(text).replace(/^(\d+)\t/gm, (_, i: string) => {
    const id = ids[Number(i)];
    if (id === undefined) throw new Error(`no order id for batch index ${i}`);
    return `${id}\t`;
  });
}
