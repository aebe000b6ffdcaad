import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { DirectAnswerMethod, OrderStatus, Role, Satisfaction } from '@hotline/contracts';
import { TimeLimitPolicyEntity } from './time-limits';

const bool = { to: (v: boolean) => (v ? 1 : 0), from: (v: number | null) => (v == null ? v : !!v) };
const json = { to: (v: unknown) => (v == null ? null : JSON.stringify(v)), from: (v: string | null) => (v == null ? null : JSON.parse(v)) };
const dt = (name: string) => ({ name, type: 'datetime' as const, precision: 3, nullable: true });

@Entity('work_order')
export class WorkOrderEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: number;
  @Column() number!: string;
  @Column({ type: 'varchar' }) status!: OrderStatus;
  @Column({ type: 'int', unsigned: true }) version!: number;
  @Column({ name: 'platform_id' }) platformId!: number;
  @Column({ name: 'channel_code' }) channel!: string;
  @Column({ name: 'appeal_type_code' }) appealType!: string;
  @Column({ name: 'category_id' }) categoryId!: number;
  @Column({ name: 'region_id', type: 'int', nullable: true }) regionId!: number | null;
  @Column({ name: 'caller_name', type: 'varchar', nullable: true }) callerName!: string | null;
  @Column({ name: 'caller_phone', type: 'varchar', nullable: true }) callerPhone!: string | null;
  @Column({ name: 'caller_confidential', type: 'tinyint', transformer: bool }) callerConfidential!: boolean;
  /** A confidential caller who still asked for SMS notices (others get them unless their number opted out). */
  @Column({ name: 'caller_sms_consent', type: 'tinyint', transformer: bool, default: 0 }) callerSmsConsent!: boolean;
  /** The deadline an upstream platform (省平台, 互联网+督查) set: the handling deadline is never later (time-limits.ts). */
  @Column(dt('upstream_due_at')) upstreamDueAt!: Date | null;
  @Column({ type: 'varchar', nullable: true }) address!: string | null;
  @Column({ type: 'text' }) content!: string;
  @Column({ type: 'tinyint', transformer: bool }) urgent!: boolean;
  @Column({ type: 'varchar', nullable: true }) resolution!: 'direct' | 'dispatched' | null;
  @Column({ name: 'direct_answer', type: 'text', nullable: true }) directAnswer!: string | null;
  // how the direct answer was made (issue 11): 知识库 article + the version read out, 三方通话 unit + person, other
  @Column({ name: 'direct_answer_method', type: 'varchar', nullable: true }) directAnswerMethod!: DirectAnswerMethod | null;
  @Column({ name: 'direct_answer_article_id', type: 'int', nullable: true }) directAnswerArticleId!: number | null;
  @Column({ name: 'direct_answer_article_version', type: 'int', nullable: true }) directAnswerArticleVersion!: number | null;
  @Column({ name: 'three_way_unit_id', type: 'int', nullable: true }) threeWayUnitId!: number | null;
  @Column({ name: 'three_way_person', type: 'varchar', nullable: true }) threeWayPerson!: string | null;
  @Column({ name: 'main_unit_id', type: 'int', nullable: true }) mainUnitId!: number | null;
  @Column(dt('dispatched_at')) dispatchedAt!: Date | null;
  @Column(dt('signed_at')) signedAt!: Date | null;
  @Column(dt('replied_at')) repliedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) reply!: string | null;
  @Column(dt('accepted_at')) acceptedAt!: Date | null;
  @Column(dt('closed_at')) closedAt!: Date | null;
  @Column({ name: 'status_before_return', type: 'varchar', nullable: true }) statusBeforeReturn!: OrderStatus | null;
  @Column({ name: 'return_reason', type: 'varchar', nullable: true }) returnReason!: string | null;
  @Column(dt('return_requested_at')) returnRequestedAt!: Date | null;
  @Column({ name: 'ext_days', type: 'smallint', nullable: true }) extDays!: number | null;
  @Column({ name: 'ext_reason', type: 'varchar', nullable: true }) extReason!: string | null;
  @Column(dt('ext_requested_at')) extRequestedAt!: Date | null;
  @Column({ name: 'extension_count', type: 'smallint' }) extensionCount!: number;
  @Column({ name: 'rework_count', type: 'smallint' }) reworkCount!: number;
  @Column({ name: 'return_count', type: 'smallint' }) returnCount!: number;
  @Column({ name: 'urge_count', type: 'smallint' }) urgeCount!: number;
  @Column({ name: 'supervise_count', type: 'smallint' }) superviseCount!: number;
  @Column({ name: 'instruct_count', type: 'smallint' }) instructCount!: number;
  @Column(dt('sign_due_at')) signDueAt!: Date | null;
  @Column(dt('handle_due_at')) handleDueAt!: Date | null;
  @Column(dt('callback_due_at')) callbackDueAt!: Date | null;
  @Column(dt('sign_overdue_at')) signOverdueAt!: Date | null;
  @Column(dt('handle_overdue_at')) handleOverdueAt!: Date | null;
  @Column(dt('suspended_at')) suspendedAt!: Date | null;
  @Column({ name: 'callback_satisfaction', type: 'varchar', nullable: true }) callbackSatisfaction!: Satisfaction | null;
  @Column({ name: 'callback_solved', type: 'tinyint', nullable: true, transformer: bool }) callbackSolved!: boolean | null;
  @Column({ name: 'callback_comment', type: 'varchar', nullable: true }) callbackComment!: string | null;
  @Column(dt('callback_at')) callbackAt!: Date | null;
  @Column({ name: 'merged_into_id', type: 'bigint', nullable: true }) mergedIntoId!: number | null;
  @Column({ name: 'created_by', type: 'int', nullable: true }) createdBy!: number | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

