// Routing benchmark: the learner of libs/server/routing on real appeals it has never seen, against the baseline the
// issue names (naive Bayes over character pairs), on three held-out splits; the suggestion's latency; and training on
// a stream of synthetic orders at the scale of a city (time and memory), fed in chunks as the worker reads them; and
// the in-memory part of one suggestion (both models + the similar-orders index of a quarter's orders).
//
//   node bench/routing/run.mjs [--data FILE] [--rows 1000000] [--classes 300] [--recent 210000]
//                              [--skip-scale] [--skip-quality] [--skip-suggest]
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Analyzer } from '@hotline/server-knowledge';
import { BigramNaiveBayes, bitsFor, mix32, RecentTextIndex, trainClassifier, unitTokens, type TrainingRow } from '@hotline/server-routing';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const flag = (name: string) => process.argv.includes(`--${name}`);
const ROOT = path.resolve(__dirname, '../..');
const DATA = arg('data', process.env['ROUTING_BENCH_DATA'] ?? path.resolve(ROOT, '../shared/data/appeals-tipdm2020-train.jsonl'));
const MESSAGES = arg('messages', path.resolve(path.dirname(DATA), 'appeals-tipdm2020-messages.jsonl'));
const SEEDS = [1, 2, 3];
const HOLD = 5; // 1 in 5 held out

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const fmt = (x: number) => (x * 100).toFixed(2) + '%';

async function* chunked<T>(rows: Iterable<T>, size: number): AsyncGenerator<T[]> {
  let buf: T[] = [];
  for (const r of rows) {
    buf.push(r);
    if (buf.length === size) {
      yield buf;
      buf = [];
    }
  }
  if (buf.length) yield buf;
}

function labelled(): TrainingRow[] {
  return readFileSync(DATA, 'utf8')
    .trim()
    .split('\n')
    .map((l, i) => {
      const j = JSON.parse(l) as { text: string; label: string };
      return { key: i + 1, text: j.text, label: j.label };
    });
}

async function quality(analyzer: Analyzer) {
  const rows = labelled();
  const out = [];
  for (const seed of SEEDS) {
    const train: TrainingRow[] = [];
    const test: TrainingRow[] = [];
    for (const r of rows) (mix32(r.key ^ seed) % HOLD === 0 ? test : train).push(r);
    const t0 = performance.now();
    const learned = await trainClassifier(analyzer, chunked(train, 5000), { holdoutEvery: 0, seed });
    const trainMs = performance.now() - t0;
    const t1 = performance.now();
    const nb = new BigramNaiveBayes();
    for (const r of train) nb.add(r.text, r.label);
    const nbTrainMs = performance.now() - t1;
    let l1 = 0,
      l3 = 0,
      n1 = 0,
      n3 = 0;
    const lat: number[] = [];
    const nbLat: number[] = [];
    for (const r of test) {
      const a = performance.now();
      const top = learned.model.top(learned.featurizer.featurize(r), 3);
      lat.push(performance.now() - a);
      const b = performance.now();
      const nbTop = nb.top(r.text, 3);
      nbLat.push(performance.now() - b);
      if (top[0].label === r.label) l1++;
      if (top.some((t) => t.label === r.label)) l3++;
      if (nbTop[0].label === r.label) n1++;
      if (nbTop.some((t) => t.label === r.label)) n3++;
    }
    const n = test.length;
    out.push({
      seed,
      train: train.length,
      test: n,
      learner: { top1: l1 / n, top3: l3 / n, trainMs: Math.round(trainMs), p50Ms: pct(lat, 50), p95Ms: pct(lat, 95) },
      baseline: { top1: n1 / n, top3: n3 / n, trainMs: Math.round(nbTrainMs), p50Ms: pct(nbLat, 50), p95Ms: pct(nbLat, 95) },
    });
    console.log(
      `seed ${seed}: learner top-1 ${fmt(l1 / n)} top-3 ${fmt(l3 / n)} | NB top-1 ${fmt(n1 / n)} top-3 ${fmt(n3 / n)} | classify p95 ${pct(lat, 95).toFixed(2)} ms (NB ${pct(nbLat, 95).toFixed(2)} ms) | ${n} held out`,
    );
  }
  const mean = (f: (r: (typeof out)[number]) => number) => out.reduce((s, r) => s + f(r), 0) / out.length;
  const summary = {
    learnerTop1: mean((r) => r.learner.top1),
    learnerTop3: mean((r) => r.learner.top3),
    baselineTop1: mean((r) => r.baseline.top1),
    baselineTop3: mean((r) => r.baseline.top3),
    classifyP95Ms: Math.max(...out.map((r) => r.learner.p95Ms)),
  };
  console.log(
    `mean of ${SEEDS.length} splits: learner ${fmt(summary.learnerTop1)} / ${fmt(summary.learnerTop3)}, NB ${fmt(summary.baselineTop1)} / ${fmt(summary.baselineTop3)}`,
  );
  return { runs: out, summary };
}

