import type { HolidayEntry } from './holidays';

export interface WorkingPeriod {
  /** Local wall-clock time, 'HH:mm'. */
  start: string;
  /** Local wall-clock time, 'HH:mm'; '24:00' allowed to mean midnight at the end of the day. */
  end: string;
}

export const DEFAULT_WORKING_PERIODS: WorkingPeriod[] = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MAX_OFFSET_MINUTES = 14 * 60;

/** A working period as milliseconds since local midnight, half-open [start, end). */
interface Span {
  start: number;
  end: number;
}

type DayKind = HolidayEntry['kind'];

function parseClock(value: string, allowMidnightEnd: boolean): number {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) throw new Error(`Invalid working-period time "${value}", expected HH:mm`);
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  const isMidnightEnd = allowMidnightEnd && hours === 24 && minutes === 0;
  if (!isMidnightEnd && (hours > 23 || minutes > 59)) {
    throw new Error(`Invalid working-period time "${value}"`);
  }
  return (hours * 60 + minutes) * MINUTE_MS;
}

function toSpans(periods: readonly WorkingPeriod[]): Span[] {
  if (periods.length === 0) {
    // Without any working time no deadline could ever be reached.
    throw new Error('At least one working period is required');
  }
  const spans = periods.map((p) => ({
    start: parseClock(p.start, false),
    end: parseClock(p.end, true),
  }));
  spans.forEach((span, i) => {
    const label = `${periods[i].start}-${periods[i].end}`;
    if (span.start >= span.end) throw new Error(`Working period ${label} must start before it ends`);
    if (i > 0 && span.start < spans[i - 1].end) {
      throw new Error(`Working period ${label} overlaps or precedes the previous one; periods must be sorted`);
    }
  });
  return spans;
}

/** Day number since 1970-01-01 of a YYYY-MM-DD date, validated strictly. */
function isoToDayNumber(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  // Date.UTC silently rolls 2020-02-30 over to March; the round trip catches that.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== iso) {
    throw new Error(`Invalid holiday date "${iso}", expected YYYY-MM-DD`);
  }
  return ms / DAY_MS;
}

function toDayKinds(holidays: readonly HolidayEntry[]): Map<number, DayKind> {
  const kinds = new Map<number, DayKind>();
  for (const entry of holidays) {
    if (entry.kind !== 'holiday' && entry.kind !== 'workday') {
      throw new Error(`Invalid holiday kind "${String(entry.kind)}" on ${entry.date}`);
    }
    const day = isoToDayNumber(entry.date);
    const existing = kinds.get(day);
    if (existing !== undefined && existing !== entry.kind) {
      throw new Error(`Holiday table contradicts itself on ${entry.date}`);
    }
    kinds.set(day, entry.kind);
  }
  return kinds;
}

/** 1970-01-01 was a Thursday; returns 0 = Sunday … 6 = Saturday. */
function weekdayOfDayNumber(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function assertValidDate(d: Date, label: string): number {
  const ms = d instanceof Date ? d.getTime() : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${label} must be a valid Date`);
  return ms;
}

function assertNonNegativeAmount(value: number, label: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${label} must be a finite, non-negative number, got ${value}`);
  }
}

/**
 * Working-time arithmetic for SLA deadlines. Every computation happens on a
 * "local" millisecond axis (UTC shifted by the fixed offset) so results never
 * depend on the server's TZ; China has had no DST since 1991, so a fixed offset
 * is exact for the period we care about.
 */
export class WorkCalendar {
  private readonly spans: readonly Span[];
  private readonly dayKinds: ReadonlyMap<number, DayKind>;
  private readonly offsetMs: number;
  private readonly workingMsPerDay: number;

