import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DeadlinesConfig } from './deadlines.config';

/** Rows per DELETE: short statements, so pruning never holds many locks or stalls the timers it sits beside. */
const BATCH = 2_000;

export interface PruneResult {
  timers: number;
  outbox: number;
}

/**
 * Deletes what the deadline machinery no longer needs, so its tables stay the size of the open work rather than
 * of all history: timer rows that fired or were cancelled, once their order is closed or merged and the row is
 * older than the retention (an open order keeps all its timers, or the reconciler would plan it afresh), and outbox
 * rows processed before the retention. The ledger of effects (deadline_effect) and the order history are kept.
 */
@Injectable()
export class Pruner {
  private readonly logger = new Logger(Pruner.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly settings: DeadlinesConfig,
  ) {}

  async prune(now = new Date()): Promise<PruneResult> {
    const before = new Date(now.getTime() - this.settings.DEADLINES_RETENTION_DAYS * 86_400_000);
    const out: PruneResult = { timers: 0, outbox: 0 };
    for (;;) {
      const ids: { id: number | string }[] = await this.ds.query(
        `SELECT t.id FROM deadline_timer t JOIN work_order o ON o.id = t.order_id
          WHERE t.state <> 'pending' AND t.updated_at < ? AND o.status IN ('closed', 'merged') LIMIT ${BATCH}`,
        [before],
      );
      if (!ids.length) break;
      // re-checked in the DELETE: a timer made pending again in between (a reopened order) stays
      const res: { affectedRows: number } = await this.ds.query(
        `DELETE FROM deadline_timer WHERE id IN (${ids.map(() => '?').join(', ')}) AND state <> 'pending'`,
        ids.map((r) => r.id),
      );
      out.timers += res.affectedRows;
      if (ids.length < BATCH) break;
    }
    for (;;) {
      const res: { affectedRows: number } = await this.ds.query(
        `DELETE FROM outbox WHERE processed_at IS NOT NULL AND processed_at < ? ORDER BY processed_at, id LIMIT ${BATCH}`,
        [before],
      );
      out.outbox += res.affectedRows;
      if (res.affectedRows < BATCH) break;
    }
    if (out.timers || out.outbox) this.logger.log(`pruned ${out.timers} timers and ${out.outbox} outbox rows older than ${before.toISOString()}`);
    return out;
  }
}
