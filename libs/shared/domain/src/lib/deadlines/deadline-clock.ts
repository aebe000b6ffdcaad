import type { DeadlineClockKind } from '@hotline/contracts';
import type { WorkCalendar } from '../calendar/work-calendar';
import { parseDuration, type Duration } from './duration';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const NATURAL_DAY_MINUTES = 24 * 60;

/**
 * The time axis a policy's limits run on. Everything is in minutes of that clock: working minutes on the
 * working-day calendar, plain minutes on the natural one.
 */
export interface DeadlineClock {
  readonly kind: DeadlineClockKind;
  /** Minutes of this clock a duration stands for ('1d' is one working day on the working clock). */
  minutes(d: Duration | string): number;
  /** The instant `minutes` of this clock after `from`. */
  add(from: Date, minutes: number): Date;
  /** Minutes of this clock in [a, b); 0 when b is not after a. */
  between(a: Date, b: Date): number;
  /** The instant that leaves exactly `minutes` of this clock before `due`. */
  before(due: Date, minutes: number): Date;
}

function toDuration(d: Duration | string): Duration {
  return typeof d === 'string' ? parseDuration(d) : d;
}

function minutesOf(d: Duration, dayMinutes: number): number {
  switch (d.unit) {
    case 's':
      return d.amount / 60;
    case 'm':
      return d.amount;
    case 'h':
      return d.amount * 60;
    case 'd':
      return d.amount * dayMinutes;
  }
}

/** Office hours on working days only; a day is one working day's worth of office hours (7.5 h by default). */
export function workingClock(cal: WorkCalendar): DeadlineClock {
  const clock: DeadlineClock = {
    kind: 'working',
    minutes: (d) => minutesOf(toDuration(d), cal.workingMinutesPerDay()),
    add: (from, minutes) => cal.addWorkingMinutes(from, minutes),
    between: (a, b) => cal.workingMinutesBetween(a, b),
    before: (due, minutes) => {
      // the calendar only counts forward: start early enough (twice the span in calendar days, plus room for the
      // longest holidays) and go forward to the point that leaves `minutes`. In whole milliseconds, so the answer
      // does not depend on the starting point — a timer's key must not move when it is planned again.
      const keepMs = Math.round(minutes * MINUTE_MS);
      let back = (Math.ceil(minutes / cal.workingMinutesPerDay()) * 2 + 20) * DAY_MS;
      let from = new Date(due.getTime() - back);
      while (Math.round(clock.between(from, due) * MINUTE_MS) < keepMs) {
        back *= 2;
        from = new Date(due.getTime() - back);
      }
      const leftMs = Math.round(clock.between(from, due) * MINUTE_MS);
      return clock.add(from, (leftMs - keepMs) / MINUTE_MS);
    },
  };
  return clock;
}

/**
 * Round the clock, every day. `dayMinutes` is what '1d' means: 24 h, unless a drill or a test compresses days so
 * that a whole lifecycle (limits, extensions, escalation) plays out in seconds.
 */
export function naturalClock(dayMinutes = NATURAL_DAY_MINUTES): DeadlineClock {
  if (!(dayMinutes > 0)) throw new RangeError(`a day must last longer than 0 minutes, got ${dayMinutes}`);
  return {
    kind: 'natural',
    minutes: (d) => minutesOf(toDuration(d), dayMinutes),
    add: (from, minutes) => new Date(from.getTime() + Math.round(minutes * MINUTE_MS)),
    between: (a, b) => Math.max(0, b.getTime() - a.getTime()) / MINUTE_MS,
    before: (due, minutes) => new Date(due.getTime() - Math.round(minutes * MINUTE_MS)),
  };
}
