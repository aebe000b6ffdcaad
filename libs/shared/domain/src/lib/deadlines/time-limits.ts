import type { WorkCalendar } from '../calendar/work-calendar';
import { naturalClock, workingClock, type DeadlineClock } from './deadline-clock';
import type { TimeLimitPolicy } from './policy';

/** A policy row put on its clock: every due time the order service and the timers need. */
export interface TimeLimits {
  readonly policy: TimeLimitPolicy;
  readonly clock: DeadlineClock;
  signDue(from: Date): Date;
  handleDue(from: Date): Date;
  callbackDue(from: Date): Date;
  /** The supervisor's number of days when given, else the policy's feedback limit. */
  feedbackDue(from: Date, days?: number): Date;
  /** An approved extension: `days` days of the policy's clock after the current deadline. */
  extend(due: Date, days: number): Date;
  /** Clock time left of a deadline at the moment its clock stopped (suspension). */
  leftAt(stoppedAt: Date, due: Date): number;
  /** The deadline after a resume: the time that was left, counted from now. */
  resumeDue(now: Date, left: number): Date;
  /**
   * When to pre-warn of a deadline: when the policy's share of the limit is used up, i.e. the rest of the limit is
   * left. Fixed by the deadline alone (never by when it is asked), so a re-planned timer keeps its key; it may lie
   * in the past (a moved deadline already inside its warning window warns at once). Null when pre-warnings are off.
   */
  prewarnAt(deadline: 'sign' | 'handle', due: Date): Date | null;
  /** When an order still unfinished counts as long overdue (积案) and goes to the supervision queue. */
  escalateAt(handleDue: Date): Date;
}

export function clockOf(policy: TimeLimitPolicy, cal: WorkCalendar): DeadlineClock {
  if (policy.clock === 'working') return workingClock(cal);
  return naturalClock(policy.dayLength ? naturalClock().minutes(policy.dayLength) : undefined);
}

export function bindTimeLimits(policy: TimeLimitPolicy, cal: WorkCalendar): TimeLimits {
  const clock = clockOf(policy, cal);
  const after = (from: Date, spec: string) => clock.add(from, clock.minutes(spec));
  return {
    policy,
    clock,
    signDue: (from) => after(from, policy.signLimit),
    handleDue: (from) => after(from, policy.handleLimit),
    callbackDue: (from) => after(from, policy.callbackLimit),
    feedbackDue: (from, days) => (days == null ? after(from, policy.feedbackLimit) : clock.add(from, clock.minutes({ amount: days, unit: 'd' }))),
    extend: (due, days) => clock.add(due, clock.minutes({ amount: days, unit: 'd' })),
    leftAt: (stoppedAt, due) => clock.between(stoppedAt, due),
    resumeDue: (now, left) => clock.add(now, left),
    prewarnAt: (deadline, due) => {
      if (policy.prewarnPercent <= 0) return null;
      const limit = clock.minutes(deadline === 'sign' ? policy.signLimit : policy.handleLimit);
      return clock.before(due, (limit * (100 - policy.prewarnPercent)) / 100);
    },
    escalateAt: (handleDue) => after(handleDue, policy.longOverdueAfter),
  };
}