/** Synthetic orders: each class has its own words, shared filler, and a region; like a center's history in shape. */
function* synthetic(n: number, classes: number): Generator<TrainingRow> {
  const chars = '停水噪音施工道路积水路灯垃圾占道经营物业小区供暖燃气公交出租学校医院社保公积金拆迁房屋漏水违建油烟污染绿化排水井盖电梯';
  // three characters per word, picked by a hash of (class, slot): distinct words for every class
  const word = (c: number, k: number) => [1, 2, 3].map((j) => chars[mix32(c * 131 + k * 17 + j) % chars.length]).join('');
  const filler = ['市民反映', '希望尽快处理', '已经很长时间', '影响正常生活', '多次反映未果', '请相关部门核实'];
  for (let i = 1; i <= n; i++) {
    const c = mix32(i) % classes;
    const own = [0, 1, 2, 3].map((k) => word(c, (mix32(i * 31 + k) % 6) + k)).join('');
    yield { key: i, label: String(c), text: `${filler[i % filler.length]}${own}${filler[(i >> 3) % filler.length]}第${i % 97}号` };
  }
}

async function scale(analyzer: Analyzer, rows: number, classes: number) {
  let peakRss = process.memoryUsage().rss;
  const base = peakRss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  // baseline in the same go: segmenting the same rows, which any learner over words must do
  const s0 = performance.now();
  for await (const chunk of chunked(synthetic(Math.min(rows, 100_000), classes), 5000)) await analyzer.segmentMany(chunk.map((r) => r.text));
  const segPer100k = performance.now() - s0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await trainClassifier(analyzer, chunked(synthetic(rows, classes), 5000), { bits: bitsFor(classes) });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  clearInterval(timer);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const res = {
    rows,
    classes,
    bits: bitsFor(classes),
    trainS: +(ms / 1000).toFixed(1),
    cpuS: +((cpu.user + cpu.system) / 1e6).toFixed(1),
    peakRssMb: Math.round(peakRss / 2 ** 20),
    startRssMb: Math.round(base / 2 ** 20),
    segmentOnlyPer100kS: +(segPer100k / 1000).toFixed(2),
    ratioToSegmentOnly: +(ms / ((segPer100k * rows) / 100_000)).toFixed(2),
    holdout: r.holdout,
  };
  console.log(
    `training on ${rows} synthetic orders, ${classes} classes: ${res.trainS} s (${res.cpuS} s CPU), peak RSS ${res.peakRssMb} MB; segmenting alone ${res.segmentOnlyPer100kS} s per 100k (×${res.ratioToSegmentOnly}); held-out top-1 ${fmt(r.holdout.top1)}`,
  );
  return res;
}

/**
 * What one `POST /api/routing/suggest` computes in memory, at a city's volume: the category model (top 3), the unit
 * model (54 units, with the category and region tokens), and the similar-orders index holding a quarter's orders
 * (`--recent`, 210,000 ≈ Lianyungang's 2020 volume over 90 days: text cosine, same address, same category nearby).
 * Queries are the raw messages (title + detail, as typed), none of them in the index. Not included: the two indexed
 * SQL lookups of the endpoint (orders by phone, the hits' numbers) and HTTP. Baseline in the same go: the category
 * model alone.
 */
