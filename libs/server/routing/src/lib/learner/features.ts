// Text → a sparse, hashed TF-IDF vector: jieba words and character bigrams (the knowledge engine's analyzer), plus
// named context tokens (category, region) for the unit model. Hashing keeps the model a fixed size whatever the
// vocabulary of the center's orders, so it can learn from a stream of rows without a dictionary pass first.
import { Analyzer } from '@hotline/server-knowledge';

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

export interface FeaturizerState {
  bits: number;
  docs: number;
  /** document frequency per dimension; null until fitted */
  df: Uint32Array;
  /** weight of a context token relative to a text term (tokens matter more than any one word) */
  tokenWeight: number;
}

/** Hashes terms into 2^bits dimensions; learns document frequencies (IDF) from the texts it is shown. */
export class Featurizer {
  readonly dims: number;
  private readonly mask: number;
  readonly df: Uint32Array;
  docs: number;
  readonly tokenWeight: number;

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

  /** Sublinear TF × smoothed IDF, L2-normalised; context tokens get a fixed weight instead of TF-IDF. */
  vector(counts: SparseVector): SparseVector {
    const idx = counts.idx;
    const val = new Float32Array(idx.length);
    let norm = 0;
    const n = this.docs;
    for (let i = 0; i < idx.length; i++) {
      const c = counts.val[i];
      const v = c < 0 ? this.tokenWeight : (1 + Math.log(c)) * (Math.log((n + 1) / (this.df[idx[i]] + 1)) + 1);
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
    return { bits: this.bits, docs: this.docs, df: this.df, tokenWeight: this.tokenWeight };
  }
}
