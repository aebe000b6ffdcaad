import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DeadlineClockKind } from '@hotline/contracts';
import { bindTimeLimits, resolvePolicy, type TimeLimitPolicy, type TimeLimits, type WorkCalendar } from '@hotline/domain';
import { ChangeBus, CHANGES } from '@hotline/server-platform';

/** An admin's edit reaches every process at once over the ChangeBus; the expiry is the fallback should that signal be lost. */
const TTL_MS = 30_000;

const bool = { to: (v: boolean) => (v ? 1 : 0), from: (v: number | null) => (v == null ? v : !!v) };
const dt = (name: string) => ({ name, type: 'datetime' as const, precision: 3 });

/**
 * A row of the admin-editable time-limit policy (table time_limit_policy): the one mapping of the table, read here for
 * the actions and edited by the deadlines admin (libs/server/deadlines, TimeLimitPolicyService). The center's defaults
 * are DEFAULT_TIME_LIMIT_POLICIES (libs/shared/domain), seeded into the table by the deadlines migration.
 */
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

/** The domain's view of a row (for deciding due times, and for validating an admin's edit). */
export function toPolicy(p: Pick<TimeLimitPolicyEntity, keyof TimeLimitPolicy>): TimeLimitPolicy {
  const { appealType, urgent, clock, dayLength, signLimit, handleLimit, callbackLimit, feedbackLimit, prewarnPercent, longOverdueAfter } = p;
  return { appealType, urgent, clock, dayLength, signLimit, handleLimit, callbackLimit, feedbackLimit, prewarnPercent, longOverdueAfter };
}

/**
 * The time-limit policy admins edit: sign-for, handling, callback and feedback limits by appeal type and urgency, the
 * pre-warning point and the long-overdue threshold. Due times are computed from it when an action sets them and stored
 * on the order, so a later edit never moves a running deadline.
 */
@Injectable()
export class TimeLimitsProvider {
  private cached: { at: number; rows: TimeLimitPolicy[] } | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    bus: ChangeBus,
  ) {
    bus.on(CHANGES.timeLimits, () => (this.cached = null));
  }

  async policies(): Promise<TimeLimitPolicy[]> {
    if (this.cached && Date.now() - this.cached.at < TTL_MS) return this.cached.rows;
    const rows = await this.ds.manager.find(TimeLimitPolicyEntity);
    this.cached = { at: Date.now(), rows: rows.map(toPolicy) };
    return this.cached.rows;
  }

  /** The limits for an order, on the clock its policy row names. */
  async limitsFor(appealType: string, urgent: boolean, cal: WorkCalendar): Promise<TimeLimits> {
    return bindTimeLimits(resolvePolicy(await this.policies(), appealType, urgent), cal);
  }
}

/** An upstream platform's deadline wins over the local policy when it is earlier (orders pushed down, issue 14). */
export function capHandleDue(limits: TimeLimits, upstreamDueAt: Date | null): TimeLimits {
  if (!upstreamDueAt) return limits;
  return { ...limits, handleDue: (from) => new Date(Math.min(limits.handleDue(from).getTime(), new Date(upstreamDueAt).getTime())) };
}
