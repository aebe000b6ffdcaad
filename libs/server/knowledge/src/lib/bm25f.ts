// BM25F accumulation: one query term's postings add their saturated, length-normalised field frequencies to the
// articles' scores. Pure over arrays; the state is made once per query, nothing is allocated per posting.
import { LENS, TF_MAX } from './ranking';
import { RankingConfig } from './types';

/** One query's scoring state: the per-slot score array and everything the inner loop reads. */
export interface Bm25fState {
  /** raw scores by slot, all zero except the touched slots */
  readonly scores: Float64Array;
  /** the slots whose score became non-zero, in the order they did */
  readonly touched: number[];
  /** average field lengths (LENS of them: words of the three fields, then bigrams) */
  readonly avg: Float64Array;
  /** field lengths by slot, LENS per slot */
  readonly lens: readonly number[];
  readonly alive: readonly boolean[];
  readonly k1: number;
  readonly wT: number;
  readonly wK: number;
  readonly wA: number;
  readonly bT: number;
  readonly bA: number;
}

export function bm25fState(
  cfg: RankingConfig,
  scores: Float64Array,
  lens: readonly number[],
  alive: readonly boolean[],
  lenTotals: Float64Array,
  aliveCount: number,
): Bm25fState {
  const avg = new Float64Array(LENS);
  for (let f = 0; f < LENS; f++) avg[f] = Math.max(1e-9, lenTotals[f] / Math.max(1, aliveCount));
  return {
    scores,
    touched: [],
    avg,
    lens,
    alive,
    k1: cfg.k1,
    wT: cfg.titleWeight,
    wK: cfg.keywordWeight,
    wA: cfg.answerWeight,
    bT: cfg.titleB,
    bA: cfg.answerB,
  };
}

/**
 * Adds postings [from, to) of docs/tfs (slots and packed field frequencies) to the scores. base is 0 for a word,
 * FIELDS for a bigram (which lengths normalise); qw is the query weight × idf × (k1 + 1).
 */
export function accumulate(s: Bm25fState, docs: ArrayLike<number>, tfs: ArrayLike<number>, from: number, to: number, base: number, qw: number): void {
  const { scores, touched, lens, alive, k1, wT, wK, wA, bT, bA } = s;
  const aT = s.avg[base];
  const aK = s.avg[base + 1];
  const aA = s.avg[base + 2];
  for (let j = from; j < to; j++) {
    const slot = docs[j];
    if (!alive[slot]) continue;
    const p = tfs[j];
    const tT = p & TF_MAX;
    const tK = (p >>> 10) & TF_MAX;
    const tA = p >>> 20;
    const o = slot * LENS + base;
    let tf = 0;
    if (tT) tf += (wT * tT) / (1 - bT + (bT * lens[o]) / aT);
    if (tK) tf += (wK * tK) / (1 - bT + (bT * lens[o + 1]) / aK);
    if (tA) tf += (wA * tA) / (1 - bA + (bA * lens[o + 2]) / aA);
    if (scores[slot] === 0) touched.push(slot);
    scores[slot] += (qw * tf) / (k1 + tf);
  }
}