@Entity('order_history')
export class OrderHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: number;
  @Column({ name: 'order_id', type: 'bigint' }) orderId!: number;
  @Column() action!: string;
  @Column({ name: 'from_status', type: 'varchar', nullable: true }) fromStatus!: OrderStatus | null;
  @Column({ name: 'to_status', type: 'varchar', nullable: true }) toStatus!: OrderStatus | null;
  @Column({ name: 'actor_id', type: 'int', nullable: true }) actorId!: number | null;
  @Column({ name: 'actor_name', type: 'varchar', nullable: true }) actorName!: string | null;
  @Column({ name: 'actor_role', type: 'varchar' }) actorRole!: Role | 'system';
  @Column({ name: 'actor_unit_id', type: 'int', nullable: true }) actorUnitId!: number | null;
  @Column({ type: 'text', nullable: true }) comment!: string | null;
  @Column({ type: 'text', nullable: true, transformer: json }) data!: Record<string, unknown> | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

@Entity('order_co_unit')
export class OrderCoUnitEntity {
  @PrimaryColumn({ name: 'order_id', type: 'bigint' }) orderId!: number;
  @PrimaryColumn({ name: 'unit_id' }) unitId!: number;
  @Column({ type: 'text', nullable: true }) reply!: string | null;
  @Column(dt('replied_at')) repliedAt!: Date | null;
}

@Entity('supervision')
export class SupervisionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: number;
  @Column({ name: 'order_id', type: 'bigint' }) orderId!: number;
  @Column({ name: 'unit_id', type: 'int', nullable: true }) unitId!: number | null;
  @Column({ name: 'created_by', type: 'int', nullable: true }) createdBy!: number | null;
  @Column({ type: 'text' }) comment!: string;
  @Column({ name: 'feedback_due_at', type: 'datetime', precision: 3 }) feedbackDueAt!: Date;
  @Column({ type: 'text', nullable: true }) feedback!: string | null;
  @Column(dt('feedback_at')) feedbackAt!: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

@Entity('outbox')
export class OutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: number;
  @Column() topic!: string;
  @Column({ name: 'aggregate_id', type: 'bigint' }) aggregateId!: number;
  @Column({ type: 'text', nullable: true, transformer: json }) payload!: Record<string, unknown> | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column(dt('processed_at')) processedAt!: Date | null;
}

/** The policy row is mapped with its reader (time-limits.ts) and registered with the orders' entities. */
export const ORDER_ENTITIES = [WorkOrderEntity, OrderHistoryEntity, OrderCoUnitEntity, SupervisionEntity, OutboxEntity, TimeLimitPolicyEntity];
