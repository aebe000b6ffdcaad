// Text → a sparse, hashed TF-IDF vector: jieba words, single characters and character bigrams (the knowledge engine's
// analyzer), plus named context tokens (category, region) for the unit model; each dimension then scaled by how well
// it tells the classes apart in the history (a naive-Bayes log-count ratio, as in Wang & Manning's NBSVM). Hashing keeps the model a fixed size whatever the
// vocabulary of the center's orders, so it can learn from a stream of rows without a dictionary pass first.
import { Analyzer, isCjk } from '@hotline/server-knowledge';

/** A sparse vector: parallel arrays of distinct dimensions (ascending) and their values. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

/** What the featurizer turns into features: the text, and tokens that are not words (e.g. `c:12`, `r:3`). */
export interface FeatureInput {
  text: string;
  tokens?: readonly string[];
}

/** FNV-1a over a string's UTF-16 units, then a murmur finaliser so the low bits mix well. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** murmur3's 32-bit finaliser. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const BIGRAM_SEED = 0x9e3779b9;
const TOKEN_SEED = 0x7f4a7c15;
const UNIGRAM_SEED = 0x2545f491;
/** Laplace smoothing of the per-class term counts behind the scale (tuned on held-out appeals in bench/routing). */
const RATIO_ALPHA = 1;
const RATIO_PRIOR = 1000;

export interface FeaturizerState {
  bits: number;
  docs: number;
  /** document frequency per dimension; null until fitted */
  df: Uint32Array;
  /** weight of a context token relative to a text term (tokens matter more than any one word) */
  tokenWeight: number;
  /** single CJK characters are terms too (models trained before this existed did without) */
  unigrams?: boolean;
  /** per-dimension discriminative weight, fitted on the training rows (fitScale); null: none */
  scale?: Float32Array | null;
}

/** Hashes terms into 2^bits dimensions; learns document frequencies (IDF) from the texts it is shown. */
export class Featurizer {
  readonly dims: number;
  private readonly mask: number;
  readonly df: Uint32Array;
  docs: number;
  readonly tokenWeight: number;
  readonly unigrams: boolean;
  scale: Float32Array | null;

  constructor(
    readonly analyzer: Analyzer,
    readonly bits = 18,
    state?: Omit<FeaturizerState, 'bits'>,
    tokenWeight = 3,
  ) {
    this.dims = 1 << bits;
    this.mask = this.dims - 1;
    this.df = state?.df ?? new Uint32Array(this.dims);
    this.docs = state?.docs ?? 0;
    this.tokenWeight = state?.tokenWeight ?? tokenWeight;
    // a new featurizer uses single characters; a stored one only if it was trained with them
    this.unigrams = state ? state.unigrams === true : true;
    this.scale = state?.scale ?? null;
    if (this.scale && this.scale.length !== this.dims) throw new Error(`scale has ${this.scale.length} dimensions, expected ${this.dims}`);
    if (this.df.length !== this.dims) throw new Error(`df has ${this.df.length} dimensions, expected ${this.dims}`);
  }

  /**
   * Term counts of one input, before IDF, as a compact sparse vector (a context token counts -1: weighted apart).
   * Pass the tokens when segmented already (segmentMany). Compact, because the trainer keeps many of them.
   */
  counts(input: FeatureInput, segmented?: readonly string[]): SparseVector {
    const { words, bigrams } = this.analyzer.analyze(input.text, segmented);
    const tf = new Map<number, number>();
    const add = (d: number, w: number) => tf.set(d, (tf.get(d) ?? 0) + w);
    for (const w of words) add(hashString(w) & this.mask, 1);
    for (const b of bigrams) add(mix32(b ^ BIGRAM_SEED) & this.mask, 1);
    if (this.unigrams) {
      const text = input.text;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (isCjk(c)) add(mix32(c ^ UNIGRAM_SEED) & this.mask, 1);
      }
    }
    for (const t of input.tokens ?? []) add(hashString(t, TOKEN_SEED) & this.mask, -1);
    const idx = new Int32Array([...tf.keys()].sort((a, b) => a - b));
    const val = new Float32Array(idx.length);
    for (let i = 0; i < idx.length; i++) val[i] = tf.get(idx[i]) as number;
    return { idx, val };
  }

  /** Counts a document's dimensions for IDF. */
  observe(counts: SparseVector): void {
    this.docs++;
    for (let i = 0; i < counts.idx.length; i++) this.df[counts.idx[i]]++;
  }

  /**
   * Fits the per-dimension scale on the rows the IDF was observed on (their term counts and class indices): for each
   * dimension, the largest |log(P(term | class) / P(term | other classes))| over the classes, smoothed. A term every
   * class uses alike weighs little; a term one class owns weighs much. One class at a time, so that the memory is two
   * arrays of the dimensions whatever the number of classes.
   */
  fitScale(rows: readonly { tf: SparseVector; y: number }[], classes: number): void {
    const perClass = new Float64Array(classes);
    const byClass: number[][] = Array.from({ length: classes }, () => []);
    rows.forEach((r, i) => {
      byClass[r.y].push(i);
      perClass[r.y] += r.tf.idx.length;
    });
    const all = perClass.reduce((a, b) => a + b, 0);
    const presence = new Uint32Array(this.dims); // documents with the term, over the fitted rows
    for (const r of rows) for (let k = 0; k < r.tf.idx.length; k++) presence[r.tf.idx[k]]++;
    const scale = new Float32Array(this.dims);
    const inClass = new Uint32Array(this.dims);
    for (let c = 0; c < classes; c++) {
      inClass.fill(0);
      for (const i of byClass[c]) {
        const idx = rows[i].tf.idx;
        for (let k = 0; k < idx.length; k++) inClass[idx[k]]++;
      }
      const own = perClass[c] + RATIO_PRIOR;
      const rest = all - perClass[c] + RATIO_PRIOR;
      for (let d = 0; d < this.dims; d++) {
        const s = presence[d];
        if (s === 0) continue;
        const n = inClass[d];
        const r = Math.abs(Math.log(((n + RATIO_ALPHA) / own) * (rest / (s - n + RATIO_ALPHA))));
        if (r > scale[d]) scale[d] = r;
      }
    }
    this.scale = scale;
  }

  /**
   * Sublinear TF × smoothed IDF (× the fitted scale), L2-normalised; context tokens get a fixed weight instead of
   * TF-IDF. A dimension the fitted rows never had scales to 0: no weight was learnt for it anyway.
   */
  vector(counts: SparseVector): SparseVector {
    const idx = counts.idx;
    const val = new Float32Array(idx.length);
    let norm = 0;
    const n = this.docs;
    const scale = this.scale;
    for (let i = 0; i < idx.length; i++) {
      const c = counts.val[i];
      let v = c < 0 ? this.tokenWeight : (1 + Math.log(c)) * (Math.log((n + 1) / (this.df[idx[i]] + 1)) + 1);
      if (scale) v *= scale[idx[i]];
      val[i] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < val.length; i++) val[i] /= norm;
    return { idx, val };
  }

  /** counts + vector, for one input at suggestion time. */
  featurize(input: FeatureInput): SparseVector {
    return this.vector(this.counts(input));
  }

  state(): FeaturizerState {
    return { bits: this.bits, docs: this.docs, df: this.df, tokenWeight: this.tokenWeight, unigrams: this.unigrams, scale: this.scale };
  }
}
