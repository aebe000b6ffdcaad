// The in-memory inverted index of the knowledge base. Every API process builds its own from the article rows
// (rebuild) and applies changes one article at a time (upsert/remove); nothing is serialised, the database stays
// the only copy. Ranking: BM25F over jieba words plus BM25F over character bigrams, title and questions weighted
// above keywords above the answer, then small multiplicative boosts for freshness, the caller's region and the
// chosen category. Expired (and not yet valid) articles are never returned.
import { Analyzer, AnalyzerOptions, UserWord, bigramText } from './analyzer';
import { KnowledgeQueryError } from './errors';
import { HighlightTerm, highlightAll, snippet } from './highlight';
import { IntMap } from './int-map';
import { KnowledgeArticleRow, RankingConfig, SearchHit, SearchOptions, SearchResult, SuggestInput, Suggestion } from './types';
import { codePointLength } from './text';

/** Longest appeal text suggest() takes, in characters. */
export const MAX_QUERY_CHARS = 5000;
/** Longest keyword query search() takes, in characters. */
export const MAX_SEARCH_CHARS = 500;
/** search() pages reach this many hits at most (page × pageSize). */
export const MAX_SEARCH_DEPTH = 1000;

// tuned on the development split of bench/knowledge (coordinate search; differences of a point or less ignored)
export const DEFAULT_RANKING: RankingConfig = {
  k1: 1.6,
  titleWeight: 5,
  keywordWeight: 2,
  answerWeight: 1,
  titleB: 0.5,
  answerB: 0.9,
  bigramWeight: 1,
  synonymWeight: 0.8,
  maxQueryWords: 60,
  maxQueryBigrams: 100,
  qtfExponent: 0.5,
  freshnessBoost: 0.05,
  freshnessHalfLifeDays: 365,
  regionBoost: 0.15,
  categoryBoost: 0.2,
  minRelativeScore: 0.2,
};

export interface KnowledgeIndexOptions extends AnalyzerOptions {
  /** the answer's words are taken from its first this many characters (bigrams from all of it); default 400 */
  answerWordChars?: number;
  ranking?: Partial<RankingConfig>;
  /** the clock (expiry, freshness); tests pass a fixed one */
  now?: () => Date;
  /** an analyzer to share (then the analyzer options above are ignored) */
  analyzer?: Analyzer;
}

// term frequencies of the three fields packed in one number: title | keywords << 10 | answer << 20
const TF_MAX = 1023;
const FIELDS = 3; // title (+ questions), keywords, answer
const LENS = 6; // word lengths of the three fields, then bigram lengths

interface QueryTerm {
  id: number;
  bigram: boolean;
  weight: number;
  idf: number;
  text: string;
}

interface Candidate {
  slot: number;
  score: number;
}

function toMs(v: Date | string | null | undefined, fallback: number): number {
  if (v == null) return fallback;
  const ms = v instanceof Date ? v.getTime() : Date.parse(v);
  return Number.isFinite(ms) ? ms : fallback;
}

function fieldTexts(row: KnowledgeArticleRow): [string, string, string] {
  return [[row.title, ...(row.questions ?? [])].join('。'), (row.keywords ?? []).join('，'), row.answer ?? ''];
}

export class KnowledgeIndex {
  readonly analyzer: Analyzer;
  readonly ranking: RankingConfig;
  private readonly now: () => Date;
  private readonly answerWordChars: number;

  private wordIds = new Map<string, number>();
  private bigramIds = new IntMap(1 << 16);
  private termCount = 0;
  private df = new Int32Array(1024);
  private tfScratch = new Int32Array(1024);
  // postings from the last rebuild, compressed rows: term t's are [baseOff[t], baseOff[t + 1]) of baseDocs/baseTfs
  private baseTerms = 0;
  private baseOff = new Int32Array(1);
  private baseDocs = new Int32Array(0);
  private baseTfs = new Int32Array(0);
  private baseSlots = 0;
  // postings of the articles upserted since
  private deltaDocs = new Map<number, number[]>();
  private deltaTfs = new Map<number, number[]>();
  private deltaPostings = 0;
  private deadDelta = 0;

