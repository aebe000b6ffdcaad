// A multinomial logistic regression (softmax over a linear score per class) on sparse vectors, trained by SGD.
// Explainable: a class's score is the sum of its weights over the text's terms; the largest terms say why.
// Weights are feature-major (w[d * classes + c]): a text's few terms each touch one contiguous run of class weights,
// which keeps scoring and updating in cache with hundreds of classes (class-major was ~10× slower at 300 classes).
import { SparseVector } from './features';

export interface Scored {
  /** index of the class in the model's labels */
  cls: number;
  label: string;
  score: number;
}

export interface SgdOptions {
  /** initial learning rate; decays as lr0 / (1 + t / decaySteps) */
  lr0?: number;
  decaySteps?: number;
  /** L2 penalty, applied to the weights a sample touches (lazy shrinkage) */
  l2?: number;
}

export class SoftmaxModel {
  readonly weights: Float32Array;
  readonly bias: Float32Array;
  private steps = 0;
  private readonly scratch: Float64Array;

  constructor(
    readonly labels: readonly string[],
    readonly dims: number,
    weights?: Float32Array,
    bias?: Float32Array,
  ) {
    if (labels.length < 1) throw new Error('a model needs at least one class');
    this.weights = weights ?? new Float32Array(labels.length * dims);
    this.bias = bias ?? new Float32Array(labels.length);
    if (this.weights.length !== labels.length * dims) throw new Error('weights do not match labels × dims');
    this.scratch = new Float64Array(labels.length);
  }

  /** Raw linear scores per class into the scratch array. */
  private linear(x: SparseVector): Float64Array {
    const C = this.labels.length;
    const z = this.scratch;
    const w = this.weights;
    const { idx, val } = x;
    for (let c = 0; c < C; c++) z[c] = this.bias[c];
    for (let k = 0; k < idx.length; k++) {
      const base = idx[k] * C;
      const v = val[k];
      for (let c = 0; c < C; c++) z[c] += w[base + c] * v;
    }
    return z;
  }

  /** Class probabilities (a fresh array). */
  probabilities(x: SparseVector): Float64Array {
    const z = this.linear(x);
    let max = -Infinity;
    for (let c = 0; c < z.length; c++) if (z[c] > max) max = z[c];
    const p = new Float64Array(z.length);
    let sum = 0;
    for (let c = 0; c < z.length; c++) sum += p[c] = Math.exp(z[c] - max);
    for (let c = 0; c < z.length; c++) p[c] /= sum;
    return p;
  }

  /** The k most probable classes, optionally skipping classes `allowed` rejects (e.g. a category deleted since). */
  top(x: SparseVector, k: number, allowed?: (label: string) => boolean): Scored[] {
    return topOf(this.probabilities(x), this.labels, k, allowed);
  }

  /** One SGD step on one sample whose class is y. */
  step(x: SparseVector, y: number, opts: SgdOptions = {}): void {
    const lr = (opts.lr0 ?? 0.5) / (1 + this.steps++ / (opts.decaySteps ?? 100_000));
    const l2 = opts.l2 ?? 0;
    const C = this.labels.length;
    const p = this.probabilities(x);
    // most classes have p ≈ 0 for a given text: only the others are updated, which keeps a step cheap
    const active: number[] = [];
    for (let c = 0; c < C; c++) {
      const g = p[c] - (c === y ? 1 : 0);
      p[c] = g;
      if (g <= -1e-5 || g >= 1e-5) {
        active.push(c);
        this.bias[c] -= lr * g;
      }
    }
    const w = this.weights;
    const { idx, val } = x;
    for (let k = 0; k < idx.length; k++) {
      const base = idx[k] * C;
      const v = val[k];
      for (const c of active) {
        const j = base + c;
        w[j] -= lr * (p[c] * v + l2 * w[j]);
      }
    }
  }
}

/** The k largest entries of p with their labels. */
export function topOf(p: ArrayLike<number>, labels: readonly string[], k: number, allowed?: (label: string) => boolean): Scored[] {
  const out: Scored[] = [];
  for (let c = 0; c < p.length; c++) {
    if (allowed && !allowed(labels[c])) continue;
    if (out.length < k) {
      out.push({ cls: c, label: labels[c], score: p[c] });
      out.sort((a, b) => b.score - a.score);
    } else if (p[c] > out[k - 1].score) {
      out[k - 1] = { cls: c, label: labels[c], score: p[c] };
      out.sort((a, b) => b.score - a.score);
    }
  }
  return out;
}
