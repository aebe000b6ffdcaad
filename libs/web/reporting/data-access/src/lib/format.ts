/**
 * How reporting figures are written on screen, the way the report writes them: counts with thousands
 * separators, rates as percentages with two decimals, a count's change in %, a rate's change in 百分点.
 */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toLocaleString('zh-CN');
}

export function formatRate(r: number | null | undefined): string {
  return r === null || r === undefined ? '—' : `${(r * 100).toFixed(2)}%`;
}

/** A count's year-over-year change (a fraction): +35.11% / −1.43%. */
export function formatYoy(yoy: number | null | undefined): string {
  if (yoy === null || yoy === undefined) return '—';
  const pct = (yoy * 100).toFixed(2);
  return yoy > 0 ? `+${pct}%` : yoy < 0 ? `−${pct.slice(1)}%` : '0.00%';
}

/** A rate's change, already in percentage points: +2.66 个百分点. */
export function formatPp(pp: number | null | undefined): string {
  if (pp === null || pp === undefined) return '—';
  const v = pp.toFixed(2);
  return pp > 0 ? `+${v} 个百分点` : pp < 0 ? `−${v.slice(1)} 个百分点` : '持平';
}

/** Up, down or flat, for colouring a change. */
export function trendOf(change: number | null | undefined): 'up' | 'down' | 'flat' | null {
  if (change === null || change === undefined) return null;
  return change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
}

export function formatDecimal(n: number | null | undefined, digits = 1): string {
  return n === null || n === undefined ? '—' : n.toFixed(digits);
}
