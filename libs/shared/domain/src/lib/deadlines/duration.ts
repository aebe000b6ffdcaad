/**
 * A time limit as admins write it: a number and a unit — '30m', '2h', '5d', '0.5d'; seconds ('3s') exist for
 * drills and tests. What a day or an hour means depends on the clock the policy runs on (see deadline-clock).
 */
export type DurationUnit = 's' | 'm' | 'h' | 'd';

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

const PATTERN = /^(\d{1,4}(?:\.\d{1,3})?)(s|m|h|d)$/;

export function isDuration(spec: unknown): spec is string {
  return typeof spec === 'string' && PATTERN.test(spec);
}

export function parseDuration(spec: string): Duration {
  const match = PATTERN.exec(spec);
  if (!match) throw new RangeError(`Invalid duration "${spec}": expected a number and one of s, m, h, d (e.g. 30m, 2h, 5d)`);
  return { amount: Number(match[1]), unit: match[2] as DurationUnit };
}

export function formatDuration(d: Duration): string {
  return `${d.amount}${d.unit}`;
}