  constructor(holidays: readonly HolidayEntry[], periods: WorkingPeriod[] = DEFAULT_WORKING_PERIODS, utcOffsetMinutes = 480) {
    if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > MAX_OFFSET_MINUTES) {
      throw new RangeError(`utcOffsetMinutes must be an integer within ±${MAX_OFFSET_MINUTES}`);
    }
    this.spans = toSpans(periods);
    this.dayKinds = toDayKinds(holidays);
    this.offsetMs = utcOffsetMinutes * MINUTE_MS;
    this.workingMsPerDay = this.spans.reduce((sum, s) => sum + (s.end - s.start), 0);
  }

  isWorkingDay(d: Date): boolean {
    return this.isWorkingDayNumber(this.dayNumberOf(this.toLocal(assertValidDate(d, 'date'))));
  }

  workingMinutesPerDay(): number {
    return this.workingMsPerDay / MINUTE_MS;
  }

  addWorkingMinutes(from: Date, minutes: number): Date {
    const start = assertValidDate(from, 'from');
    assertNonNegativeAmount(minutes, 'minutes');
    // Rounding to whole milliseconds keeps add/between exact inverses of each other.
    const amount = Math.round(minutes * MINUTE_MS);
    if (amount === 0) return new Date(start);
    return new Date(this.fromLocal(this.addLocal(this.toLocal(start), amount)));
  }

  addWorkingHours(from: Date, hours: number): Date {
    assertNonNegativeAmount(hours, 'hours');
    return this.addWorkingMinutes(from, hours * 60);
  }

  /** A "working day" is a duration (workingMinutesPerDay), not "same time on the next working day". */
  addWorkingDays(from: Date, days: number): Date {
    assertNonNegativeAmount(days, 'days');
    return this.addWorkingMinutes(from, days * this.workingMinutesPerDay());
  }

  workingMinutesBetween(a: Date, b: Date): number {
    const from = assertValidDate(a, 'a');
    const to = assertValidDate(b, 'b');
    if (to <= from) return 0;
    return this.workingMsBetweenLocal(this.toLocal(from), this.toLocal(to)) / MINUTE_MS;
  }

  nextWorkingInstant(d: Date): Date {
    const local = this.toLocal(assertValidDate(d, 'date'));
    const day = this.dayNumberOf(local);
    if (this.isWorkingDayNumber(day)) {
      const timeOfDay = local - day * DAY_MS;
      const span = this.spans.find((s) => timeOfDay < s.end);
      if (span) return new Date(this.fromLocal(day * DAY_MS + Math.max(span.start, timeOfDay)));
    }
    const next = this.nextWorkingDayNumber(day + 1);
    return new Date(this.fromLocal(next * DAY_MS + this.spans[0].start));
  }

  private toLocal(utcMs: number): number {
    return utcMs + this.offsetMs;
  }

  private fromLocal(localMs: number): number {
    return localMs - this.offsetMs;
  }

  private dayNumberOf(localMs: number): number {
    return Math.floor(localMs / DAY_MS);
  }

  private isWorkingDayNumber(day: number): boolean {
    const kind = this.dayKinds.get(day);
    if (kind !== undefined) return kind === 'workday';
    const weekday = weekdayOfDayNumber(day);
    return weekday !== 0 && weekday !== 6;
  }

  private nextWorkingDayNumber(day: number): number {
    let d = day;
    while (!this.isWorkingDayNumber(d)) d++;
    return d;
  }

  /** Working ms elapsed on a working day between local midnight and timeOfDay. */
  private workedBefore(timeOfDay: number): number {
    return this.spans.reduce((sum, s) => sum + Math.min(Math.max(timeOfDay - s.start, 0), s.end - s.start), 0);
  }

  /**
   * Spends `amount` (> 0) working ms of one working day, starting at `timeOfDay`:
   * either the time of day where it runs out, or what is left once the day is
   * exhausted. `<=` makes a deadline that exactly fills a period land on its end
   * (17:30 today) rather than on the next period's start (08:30 tomorrow), which
   * would push the stated deadline onto another day.
   */
  private placeInDay(timeOfDay: number, amount: number): { at: number } | { remaining: number } {
    let remaining = amount;
    for (const span of this.spans) {
      if (timeOfDay >= span.end) continue;
      const from = Math.max(span.start, timeOfDay);
      const available = span.end - from;
      if (remaining <= available) return { at: from + remaining };
      remaining -= available;
    }
    return { remaining };
  }

  private addLocal(localMs: number, amount: number): number {
    let day = this.dayNumberOf(localMs);
    let remaining = amount;
    if (this.isWorkingDayNumber(day)) {
      const placed = this.placeInDay(localMs - day * DAY_MS, remaining);
      if ('at' in placed) return day * DAY_MS + placed.at;
      remaining = placed.remaining;
    }
    // Whole days are consumed with one subtraction each, so cost grows with the
    // number of calendar days spanned, never with the number of minutes.
    day = this.nextWorkingDayNumber(day + 1);
    while (remaining > this.workingMsPerDay) {
      remaining -= this.workingMsPerDay;
      day = this.nextWorkingDayNumber(day + 1);
    }
    const placed = this.placeInDay(0, remaining);
    // remaining <= workingMsPerDay, so it always fits within a full working day.
    return day * DAY_MS + ('at' in placed ? placed.at : this.spans[this.spans.length - 1].end);
  }

  private workingMsBetweenLocal(fromLocal: number, toLocal: number): number {
    const fromDay = this.dayNumberOf(fromLocal);
    const toDay = this.dayNumberOf(toLocal);
    const workedOn = (day: number, timeOfDay: number) => (this.isWorkingDayNumber(day) ? this.workedBefore(timeOfDay) : 0);
    const fromTime = fromLocal - fromDay * DAY_MS;
    const toTime = toLocal - toDay * DAY_MS;
    if (fromDay === toDay) return workedOn(toDay, toTime) - workedOn(fromDay, fromTime);

    let total = workedOn(fromDay, DAY_MS) - workedOn(fromDay, fromTime);
    for (let day = fromDay + 1; day < toDay; day++) {
      if (this.isWorkingDayNumber(day)) total += this.workingMsPerDay;
    }
    return total + workedOn(toDay, toTime);
  }
}
