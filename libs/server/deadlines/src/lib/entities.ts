import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DeadlineClockKind, TimerKind, TimerState } from '@hotline/contracts';

const bool = { to: (v: boolean) => (v ? 1 : 0), from: (v: number | null) => (v == null ? v : !!v) };
const dt = (name: string) => ({ name, type: 'datetime' as const, precision: 3 });

/** A row of the admin-editable time-limit policy (read by the orders service through TimeLimitsProvider). */
@Entity('time_limit_policy')
export class TimeLimitPolicyEntity {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true }) id!: number;
  @Column({ name: 'appeal_type_code' }) appealType!: string;
  @Column({ type: 'tinyint', transformer: bool }) urgent!: boolean;
  @Column({ type: 'varchar' }) clock!: DeadlineClockKind;
  @Column({ name: 'day_length', type: 'varchar', nullable: true }) dayLength!: string | null;
  @Column({ name: 'sign_limit' }) signLimit!: string;
  @Column({ name: 'handle_limit' }) handleLimit!: string;
  @Column({ name: 'callback_limit' }) callbackLimit!: string;
  @Column({ name: 'feedback_limit' }) feedbackLimit!: string;
  @Column({ name: 'prewarn_percent', type: 'tinyint', unsigned: true }) prewarnPercent!: number;
  @Column({ name: 'long_overdue_after' }) longOverdueAfter!: string;
  @Column({ type: 'int', unsigned: true }) version!: number;
  @Column({ name: 'updated_by', type: 'int', nullable: true }) updatedBy!: number | null;
  @Column(dt('created_at')) createdAt!: Date;
  @Column(dt('updated_at')) updatedAt!: Date;
}

/**
 * One timer of one order: written in the transaction of the action that sets its deadline, fed to BullMQ after
 * commit. (order, kind, reference, due time) is unique; a moved deadline cancels the row and adds a new one.
 */
@Entity('deadline_timer')
export class DeadlineTimerEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: number;
  @Column({ name: 'order_id', type: 'bigint' }) orderId!: number;
  @Column({ type: 'varchar' }) kind!: TimerKind;
  @Column({ name: 'ref_id', type: 'bigint' }) refId!: number;
  @Column(dt('due_at')) dueAt!: Date;
  @Column(dt('deadline_at')) deadlineAt!: Date;
  @Column({ type: 'varchar' }) state!: TimerState;
  @Column(dt('created_at')) createdAt!: Date;
  @Column(dt('updated_at')) updatedAt!: Date;
}

/** The ledger of effects that happened; its unique key (order, kind, reference, due time) allows each once. */
@Entity('deadline_effect')
export class DeadlineEffectEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: number;
  @Column({ name: 'order_id', type: 'bigint' }) orderId!: number;
  @Column({ type: 'varchar' }) kind!: TimerKind;
  @Column({ name: 'ref_id', type: 'bigint' }) refId!: number;
  @Column(dt('due_at')) dueAt!: Date;
  @Column(dt('deadline_at')) deadlineAt!: Date;
  @Column({ name: 'timer_id', type: 'bigint' }) timerId!: number;
  @Column(dt('fired_at')) firedAt!: Date;
}

/** What the reconciler repaired, one row per tick that repaired anything. */
@Entity('deadline_repair')
export class DeadlineRepairEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: number;
  @Column(dt('started_at')) startedAt!: Date;
  @Column(dt('finished_at')) finishedAt!: Date;
  @Column({ name: 'full_scan', type: 'tinyint', transformer: bool }) fullScan!: boolean;
  @Column({ type: 'int', unsigned: true }) fired!: number;
  @Column({ type: 'int', unsigned: true }) requeued!: number;
  @Column({ type: 'int', unsigned: true }) backfilled!: number;
  @Column({ type: 'varchar', nullable: true }) note!: string | null;
}

export const DEADLINE_ENTITIES = [TimeLimitPolicyEntity, DeadlineTimerEntity, DeadlineEffectEntity, DeadlineRepairEntity];
