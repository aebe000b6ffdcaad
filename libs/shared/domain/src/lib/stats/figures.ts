import type { CountFigure, RateFigure } from '@hotline/contracts';

/**
 * The arithmetic of the report's figures. Every figure is kept exact (numerator and denominator) and only
 * rounded when printed, half away from zero, to two decimals: 97.10%, +35.11%, 4.19 个百分点.
 */

/** num / den, or null when there is nothing to divide by. */
export function ratio(num: number, den: number): number | null {
  return den > 0 ? num / den : null;
}

/** (current − previous) / previous: the year-on-year change of a count. */
export function yoy(current: number, previous: number | null | undefined): number | null {
  return previous != null && previous > 0 ? (current - previous) / previous : null;
}

/** The change of a rate, in percentage points. */
export function ppChange(current: number | null, previous: number | null | undefined): number | null {
  return current != null && previous != null ? (current - previous) * 100 : null;
}

/** Days-in-period average, 2020 counting 366 days. */
export function dailyAverage(count: number, days: number): number {
  if (days < 1) throw new RangeError('a period has at least one day');
  return count / days;
}

export function countFigure(value: number, previous: number | null | undefined): CountFigure {
  return { value, previous: previous ?? null, yoy: yoy(value, previous) };
}

export function rateFigure(numerator: number, denominator: number, prev?: { numerator: number; denominator: number } | null): RateFigure {
  const value = ratio(numerator, denominator);
  const previous = prev ? ratio(prev.numerator, prev.denominator) : null;
  return { numerator, denominator, value, previous, ppChange: ppChange(value, previous) };
}

/** Rounds half away from zero to `digits` decimals (toFixed rounds 1.005 down; this does not). */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  const scaled = Math.abs(x) * f;
  // nudge values a float representation put a hair under .5 (1.005 is stored as 1.00499999999999989…)
  const r = Math.round(scaled * (1 + 8 * Number.EPSILON)) / f;
  return x < 0 ? -r : r;
}

/** 0.971 → '97.10%' */
export function formatPercent(rate: number | null, digits = 2): string {
  return rate == null ? '—' : `${round(rate * 100, digits).toFixed(digits)}%`;
}

/** A count as the report prints it: digits only (868022). */
export function formatCount(n: number): string {
  return String(Math.round(n));
}

/** '增长 35.11%' / '下降 1.43%' / '持平' for the change of a count. */
export function formatChange(change: number | null): string {
  if (change == null) return '—';
  const r = round(change * 100, 2);
  if (r === 0) return '持平';
  return `${r > 0 ? '增长' : '下降'} ${Math.abs(r).toFixed(2)}%`;
}

/** '提高 4.19个百分点' / '降低 0.30个百分点' for the change of a rate. */
export function formatPp(pp: number | null): string {
  if (pp == null) return '—';
  const r = round(pp, 2);
  if (r === 0) return '持平';
  return `${r > 0 ? '提高' : '降低'} ${Math.abs(r).toFixed(2)}个百分点`;
}

/** 5.1497 → '5.15 倍' */
export function formatTimes(current: number, previous: number | null): string {
  return previous ? `${round(current / previous, 2).toFixed(2)} 倍` : '—';
}

/**
 * Largest-remainder apportionment: splits `total` into integers proportional to `weights`, summing exactly to
 * `total`. Ties go to the earlier weight, so the result is deterministic.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`total must be a non-negative integer: ${total}`);
  const sum = weights.reduce((s, w) => s + Math.max(0, w), 0);
  if (weights.length === 0) {
    if (total !== 0) throw new RangeError('cannot apportion a positive total over no weights');
    return [];
  }
  if (sum <= 0) {
    const out = weights.map(() => 0);
    for (let i = 0; i < total; i++) out[i % out.length]++;
    return out;
  }
  const exact = weights.map((w) => (Math.max(0, w) / sum) * total);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, n) => s + n, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
  return out;
}
