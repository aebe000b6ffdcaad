import { gzipSync } from 'node:zlib';
import { Analyzer } from '@hotline/server-knowledge';
import { BigramNaiveBayes } from './bigram-nb';
import { decodeRouter, encodeRouter } from './model-codec';
import { Featurizer, type SparseVector } from './features';
import { trainClassifier, TrainingRow } from './trainer';

const analyzer = new Analyzer();
const TOPICS: Record<string, string[]> = {
  water: ['小区停水', '自来水发黄', '水管爆裂漏水', '供水压力不足', '水费收费过高'],
  noise: ['夜间施工噪音', '广场舞音响扰民', '酒吧噪声很大', '装修电钻吵闹', '工地噪音影响休息'],
  school: ['学校乱收费', '孩子入学难', '学区划分不合理', '幼儿园收费过高', '教师体罚学生'],
};
const PLACES = ['海州区', '连云区', '赣榆区', '灌云县', '东海县', '新浦街道', '朝阳街道'];

function rows(n: number): TrainingRow[] {
  const out: TrainingRow[] = [];
  const labels = Object.keys(TOPICS);
  for (let i = 0; i < n; i++) {
    const label = labels[i % labels.length];
    const phrases = TOPICS[label];
    const text = `${PLACES[i % PLACES.length]}居民反映${phrases[i % phrases.length]}，${phrases[(i * 7) % phrases.length]}，请尽快处理`;
    out.push({ key: i + 1, text, label, tokens: [`r:${i % PLACES.length}`] });
  }
  return out;
}
async function* chunked(all: TrainingRow[], size = 50) {
  for (let i = 0; i < all.length; i += size) yield all.slice(i, i + size);
}

describe('routing learner', () => {
  it('learns categories from text and measures itself on rows it held out', async () => {
    const r = await trainClassifier(analyzer, chunked(rows(600)), { bits: 14, epochs: 5 });
    expect(r.samples + r.holdout.n).toBe(600);
    expect(r.holdout.n).toBeGreaterThan(30);
    expect(r.holdout.top1).toBeGreaterThan(0.95);
    const top = r.model.top(r.featurizer.featurize({ text: '楼上装修电钻声音太吵' }), 3);
    expect(top[0].label).toBe('noise');
    expect(top.map((t) => t.label).sort()).toEqual(['noise', 'school', 'water']);
    // a label the caller refuses (a category deleted since) is never returned
    expect(r.model.top(r.featurizer.featurize({ text: '楼上装修电钻声音太吵' }), 3, (l) => l !== 'noise').map((t) => t.label)).not.toContain('noise');
  });

  it('learns online past its cache and still predicts', async () => {
    const r = await trainClassifier(analyzer, chunked(rows(900)), { bits: 14, cacheRows: 300 });
    expect(r.holdout.top1).toBeGreaterThan(0.9);
    expect(r.model.labels).toEqual(['noise', 'school', 'water']);
  });

  it('round-trips through bytes with the same predictions', async () => {
    const cats = await trainClassifier(analyzer, chunked(rows(300)), { bits: 12, epochs: 3 });
    const parts = encodeRouter({ categories: cats, units: null });
    const back = decodeRouter(parts, analyzer);
    const x = '自来水管漏水';
    const a = cats.model.probabilities(cats.featurizer.featurize({ text: x }));
    const b = back.categories.model.probabilities(back.categories.featurizer.featurize({ text: x }));
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(back.units).toBeNull();
  });

  it('stores the fitted scale and single characters with the model', async () => {
    const cats = await trainClassifier(analyzer, chunked(rows(300)), { bits: 12, epochs: 3 });
    expect(cats.featurizer.unigrams).toBe(true);
    expect(cats.featurizer.scale).not.toBeNull();
    const back = decodeRouter(encodeRouter({ categories: cats, units: null }), analyzer).categories.featurizer;
    expect(back.unigrams).toBe(true);
    expect(Array.from(back.scale ?? [])).toEqual(Array.from(cats.featurizer.scale ?? []));
  });

  it('scales a term one class owns above a term every class uses alike, and drops terms never seen', () => {
    const f = new Featurizer(analyzer, 10);
    const doc = (dims: number[]): SparseVector => ({ idx: Int32Array.from(dims), val: Float32Array.from(dims, () => 1) });
    // dimension 1: in every document of both classes; dimension 2: only in class 0's
    const fitted = [doc([1, 2]), doc([1, 2]), doc([1, 2]), doc([1, 3]), doc([1, 3]), doc([1, 3])].map((tf, i) => ({ tf, y: i < 3 ? 0 : 1 }));
    fitted.forEach((r) => f.observe(r.tf));
    f.fitScale(fitted, 2);
    const scale = f.scale as Float32Array;
    expect(scale[2]).toBeGreaterThan(scale[1]);
    expect(scale[1]).toBeLessThan(0.01);
    expect(scale[4]).toBe(0);
    const v = f.vector(doc([2, 4]));
    expect(v.val[1]).toBe(0);
    expect(v.val[0]).toBeCloseTo(1, 5);
  });

  it('goes on reading a model stored before single characters and the scale (format 2)', () => {
    const bits = 8;
    const dims = 1 << bits;
    const header = Buffer.from(JSON.stringify({ format: 2, classifiers: [{ name: 'categories', bits, docs: 1, tokenWeight: 3, labels: ['a', 'b'] }] }));
    const len = Buffer.alloc(4);
    len.writeUInt32LE(header.length);
    const df = new Uint32Array(dims).fill(1);
    const bias = Float32Array.from([0.5, -0.5]);
    const weights = new Float32Array(2 * dims);
    const bytes = (a: Uint32Array | Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    const old = decodeRouter([gzipSync(Buffer.concat([len, header, bytes(df), bytes(bias), bytes(weights)]))], analyzer);
    expect(old.categories.featurizer.unigrams).toBe(false);
    expect(old.categories.featurizer.scale).toBeNull();
    // no character terms: a text of one character has no word or bigram, so nothing at all
    expect(old.categories.featurizer.featurize({ text: '水' }).idx.length).toBe(0);
    expect(old.categories.model.top(old.categories.featurizer.featurize({ text: '停水' }), 1)[0].label).toBe('a');
  });

  it('weights context tokens apart from text terms', () => {
    const f = new Featurizer(analyzer, 12);
    const v = f.featurize({ text: '停水', tokens: ['c:1'] });
    expect(v.idx.length).toBeGreaterThanOrEqual(2);
    let norm = 0;
    v.val.forEach((x) => (norm += x * x));
    expect(norm).toBeCloseTo(1, 5);
  });

  it('has a naive Bayes baseline over character pairs', () => {
    const nb = new BigramNaiveBayes();
    for (const r of rows(300)) nb.add(r.text, r.label);
    expect(nb.top('学校收费太高', 1)[0].label).toBe('school');
  });

  it('refuses to train on nothing', async () => {
    await expect(trainClassifier(analyzer, chunked([]))).rejects.toThrow('no rows');
  });
});
