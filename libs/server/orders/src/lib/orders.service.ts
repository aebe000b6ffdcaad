import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In, IsNull } from 'typeorm';
import type { OrderAction, OrderDetail, OrderSummary, Page, Satisfaction } from '@hotline/contracts';
import { actionsFor, bindTimeLimits, decide, resolvePolicy, type TimeLimits, type TransitionContext } from '@hotline/domain';
import type { AuthUser } from '@hotline/server-identity';
import { AppException, inTransaction } from '@hotline/server-platform';
import { ReferenceService } from '@hotline/server-reference-data';
import { CalendarProvider } from './calendar.provider';
import { Clock } from './clock';
import { OrderHooks, type OrderChange } from './order-hooks';
import type { ActionBody, CreateOrderDto, SearchOrdersDto } from './dto';
import { OrderCoUnitEntity, OrderHistoryEntity, OutboxEntity, SupervisionEntity, WorkOrderEntity } from './entities';
import { toDetail, toSummary, type RefNames } from './mappers';
import { nextOrderNumber } from './order-number';
import { insertRow } from './row-insert';
import { newOrderRow } from './writer/order-row';
import { TimeLimitsProvider } from './time-limits';

const DISSATISFIED: readonly Satisfaction[] = ['dissatisfied', 'very_dissatisfied'];
/** Unit-handler actions that belong to the main unit (a co-unit may only co-reply). */
const MAIN_UNIT_ACTIONS: readonly OrderAction[] = ['dispatch', 'sign', 'return', 'request-extension', 'suspend', 'resume', 'reply', 'feedback'];

type Patch = Partial<WorkOrderEntity>;
interface Effect {
  patch: Patch;
  comment?: string | null;
  data?: Record<string, unknown>;
}

