import { round } from '../stats/figures';

/**
 * Figures as a screen shows them, beside the report's prose forms in stats/figures.ts. The same figure has
 * one written form per place, chosen here once:
 *
 * | figure            | on screen (this file)     | in the report's prose (stats/figures.ts) |
 * | ----------------- | ------------------------- | ---------------------------------------- |
 * | a count           | `formatCountGrouped` 868,022 | `formatCount` 868022                   |
 * | a rate            | `formatPercent` 97.10%    | `formatPercent` 97.10%                   |
 * | a count's change  | `formatYoySigned` +35.11% | `formatChange` 增长 35.11%                |
 * | a rate's change   | `formatPpSigned` +2.66 个百分点 | `formatPp` 提高 2.66个百分点          |
 *
 * Thousands separators are what Chinese statistics screens use; the report's running text keeps bare digits.
 * Everything rounds half away from zero (`round`), and a missing figure is '—'.
 */

const GROUPED = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const MINUS = '−';

/** 868022 → '868,022' */
export function formatCountGrouped(n: number | null | undefined): string {
  return n == null ? '—' : GROUPED.format(Math.round(n));
}

/** A count's year-over-year change (a fraction): '+35.11%', '−1.43%', '0.00%'. */
export function formatYoySigned(yoy: number | null | undefined): string {
  if (yoy == null) return '—';
  const r = round(yoy * 100, 2);
  return `${signOf(r)}${Math.abs(r).toFixed(2)}%`;
}

/** A rate's change, already in percentage points: '+2.66 个百分点', '−0.50 个百分点', '持平'. */
export function formatPpSigned(pp: number | null | undefined): string {
  if (pp == null) return '—';
  const r = round(pp, 2);
  return r === 0 ? '持平' : `${signOf(r)}${Math.abs(r).toFixed(2)} 个百分点`;
}

/** A plain decimal for averages: 3.25 → '3.3' (one digit unless told). */
export function formatDecimal(n: number | null | undefined, digits = 1): string {
  return n == null ? '—' : round(n, digits).toFixed(digits);
}

/** Up, down or flat, for colouring a change. */
export function trendOf(change: number | null | undefined): 'up' | 'down' | 'flat' | null {
  if (change == null) return null;
  return change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
}

function signOf(r: number): string {
  return r > 0 ? '+' : r < 0 ? MINUS : '';
}
