// The last step of ranking: the raw BM25F scores of the touched articles get the freshness, region and category
// boosts, expired (and not yet valid) ones and those far below the best are dropped, and a heap keeps the best k.
import { RankingConfig } from './types';

export interface Candidate {
  slot: number;
  score: number;
}

/** What the boosts need to know of the articles, by slot. */
export interface SlotMeta {
  readonly validFrom: readonly number[];
  readonly validTo: readonly number[];
  readonly updated: readonly number[];
  readonly cats: readonly (readonly string[])[];
  readonly regions: readonly (readonly string[])[];
}

export interface TopKQuery {
  k: number;
  nowMs: number;
  /** the chosen category and the caller's region, as strings; null for none */
  cat: string | null;
  region: string | null;
  /** hits scoring below this fraction of the best are dropped */
  minRelative: number;
}

/**
 * The best k of the touched slots, best first, and how many passed the cutoffs. Resets the touched slots' scores to
 * zero (the scores array is reused by the next query).
 */
export function selectTop(
  touched: readonly number[],
  scores: Float64Array,
  meta: SlotMeta,
  cfg: RankingConfig,
  q: TopKQuery,
): { top: Candidate[]; total: number } {
  const { k, nowMs, cat, region } = q;
  const halfLifeMs = cfg.freshnessHalfLifeDays * 86_400_000;
  const finals = new Float64Array(touched.length);
  let best = 0;
  for (let i = 0; i < touched.length; i++) {
    const slot = touched[i];
    let s = scores[slot];
    scores[slot] = 0;
    if (s <= 0 || meta.validTo[slot] < nowMs || meta.validFrom[slot] > nowMs) continue;
    const age = Math.max(0, nowMs - meta.updated[slot]);
    s *= 1 + cfg.freshnessBoost * Math.pow(2, -age / halfLifeMs);
    if (region !== null && meta.regions[slot].length && meta.regions[slot].includes(region)) s *= 1 + cfg.regionBoost;
    if (cat !== null && meta.cats[slot].length && meta.cats[slot].includes(cat)) s *= 1 + cfg.categoryBoost;
    finals[i] = s;
    if (s > best) best = s;
  }
  const cutoff = Math.max(best * q.minRelative, Number.MIN_VALUE);
  let total = 0;
  const heap: Candidate[] = [];
  for (let i = 0; i < touched.length; i++) {
    const score = finals[i];
    if (score < cutoff) continue;
    total++;
    if (heap.length < k) {
      heap.push({ slot: touched[i], score });
      siftUp(heap, heap.length - 1);
    } else if (score > heap[0].score || (score === heap[0].score && touched[i] < heap[0].slot)) {
      heap[0] = { slot: touched[i], score };
      siftDown(heap, 0);
    }
  }
  heap.sort((x, y) => (better(x, y) ? -1 : better(y, x) ? 1 : 0));
  return { top: heap, total };
}

/** Higher score first; equal scores: the article added first (stable across runs). */
export function better(a: Candidate, b: Candidate): boolean {
  return a.score > b.score || (a.score === b.score && a.slot < b.slot);
}

// min-heap on "better": heap[0] is the worst of the kept
export function siftUp(h: Candidate[], i: number): void {
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!better(h[p], h[i])) break;
    [h[p], h[i]] = [h[i], h[p]];
    i = p;
  }
}

export function siftDown(h: Candidate[], i: number): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < h.length && better(h[m], h[l])) m = l;
    if (r < h.length && better(h[m], h[r])) m = r;
    if (m === i) break;
    [h[m], h[i]] = [h[i], h[m]];
    i = m;
  }
}
