import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OrderAction } from '@hotline/contracts';
import { bindTimeLimits, decide, resolvePolicy, roleMayEver } from '@hotline/domain';
import type { AuthUser } from '@hotline/server-identity';
import { AppException, inTransaction } from '@hotline/server-platform';
import { ReferenceService } from '@hotline/server-reference-data';
import { CalendarProvider } from '../calendar.provider';
import { Clock } from '../clock';
import type { ActionBody } from '../dto';
import { OrderCoUnitEntity, WorkOrderEntity } from '../entities';
import { OrderScope } from '../scope/order-scope';
import { orderNotFound } from '../search/order-queries';
import { capHandleDue, TimeLimitsProvider } from '../time-limits';
import { OrderWriter, staleVersion, type CommittedChange } from '../writer/order-writer';
import { ACTION_EFFECTS } from './index';
import { transitionContext } from './transition-context';

/** The 22 actions on an order. */
@Injectable()
export class OrderActions {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly ref: ReferenceService,
    private readonly calendars: CalendarProvider,
    private readonly clock: Clock,
    private readonly timeLimits: TimeLimitsProvider,
    private readonly scope: OrderScope,
    private readonly writer: OrderWriter,
  ) {}

  /**
   * One action, one transaction: lock the row, check scope, version, the transition table and the unit's part in
   * the order; then the writer updates with a version guard, appends history, writes the event and runs the hooks.
   */
  async act(user: AuthUser, id: number, action: OrderAction, body: ActionBody): Promise<void> {
    const now = this.clock.now();
    const cal = await this.calendars.calendar();
    const policies = await this.timeLimits.policies();
    let change: CommittedChange | null = null;
    await inTransaction(this.ds, async (em) => {
      const o = await em.findOne(WorkOrderEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!o) throw orderNotFound(id);
      const coUnits = await em.find(OrderCoUnitEntity, { where: { orderId: id } });
      if (!(await this.scope.inScope(user, o, coUnits))) throw orderNotFound(id);
      if (!roleMayEver(action, user.role)) throw new AppException('FORBIDDEN_ROLE', `role ${user.role} may not ${action}`);
      if (o.version !== body.version) throw staleVersion(o.version);
      const d = decide(o.status, action, user.role, await transitionContext(em, o, body));
      if (!d.ok) throw new AppException(d.code, d.reason);
      await this.scope.checkUnitPart(user, o, coUnits, action);

      const limits = capHandleDue(bindTimeLimits(resolvePolicy(policies, o.appealType, o.urgent), cal), o.upstreamDueAt);
      const effect = await ACTION_EFFECTS[action]({ em, o, b: body, user, now, limits, coUnits, ref: this.ref, writer: this.writer });
      const written = await this.writer.update(em, {
        before: o,
        patch: effect.patch,
        to: d.to,
        actor: user,
        at: now,
        lines: [{ action, comment: effect.comment ?? null, data: effect.data ?? null }],
      });
      change = written.change;
    });
    if (change) await this.writer.committed(change);
  }
}
