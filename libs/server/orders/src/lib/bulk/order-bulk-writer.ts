import type { QueryRunner } from 'typeorm';
import { BulkLoadError, insertRows, loadRows, localInfileRefused } from './bulk-load';
import { writeOrderText, writeOrderTextOf } from '../search/order-text';
import { tsvString, type TsvData } from './tsv';

/**
 * Orders written in bulk, the one place besides the orders service that writes work_order, order_history and
 * order_topic: the legacy import's batches as LOAD DATA text (`OrderBulkWriter`) and the generator's rows with their
 * ids given (`insertOrderRows`). The callers build the rows in the column orders below and own the transaction.
 */

/** The columns of an imported order's line of LOAD DATA text, in order. */
export const ORDER_LOAD_COLS = [
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
/** A history row's columns after its order's: the same for the LOAD DATA batches and the generator's INSERTs. */
const HISTORY_COLS = ['action', 'from_status', 'to_status', 'actor_id', 'actor_name', 'actor_role', 'actor_unit_id', 'comment', 'data', 'created_at'] as const;
export const HISTORY_LOAD_COLS = ['@i', ...HISTORY_COLS] as const;
export const TOPIC_LOAD_COLS = ['@i', 'topic_id'] as const;

/**
 * A batch of new orders as LOAD DATA text. An order's id is known only once its row is in, so the history and topic
 * lines start with the order's index in the batch instead (`@i`).
 */
export interface OrderBatchText {
  /** the orders' numbers, in the order of their lines */
  numbers: readonly string[];
  /** the work_order lines (ORDER_LOAD_COLS) */
  orders: TsvData;
  /** the order_history lines (HISTORY_LOAD_COLS) */
  history: TsvData;
  historyRows: number;
  /** the order_topic lines (TOPIC_LOAD_COLS) */
  topics: TsvData;
  topicRows: number;
}

/**
 * Stores batches of new orders with LOAD DATA LOCAL (multi-row INSERTs where the server refuses it), inside the
 * caller's transaction on the caller's connection, so a caller may write on several connections at once.
 */
export class OrderBulkWriter {
  private autoIncrementStep?: number;

  /**
   * The orders, then (with their ids) their history and topics. The loads turn each line's batch index into its
   * order's id with `SET order_id = first + @i * step` when the orders got consecutive ids, which is checked, or the
   * text is rewritten with the ids looked up (withOrderIds).
   */
  async store(qr: QueryRunner, b: OrderBatchText): Promise<void> {
    if (!b.numbers.length) return;
    await loadRows(qr, 'work_order', ORDER_LOAD_COLS, b.orders, b.numbers.length);
    const ids = await this.orderIds(qr, b.numbers);
    const byId = ['order_id', ...HISTORY_LOAD_COLS.slice(1)];
    const list = Array.isArray(ids) ? ids : b.numbers.map((_, i) => ids.first + i * ids.step);
    await writeOrderTextOf(qr, list);
    if (Array.isArray(ids) || (await localInfileRefused(qr))) {
      await loadRows(qr, 'order_history', byId, withOrderIds(b.history, list), b.historyRows);
      await loadRows(qr, 'order_topic', ['order_id', ...TOPIC_LOAD_COLS.slice(1)], withOrderIds(b.topics, list), b.topicRows);
    } else {
      const set = `order_id = ${ids.first} + @i * ${ids.step}`;
      await loadRows(qr, 'order_history', HISTORY_LOAD_COLS, b.history, b.historyRows, set);
      await loadRows(qr, 'order_topic', TOPIC_LOAD_COLS, b.topics, b.topicRows, set);
    }
  }

  /** Whether `e` is a load that stored fewer orders than given: some numbers were stored since they were checked. */
  static isShortfall(e: unknown): boolean {
    return e instanceof BulkLoadError && e.table === 'work_order' && e.stored < e.expected;
  }

  /**
   * The ids the batch's orders were just given, in order. InnoDB gives the rows of one statement increasing ids, and
   * consecutive ones (a step of auto_increment_increment apart) unless another session's inserts came in between
   * (innodb_autoinc_lock_mode = 2, MySQL 8's default, allows that): if the first and the last order have the ids
   * of a consecutive run, every order in between has too. Otherwise they are looked up by number.
   */
  private async orderIds(qr: QueryRunner, numbers: readonly string[]): Promise<{ first: number; step: number } | number[]> {
    this.autoIncrementStep ??= Number((await qr.query('SELECT @@auto_increment_increment AS step'))[0].step) || 1;
    const step = this.autoIncrementStep;
    const [r] = await qr.query(
      `SELECT LAST_INSERT_ID() AS first, (SELECT number FROM work_order WHERE id = LAST_INSERT_ID()) AS a, (SELECT number FROM work_order WHERE id = LAST_INSERT_ID() + ${(numbers.length - 1) * step}) AS z`,
    );
    if (r.a === numbers[0] && r.z === numbers[numbers.length - 1]) return { first: Number(r.first), step };
    const idOf = new Map<string, number>();
    for (const row of await qr.query(`SELECT id, number FROM work_order WHERE number IN (${numberList(numbers)})`)) idOf.set(row.number, Number(row.id));
    return numbers.map((n) => {
      const id = idOf.get(n);
      if (id === undefined) throw new Error(`order ${n} was loaded but is not there`);
      return id;
    });
  }
}

/** Which of these order numbers are taken already. */
export async function existingOrderNumbers(q: { query(sql: string): Promise<unknown> }, numbers: readonly string[]): Promise<Set<string>> {
  if (!numbers.length) return new Set();
  const rows = (await q.query(`SELECT number FROM work_order WHERE number IN (${numberList(numbers)})`)) as { number: string }[];
  return new Set(rows.map((r) => r.number));
}

/** History or topic text with each line's batch index replaced by its order's id (`ids[i]` is the id of `numbers[i]`). */
export function withOrderIds(text: TsvData, ids: readonly number[]): string {
  return tsvString(text).replace(/^(\d+)\t/gm, (_, i: string) => {
    const id = ids[Number(i)];
    if (id === undefined) throw new Error(`no order id for batch index ${i}`);
    return `${id}\t`;
  });
}

/**
 * Order numbers as an SQL list. Imported numbers passed parseOrderRow's check (letters, digits, '-' and '_'), so they
 * are written as they are: 10,000 placeholders cost the driver more than the query costs the server.
 */
function numberList(numbers: readonly string[]): string {
  let s = '';
  for (const n of numbers) {
    if (!SAFE_NUMBER.test(n)) throw new Error(`not an order number: ${n}`);
    s += s ? `, '${n}'` : `'${n}'`;
  }
  return s;
}
const SAFE_NUMBER = /^[A-Za-z0-9_-]+$/;

/** The columns of a generated order's row (its id given), in order. */
export const ORDER_INSERT_COLS = [
  'id',
  'number',
  'status',
  'version',
  'platform_id',
  'channel_code',
  'appeal_type_code',
  'category_id',
  'region_id',
  'caller_name',
  'caller_phone',
  'caller_confidential',
  'address',
  'content',
  'urgent',
  'resolution',
  'direct_answer',
  // how a direct answer was made (the direct-answer action's record), null for dispatched orders
  'direct_answer_method',
  'direct_answer_article_id',
  'direct_answer_article_version',
  'three_way_unit_id',
  'three_way_person',
  'main_unit_id',
  'dispatched_at',
  'signed_at',
  'replied_at',
  'reply',
  'accepted_at',
  'closed_at',
  'extension_count',
  'rework_count',
  'return_count',
  'urge_count',
  'supervise_count',
  'instruct_count',
  'sign_due_at',
  'handle_due_at',
  'callback_due_at',
  'sign_overdue_at',
  'handle_overdue_at',
  'callback_satisfaction',
  'callback_solved',
  'callback_comment',
  'callback_at',
  'created_by',
  'created_at',
  'updated_at',
] as const;
/**
 * A generated order's row by column: every column of ORDER_INSERT_COLS named, so a column added to the list is a
 * compile error in the generator until it gives the column its value (not a row shifted by one).
 */
export type OrderInsertRow = Record<(typeof ORDER_INSERT_COLS)[number], unknown>;
export const HISTORY_INSERT_COLS = ['order_id', ...HISTORY_COLS] as const;
export const TOPIC_INSERT_COLS = ['order_id', 'topic_id'] as const;

/** Generated orders with their ids given (rows by column), their history and topics (in HISTORY_INSERT_COLS and TOPIC_INSERT_COLS order), as multi-row INSERTs. */
export async function insertOrderRows(qr: QueryRunner, rows: { orders: OrderInsertRow[]; history: unknown[][]; topics: unknown[][] }): Promise<void> {
  await insertRows(
    qr,
    'work_order',
    ORDER_INSERT_COLS,
    rows.orders.map((r) => ORDER_INSERT_COLS.map((c) => r[c])),
  );
  await writeOrderText(
    qr,
    rows.orders.map((r) => ({
      id: Number(r.id),
      content: r.content as string | null,
      address: r.address as string | null,
      createdAt: new Date(r.created_at as Date | string),
    })),
  );
  await insertRows(qr, 'order_history', HISTORY_INSERT_COLS, rows.history);
  await insertRows(qr, 'order_topic', TOPIC_INSERT_COLS, rows.topics);
}