@Injectable()
export class OrdersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly ref: ReferenceService,
    private readonly calendars: CalendarProvider,
    private readonly clock: Clock,
    private readonly hooks: OrderHooks,
    private readonly timeLimits: TimeLimitsProvider,
  ) {}

  // ---------------------------------------------------------------- intake

  async create(user: AuthUser, dto: CreateOrderDto): Promise<OrderDetail> {
    await this.ref.channel(dto.channel);
    await this.ref.appealType(dto.appealType);
    await this.ref.category(dto.categoryId);
    if (dto.regionId != null) await this.ref.region(dto.regionId);
    const platform = await this.ref.platform(dto.platformId);
    const topics = await this.ref.topicsByCode(dto.topics ?? []);
    const now = this.clock.now();

    // numbered before the transaction so the per-day counter row is locked for one statement, not the intake
    const number = await nextOrderNumber(this.ds.manager, now);
    let change: Omit<OrderChange, 'em'> | null = null;
    let created: { order: WorkOrderEntity; history: OrderHistoryEntity } | null = null;
    await inTransaction(this.ds, async (em) => {
      // the row is built here in full, so the reply and the hooks use it as written instead of reading it back
      const order = Object.assign(newOrderRow(), {
        number,
        platformId: platform.id,
        channel: dto.channel,
        appealType: dto.appealType,
        categoryId: dto.categoryId,
        regionId: dto.regionId ?? null,
        callerName: dto.caller.name ?? null,
        callerPhone: dto.caller.phone ?? null,
        callerConfidential: dto.caller.confidential ?? false,
        address: dto.address ?? null,
        content: dto.content,
        urgent: dto.urgent ?? false,
        createdBy: user.id,
        createdAt: now,
        updatedAt: now,
      });
      order.id = await insertRow(em, WorkOrderEntity, order);
      const orderId = order.id;
      if (topics.length)
        await em.query(
          `INSERT INTO order_topic (order_id, topic_id) VALUES ${topics.map(() => '(?, ?)').join(', ')}`,
          topics.flatMap((t) => [orderId, t.id]),
        );
      const history = await this.record(em, orderId, user, 'create', null, 'registered', null, { channel: dto.channel, appealType: dto.appealType }, now);
      created = { order, history };
      change = { action: 'create', before: null, after: order, actor: user, at: now, topicIds: topics.map((t) => t.id) };
      await this.hooks.inTransaction({ ...change, em });
    });
    if (change) await this.hooks.committed(change);
    // answered from what was just written: a new order has no co-units, supervision or callback to look up
    const { order, history } = created as unknown as { order: WorkOrderEntity; history: OrderHistoryEntity };
    const allowed = await this.allowedActions(user, order, [], {});
    return toDetail(order, user, await this.names(), { history: [history], coUnits: [], topics: topics.map((t) => t.code), allowedActions: allowed });
  }

  // ---------------------------------------------------------------- queries

  async detail(user: AuthUser, id: number): Promise<OrderDetail> {
    const o = await this.ds.manager.findOneBy(WorkOrderEntity, { id });
    if (!o) throw notFound(id);
    const coUnits = await this.ds.manager.find(OrderCoUnitEntity, { where: { orderId: id }, order: { unitId: 'ASC' } });
    if (!(await this.inScope(user, o, coUnits))) throw notFound(id);
    const [history, topicRows, ctx] = await Promise.all([
      this.ds.manager.find(OrderHistoryEntity, { where: { orderId: id }, order: { id: 'ASC' } }),
      this.ds.query('SELECT t.code FROM order_topic ot JOIN topic t ON t.id = ot.topic_id WHERE ot.order_id = ? ORDER BY t.sort', [id]),
      this.context(this.ds.manager, o, {}),
    ]);
    const allowed = await this.allowedActions(user, o, coUnits, ctx);
    return toDetail(o, user, await this.names(), { history, coUnits, topics: topicRows.map((r: { code: string }) => r.code), allowedActions: allowed });
  }

  async search(user: AuthUser, q: SearchOrdersDto): Promise<Page<OrderSummary>> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const now = this.clock.now();
    const qb = this.ds.manager.createQueryBuilder(WorkOrderEntity, 'o');

    if (user.role === 'unit_handler') {
      const scope = await this.ref.unitScope(user.unitId as number);
      qb.andWhere('(o.main_unit_id IN (:...scope) OR EXISTS (SELECT 1 FROM order_co_unit cu WHERE cu.order_id = o.id AND cu.unit_id IN (:...scope)))', {
        scope,
      });
    }
    if (q.number) qb.andWhere('o.number = :number', { number: q.number });
    if (q.status?.length) qb.andWhere('o.status IN (:...status)', { status: q.status });
    if (q.unitId) {
      const units = await this.ref.unitScope(q.unitId);
      qb.andWhere('(o.main_unit_id IN (:...units) OR EXISTS (SELECT 1 FROM order_co_unit cu2 WHERE cu2.order_id = o.id AND cu2.unit_id IN (:...units)))', {
        units,
      });
    }
    if (q.regionId) qb.andWhere('o.region_id = :regionId', { regionId: q.regionId });
    if (q.categoryId) qb.andWhere('o.category_id IN (:...cats)', { cats: await this.ref.categoryScope(q.categoryId) });
    if (q.channel) qb.andWhere('o.channel_code = :channel', { channel: q.channel });
    if (q.appealType) qb.andWhere('o.appeal_type_code = :appealType', { appealType: q.appealType });
    if (q.topic)
      qb.andWhere('EXISTS (SELECT 1 FROM order_topic ot JOIN topic t ON t.id = ot.topic_id WHERE ot.order_id = o.id AND t.code = :topic)', { topic: q.topic });
    if (q.phone) {
      qb.andWhere('o.caller_phone = :phone', { phone: q.phone });
      // a unit must not be able to confirm who a confidential caller is by trying numbers
      if (user.role === 'unit_handler') qb.andWhere('o.caller_confidential = 0');
    }
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) => w.where('o.number = :qn', { qn: q.q }).orWhere('o.content LIKE :like', { like }).orWhere('o.address LIKE :like', { like })),
      );
    }
    if (q.from) qb.andWhere('o.created_at >= :from', { from: new Date(q.from) });
    if (q.to) qb.andWhere('o.created_at < :to', { to: endOf(q.to) });
    if (q.overdue) {
      qb.andWhere(
        `((o.status IN ('dispatched','handling') AND o.handle_due_at < :now) OR (o.status = 'dispatched' AND o.sign_due_at < :now)
          OR (o.status IN ('dispatched','handling','suspended','returning') AND (o.handle_overdue_at IS NOT NULL OR o.sign_overdue_at IS NOT NULL)))`,
        { now },
      );
    }
    if (q.handleDueBefore) qb.andWhere('o.handle_due_at <= :handleDueBefore', { handleDueBefore: new Date(q.handleDueBefore) });
    if (q.dueWithinHours) {
      const until = new Date(now.getTime() + q.dueWithinHours * 3600_000);
      qb.andWhere(
        `((o.status IN ('dispatched','handling') AND o.handle_due_at BETWEEN :now AND :until) OR (o.status = 'dispatched' AND o.sign_due_at BETWEEN :now AND :until))`,
        { now, until },
      );
    }
    if (q.pendingExtension) qb.andWhere("o.ext_days IS NOT NULL AND o.status = 'handling'");
    if (q.supervised) qb.andWhere('o.supervise_count > 0');
    if (q.resolution) qb.andWhere('o.resolution = :resolution', { resolution: q.resolution });
    if (q.satisfaction?.length) qb.andWhere('o.callback_satisfaction IN (:...sat)', { sat: q.satisfaction });
    if (q.reworked) qb.andWhere("o.rework_count > 0 AND o.status IN ('dispatched','handling','suspended')");
    if (q.callbackQueue) {
      qb.andWhere(
        `o.callback_at IS NULL AND (o.status = 'callback_pending' OR (o.status = 'merged' AND EXISTS (SELECT 1 FROM work_order m WHERE m.id = o.merged_into_id AND m.status IN ('callback_pending','closed') AND m.resolution = 'dispatched')))`,
      );
    }
    if (q.sort === 'handleDueAt') qb.orderBy('o.handle_due_at IS NULL', 'ASC').addOrderBy('o.handle_due_at', 'ASC');
    else qb.orderBy('o.created_at', q.sort === 'createdAt' ? 'ASC' : 'DESC');
    qb.addOrderBy('o.id', q.sort === 'createdAt' ? 'ASC' : 'DESC');

    const [rows, total] = await qb
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    const names = await this.names();
    return { items: rows.map((o) => toSummary(o, user, names)), total, page, pageSize };
  }

  // ---------------------------------------------------------------- actions

  /**
   * One action, one transaction: lock the row, check scope, version, the transition table and the
   * unit's part in the order; then update with a version guard, append history, and write the outbox.
   */
  async act(user: AuthUser, id: number, action: OrderAction, body: ActionBody): Promise<OrderDetail> {
    const now = this.clock.now();
    const cal = await this.calendars.calendar();
    const policies = await this.timeLimits.policies();
    let change: Omit<OrderChange, 'em'> | null = null;
    await inTransaction(this.ds, async (em) => {
      const o = await em.findOne(WorkOrderEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!o) throw notFound(id);
      const coUnits = await em.find(OrderCoUnitEntity, { where: { orderId: id } });
      if (!(await this.inScope(user, o, coUnits))) throw notFound(id);
      if (o.version !== body.version) {
        throw new AppException('STALE_VERSION', 'the order was changed by someone else; reload it and try again', { currentVersion: o.version });
      }
      const ctx = await this.context(em, o, body);
      const d = decide(o.status, action, user.role, ctx);
      if (!d.ok) throw new AppException(d.code, d.reason);
      await this.checkUnitPart(user, o, coUnits, action);

      const limits = bindTimeLimits(resolvePolicy(policies, o.appealType, o.urgent), cal);
      const effect = await this.effect(em, o, action, body, user, now, limits, coUnits);
      const res = await em
        .createQueryBuilder()
        .update(WorkOrderEntity)
        .set({ ...effect.patch, status: d.to, updatedAt: now, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id, version: body.version })
        .execute();
      if (res.affected !== 1) throw new AppException('STALE_VERSION', 'the order was changed by someone else; reload it and try again');
      await this.record(em, id, user, action, o.status, d.to, effect.comment ?? null, effect.data ?? null, now);
      await em.insert(OutboxEntity, { topic: `order.${action}`, aggregateId: id, payload: { action, from: o.status, to: d.to }, createdAt: now });
      const after = Object.assign(new WorkOrderEntity(), o, effect.patch, { status: d.to, version: o.version + 1, updatedAt: now });
      change = { action, before: o, after, actor: user, at: now };
      await this.hooks.inTransaction({ ...change, em });
    });
    if (change) await this.hooks.committed(change);
    return this.detail(user, id);
  }

  private async effect(
    em: EntityManager,
    o: WorkOrderEntity,
    action: OrderAction,
    b: ActionBody,
    user: AuthUser,
    now: Date,
    limits: TimeLimits,
    coUnits: OrderCoUnitEntity[],
  ): Promise<Effect> {
    const freshHandleDue = () => limits.handleDue(now);
    switch (action) {
      case 'direct-answer':
        return { patch: { resolution: 'direct', directAnswer: b.answer, closedAt: now }, comment: b.answer };

      case 'dispatch': {
        const unit = await this.ref.unit(b.unitId as number);
        const coIds = b.coUnitIds ?? [];
        if (user.role === 'unit_handler') {
          // a district passes the order down: only to a unit below its own, keeping the handling deadline
          if (unit.id === user.unitId || !(await this.ref.unitWithin(unit.id, user.unitId as number))) {
            throw new AppException('VALIDATION_FAILED', 'a unit can only pass an order down to one of its own sub-units', [
              { field: 'unitId', messages: ['not a sub-unit of your unit'] },
            ]);
          }
          if (coIds.length)
            throw new AppException('VALIDATION_FAILED', 'co-units are chosen by the center', [{ field: 'coUnitIds', messages: ['not allowed for a unit'] }]);
          return {
            patch: { mainUnitId: unit.id, dispatchedAt: now, signedAt: null, signDueAt: limits.signDue(now) },
            comment: b.comment ?? null,
            data: { unitId: unit.id, fromUnitId: o.mainUnitId, subDispatch: true },
          };
        }
        if (coIds.includes(unit.id))
          throw new AppException('VALIDATION_FAILED', 'the main unit cannot also be a co-unit', [{ field: 'coUnitIds', messages: ['contains the main unit'] }]);
        for (const [i, c] of coIds.entries()) await this.ref.unit(c, `coUnitIds.${i}`);
        await em.delete(OrderCoUnitEntity, { orderId: o.id });
        if (coIds.length)
          await em.insert(
            OrderCoUnitEntity,
            coIds.map((unitId) => ({ orderId: o.id, unitId, reply: null, repliedAt: null })),
          );
        return {
          patch: {
            mainUnitId: unit.id,
            resolution: 'dispatched',
            dispatchedAt: now,
            signedAt: null,
            signDueAt: limits.signDue(now),
            handleDueAt: freshHandleDue(),
          },
          comment: b.comment ?? null,
          data: { unitId: unit.id, coUnitIds: coIds, redispatch: o.status === 'dispatched' },
        };
      }

      case 'sign':
        return { patch: { signedAt: now } };

      case 'return':
        return {
          patch: { statusBeforeReturn: o.status, returnReason: b.reason, returnRequestedAt: now, returnCount: o.returnCount + 1 },
          comment: b.reason,
          data: { unitId: o.mainUnitId },
        };

      case 'approve-return':
        await em.delete(OrderCoUnitEntity, { orderId: o.id });
        return {
          patch: {
            mainUnitId: null,
            statusBeforeReturn: null,
            returnReason: null,
            returnRequestedAt: null,
            signedAt: null,
            signDueAt: null,
            handleDueAt: null,
            extDays: null,
            extReason: null,
            extRequestedAt: null,
          },
          comment: b.comment ?? null,
          data: { returnedBy: o.mainUnitId, reason: o.returnReason },
        };

      case 'reject-return':
        return {
          patch: { statusBeforeReturn: null, returnReason: null, returnRequestedAt: null },
          comment: b.comment ?? null,
          data: { reason: o.returnReason },
        };

      case 'request-extension':
        return { patch: { extDays: b.days, extReason: b.reason, extRequestedAt: now }, comment: b.reason, data: { days: b.days } };

      case 'approve-extension': {
        const base = o.handleDueAt ?? now;
        const newDue = limits.extend(base, o.extDays as number);
        return {
          patch: { handleDueAt: newDue, extensionCount: o.extensionCount + 1, extDays: null, extReason: null, extRequestedAt: null },
          comment: b.comment ?? null,
          data: { days: o.extDays, fromDueAt: base.toISOString(), toDueAt: newDue.toISOString() },
        };
      }

      case 'reject-extension':
        return { patch: { extDays: null, extReason: null, extRequestedAt: null }, comment: b.comment ?? null, data: { days: o.extDays } };

      case 'suspend':
        return { patch: { suspendedAt: now }, comment: b.reason };

      case 'resume': {
        // the clock stopped while suspended: resume with the time that was left (minutes of the policy's clock)
        const left = o.handleDueAt && o.suspendedAt ? limits.leftAt(o.suspendedAt, o.handleDueAt) : 0;
        const newDue = o.handleDueAt ? limits.resumeDue(now, left) : null;
        return {
          patch: { suspendedAt: null, handleDueAt: newDue },
          comment: b.comment ?? null,
          data: { workingMinutesLeft: left, clock: limits.clock.kind, toDueAt: newDue?.toISOString() ?? null },
        };
      }

      case 'reply':
        return { patch: { reply: b.content, repliedAt: now, extDays: null, extReason: null, extRequestedAt: null }, comment: b.content };

      case 'co-reply': {
        const scope = await this.ref.unitScope(user.unitId as number);
        const mine = coUnits.filter((c) => scope.includes(c.unitId));
        await em.update(OrderCoUnitEntity, { orderId: o.id, unitId: In(mine.map((c) => c.unitId)) }, { reply: b.content, repliedAt: now });
        return { patch: {}, comment: b.content, data: { unitIds: mine.map((c) => c.unitId) } };
      }

      case 'accept-reply':
        return { patch: { acceptedAt: now, callbackDueAt: limits.callbackDue(now) }, comment: b.comment ?? null };

      case 'send-back':
        return {
          patch: { reworkCount: o.reworkCount + 1, reply: null, repliedAt: null, handleDueAt: freshHandleDue(), handleOverdueAt: null },
          comment: b.reason,
          data: { previousReply: o.reply },
        };

      case 'callback': {
        const data = { satisfaction: b.satisfaction, solved: b.solved, reopen: !!b.reopen };
        if (b.reopen) {
          return {
            patch: {
              reworkCount: o.reworkCount + 1,
              reply: null,
              repliedAt: null,
              acceptedAt: null,
              callbackDueAt: null,
              handleDueAt: freshHandleDue(),
              handleOverdueAt: null,
            },
            comment: b.comment ?? null,
            data: { ...data, previousReply: o.reply },
          };
        }
        return {
          patch: { callbackSatisfaction: b.satisfaction, callbackSolved: b.solved, callbackComment: b.comment ?? null, callbackAt: now },
          comment: b.comment ?? null,
          data,
        };
      }

      case 'urge':
        return { patch: { urgeCount: o.urgeCount + 1 }, comment: b.comment ?? null, data: { unitId: o.mainUnitId } };

      case 'supervise': {
        const due = limits.feedbackDue(now, b.feedbackDays);
        await em.insert(SupervisionEntity, {
          orderId: o.id,
          unitId: o.mainUnitId,
          createdBy: user.id,
          comment: b.comment as string,
          feedbackDueAt: due,
          feedback: null,
          feedbackAt: null,
          createdAt: now,
        });
        return { patch: { superviseCount: o.superviseCount + 1 }, comment: b.comment, data: { unitId: o.mainUnitId, feedbackDueAt: due.toISOString() } };
      }

      case 'feedback':
        await em.update(SupervisionEntity, { orderId: o.id, feedbackAt: IsNull() }, { feedback: b.content, feedbackAt: now });
        return { patch: {}, comment: b.content };

      case 'instruct':
        return { patch: { instructCount: o.instructCount + 1 }, comment: b.content };

      case 'close':
        return { patch: { closedAt: now }, comment: b.comment ?? null, data: { withoutCallback: !o.callbackAt } };

      case 'merge': {
        const masterId = b.masterId as number;
        if (masterId === o.id)
          throw new AppException('VALIDATION_FAILED', 'an order cannot be merged into itself', [{ field: 'masterId', messages: ['same order'] }]);
        const master = await em.findOneBy(WorkOrderEntity, { id: masterId });
        if (!master) throw new AppException('UNKNOWN_REFERENCE', `order ${masterId} does not exist`, { field: 'masterId' });
        if (master.status === 'merged' || master.status === 'closed') {
          throw new AppException('PRECONDITION_FAILED', `order ${master.number} is ${master.status} and cannot be a master`, { field: 'masterId' });
        }
        await this.record(em, master.id, user, 'merge', master.status, master.status, null, { mergedOrderId: o.id, mergedNumber: o.number }, now);
        return { patch: { mergedIntoId: master.id }, data: { masterId: master.id, masterNumber: master.number } };
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private async context(em: EntityManager, o: WorkOrderEntity, b: Partial<ActionBody>): Promise<TransitionContext> {
    const openSupervision = await em.exists(SupervisionEntity, { where: { orderId: o.id, feedbackAt: IsNull() } });
    let masterAwaitingCallback = false;
    if (o.status === 'merged' && o.mergedIntoId) {
      const master = await em.findOne(WorkOrderEntity, { where: { id: o.mergedIntoId }, select: { id: true, status: true, resolution: true } });
      masterAwaitingCallback = !!master && master.resolution === 'dispatched' && (master.status === 'callback_pending' || master.status === 'closed');
    }
    return {
      statusBeforeReturn: o.statusBeforeReturn,
      hasPendingExtension: o.extDays != null,
      hasOpenSupervision: openSupervision,
      callbackDone: o.callbackAt != null,
      masterAwaitingCallback,
      reopen: !!b.reopen,
      dissatisfied: !!b.satisfaction && DISSATISFIED.includes(b.satisfaction),
      hasComment: !!b.comment?.trim(),
    };
  }

  /** Unit handlers see an order whose main unit or a co-unit lies within their unit's subtree. */
  private async inScope(user: AuthUser, o: WorkOrderEntity, coUnits: OrderCoUnitEntity[]): Promise<boolean> {
    if (user.role !== 'unit_handler') return true;
    if (user.unitId == null) return false;
    const scope = await this.ref.unitScope(user.unitId);
    return (o.mainUnitId != null && scope.includes(o.mainUnitId)) || coUnits.some((c) => scope.includes(c.unitId));
  }

  private async checkUnitPart(user: AuthUser, o: WorkOrderEntity, coUnits: OrderCoUnitEntity[], action: OrderAction): Promise<void> {
    if (user.role !== 'unit_handler') return;
    const scope = await this.ref.unitScope(user.unitId as number);
    if (MAIN_UNIT_ACTIONS.includes(action) && !(o.mainUnitId != null && scope.includes(o.mainUnitId))) {
      throw new AppException('FORBIDDEN_ROLE', `only the main unit may ${action} this order`);
    }
    if (action === 'co-reply' && !coUnits.some((c) => scope.includes(c.unitId))) {
      throw new AppException('FORBIDDEN_ROLE', 'only a co-unit may co-reply');
    }
  }

  private async allowedActions(user: AuthUser, o: WorkOrderEntity, coUnits: OrderCoUnitEntity[], ctx: TransitionContext): Promise<OrderAction[]> {
    const out: OrderAction[] = [];
    for (const a of actionsFor(o.status, user.role)) {
      const d = decide(o.status, a, user.role, { ...ctx, hasComment: true });
      if (!d.ok) continue;
      try {
        await this.checkUnitPart(user, o, coUnits, a);
        out.push(a);
      } catch {
        /* not this unit's part */
      }
    }
    return out;
  }

  private async record(
    em: EntityManager,
    orderId: number,
    user: AuthUser,
    action: string,
    from: string | null,
    to: string | null,
    comment: string | null,
    data: Record<string, unknown> | null,
    at: Date,
  ): Promise<OrderHistoryEntity> {
    const row = Object.assign(new OrderHistoryEntity(), {
      orderId,
      action,
      fromStatus: from as never,
      toStatus: to as never,
      actorId: user.id,
      actorName: user.displayName,
      actorRole: user.role,
      actorUnitId: user.unitId,
      comment,
      data: data as never,
      createdAt: at,
    });
    row.id = await insertRow(em, OrderHistoryEntity, row);
    return row;
  }

  private namesCache: { snap: object; names: RefNames } | null = null;

  /** id → name lookups, rebuilt only when the reference snapshot changes. */
  private async names(): Promise<RefNames> {
    const snap = await this.ref.snapshot();
    if (this.namesCache?.snap === snap) return this.namesCache.names;
    const cats = new Map(snap.categories.map((c) => [c.id, c.path]));
    const units = new Map(snap.units.map((u) => [u.id, u.name]));
    const names: RefNames = { categoryPath: (id) => cats.get(id) ?? '', unitName: (id) => (id == null ? null : (units.get(id) ?? null)) };
    this.namesCache = { snap, names };
    return names;
  }
}

/** A registered order with nothing done to it yet: every column the table has, at its initial value. */
function notFound(id: number): AppException {
  return new AppException('ORDER_NOT_FOUND', `order ${id} not found`);
}

/** A date-only `to` includes that whole day. */
function endOf(to: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(to) ? new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86400_000) : new Date(to);
}
