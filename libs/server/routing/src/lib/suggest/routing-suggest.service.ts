import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { OrderSuggestion, SuggestBatchResponse, SuggestedCategory, SuggestedUnit, SuggestRequest, SuggestResponse } from '@hotline/contracts';
import { ReferenceService } from '@hotline/server-reference-data';
import { unitTokens } from '../model/routing-trainer.service';
import { RouterLoader } from '../model/router-loader';
import { RoutingRulesService } from '../rules/routing-rules.service';
import { SimilarOrdersService } from '../similar/similar-orders.service';

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** Suggestions for an appeal as it is typed: categories (model), units (catalogue first, then model), similar orders. */
@Injectable()
export class RoutingSuggestService {
  constructor(
    private readonly loader: RouterLoader,
    private readonly rules: RoutingRulesService,
    private readonly similar: SimilarOrdersService,
    private readonly ref: ReferenceService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  async suggest(req: SuggestRequest): Promise<SuggestResponse> {
    const loaded = await this.loader.current();
    const categories = await this.categories(req.content);
    const categoryId = req.categoryId ?? categories[0]?.id;
    const suggestedUnits = categoryId ? await this.units(categoryId, req.content, req.regionId) : [];
    const similar = await this.similar.find({ content: req.content, phone: req.phone, address: req.address, regionId: req.regionId, categoryId });
    return { categories, units: suggestedUnits, similar, modelVersion: loaded?.id ?? null };
  }

  /**
   * Suggestions for orders already taken (the dispatcher's queue), loaded in one query: the model's categories for
   * each text, and units for the category the agent chose. Ids that are no order, or a merged one, are reported in
   * `skipped`. The model, the catalogue and the reference data are cached in the process: no query per order.
   */
  async suggestBatch(orderIds: readonly number[]): Promise<SuggestBatchResponse> {
    const ids = [...new Set(orderIds)];
    const loaded = await this.loader.current();
    const rows: { id: string; number: string; content: string; category_id: number; region_id: number | null }[] = ids.length
      ? await this.ds.query(
          `SELECT id, number, content, category_id, region_id FROM work_order WHERE id IN (${ids.map(() => '?').join(',')}) AND merged_into_id IS NULL`,
          ids,
        )
      : [];
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    const suggestions: OrderSuggestion[] = [];
    for (const id of ids) {
      const r = byId.get(id);
      if (!r) continue;
      const [categories, units] = await Promise.all([this.categories(r.content), this.units(r.category_id, r.content, r.region_id)]);
      suggestions.push({ orderId: id, number: r.number, categories, units });
    }
    return { suggestions, skipped: ids.filter((id) => !byId.has(id)), modelVersion: loaded?.id ?? null };
  }

  /** The three likeliest active categories for a text ([] before a model is trained). */
  async categories(content: string): Promise<SuggestedCategory[]> {
    const [loaded, snap] = await Promise.all([this.loader.current(), this.ref.snapshot()]);
    const cats = new Map(snap.categories.filter((c) => c.active).map((c) => [c.id, c]));
    let categories: SuggestedCategory[] = [];
    if (loaded) {
      const c = loaded.router.categories;
      // a category deleted (deactivated) since training is never suggested
      categories = c.model
        .top(c.featurizer.featurize({ text: content }), 3, (label) => cats.has(Number(label)))
        .map((t) => ({ id: Number(t.label), path: (cats.get(Number(t.label)) as { path: string }).path, score: round(t.score) }));
    }
    return categories;
  }

  /** Up to three units for an appeal of the category: the catalogue's first, then the model's. */
  async units(categoryId: number, content: string, regionId: number | null | undefined): Promise<SuggestedUnit[]> {
    const [loaded, snap] = await Promise.all([this.loader.current(), this.ref.snapshot()]);
    const active = new Map(snap.units.filter((u) => u.active).map((u) => [u.id, u]));
    const model = loaded?.router.units ?? null;
    const out: SuggestedUnit[] = [];
    const ruled = await this.rules.unitFor(categoryId, regionId);
    if (ruled && active.has(ruled)) out.push({ id: ruled, name: (active.get(ruled) as { name: string }).name, score: 1, source: 'rule' });
    if (model) {
      const x = model.featurizer.featurize({ text: content, tokens: unitTokens(categoryId, regionId) });
      for (const t of model.model.top(x, 4, (label) => active.has(Number(label)) && Number(label) !== ruled)) {
        out.push({ id: Number(t.label), name: (active.get(Number(t.label)) as { name: string }).name, score: round(t.score), source: 'model' });
      }
    }
    return out.slice(0, 3);
  }
}
