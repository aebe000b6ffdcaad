/**
 * Periods of the statistics: China calendar dates (YYYY-MM-DD), both ends inclusive. Date arithmetic is done
 * on UTC midnights so the host's time zone never moves a day.
 */
const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface Period {
  from: string;
  to: string;
}

export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function toUtc(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Day strings by day number, so counting an order (or writing one) does not format a date each time. */
const DAY_NAMES = new Map<number, string>();
const DAY_NAMES_MAX = 100_000;

/** 'YYYY-MM-DD' of day number `n` (days since 1970-01-01, the calendar's own: UTC for UTC days, China's for China days). */
export function dayName(n: number): string {
  let name = DAY_NAMES.get(n);
  if (name === undefined) {
    if (!Number.isInteger(n)) throw new RangeError('not a date');
    if (DAY_NAMES.size >= DAY_NAMES_MAX) DAY_NAMES.clear();
    name = new Date(n * DAY_MS).toISOString().slice(0, 10);
    DAY_NAMES.set(n, name);
  }
  return name;
}

/** The China calendar day an instant falls on. */
export function chinaDay(at: Date): string {
  return dayName(Math.floor((at.getTime() + CHINA_OFFSET_MS) / DAY_MS));
}

/** The instant a China calendar day starts. */
export function chinaDayStart(date: string): Date {
  return new Date(toUtc(date) - CHINA_OFFSET_MS);
}

export function addDays(date: string, n: number): string {
  return fromUtc(toUtc(date) + n * DAY_MS);
}

/** Days in the period, both ends counted: 2020-01-01..2020-12-31 is 366. */
export function daysInPeriod(p: Period): number {
  const n = Math.round((toUtc(p.to) - toUtc(p.from)) / DAY_MS) + 1;
  if (n < 1) throw new RangeError(`period ends before it starts: ${p.from}..${p.to}`);
  return n;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export function monthPeriod(month: string): Period {
  if (!/^\d{4}-\d{2}$/.test(month) || !isIsoDate(`${month}-01`)) throw new RangeError(`not a month: ${month}`);
  return { from: `${month}-01`, to: lastOfMonth(`${month}-01`) };
}

export function firstOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function lastOfMonth(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return fromUtc(Date.UTC(y, m, 0));
}

/** The same dates `years` years earlier; a 29 February that does not exist becomes the 28th. */
export function shiftYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) - years;
  const md = date.slice(5);
  if (md === '02-29' && !isLeapYear(y)) return `${y}-02-28`;
  return `${String(y).padStart(4, '0')}-${md}`;
}

/**
 * The comparison period a year (or `years` years) before. A whole calendar year maps to the whole earlier
 * year, a whole month to the whole earlier month (so February 2020's 29 days compare with February 2019's 28).
 */
export function previousPeriod(p: Period, years = 1): Period {
  const from = shiftYears(p.from, years);
  const to = p.to === lastOfMonth(p.to) ? lastOfMonth(shiftYears(firstOfMonth(p.to), years)) : shiftYears(p.to, years);
  return { from, to };
}

export type Grain = 'y' | 'm' | 'd';

/** A run of summary rows of one grain, by the first day of each bucket: rows with `from <= period <= to`. */
export interface Segment {
  grain: Grain;
  from: string;
  to: string;
}

/**
 * Splits a period into the fewest summary buckets: whole years, then whole months, then single days at the
 * edges. Summary tables hold a row per day, per month and per year, so a year costs one bucket, not 365.
 */
export function periodSegments(p: Period): Segment[] {
  daysInPeriod(p);
  const out: Segment[] = [];
  const push = (grain: Grain, from: string, to: string) => {
    const last = out[out.length - 1];
    // extend the previous run of the same grain when it is contiguous
    if (last && last.grain === grain && nextBucket(grain, last.to) === from) last.to = to;
    else out.push({ grain, from, to });
  };
  let cur = p.from;
  while (cur <= p.to) {
    const yearEnd = `${cur.slice(0, 4)}-12-31`;
    const monthEnd = lastOfMonth(cur);
    if (cur.slice(5) === '01-01' && yearEnd <= p.to) {
      push('y', cur, cur);
      cur = addDays(yearEnd, 1);
    } else if (cur.slice(8) === '01' && monthEnd <= p.to) {
      push('m', cur, cur);
      cur = addDays(monthEnd, 1);
    } else {
      push('d', cur, cur);
      cur = addDays(cur, 1);
    }
  }
  return out;
}

function nextBucket(grain: Grain, start: string): string {
  if (grain === 'd') return addDays(start, 1);
  if (grain === 'm') return addDays(lastOfMonth(start), 1);
  return `${Number(start.slice(0, 4)) + 1}-01-01`;
}

/** The bucket starts a day falls in, for each grain: the rows an order's change must update. */
export function bucketsOf(day: string): Record<Grain, string> {
  return { d: day, m: firstOfMonth(day), y: `${day.slice(0, 4)}-01-01` };
}

/** Every day of a period, in order (for trends). */
export function eachDay(p: Period): string[] {
  const n = daysInPeriod(p);
  return Array.from({ length: n }, (_, i) => addDays(p.from, i));
}

/** Every month a period touches, as YYYY-MM. */
export function eachMonth(p: Period): string[] {
  const out: string[] = [];
  for (let cur = firstOfMonth(p.from); cur <= p.to; cur = addDays(lastOfMonth(cur), 1)) out.push(cur.slice(0, 7));
  return out;
}
