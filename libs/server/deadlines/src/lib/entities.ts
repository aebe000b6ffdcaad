import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TimerKind, TimerState } from '@hotline/contracts';
import { TimeLimitPolicyEntity } from '@hotline/server-orders';

const bool = { to: (v: boolean) => (v ? 1 : 0), from: (v: number | null) => (v == null ? v : !!v) };
const dt = (name: string) => ({ name, type: 'datetime' as const, precision: 3 });

/** The time-limit policy's row lives with the orders' TimeLimitsProvider, its one reader and mapping; admins edit it here. */
export { TimeLimitPolicyEntity };

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
