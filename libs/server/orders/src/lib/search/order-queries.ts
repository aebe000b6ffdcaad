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
import { COUNT_LIMIT, orderFilters, orderSort, type FilterContext } from './order-filters';

export function orderNotFound(id: number): AppException {
  return new AppException('ORDER_NOT_FOUND', `order ${id} not found`);
}

/** The read side of orders: one order in full (404 outside the caller's scope), and the search with its filters. */
@Injectable()
export class OrderQueries {
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
    const qb = this.ds.manager.createQueryBuilder(WorkOrderEntity, 'o');
    for (const f of orderFilters(q, await this.filterContext(user, q))) {
      if (f.join) qb.innerJoin(f.join.table, f.join.alias, f.join.on);
      qb.andWhere(f.sql, f.params);
    }
    // two statements: the count (bounded), then the page; offset/limit rather than skip/take, which with a join
    // would ask for the page's ids in a third statement
    const [countSql, countParams] = qb
      .clone()
      .select('1')
      .limit(COUNT_LIMIT + 1)
      .getQueryAndParameters();
    const [{ n }] = await this.ds.query(`SELECT COUNT(*) AS n FROM (${countSql}) AS matched`, countParams);
    const counted = Number(n);
    const [first, ...rest] = orderSort(q);
    qb.orderBy(first.by, first.dir);
    for (const s of rest) qb.addOrderBy(s.by, s.dir);
    const rows =
      counted > (page - 1) * pageSize
        ? await qb
            .offset((page - 1) * pageSize)
            .limit(pageSize)
            .getMany()
        : [];
    const names = await this.refNames.names();
    const bounded = counted > COUNT_LIMIT;
    return {
      items: rows.map((o) => toSummary(o, user, names)),
      total: bounded ? COUNT_LIMIT : counted,
      page,
      pageSize,
      ...(bounded ? { totalBounded: true } : {}),
    };
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
