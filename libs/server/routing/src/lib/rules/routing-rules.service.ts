import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { RoutingRuleInput, RoutingRuleView } from '@hotline/contracts';
import type { AuthUser } from '@hotline/server-identity';
import { AppException, audit } from '@hotline/server-platform';
import { ReferenceService } from '@hotline/server-reference-data';

interface RuleRow {
  id: number;
  category_id: number;
  region_id: number | null;
  unit_id: number;
  note: string | null;
}

/** A rule as the list shows it: with who added it and when. */
interface ListedRuleRow extends RuleRow {
  created_by: number | null;
  created_by_name: string | null;
  created_at: Date | string;
}

/** A rule is contradicted when at least this share of the last year's orders it covers went to another unit. */
export const CONTRADICTION_SHARE = 0.5;

/** The dispatch catalogue (派单目录): category (+ region) → responsible unit, set by admins; wins over the model. */
@Injectable()
export class RoutingRulesService {
  private cache: { at: number; rules: RuleRow[] } | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly ref: ReferenceService,
  ) {}

  private async rules(): Promise<RuleRow[]> {
    if (this.cache && Date.now() - this.cache.at < 5_000) return this.cache.rules;
    const rules: RuleRow[] = await this.ds.query('SELECT id, category_id, region_id, unit_id, note FROM routing_rule ORDER BY id');
    this.cache = { at: Date.now(), rules };
    return rules;
  }

  /**
   * The unit the catalogue names for a category in a region: a rule for the region beats one for every region; a rule
   * of the category beats one of its parent (walked up the category path).
   */
  async unitFor(categoryId: number, regionId: number | null | undefined): Promise<number | null> {
    const rules = await this.rules();
    if (rules.length === 0) return null;
    const snap = await this.ref.snapshot();
    const byId = new Map(snap.categories.map((c) => [c.id, c]));
    for (let c = byId.get(categoryId); c; c = c.parentId ? byId.get(c.parentId) : undefined) {
      const own = rules.filter((r) => r.category_id === c.id);
      const hit = own.find((r) => regionId != null && r.region_id === regionId) ?? own.find((r) => r.region_id == null);
      if (hit) return hit.unit_id;
    }
    return null;
  }

  async list(): Promise<RoutingRuleView[]> {
    const rows: ListedRuleRow[] = await this.ds.query(
      `SELECT r.id, r.category_id, r.region_id, r.unit_id, r.note, r.created_by, u.display_name AS created_by_name, r.created_at
         FROM routing_rule r LEFT JOIN app_user u ON u.id = r.created_by
        ORDER BY r.category_id, r.region_id, r.id`,
    );
    const snap = await this.ref.snapshot();
    const cats = new Map(snap.categories.map((c) => [c.id, c]));
    const units = new Map(snap.units.map((u) => [u.id, u]));
    const regions = new Map(snap.regions.map((r) => [r.id, r]));
    const out: RoutingRuleView[] = [];
    for (const r of rows) {
      out.push({
        id: r.id,
        categoryId: r.category_id,
        categoryPath: cats.get(r.category_id)?.path ?? String(r.category_id),
        regionId: r.region_id,
        regionName: r.region_id ? (regions.get(r.region_id)?.name ?? null) : null,
        unitId: r.unit_id,
        unitName: units.get(r.unit_id)?.name ?? String(r.unit_id),
        note: r.note,
        createdById: r.created_by,
        createdByName: r.created_by_name,
        createdAt: new Date(r.created_at).toISOString(),
        contradiction: await this.contradiction(r),
      });
    }
    return out;
  }

  /** What the last year's dispatched orders of the rule's category (its subtree) and region say about its unit. */
  private async contradiction(r: RuleRow): Promise<RoutingRuleView['contradiction']> {
    const scope = await this.ref.categoryScope(r.category_id);
    const rows: { main_unit_id: number; n: string }[] = await this.ds.query(
      `SELECT main_unit_id, COUNT(*) AS n FROM work_order
        WHERE category_id IN (?) ${r.region_id ? 'AND region_id = ?' : ''} AND main_unit_id IS NOT NULL AND created_at >= NOW() - INTERVAL 1 YEAR
        GROUP BY main_unit_id ORDER BY n DESC`,
      r.region_id ? [scope, r.region_id] : [scope],
    );
    const total = rows.reduce((s, x) => s + Number(x.n), 0);
    if (total < 5) return null;
    const same = Number(rows.find((x) => x.main_unit_id === r.unit_id)?.n ?? 0);
    return { orders: total, otherUnitShare: Math.round(((total - same) / total) * 1000) / 1000, mostCommonUnitId: rows[0]?.main_unit_id ?? null };
  }

  async create(user: AuthUser, input: RoutingRuleInput): Promise<RoutingRuleView> {
    await this.ref.category(input.categoryId);
    await this.ref.unit(input.unitId);
    if (input.regionId) await this.ref.region(input.regionId);
    const regionId = input.regionId ?? null;
    const id = await this.ds.transaction(async (em) => {
      const [dup] = await em.query('SELECT id FROM routing_rule WHERE category_id = ? AND region_id <=> ? FOR UPDATE', [input.categoryId, regionId]);
      if (dup) throw new AppException('DUPLICATE', '该分类（及区域）已有派单规则', { field: 'categoryId' });
      const r = await em.query('INSERT INTO routing_rule (category_id, region_id, unit_id, note, created_by) VALUES (?, ?, ?, ?, ?)', [
        input.categoryId,
        regionId,
        input.unitId,
        input.note ?? null,
        user.id,
      ]);
      await audit(em, user, 'routing_rule', Number(r.insertId), 'create', { ...input });
      return Number(r.insertId);
    });
    this.cache = null;
    return (await this.list()).find((v) => v.id === id) as RoutingRuleView;
  }

  async remove(user: AuthUser, id: number): Promise<void> {
    await this.ds.transaction(async (em) => {
      const r = await em.query('DELETE FROM routing_rule WHERE id = ?', [id]);
      if ((r.affectedRows ?? 0) === 0) throw new AppException('NOT_FOUND', '派单规则不存在');
      await audit(em, user, 'routing_rule', id, 'delete');
    });
    this.cache = null;
  }
}