  private slotOf = new Map<string, number>();
  private rows: (KnowledgeArticleRow | null)[] = [];
  private lens: number[] = [];
  private validFrom: number[] = [];
  private validTo: number[] = [];
  private updated: number[] = [];
  private cats: string[][] = [];
  private regions: string[][] = [];
  private alive: boolean[] = [];
  private aliveCount = 0;
  private lenTotals = new Float64Array(LENS);
  private scores = new Float64Array(0);

  constructor(options: KnowledgeIndexOptions = {}) {
    this.analyzer = options.analyzer ?? new Analyzer(options);
    this.ranking = { ...DEFAULT_RANKING, ...options.ranking };
    this.now = options.now ?? (() => new Date());
    this.answerWordChars = options.answerWordChars ?? 400;
  }

  /** Articles in the index (expired ones included: they expire by the clock, not by an update). */
  get size(): number {
    return this.aliveCount;
  }

  has(id: string | number): boolean {
    return this.slotOf.has(String(id));
  }

  /** The version indexed for an article, to skip change notifications that are not newer. */
  versionOf(id: string | number): number | undefined {
    const slot = this.slotOf.get(String(id));
    return slot === undefined ? undefined : this.rows[slot]?.version;
  }

  /** Replaces the whole index by these rows; segmentation runs on the thread pool. */
  async rebuild(rows: readonly KnowledgeArticleRow[]): Promise<void> {
    const fresh = new KnowledgeIndex({ analyzer: this.analyzer, now: this.now, answerWordChars: this.answerWordChars });
    await fresh.build(rows);
    // the swap is synchronous: queries see the old index until here and the new one after (changes that arrived
    // while it was built must be applied again by the caller)
    this.adopt(fresh);
  }

  /**
   * Builds an empty index from rows: the texts are segmented in chunks of about 200,000 characters on libuv's thread
   * pool, two chunks ahead of the indexing on this thread, so both cores work and few token strings are alive at once.
   */
  private async build(rows: readonly KnowledgeArticleRow[]): Promise<void> {
    const wordTexts = (row: KnowledgeArticleRow) => {
      const [title, keywords, answer] = fieldTexts(row);
      return [title, keywords, answer.length > this.answerWordChars ? answer.slice(0, this.answerWordChars) : answer];
    };
    const bounds = [0];
    let chars = 0;
    for (let i = 0; i < rows.length; i++) {
      for (const t of wordTexts(rows[i])) chars += t.length + 1;
      if (chars >= 200_000 || i === rows.length - 1) {
        bounds.push(i + 1);
        chars = 0;
      }
    }
    const chunks = bounds.length - 1;
    const segment = (c: number) => {
      const texts: string[] = [];
      for (let i = bounds[c]; i < bounds[c + 1]; i++) texts.push(...wordTexts(rows[i]));
      return this.analyzer.segmentMany(texts, Infinity);
    };
    const pending: Promise<string[][]>[] = [];
    let launched = 0;
    while (launched < chunks && launched < 2) pending.push(segment(launched++));
    let pairIds = new Int32Array(1 << 16);
    let pairTfs = new Int32Array(1 << 16);
    let n = 0;
    const docEnd = new Int32Array(rows.length);
    for (let c = 0; c < chunks; c++) {
      const tokens = await (pending.shift() as Promise<string[][]>);
      if (launched < chunks) pending.push(segment(launched++));
      for (let i = bounds[c]; i < bounds[c + 1]; i++) {
        if (this.slotOf.has(String(rows[i].id))) throw new Error(`article ${rows[i].id} twice in the rows`);
        const t = 3 * (i - bounds[c]);
        const d = this.docTerms(rows[i], [tokens[t], tokens[t + 1], tokens[t + 2]]);
        if (n + d.ids.length > pairIds.length) {
          const size = Math.max(n + d.ids.length, pairIds.length * 2);
          const ids = new Int32Array(size);
          ids.set(pairIds.subarray(0, n));
          pairIds = ids;
          const tfs = new Int32Array(size);
          tfs.set(pairTfs.subarray(0, n));
          pairTfs = tfs;
        }
        pairIds.set(d.ids, n);
        pairTfs.set(d.tfs, n);
        n += d.ids.length;
        docEnd[i] = n;
        for (const id of d.ids) this.df[id]++;
        this.addSlot(rows[i], d.lens);
      }
    }
    const off = new Int32Array(this.termCount + 1);
    for (let t = 0; t < this.termCount; t++) off[t + 1] = off[t] + this.df[t];
    const fill = off.slice(0, this.termCount);
    const docs = new Int32Array(n);
    const tfs = new Int32Array(n);
    for (let i = 0, k = 0; i < rows.length; i++) {
      for (; k < docEnd[i]; k++) {
        const at = fill[pairIds[k]]++;
        docs[at] = i;
        tfs[at] = pairTfs[k];
      }
    }
    this.baseTerms = this.termCount;
    this.baseOff = off;
    this.baseDocs = docs;
    this.baseTfs = tfs;
    this.baseSlots = rows.length;
  }

