import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { orderTerms } from './text-terms';

interface Querier {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export interface OrderText {
  id: number;
  content: string | null;
  address: string | null;
  createdAt: Date;
}

/**
 * Stores the text index's terms of these orders (new ones, or ones whose content or address changed), in the
 * caller's transaction: the order and its terms commit together.
 */
export async function writeOrderText(q: Querier, orders: readonly OrderText[]): Promise<void> {
  for (let i = 0; i < orders.length; i += 1000) {
    const part = orders.slice(i, i + 1000);
    await q.query(
      `INSERT INTO order_text (order_id, terms) VALUES ${part.map(() => '(?, ?)').join(', ')} ON DUPLICATE KEY UPDATE terms = VALUES(terms)`,
      part.flatMap((o) => [o.id, orderTerms(o)]),
    );
  }
}

/** The terms of orders just stored in bulk, read back by id (the LOAD DATA text is not parsed again for them). */
export async function writeOrderTextOf(q: Querier, ids: readonly number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 5000) {
    const part = ids.slice(i, i + 5000);
    const rows = (await q.query(
      `SELECT id, content, address, created_at AS createdAt FROM work_order WHERE id IN (${part.map(Number).join(', ')})`,
    )) as OrderText[];
    await writeOrderText(
      q,
      rows.map((r) => ({ ...r, id: Number(r.id) })),
    );
  }
}

export interface TextRebuildResult {
  filled: number;
  indexBuilt: boolean;
  ms: number;
}

/**
 * Fills order_text for the orders that have no terms yet (the orders before the text index existed), in batches of
 * ids. With many to fill, the FULLTEXT index is dropped first and built once at the end: InnoDB builds it by sorting,
 * where inserting millions of rows into a live index costs many times more. Search needs the index, so a rebuild of a
 * big table is a maintenance step (`cli search-rebuild`) before the API serves; a few missing orders are filled at
 * worker start with the index in place.
 */
@Injectable()
export class OrderTextIndex {
  private readonly log = new Logger('OrderTextIndex');

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async missing(): Promise<number> {
    const [{ n }] = await this.ds.query('SELECT COUNT(*) AS n FROM work_order o WHERE NOT EXISTS (SELECT 1 FROM order_text t WHERE t.order_id = o.id)');
    return Number(n);
  }

  async rebuild(opts: { batch?: number; dropIndexAbove?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<TextRebuildResult> {
    const t0 = Date.now();
    const batch = opts.batch ?? 5000;
    const total = await this.missing();
    const dropIndex = total > (opts.dropIndexAbove ?? 100_000) && (await this.hasIndex());
    if (dropIndex) await this.ds.query('ALTER TABLE order_text DROP INDEX ft_order_text');
    let filled = 0;
    let after = 0;
    // nothing missing: no pass over the whole table to find that out again
    while (total > 0) {
      const rows: OrderText[] = await this.ds.query(
        `SELECT o.id, o.content, o.address, o.created_at AS createdAt FROM work_order o WHERE o.id > ? AND NOT EXISTS (SELECT 1 FROM order_text t WHERE t.order_id = o.id) ORDER BY o.id LIMIT ${batch}`,
        [after],
      );
      if (!rows.length) break;
      await writeOrderText(
        this.ds,
        rows.map((r) => ({ ...r, id: Number(r.id) })),
      );
      after = Number(rows[rows.length - 1].id);
      filled += rows.length;
      opts.onProgress?.(filled, total);
    }
    let indexBuilt = false;
    if (!(await this.hasIndex())) {
      await this.ds.query('ALTER TABLE order_text ADD FULLTEXT KEY ft_order_text (terms)');
      indexBuilt = true;
    }
    const ms = Date.now() - t0;
    if (filled) this.log.log(`order text: ${filled} orders filled${indexBuilt ? ', FULLTEXT index built' : ''} in ${ms} ms`);
    return { filled, indexBuilt, ms };
  }

  private async hasIndex(): Promise<boolean> {
    const rows = await this.ds.query("SHOW INDEX FROM order_text WHERE Key_name = 'ft_order_text'");
    return rows.length > 0;
  }
}
