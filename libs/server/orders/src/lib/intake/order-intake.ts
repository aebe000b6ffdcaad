import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OrderDetail } from '@hotline/contracts';
import type { AuthUser } from '@hotline/server-identity';
import { inTransaction } from '@hotline/server-platform';
import { ReferenceService } from '@hotline/server-reference-data';
import { Clock } from '../clock';
import type { CreateOrderDto } from '../dto';
import type { OrderHistoryEntity, WorkOrderEntity } from '../entities';
import { toDetail } from '../mappers';
import { nextOrderNumber } from '../order-number';
import { RefNamesCache } from '../ref-names';
import { OrderScope } from '../scope/order-scope';
import { newOrderRow } from '../writer/order-row';
import { OrderWriter, type CommittedChange } from '../writer/order-writer';

/** Registering a new order (受理): references checked, numbered, stored with its 'create' line and event. */
@Injectable()
export class OrderIntake {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly ref: ReferenceService,
    private readonly clock: Clock,
    private readonly scope: OrderScope,
    private readonly refNames: RefNamesCache,
    private readonly writer: OrderWriter,
  ) {}

  /** `upstreamDueAt`: the deadline of an order pushed down from an upstream platform (the integrations' exchange). */
  async create(user: AuthUser, dto: CreateOrderDto, extra: { upstreamDueAt?: Date } = {}): Promise<OrderDetail> {
    await this.ref.channel(dto.channel);
    await this.ref.appealType(dto.appealType);
    await this.ref.category(dto.categoryId);
    if (dto.regionId != null) await this.ref.region(dto.regionId);
    const platform = await this.ref.platform(dto.platformId);
    const topics = await this.ref.topicsByCode(dto.topics ?? []);
    const now = this.clock.now();

    // numbered before the transaction so the per-day counter row is locked for one statement, not the intake
    const number = await nextOrderNumber(this.ds.manager, now);
    let created: { order: WorkOrderEntity; history: OrderHistoryEntity; change: CommittedChange } | null = null;
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
        callerSmsConsent: dto.caller.smsConsent ?? false,
        upstreamDueAt: extra.upstreamDueAt ?? null,
        address: dto.address ?? null,
        content: dto.content,
        urgent: dto.urgent ?? false,
        createdBy: user.id,
        createdAt: now,
        updatedAt: now,
      });
      // the topics before the writer: its hooks (statistics) count the order under them
      const { history, change } = await this.writer.insert(
        em,
        order,
        { data: { channel: dto.channel, appealType: dto.appealType, ...(dto.callId ? { callId: dto.callId } : {}) } },
        user,
        topics.map((t) => t.id),
        async (orderId) => {
          if (topics.length)
            await em.query(
              `INSERT INTO order_topic (order_id, topic_id) VALUES ${topics.map(() => '(?, ?)').join(', ')}`,
              topics.flatMap((t) => [orderId, t.id]),
            );
        },
        dto.callId,
      );
      created = { order, history, change };
    });
    // answered from what was just written: a new order has no co-units, supervision or callback to look up
    const { order, history, change } = created as unknown as NonNullable<typeof created>;
    await this.writer.committed(change);
    const allowed = await this.scope.allowedActions(user, order, [], {});
    return toDetail(order, user, await this.refNames.names(), { history: [history], coUnits: [], topics: topics.map((t) => t.code), allowedActions: allowed });
  }
}