  /** Adds an article or replaces the one with its id (whatever its version: the caller orders the changes). */
  upsert(row: KnowledgeArticleRow): void {
    this.remove(row.id);
    this.insert(row);
  }

  /** Removes an article; false when it was not there. */
  remove(id: string | number): boolean {
    const key = String(id);
    const slot = this.slotOf.get(key);
    if (slot === undefined) return false;
    this.slotOf.delete(key);
    this.alive[slot] = false;
    this.aliveCount--;
    for (let k = 0; k < LENS; k++) this.lenTotals[k] -= this.lens[slot * LENS + k];
    // its terms again (the same analysis as when it was added: user words change only through a rebuild)
    const { ids } = this.docTerms(this.rows[slot] as KnowledgeArticleRow);
    for (const id of ids) this.df[id]--;
    if (slot >= this.baseSlots) this.deadDelta += ids.length;
    this.rows[slot] = null;
    this.cats[slot] = [];
    this.regions[slot] = [];
    if (this.deadDelta > 10_000 && this.deadDelta > this.deltaPostings * 0.25) this.compactDelta();
    return true;
  }

  /** Adds words to the segmenter and re-indexes every article with them. */
  async addUserWords(words: readonly (UserWord | string)[]): Promise<void> {
    this.analyzer.addUserWords(words);
    await this.rebuild(this.rows.filter((r): r is KnowledgeArticleRow => r !== null));
  }

  /** Adds synonym groups (query-time expansion) and re-indexes, since their members become user words. */
  async addSynonyms(groups: readonly (readonly string[])[]): Promise<void> {
    this.analyzer.addSynonyms(groups);
    await this.rebuild(this.rows.filter((r): r is KnowledgeArticleRow => r !== null));
  }

  /** Keyword search for people typing in the search box: a page of highlighted hits. */
  search(q: string, options: SearchOptions = {}): SearchResult {
    const text = (q ?? '').trim();
    if (!text) throw new KnowledgeQueryError('EMPTY_QUERY', 'the query is empty');
    if (codePointLength(text) > MAX_SEARCH_CHARS) throw new KnowledgeQueryError('QUERY_TOO_LONG', `the query is longer than ${MAX_SEARCH_CHARS} characters`);
    const page = options.page ?? 1;
    const pageSize = options.pageSize ?? 10;
    if (!Number.isInteger(page) || page < 1 || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 50 || page * pageSize > MAX_SEARCH_DEPTH) {
      throw new KnowledgeQueryError('INVALID_PAGE', `page must be an integer ≥ 1, pageSize 1–50, page × pageSize ≤ ${MAX_SEARCH_DEPTH}`);
    }
    const terms = this.queryTerms(text);
    const { top, total } = this.rank(terms, page * pageSize, options.categoryId, options.regionId, this.ranking.minRelativeScore);
    const hl = this.highlightTerms(terms);
    const hits: SearchHit[] = top.slice((page - 1) * pageSize).map((c) => {
      const row = this.rows[c.slot] as KnowledgeArticleRow;
      return {
        id: row.id,
        version: row.version,
        titleHtml: highlightAll(row.title, hl),
        snippetHtml: this.bestSnippet(row, hl),
        score: c.score,
        categoryIds: row.categoryIds,
        updatedAt: new Date(this.updated[c.slot]),
      };
    });
    return { total, page, pageSize, hits };
  }