async function suggestPath(analyzer: Analyzer, recent: number) {
  const rows = labelled();
  const units = 54;
  const labelIds = [...new Set(rows.map((r) => r.label))].sort();
  const categoryOf = (r: TrainingRow) => labelIds.indexOf(r.label) + 1;
  const regionOf = (key: number) => (mix32(key * 7) % 11) + 1;
  const cats = await trainClassifier(analyzer, chunked(rows, 5000), { holdoutEvery: 0 });
  const unitRows = rows.map((r) => ({
    key: r.key,
    text: r.text,
    tokens: unitTokens(categoryOf(r), regionOf(r.key)),
    label: String((categoryOf(r) * 7 + (mix32(r.key) % 8)) % units),
  }));
  const unitModel = await trainClassifier(analyzer, chunked(unitRows, 5000), { holdoutEvery: 0 });
  // the index: the labelled texts again and again with a place, an address and a date in the last 90 days
  const places = ['海州区', '连云区', '赣榆区', '东海县', '灌云县', '灌南县', '开发区', '徐圩新区'];
  // the heap and the typed arrays' own buffers (not in heapUsed)
  const used = () => (global.gc?.(), process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers);
  const heap0 = used();
  const index = new RecentTextIndex();
  const now = Date.now();
  const i0 = performance.now();
  for (let id = 1; id <= recent; id++) {
    const r = rows[mix32(id) % rows.length];
    const place = places[id % places.length];
    index.add(
      {
        id,
        categoryId: (mix32(id * 3) % 485) + 1,
        regionId: regionOf(id),
        addressKey: `${place}${mix32(id * 5) % 3000}路${id % 200}号`,
        createdAt: now - (mix32(id * 11) % (90 * 86_400_000)),
      },
      `${place}${r.text}`,
    );
  }
  const indexS = (performance.now() - i0) / 1000;
  const indexMb = Math.round((used() - heap0) / 2 ** 20);
  const queries = readFileSync(MESSAGES, 'utf8')
    .trim()
    .split('\n')
    .slice(0, 1000)
    .map((l) => {
      const j = JSON.parse(l) as { title: string; detail: string };
      return `${j.title}\n${j.detail}`.slice(0, 5000);
    });
  const full: number[] = [];
  const alone: number[] = [];
  const parts = { models: [] as number[], addressCategory: [] as number[], text: [] as number[] };
  for (const [i, text] of queries.entries()) {
    const a = performance.now();
    cats.model.top(cats.featurizer.featurize({ text }), 3);
    alone.push(performance.now() - a);
    const b = performance.now();
    const top = cats.model.top(cats.featurizer.featurize({ text }), 3);
    const categoryId = labelIds.indexOf(top[0].label) + 1;
    unitModel.model.top(unitModel.featurizer.featurize({ text, tokens: unitTokens(categoryId, regionOf(i)) }), 4);
    const c = performance.now();
    index.byAddressKey(`${places[i % places.length]}${i}路1号`);
    index.sameCategory(categoryId, regionOf(i), now - 3 * 86_400_000, 5);
    const d = performance.now();
    index.similarText(text, 10);
    const e = performance.now();
    full.push(e - b);
    parts.models.push(c - b);
    parts.addressCategory.push(d - c);
    parts.text.push(e - d);
  }
  const res = {
    recent,
    queries: queries.length,
    meanChars: Math.round(queries.reduce((s, q) => s + q.length, 0) / queries.length),
    indexBuildS: +indexS.toFixed(1),
    indexMb,
    heapMb: Math.round(used() / 2 ** 20),
    p50Ms: +pct(full, 50).toFixed(2),
    p95Ms: +pct(full, 95).toFixed(2),
    p99Ms: +pct(full, 99).toFixed(2),
    baselineP95Ms: +pct(alone, 95).toFixed(2),
    partsP95Ms: Object.fromEntries(Object.entries(parts).map(([k, xs]) => [k, +pct(xs, 95).toFixed(2)])),
  };
  console.log(
    `suggest path over ${recent} recent orders (${res.queries} messages, ${res.meanChars} chars on average): p50 ${res.p50Ms} ms, p95 ${res.p95Ms} ms, p99 ${res.p99Ms} ms; category model alone p95 ${res.baselineP95Ms} ms; index built in ${res.indexBuildS} s and ${res.indexMb} MB, memory in all ${res.heapMb} MB; p95 of the parts ${JSON.stringify(res.partsP95Ms)}`,
  );
  return res;
}

(async () => {
  const analyzer = new Analyzer();
  const load0 = os.loadavg();
  console.log(`${os.cpus().length} CPUs, load ${load0.map((x) => x.toFixed(2)).join(' ')}; data ${DATA}`);
  const q = flag('skip-quality') ? null : await quality(analyzer);
  const sg = flag('skip-suggest') ? null : await suggestPath(analyzer, Number(arg('recent', '210000')));
  const s = flag('skip-scale') ? null : await scale(analyzer, Number(arg('rows', '1000000')), Number(arg('classes', '300')));
  const result = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadBefore: load0, loadAfter: os.loadavg(), node: process.version },
    quality: q,
    suggest: sg,
    scale: s,
  };
  mkdirSync(path.join(ROOT, 'bench/routing/results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench/routing/results/latest.json'), JSON.stringify(result, null, 2));
  console.log(
    `load after ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
