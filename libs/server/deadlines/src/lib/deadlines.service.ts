import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EscalatedOrderView, OrderStatus, OrderTimerView } from '@hotline/contracts';
import type { AuthUser } from '@hotline/server-identity';
import { OrdersService } from '@hotline/server-orders';
import { ReferenceService } from '@hotline/server-reference-data';
import { DeadlineTimerEntity } from './entities';
import { toTimerView } from './mappers';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Read side of the timers: an order's timers, and the supervision queue of long-overdue orders. */
@Injectable()
export class DeadlinesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly orders: OrdersService,
    private readonly ref: ReferenceService,
  ) {}

  /** Every timer an order has had, oldest due first, with the moment its effect happened. */
  async timersOf(user: AuthUser, orderId: number): Promise<OrderTimerView[]> {
    await this.orders.detail(user, orderId); // 404 outside the caller's scope, as for the order itself
    const rows = await this.ds.manager
      .createQueryBuilder(DeadlineTimerEntity, 't')
      .leftJoin('deadline_effect', 'e', 'e.order_id = t.order_id AND e.kind = t.kind AND e.ref_id = t.ref_id AND e.due_at = t.due_at')
      .addSelect('e.fired_at', 'fired_at')
      .where('t.order_id = :orderId', { orderId })
      .orderBy('t.due_at', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .getRawAndEntities();
    const fired = new Map<number, Date | null>(rows.raw.map((r: { t_id: number; fired_at: Date | null }) => [Number(r.t_id), r.fired_at]));
    return rows.entities.map((t) => toTimerView(t, fired.get(Number(t.id)) ?? null));
  }

  /** Open orders escalated as long overdue (积案), longest waiting first. */
  async escalations(): Promise<EscalatedOrderView[]> {
    const rows: {
      id: number;
      number: string;
      status: OrderStatus;
      main_unit_id: number | null;
      handle_due_at: Date | null;
      handle_overdue_at: Date | null;
      urge_count: number;
      supervise_count: number;
      escalated_at: Date;
      open_supervision: number;
    }[] = await this.ds.query(
      `SELECT o.id, o.number, o.status, o.main_unit_id, o.handle_due_at, o.handle_overdue_at, o.urge_count, o.supervise_count, e.escalated_at,
              EXISTS (SELECT 1 FROM supervision s WHERE s.order_id = o.id AND s.feedback_at IS NULL) AS open_supervision
         FROM (SELECT order_id, MAX(fired_at) AS escalated_at FROM deadline_effect WHERE kind = 'escalate' GROUP BY order_id) e
         JOIN work_order o ON o.id = e.order_id
        WHERE o.status IN ('dispatched', 'handling', 'suspended', 'returning')
        ORDER BY e.escalated_at, o.id
        LIMIT 500`,
    );
    const units = new Map((await this.ref.snapshot()).units.map((u) => [u.id, u.name]));
    return rows.map((r) => ({
      orderId: Number(r.id),
      number: r.number,
      status: r.status,
      mainUnitId: r.main_unit_id,
      mainUnitName: r.main_unit_id == null ? null : (units.get(r.main_unit_id) ?? null),
      handleDueAt: iso(r.handle_due_at),
      handleOverdueAt: iso(r.handle_overdue_at),
      escalatedAt: new Date(r.escalated_at).toISOString(),
      urgeCount: Number(r.urge_count),
      superviseCount: Number(r.supervise_count),
      openSupervision: !!Number(r.open_supervision),
    }));
  }
}
