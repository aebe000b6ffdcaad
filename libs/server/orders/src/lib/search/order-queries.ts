import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OrderDetail, OrderSummary, Page } from '@hotline/contracts';
import type { AuthUser } from '@hotline/server-identity';
import { AppException } from '@hotline/server-platform';
import { ReferenceService } from '@hotline/server-reference-data';
import { transitionContext } from '../actions/transition-context';
import { Clock } from '../clock';
import type { SearchOrdersDto } from '../dto';
import { OrderCoUnitEntity, OrderHistoryEntity, WorkOrderEntity } from '../entities';
import { toDetail, toSummary } from '../mappers';
import { RefNamesCache } from '../ref-names';
import { OrderScope } from '../scope/order-scope';
import { booleanQuery, recentPeriods } from './text-terms';
import { COUNT_LIMIT, endOf, orderFilters, orderSort, type Filter, type FilterContext } from './order-filters';

const NEWEST_TTL_MS = 10_000;

/** The Beijing calendar day of an instant, YYYY-MM-DD. */
function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function orderNotFound(id: number): AppException {
  return new AppException('ORDER_NOT_FOUND', `order ${id} not found`);
}

/** The read side of orders: one order in full (404 outside the caller's scope), and the search with its filters. */
@Injectable()
export class OrderQueries {
  /** The newest order's registration, read at most once a minute (a text search's window ends there). */
  private newest: { at: Date | null; readAt: number } | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly ref: ReferenceService,
    private readonly clock: Clock,
    private readonly scope: OrderScope,
    private readonly refNames: RefNamesCache,
  ) {}

  async detail(user: AuthUser, id: number): Promise<OrderDetail> {
    const o = await this.ds.manager.findOneBy(WorkOrderEntity, { id });
    if (!o) throw orderNotFound(id);
    const coUnits = await this.ds.manager.find(OrderCoUnitEntity, { where: { orderId: id }, order: { unitId: 'ASC' } });
    if (!(await this.scope.inScope(user, o, coUnits))) throw orderNotFound(id);
    const [history, topicRows, ctx] = await Promise.all([
      this.ds.manager.find(OrderHistoryEntity, { where: { orderId: id }, order: { id: 'ASC' } }),
      this.ds.query('SELECT t.code FROM order_topic ot JOIN topic t ON t.id = ot.topic_id WHERE ot.order_id = ? ORDER BY t.sort', [id]),
      transitionContext(this.ds.manager, o, {}),
    ]);
    const allowed = await this.scope.allowedActions(user, o, coUnits, ctx);
    const names = await this.refNames.names();
    return toDetail(o, user, names, { history, coUnits, topics: topicRows.map((r: { code: string }) => r.code), allowedActions: allowed });
  }

  async search(user: AuthUser, q: SearchOrdersDto): Promise<Page<OrderSummary>> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const filters = orderFilters(q, await this.filterContext(user, q));
    const text = filters.find((f) => f.fts);
    if (text?.fts && q.sort !== 'createdAt' && q.sort !== 'handleDueAt') return this.textSearch(user, q, filters, text, page, pageSize);
    return this.page(user, q, filters, await this.count(filters), page, pageSize);
  }

  /**
   * Text newest first. InnoDB reads the row of every match a FULLTEXT lookup returns, so a common word asks the index
   * for the newest orders first: the last two 旬, then the last two months (one period term each, text-terms.ts), and
   * is served from the first that holds this page and one match more, the page and the count in one statement (the
   * total is then the window's, from `totalSince`). A rare word falls through to the whole range, which is cheap.
   */
  private async textSearch(user: AuthUser, q: SearchOrdersDto, filters: Filter[], text: Filter, page: number, pageSize: number): Promise<Page<OrderSummary>> {
    const need = page * pageSize + 1;
    const from = q.from ? new Date(q.from) : null;
    const last = await this.lastRegistered(q);
    if (last && !(from && from > last)) {
      for (const p of recentPeriods(last)) {
        const covers = !!from && from >= p.since;
        const windowed = filters.map((f) => (f === text && f.fts ? { ...f, params: { ...f.params, fts: booleanQuery(f.fts.terms, p.term) } } : f));
        const r = await this.countedPage(q, windowed, page, pageSize);
        if (covers || (r.counted ?? 0) >= need) {
          const counted = r.counted ?? (await this.count(windowed));
          return this.result(user, r.rows, counted, page, pageSize, covers ? undefined : beijingDay(p.since));
        }
      }
    }
    const r = await this.countedPage(q, filters, page, pageSize);
    return this.result(user, r.rows, r.counted ?? (await this.count(filters)), page, pageSize);
  }

  /**
   * A page and how many match in one statement (COUNT(*) OVER ()): for a text lookup whose matches are read anyway.
   * `counted` is null when the page is past the end (no row carries the count).
   */
  private async countedPage(q: SearchOrdersDto, filters: Filter[], page: number, pageSize: number) {
    const { entities, raw } = await this.sorted(q, filters)
      .addSelect('COUNT(*) OVER ()', 'matched')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getRawAndEntities<{ matched: string | number }>();
    return { rows: entities, counted: raw.length ? Number(raw[0].matched) : page === 1 ? 0 : null };
  }

  /**
   * The newest registration a search's range can hold: the newest order's, or `to`'s end. Read at most every 10 s: an
   * order registered since, in a new 旬, carries the next window's term and is missing from a first page that long.
   */
  private async lastRegistered(q: SearchOrdersDto): Promise<Date | null> {
    const now = this.clock.now().getTime();
    if (!this.newest || now - this.newest.readAt > NEWEST_TTL_MS) {
      const [{ at }] = await this.ds.query('SELECT MAX(created_at) AS at FROM work_order');
      this.newest = { at: at ? new Date(at) : null, readAt: now };
    }
    const newest = this.newest.at;
    if (!newest) return null;
    const to = q.to ? endOf(q.to) : null;
    return to && to.getTime() <= newest.getTime() ? new Date(to.getTime() - 1) : newest;
  }

  /** The matches counted up to COUNT_LIMIT + 1: an exact total of a million costs a scan of a million. */
  private async count(filters: Filter[]): Promise<number> {
    const at = filters.findIndex((f) => f.split);
    const split = filters[at]?.split;
    if (split) {
      const side = (f: Filter) => filters.map((g, i) => (i === at ? f : g));
      // main unit's side first; the co-unit side only when the first has not reached the bound
      const main = await this.count(side(split.main));
      return main > COUNT_LIMIT ? main : main + (await this.count(side(split.co)));
    }
    const [sql, params] = this.query(filters)
      .select('1')
      .limit(COUNT_LIMIT + 1)
      .getQueryAndParameters();
    const [{ n }] = await this.ds.query(`SELECT COUNT(*) AS n FROM (${sql}) AS matched`, params);
    return Number(n);
  }

  /** One page of the matches, sorted; no statement when the count says the page is past the end. */
  private async page(user: AuthUser, q: SearchOrdersDto, filters: Filter[], counted: number, page: number, pageSize: number): Promise<Page<OrderSummary>> {
    const qb = this.sorted(q, filters);
    // offset/limit rather than skip/take, which with a join would ask for the page's ids in a statement of its own
    const rows =
      counted > (page - 1) * pageSize
        ? await qb
            .offset((page - 1) * pageSize)
            .limit(pageSize)
            .getMany()
        : [];
    return this.result(user, rows, counted, page, pageSize);
  }

  private async result(user: AuthUser, rows: WorkOrderEntity[], counted: number, page: number, pageSize: number, since?: string): Promise<Page<OrderSummary>> {
    const names = await this.refNames.names();
    const bounded = counted > COUNT_LIMIT || !!since;
    return {
      items: rows.map((o) => toSummary(o, user, names)),
      total: Math.min(counted, COUNT_LIMIT),
      page,
      pageSize,
      ...(bounded ? { totalBounded: true } : {}),
      ...(since ? { totalSince: since } : {}),
    };
  }

  private sorted(q: SearchOrdersDto, filters: Filter[]) {
    const qb = this.query(filters);
    const [first, ...rest] = orderSort(q);
    qb.orderBy(first.by, first.dir);
    for (const s of rest) qb.addOrderBy(s.by, s.dir);
    return qb;
  }

  private query(filters: Filter[]) {
    const qb = this.ds.manager.createQueryBuilder(WorkOrderEntity, 'o');
    for (const f of filters) {
      if (f.join) qb.innerJoin(f.join.table, f.join.alias, f.join.on);
      qb.andWhere(f.sql, f.params);
    }
    return qb;
  }

  private async filterContext(user: AuthUser, q: SearchOrdersDto): Promise<FilterContext> {
    const unitHandler = user.role === 'unit_handler';
    const userScope = unitHandler ? await this.ref.unitScope(user.unitId as number) : null;
    const unitScope = q.unitId ? await this.ref.unitScope(q.unitId) : null;
    let partScope: number[] | null = null;
    if (q.unitPart) {
      partScope = unitScope ?? (user.unitId != null ? await this.ref.unitScope(user.unitId) : null);
      if (!partScope) {
        throw new AppException('VALIDATION_FAILED', 'unitPart needs a unit: give unitId, or search as a unit handler', [
          { field: 'unitPart', messages: ['needs unitId or a user with a unit'] },
        ]);
      }
    }
    return {
      now: this.clock.now(),
      userScope,
      unitScope,
      partScope,
      categoryScope: q.categoryId ? await this.ref.categoryScope(q.categoryId) : null,
      hideConfidential: unitHandler,
    };
  }
}
