import { apportion } from '@hotline/domain';

/** Exact-count tools of the generator: every total it promises is hit exactly, the rest is seeded randomness. */

export type Rnd = () => number;

/** Scales a count, rounding half up: scale 1 keeps it, scale 0 gives 0. */
export function scaled(n: number, scale: number): number {
  return Math.floor(n * scale + 0.5);
}

/** Splits `total` over keys by weight, exactly (largest remainder). */
export function split<K extends string>(total: number, weights: Record<K, number>): Record<K, number> {
  const keys = Object.keys(weights) as K[];
  const parts = apportion(
    total,
    keys.map((k) => weights[k]),
  );
  return Object.fromEntries(keys.map((k, i) => [k, parts[i]])) as Record<K, number>;
}

/** Scales every count of a record so the scaled counts sum to the scaled total (not to the sum of rounded parts). */
export function scaleRecord<K extends string>(counts: Record<K, number>, scale: number): Record<K, number> {
  const total = Object.values<number>(counts).reduce((s, n) => s + n, 0);
  return split(scaled(total, scale), counts);
}

/**
 * An integer table with exact row and column totals, as close as it can be to `weights` (iterative
 * proportional fitting, then rounding rows exactly and moving single units between columns until the
 * column totals are exact as well). Row and column totals must have the same sum.
 */
export function fitTable(rows: readonly number[], cols: readonly number[], weights: readonly (readonly number[])[]): number[][] {
  const total = rows.reduce((s, n) => s + n, 0);
  if (total !== cols.reduce((s, n) => s + n, 0)) throw new Error(`row totals ${total} and column totals ${cols.reduce((s, n) => s + n, 0)} differ`);
  const x = weights.map((r) => r.map((w) => Math.max(w, 0) + 1e-12));
  for (let it = 0; it < 200; it++) {
    for (let i = 0; i < x.length; i++) {
      const s = x[i].reduce((a, b) => a + b, 0);
      for (let j = 0; j < cols.length; j++) x[i][j] *= rows[i] / s;
    }
    let maxErr = 0;
    for (let j = 0; j < cols.length; j++) {
      const s = x.reduce((a, r) => a + r[j], 0);
      maxErr = Math.max(maxErr, Math.abs(s - cols[j]));
      for (let i = 0; i < x.length; i++) x[i][j] *= s > 0 ? cols[j] / s : 0;
    }
    if (maxErr < 1e-6) break;
  }
  const out = x.map((r, i) => apportion(rows[i], r));
  // move units from columns over their total to columns under it, within a row, where the fit allows
  for (let guard = 0; guard < 1e6; guard++) {
    const diff = cols.map((c, j) => out.reduce((a, r) => a + r[j], 0) - c);
    const over = diff.findIndex((d) => d > 0);
    if (over < 0) break;
    const under = diff.findIndex((d) => d < 0);
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < out.length; i++) {
      if (out[i][over] <= 0 || weights[i][under] <= 0) continue;
      const score = x[i][under] - out[i][under] - (x[i][over] - out[i][over]);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    if (best < 0) throw new Error('fitTable: no row can move a unit between the columns');
    out[best][over]--;
    out[best][under]++;
  }
  return out;
}

/** Fisher–Yates, in place. */
export function shuffle<T>(xs: T[], rnd: Rnd): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = xs[i];
    xs[i] = xs[j];
    xs[j] = t;
  }
  return xs;
}

/**
 * Picks exactly k of the items, each with probability rising with its weight (Efraimidis–Spirakis keys);
 * items of weight 0 are picked only when there are not enough others.
 */
export function chooseK<T>(items: readonly T[], k: number, weight: (t: T) => number, rnd: Rnd): T[] {
  if (k <= 0) return [];
  if (k >= items.length) return [...items];
  const keyed = items.map((t) => {
    const w = weight(t);
    return { t, key: w > 0 ? Math.log(rnd() || Number.MIN_VALUE) / w : -Infinity };
  });
  // the largest keys win; zero-weight items all have -Infinity and so come last
  keyed.sort((a, b) => (b.key > a.key ? 1 : b.key < a.key ? -1 : 0));
  return keyed.slice(0, k).map((x) => x.t);
}

/** Gives each item one value, with exactly counts[v] items getting value v (the counts must sum to the items). */
export function deal<T, V>(items: readonly T[], counts: readonly (readonly [V, number])[], rnd: Rnd): Map<T, V> {
  const total = counts.reduce((s, [, n]) => s + n, 0);
  if (total !== items.length) throw new Error(`deal: ${total} values for ${items.length} items`);
  const values: V[] = [];
  for (const [v, n] of counts) for (let i = 0; i < n; i++) values.push(v);
  shuffle(values, rnd);
  return new Map(items.map((t, i) => [t, values[i]]));
}

/** Picks an index with probability proportional to its weight, from cumulative weights. */
export function pickCumulative(cum: readonly number[], rnd: Rnd): number {
  const x = rnd() * cum[cum.length - 1];
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function cumulative(weights: readonly number[]): number[] {
  let s = 0;
  return weights.map((w) => (s += Math.max(0, w)));
}
