// Trains a text classifier from a stream of labelled rows without holding the stream: rows arrive in chunks (read
// from the database by the worker, or from a file by the benchmark). Every tenth row (by a hash of its key) is held
// out to measure top-1/top-3. Rows are kept as compact vectors up to `cacheRows`, for several SGD epochs over small
// histories; past that the model learns online, one pass, which is plenty with hundreds of thousands of rows.
import { Analyzer } from '@hotline/server-knowledge';
import { FeatureInput, Featurizer, mix32, SparseVector } from './features';
import { SgdOptions, SoftmaxModel } from './softmax-model';

export interface TrainingRow extends FeatureInput {
  /** stable key (the order id): decides the held-out slice */
  key: number;
  label: string;
}

export interface TrainerOptions {
  bits?: number;
  /** passes over a history that fits the cache (default: 10, fewer past 100,000 rows: about a million steps) */
  epochs?: number;
  /** rows kept in memory for multi-epoch training and IDF (default 100,000; ≈ 1 KB each) */
  cacheRows?: number;
  /** 1 in holdoutEvery rows is held out (default 10); 0 holds out none */
  holdoutEvery?: number;
  /** at most this many held-out rows are kept to measure (default 20,000) */
  holdoutMax?: number;
  seed?: number;
  sgd?: SgdOptions;
  tokenWeight?: number;
}

export interface Holdout {
  n: number;
  top1: number;
  top3: number;
}

export interface TrainedClassifier {
  featurizer: Featurizer;
  model: SoftmaxModel;
  samples: number;
  holdout: Holdout;
  /** the held-out rows themselves, to measure the model that serves now on the same slice */
  heldRows: TrainingRow[];
}

/** A deterministic shuffle (xorshift32). */
export function shuffleInPlace<T>(a: T[], seed: number): T[] {
  let s = seed >>> 0 || 1;
  for (let i = a.length - 1; i > 0; i--) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const j = (s >>> 0) % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/**
 * Trains on every chunk of `rows`. Labels are collected in a first pass over the cache; rows of a label first seen
 * after the cache is full are skipped (rare: a category created after the first 100,000 training orders).
 */
export async function trainClassifier(analyzer: Analyzer, rows: AsyncIterable<TrainingRow[]>, options: TrainerOptions = {}): Promise<TrainedClassifier> {
  const bits = options.bits ?? 18;
  const cacheRows = options.cacheRows ?? 100_000;
  const every = options.holdoutEvery ?? 10;
  const holdoutMax = options.holdoutMax ?? 20_000;
  const seed = options.seed ?? 1;
  // tuned on held-out real appeals (bench/routing): 10 epochs from 4, decaying, beat 5–40 epochs from 0.5–8
  const sgd: SgdOptions = { lr0: 4, ...options.sgd };
  const featurizer = new Featurizer(analyzer, bits, undefined, options.tokenWeight);
  const cachedCounts: { tf: SparseVector; label: string }[] = [];
  const held: { tf: SparseVector; label: string }[] = [];
  const heldRows: TrainingRow[] = [];
  let model: SoftmaxModel | null = null;
  let labelIndex = new Map<string, number>();
  let samples = 0;

  const isHeld = (key: number) => every > 0 && mix32(key ^ seed) % every === 0;

  const startModel = () => {
    const labels = [...new Set(cachedCounts.map((r) => r.label))].sort();
    labelIndex = new Map(labels.map((l, i) => [l, i]));
    model = new SoftmaxModel(labels, featurizer.dims);
    const counted = cachedCounts.map((r) => ({ tf: r.tf, y: labelIndex.get(r.label) as number }));
    featurizer.fitScale(counted, labels.length);
    const vectors = counted.map((r) => ({ x: featurizer.vector(r.tf), y: r.y }));
    cachedCounts.length = 0;
    return vectors;
  };

  let online = false;
  for await (const chunk of rows) {
    const segmented = await analyzer.segmentMany(chunk.map((r) => r.text));
    for (let i = 0; i < chunk.length; i++) {
      const r = chunk[i];
      const tf = featurizer.counts(r, segmented[i]);
      if (isHeld(r.key)) {
        if (held.length < holdoutMax) {
          held.push({ tf, label: r.label });
          heldRows.push(r);
        }
        continue;
      }
      samples++;
      if (!online) {
        featurizer.observe(tf);
        cachedCounts.push({ tf, label: r.label });
        if (cachedCounts.length >= cacheRows) {
          // the cache is full: one pass over it, then learn from the rest of the stream as it comes
          const vectors = shuffleInPlace(startModel(), seed);
          for (const v of vectors) (model as unknown as SoftmaxModel).step(v.x, v.y, sgd);
          online = true;
        }
      } else {
        const y = labelIndex.get(r.label);
        if (y !== undefined) (model as unknown as SoftmaxModel).step(featurizer.vector(tf), y, sgd);
      }
    }
  }
  if (!online) {
    if (cachedCounts.length === 0) throw new Error('no rows to learn from');
    const vectors = startModel();
    const m = model as unknown as SoftmaxModel;
    // about a million steps in all: 10 epochs of a small history, fewer of a large one
    const epochs = options.epochs ?? Math.min(10, Math.max(1, Math.ceil(1_000_000 / vectors.length)));
    for (let e = 0; e < epochs; e++) {
      shuffleInPlace(vectors, seed + e);
      for (const v of vectors) m.step(v.x, v.y, sgd);
    }
  }
  const m = model as unknown as SoftmaxModel;
  const holdout = evaluate(
    m,
    held.map((h) => ({ x: featurizer.vector(h.tf), label: h.label })),
  );
  return { featurizer, model: m, samples, holdout, heldRows };
}

/** Top-1 and top-3 accuracy on labelled vectors (a label the model never saw counts as a miss). */
export function evaluate(model: SoftmaxModel, rows: { x: SparseVector; label: string }[]): Holdout {
  let top1 = 0;
  let top3 = 0;
  for (const r of rows) {
    const top = model.top(r.x, 3);
    if (top[0]?.label === r.label) top1++;
    if (top.some((t) => t.label === r.label)) top3++;
  }
  const n = rows.length;
  return { n, top1: n ? top1 / n : 0, top3: n ? top3 / n : 0 };
}
