import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DeadlineClockKind } from '@hotline/contracts';
import { bindTimeLimits, resolvePolicy, type TimeLimitPolicy, type TimeLimits, type WorkCalendar } from '@hotline/domain';
import { ChangeBus, CHANGES } from '@hotline/server-platform';

/** An admin's edit reaches every process at once over the ChangeBus; the expiry is the fallback should that signal be lost. */
const TTL_MS = 30_000;

export interface TimeLimitPolicyRow {
  id: number;
  appeal_type_code: string;
  urgent: number;
  clock: string;
  day_length: string | null;
  sign_limit: string;
  handle_limit: string;
  callback_limit: string;
  feedback_limit: string;
  prewarn_percent: number;
  long_overdue_after: string;
}

export function policyFromRow(r: TimeLimitPolicyRow): TimeLimitPolicy {
  return {
    appealType: r.appeal_type_code,
    urgent: !!Number(r.urgent),
    clock: r.clock as DeadlineClockKind,
    dayLength: r.day_length,
    signLimit: r.sign_limit,
    handleLimit: r.handle_limit,
    callbackLimit: r.callback_limit,
    feedbackLimit: r.feedback_limit,
    prewarnPercent: Number(r.prewarn_percent),
    longOverdueAfter: r.long_overdue_after,
  };
}

/**
 * The time-limit policy admins edit (table time_limit_policy): sign-for, handling, callback and feedback limits
 * by appeal type and urgency, the pre-warning point and the long-overdue threshold. Due times are computed from
 * it when an action sets them and stored on the order, so a later edit never moves a running deadline.
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
    const rows: TimeLimitPolicyRow[] = await this.ds.query('SELECT * FROM time_limit_policy');
    this.cached = { at: Date.now(), rows: rows.map(policyFromRow) };
    return this.cached.rows;
  }

  /** The limits for an order, on the clock its policy row names. */
  async limitsFor(appealType: string, urgent: boolean, cal: WorkCalendar): Promise<TimeLimits> {
    return bindTimeLimits(resolvePolicy(await this.policies(), appealType, urgent), cal);
  }
}
