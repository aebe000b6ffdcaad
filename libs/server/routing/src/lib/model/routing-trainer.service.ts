import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ChangeBus } from '@hotline/server-platform';
import { evaluate, trainClassifier, type TrainerOptions, type TrainingRow } from '../learner/trainer';
import { encodeRouter, type RouterModel } from '../learner/model-codec';
import { RoutingModelStore } from './routing-model.store';
import { RouterLoader, ROUTING_CHANGED } from './router-loader';

/** Orders the model learns from: the dispatcher has looked at them (not still 登记), and not merged away. */
const LEARNABLE = "status <> 'registered' AND merged_into_id IS NULL";
const CHUNK = 5_000;
/** categories × dims is kept under this many weights (64 MB of float32) */
const MAX_WEIGHTS = 16 * 1024 * 1024;

/** Picks the hash width so that the weights of `classes` classes fit MAX_WEIGHTS: at most 2^18, at least 2^12. */
export function bitsFor(classes: number): number {
  let bits = 18;
  while (bits > 12 && classes * (1 << bits) > MAX_WEIGHTS) bits--;
  return bits;
}

/** The training job: reads the orders in id order, CHUNK rows at a time (never all at once), trains, stores, serves. */
@Injectable()
export class RoutingTrainer {
  private readonly logger = new Logger(RoutingTrainer.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly store: RoutingModelStore,
    private readonly loader: RouterLoader,
    private readonly bus: ChangeBus,
  ) {}

  /** Runs one queued model (idempotent: a model already claimed, trained or failed is left alone). */
  async run(modelId: number, options: TrainerOptions = {}): Promise<{ status: string }> {
    if (!(await this.store.claim(modelId))) return { status: (await this.store.get(modelId))?.status ?? 'missing' };
    try {
      const t0 = Date.now();
      const [{ n: catCount }] = await this.ds.query(`SELECT COUNT(DISTINCT category_id) AS n FROM work_order WHERE ${LEARNABLE}`);
      const [{ n: unitCount }] = await this.ds.query(
        `SELECT COUNT(DISTINCT main_unit_id) AS n FROM work_order WHERE ${LEARNABLE} AND main_unit_id IS NOT NULL`,
      );
      if (Number(catCount) === 0) throw new Error('no orders to learn from yet');
      const analyzer = this.loader.analyzer;
      const categories = await trainClassifier(analyzer, this.rows('category'), { bits: bitsFor(Number(catCount)), ...options });
      const units = Number(unitCount) > 0 ? await trainClassifier(analyzer, this.rows('unit'), { bits: bitsFor(Number(unitCount)), ...options }) : null;
      const router: RouterModel = { categories, units };
      // the model serving now is measured on the same held-out orders: the new one must do at least as well
      const current = await this.loader.current();
      let serve = true;
      let note: string | null = null;
      if (current) {
        const before = evaluate(
          current.router.categories.model,
          categories.heldRows.map((r) => ({ x: current.router.categories.featurizer.featurize(r), label: r.label })),
        );
        serve = categories.holdout.top1 >= before.top1;
        if (!serve) note = `held-out top-1 ${categories.holdout.top1.toFixed(4)} < serving model's ${before.top1.toFixed(4)}`;
      }
      await this.store.finish(
        modelId,
        encodeRouter(router),
        {
          samples: categories.samples,
          n: categories.holdout.n,
          top1: categories.holdout.top1,
          top3: categories.holdout.top3,
          unitTop1: units?.holdout.top1 ?? null,
        },
        serve,
        note,
      );
      this.logger.log(
        `routing model ${modelId}: ${categories.samples} orders, top-1 ${categories.holdout.top1.toFixed(3)}, ${serve ? 'serving' : 'rejected'}, ${Date.now() - t0} ms`,
      );
      if (serve) await this.bus.changed(ROUTING_CHANGED);
      return { status: serve ? 'serving' : 'rejected' };
    } catch (e) {
      await this.store.fail(modelId, (e as Error).message);
      this.logger.warn(`routing model ${modelId} failed: ${(e as Error).message}`);
      return { status: 'failed' };
    }
  }

  /** Training rows in chunks by id (keyset paging: each chunk is one indexed range read). */
  private async *rows(kind: 'category' | 'unit'): AsyncGenerator<TrainingRow[]> {
    let after = 0;
    const extra = kind === 'unit' ? 'AND main_unit_id IS NOT NULL' : '';
    for (;;) {
      const rows: { id: string; content: string; category_id: number; region_id: number | null; main_unit_id: number | null }[] = await this.ds.query(
        `SELECT id, content, category_id, region_id, main_unit_id FROM work_order WHERE id > ? AND ${LEARNABLE} ${extra} ORDER BY id LIMIT ${CHUNK}`,
        [after],
      );
      if (rows.length === 0) return;
      after = Number(rows[rows.length - 1].id);
      yield rows.map((r) =>
        kind === 'category'
          ? { key: Number(r.id), text: r.content, label: String(r.category_id) }
          : { key: Number(r.id), text: r.content, label: String(r.main_unit_id), tokens: unitTokens(r.category_id, r.region_id) },
      );
      if (rows.length < CHUNK) return;
    }
  }
}

/** The context the unit model sees besides the text: the category and the region. */
export function unitTokens(categoryId: number, regionId: number | null | undefined): string[] {
  return regionId ? [`c:${categoryId}`, `r:${regionId}`] : [`c:${categoryId}`];
}