  /** The best articles for an appeal's whole text (default ten). */
  suggest(input: SuggestInput): Suggestion[] {
    const text = (input?.content ?? '').trim();
    if (!text) throw new KnowledgeQueryError('EMPTY_QUERY', 'the content is empty');
    if (codePointLength(text) > MAX_QUERY_CHARS) throw new KnowledgeQueryError('QUERY_TOO_LONG', `the content is longer than ${MAX_QUERY_CHARS} characters`);
    const limit = input.limit ?? 10;
    if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new KnowledgeQueryError('INVALID_PAGE', 'limit must be an integer 1–50');
    const terms = this.queryTerms(text);
    const { top } = this.rank(terms, limit, input.categoryId, input.regionId, 0);
    const hl = this.highlightTerms(terms);
    return top.map((c) => {
      const row = this.rows[c.slot] as KnowledgeArticleRow;
      return { id: row.id, title: row.title, snippet: this.bestSnippet(row, hl), score: c.score };
    });
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** Takes over another index's contents (a freshly built one). */
  private adopt(o: KnowledgeIndex): void {
    this.wordIds = o.wordIds;
    this.bigramIds = o.bigramIds;
    this.termCount = o.termCount;
    this.df = o.df;
    this.tfScratch = o.tfScratch;
    this.baseTerms = o.baseTerms;
    this.baseOff = o.baseOff;
    this.baseDocs = o.baseDocs;
    this.baseTfs = o.baseTfs;
    this.baseSlots = o.baseSlots;
    this.deltaDocs = o.deltaDocs;
    this.deltaTfs = o.deltaTfs;
    this.deltaPostings = o.deltaPostings;
    this.deadDelta = o.deadDelta;
    this.slotOf = o.slotOf;
    this.rows = o.rows;
    this.lens = o.lens;
    this.validFrom = o.validFrom;
    this.validTo = o.validTo;
    this.updated = o.updated;
    this.cats = o.cats;
    this.regions = o.regions;
    this.alive = o.alive;
    this.aliveCount = o.aliveCount;
    this.lenTotals = o.lenTotals;
  }

  private newTerm(): number {
    const id = this.termCount++;
    if (id >= this.df.length) {
      const df = new Int32Array(this.df.length * 2);
      df.set(this.df);
      this.df = df;
      const scratch = new Int32Array(this.df.length);
      scratch.set(this.tfScratch);
      this.tfScratch = scratch;
    }
    return id;
  }

  /** An article's distinct terms with their packed field frequencies, and its six field lengths. */
  private docTerms(row: KnowledgeArticleRow, tokens?: [string[], string[], string[]]): { ids: number[]; tfs: number[]; lens: number[] } {
    const texts = fieldTexts(row);
    const ids: number[] = [];
    const lens = [0, 0, 0, 0, 0, 0];
    for (let f = 0; f < FIELDS; f++) {
      if (!texts[f]) continue;
      const a = this.analyzer.analyze(texts[f], tokens?.[f], f === FIELDS - 1 ? this.answerWordChars : Infinity);
      const shift = f * 10;
      const inc = 1 << shift;
      for (let k = 0; k < a.words.length + a.bigrams.length; k++) {
        let id: number | undefined;
        if (k < a.words.length) {
          const w = a.words[k];
          id = this.wordIds.get(w);
          if (id === undefined) this.wordIds.set(w, (id = this.newTerm()));
        } else {
          const b = a.bigrams[k - a.words.length];
          id = this.bigramIds.get(b);
          if (id < 0) this.bigramIds.set(b, (id = this.newTerm()));
        }
        const packed = this.tfScratch[id];
        if (packed === 0) ids.push(id);
        if (((packed >>> shift) & TF_MAX) < TF_MAX) this.tfScratch[id] = packed + inc;
      }
      lens[f] = a.words.length;
      lens[FIELDS + f] = a.bigrams.length;
    }
    const tfs = new Array<number>(ids.length);
    for (let k = 0; k < ids.length; k++) {
      tfs[k] = this.tfScratch[ids[k]];
      this.tfScratch[ids[k]] = 0;
    }
    return { ids, tfs, lens };
  }

  private addSlot(row: KnowledgeArticleRow, lens: number[]): number {
    const slot = this.rows.length;
    this.slotOf.set(String(row.id), slot);
    this.rows.push(row);
    for (let f = 0; f < LENS; f++) {
      this.lens.push(lens[f]);
      this.lenTotals[f] += lens[f];
    }
    this.validFrom.push(toMs(row.validFrom, -Infinity));
    this.validTo.push(toMs(row.validTo, Infinity));
    this.updated.push(toMs(row.updatedAt, 0));
    this.cats.push((row.categoryIds ?? []).map(String));
    this.regions.push((row.regionIds ?? []).map(String));
    this.alive.push(true);
    this.aliveCount++;
    return slot;
  }

  /** One article added after the last rebuild: its postings go to the delta lists. */
  private insert(row: KnowledgeArticleRow): void {
    if (this.slotOf.has(String(row.id))) this.remove(row.id);
    const d = this.docTerms(row);
    const slot = this.addSlot(row, d.lens);
    for (let k = 0; k < d.ids.length; k++) {
      const id = d.ids[k];
      let docs = this.deltaDocs.get(id);
      if (!docs) {
        this.deltaDocs.set(id, (docs = []));
        this.deltaTfs.set(id, []);
      }
      docs.push(slot);
      (this.deltaTfs.get(id) as number[]).push(d.tfs[k]);
      this.df[id]++;
    }
    this.deltaPostings += d.ids.length;
  }

  /** Drops removed articles' delta postings (slots stay; a rebuild renumbers them and drops the base's). */
  private compactDelta(): void {
    for (const [id, docs] of this.deltaDocs) {
      const tfs = this.deltaTfs.get(id) as number[];
      let w = 0;
      for (let r = 0; r < docs.length; r++) {
        if (this.alive[docs[r]]) {
          docs[w] = docs[r];
          tfs[w] = tfs[r];
          w++;
        }
      }
      docs.length = w;
      tfs.length = w;
    }
    this.deltaPostings -= this.deadDelta;
    this.deadDelta = 0;
  }

  private idf(df: number): number {
    const n = this.aliveCount;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Query terms with weights: words, their synonyms and bigrams; long queries keep only the most specific ones. */
  private queryTerms(text: string): QueryTerm[] {
    const cfg = this.ranking;
    const a = this.analyzer.analyze(text);
    const words = new Map<string, number>();
    for (const w of a.words) {
      words.set(w, (words.get(w) ?? 0) + 1);
      for (const s of this.analyzer.synonymsOf(w)) words.set(s, (words.get(s) ?? 0) + cfg.synonymWeight);
    }
    const bigrams = new Map<number, number>();
    for (const b of a.bigrams) bigrams.set(b, (bigrams.get(b) ?? 0) + 1);
    const pick = <K>(m: Map<K, number>, idOf: (t: K) => number | undefined, bigram: boolean, max: number, kindWeight: number): QueryTerm[] => {
      const out: QueryTerm[] = [];
      for (const [t, qtf] of m) {
        const id = idOf(t);
        if (id === undefined || id < 0 || this.df[id] <= 0) continue;
        const idf = this.idf(this.df[id]);
        out.push({ id, bigram, idf, weight: kindWeight * Math.pow(qtf, cfg.qtfExponent), text: bigram ? bigramText(t as number) : (t as string) });
      }
      out.sort((x, y) => y.weight * y.idf - x.weight * x.idf);
      return out.length > max ? out.slice(0, max) : out;
    };
    return [
      ...pick(words, (w) => this.wordIds.get(w), false, cfg.maxQueryWords, 1),
      ...pick(bigrams, (b) => this.bigramIds.get(b), true, cfg.maxQueryBigrams, cfg.bigramWeight),
    ];
  }

  private highlightTerms(terms: readonly QueryTerm[]): HighlightTerm[] {
    return terms.map((t) => ({ text: t.text, weight: t.idf * t.weight }));
  }

  private bestSnippet(row: KnowledgeArticleRow, hl: readonly HighlightTerm[]): string {
    const fromAnswer = snippet(row.answer ?? '', hl);
    let best = fromAnswer;
    for (const q of row.questions ?? []) {
      const s = snippet(q, hl);
      if (s.weight > best.weight * 1.5) best = s;
    }
    return best.html;
  }

  private rank(
    terms: readonly QueryTerm[],
    k: number,
    categoryId: string | number | null | undefined,
    regionId: string | number | null | undefined,
    minRelative: number,
  ): { top: Candidate[]; total: number } {
    const cfg = this.ranking;
    const n = this.rows.length;
    if (this.scores.length < n) this.scores = new Float64Array(Math.max(n, this.scores.length * 2, 1024));
    const scores = this.scores;
    const touched: number[] = [];
    const avg = new Float64Array(LENS);
    for (let f = 0; f < LENS; f++) avg[f] = Math.max(1e-9, this.lenTotals[f] / Math.max(1, this.aliveCount));
    const lens = this.lens;
    const alive = this.alive;
    const k1 = cfg.k1;
    const wT = cfg.titleWeight;
    const wK = cfg.keywordWeight;
    const wA = cfg.answerWeight;
    const bT = cfg.titleB;
    const bA = cfg.answerB;
    const accumulate = (docs: ArrayLike<number>, tfs: ArrayLike<number>, from: number, to: number, base: number, qw: number) => {
      const aT = avg[base];
      const aK = avg[base + 1];
      const aA = avg[base + 2];
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
    };
    for (const term of terms) {
      const base = term.bigram ? FIELDS : 0;
      const qw = term.weight * term.idf * (k1 + 1);
      if (term.id < this.baseTerms) accumulate(this.baseDocs, this.baseTfs, this.baseOff[term.id], this.baseOff[term.id + 1], base, qw);
      const docs = this.deltaDocs.get(term.id);
      if (docs) accumulate(docs, this.deltaTfs.get(term.id) as number[], 0, docs.length, base, qw);
    }
    const nowMs = this.now().getTime();
    const cat = categoryId == null ? null : String(categoryId);
    const region = regionId == null ? null : String(regionId);
    const halfLifeMs = cfg.freshnessHalfLifeDays * 86_400_000;
    const finals = new Float64Array(touched.length);
    let best = 0;
    for (let i = 0; i < touched.length; i++) {
      const slot = touched[i];
      let s = scores[slot];
      scores[slot] = 0;
      if (s <= 0 || this.validTo[slot] < nowMs || this.validFrom[slot] > nowMs) continue;
      const age = Math.max(0, nowMs - this.updated[slot]);
      s *= 1 + cfg.freshnessBoost * Math.pow(2, -age / halfLifeMs);
      if (region !== null && this.regions[slot].length && this.regions[slot].includes(region)) s *= 1 + cfg.regionBoost;
      if (cat !== null && this.cats[slot].length && this.cats[slot].includes(cat)) s *= 1 + cfg.categoryBoost;
      finals[i] = s;
      if (s > best) best = s;
    }
    const cutoff = Math.max(best * minRelative, Number.MIN_VALUE);
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
}

/** Higher score first; equal scores: the article added first (stable across runs). */
function better(a: Candidate, b: Candidate): boolean {
  return a.score > b.score || (a.score === b.score && a.slot < b.slot);
}

// min-heap on "better": heap[0] is the worst of the kept
function siftUp(h: Candidate[], i: number): void {
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!better(h[p], h[i])) break;
    [h[p], h[i]] = [h[i], h[p]];
    i = p;
  }
}

function siftDown(h: Candidate[], i: number): void {
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
