import { tsvField, tsvLine, TsvSink, type OrderBatchText } from '@hotline/server-orders';
import { historyEventDelta, orderDeltas } from '@hotline/server-statistics';
import { CellSums, type TableRows } from './cell-sums';
import type { LegacyOrder } from './legacy';
import { IMPORT_ACTOR, legacyToRows } from './legacy-rows';

/**
 * A batch of checked legacy orders turned into what the database takes, before it is written (pure, so it is
 * built while the previous batch commits): the work_order rows, their history and topic rows (in the column orders of
 * the orders lib's OrderBulkWriter, which stores them), and the summary cells the batch adds to, merged, all as LOAD
 * DATA text.
 */

export interface PreparedBatch extends OrderBatchText {
  numbers: string[];
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
