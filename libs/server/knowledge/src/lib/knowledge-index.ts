// The in-memory inverted index of the knowledge base. Every API process builds its own from the article rows
// (rebuild) and applies changes one article at a time (upsert/remove); nothing is serialised, the database stays
// the only copy. Ranking: BM25F over jieba words plus BM25F over character bigrams, title and questions weighted
// above keywords above the answer, then small multiplicative boosts for freshness, the caller's region and the
// chosen category. Expired (and not yet valid) articles are never returned.
import { Analyzer, AnalyzerOptions, BIGRAM_PREFIX, UserWord } from './analyzer';
import { KnowledgeQueryError } from './errors';
import { HighlightTerm, highlightAll, snippet } from './highlight';
import { KnowledgeArticleRow, RankingConfig, SearchHit, SearchOptions, SearchResult, SuggestInput, Suggestion } from './types';
import { codePointLength, normalizeText } from './text';

/** Longest appeal text suggest() takes, in characters. */
export const MAX_QUERY_CHARS = 5000;
/** Longest keyword query search() takes, in characters. */
export const MAX_SEARCH_CHARS = 500;
/** search() pages reach this many hits at most (page × pageSize). */
export const MAX_SEARCH_DEPTH = 1000;

export const DEFAULT_RANKING: RankingConfig = {
  k1: 1.2,
  titleWeight: 3,
  keywordWeight: 2,
  answerWeight: 1,
  titleB: 0.5,
  answerB: 0.75,
  bigramWeight: 0.6,
  synonymWeight: 0.8,
  maxQueryWords: 80,
  maxQueryBigrams: 160,
  qtfExponent: 0.5,
  freshnessBoost: 0.05,
  freshnessHalfLifeDays: 365,
  regionBoost: 0.15,
  categoryBoost: 0.2,
  minRelativeScore: 0.2,
};

export interface KnowledgeIndexOptions extends AnalyzerOptions {
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

  private termIds = new Map<string, number>();
  private termText: string[] = [];
  private postDocs: number[][] = [];
  private postTfs: number[][] = [];
  private df: number[] = [];

  private slotOf = new Map<string, number>();
  private rows: (KnowledgeArticleRow | null)[] = [];
  private slotTermIds: (Int32Array | null)[] = [];
  private lens: number[] = [];
  private validFrom: number[] = [];
  private validTo: number[] = [];
  private updated: number[] = [];
  private cats: string[][] = [];
  private regions: string[][] = [];
  private alive: boolean[] = [];
  private aliveCount = 0;
  private lenTotals = new Float64Array(LENS);
  private postings = 0;
  private deadPostings = 0;
  private scores = new Float64Array(0);

  constructor(options: KnowledgeIndexOptions = {}) {
    this.analyzer = options.analyzer ?? new Analyzer(options);
    this.ranking = { ...DEFAULT_RANKING, ...options.ranking };
    this.now = options.now ?? (() => new Date());
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
    const texts: string[] = [];
    for (const row of rows) texts.push(...fieldTexts(row));
    const tokens = await this.analyzer.segmentMany(texts);
    this.clear();
    for (let i = 0; i < rows.length; i++) this.insert(rows[i], [tokens[3 * i], tokens[3 * i + 1], tokens[3 * i + 2]]);
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
    const ids = this.slotTermIds[slot];
    if (ids) {
      for (let k = 0; k < ids.length; k++) this.df[ids[k]]--;
      this.deadPostings += ids.length;
    }
    this.rows[slot] = null;
    this.slotTermIds[slot] = null;
    this.cats[slot] = [];
    this.regions[slot] = [];
    if (this.deadPostings > 10_000 && this.deadPostings > this.postings * 0.25) this.compact();
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

  private clear(): void {
    this.termIds = new Map();
    this.termText = [];
    this.postDocs = [];
    this.postTfs = [];
    this.df = [];
    this.slotOf = new Map();
    this.rows = [];
    this.slotTermIds = [];
    this.lens = [];
    this.validFrom = [];
    this.validTo = [];
    this.updated = [];
    this.cats = [];
    this.regions = [];
    this.alive = [];
    this.aliveCount = 0;
    this.lenTotals = new Float64Array(LENS);
    this.postings = 0;
    this.deadPostings = 0;
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termText.length;
      this.termIds.set(term, id);
      this.termText.push(term);
      this.postDocs.push([]);
      this.postTfs.push([]);
      this.df.push(0);
    }
    return id;
  }

  private insert(row: KnowledgeArticleRow, tokens?: [string[], string[], string[]]): void {
    const key = String(row.id);
    if (this.slotOf.has(key)) this.remove(row.id);
    const slot = this.rows.length;
    const texts = fieldTexts(row);
    const tf = new Map<number, number>();
    const lens = [0, 0, 0, 0, 0, 0];
    for (let f = 0; f < FIELDS; f++) {
      if (!texts[f]) continue;
      const a = this.analyzer.analyze(texts[f], tokens?.[f]);
      const shift = f * 10;
      for (const list of [a.words, a.bigrams]) {
        for (const t of list) {
          const id = this.termId(t);
          const packed = tf.get(id) ?? 0;
          if (((packed >>> shift) & TF_MAX) < TF_MAX) tf.set(id, packed + (1 << shift));
        }
      }
      lens[f] = a.words.length;
      lens[FIELDS + f] = a.bigrams.length;
    }
    const ids = new Int32Array(tf.size);
    let k = 0;
    for (const [id, packed] of tf) {
      this.postDocs[id].push(slot);
      this.postTfs[id].push(packed);
      this.df[id]++;
      ids[k++] = id;
    }
    this.postings += ids.length;
    this.slotOf.set(key, slot);
    this.rows.push(row);
    this.slotTermIds.push(ids);
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
  }

  /** Drops removed articles' postings (slots stay; a rebuild renumbers them). */
  private compact(): void {
    for (let t = 0; t < this.postDocs.length; t++) {
      const docs = this.postDocs[t];
      const tfs = this.postTfs[t];
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
    this.postings -= this.deadPostings;
    this.deadPostings = 0;
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
      for (const s of this.analyzer.synonymsOf(w)) words.set(s, Math.max(words.get(s) ?? 0, 0) + cfg.synonymWeight);
    }
    const bigrams = new Map<string, number>();
    for (const b of a.bigrams) bigrams.set(b, (bigrams.get(b) ?? 0) + 1);
    const pick = (m: Map<string, number>, bigram: boolean, max: number, kindWeight: number): QueryTerm[] => {
      const out: QueryTerm[] = [];
      for (const [t, qtf] of m) {
        const id = this.termIds.get(t);
        if (id === undefined || this.df[id] <= 0) continue;
        const idf = this.idf(this.df[id]);
        out.push({ id, bigram, idf, weight: kindWeight * Math.pow(qtf, cfg.qtfExponent), text: bigram ? t.slice(BIGRAM_PREFIX.length) : t });
      }
      out.sort((x, y) => y.weight * y.idf - x.weight * x.idf);
      return out.length > max ? out.slice(0, max) : out;
    };
    return [...pick(words, false, cfg.maxQueryWords, 1), ...pick(bigrams, true, cfg.maxQueryBigrams, cfg.bigramWeight)];
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
    for (const term of terms) {
      const docs = this.postDocs[term.id];
      const tfs = this.postTfs[term.id];
      const base = term.bigram ? FIELDS : 0;
      const aT = avg[base];
      const aK = avg[base + 1];
      const aA = avg[base + 2];
      const qw = term.weight * term.idf * (k1 + 1);
      for (let j = 0; j < docs.length; j++) {
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
    const nowMs = this.now().getTime();
    const cat = categoryId == null ? null : String(categoryId);
    const region = regionId == null ? null : String(regionId);
    const halfLifeMs = cfg.freshnessHalfLifeDays * 86_400_000;
    const finals: Candidate[] = [];
    let best = 0;
    for (const slot of touched) {
      let s = scores[slot];
      scores[slot] = 0;
      if (s <= 0 || this.validTo[slot] < nowMs || this.validFrom[slot] > nowMs) continue;
      const age = Math.max(0, nowMs - this.updated[slot]);
      s *= 1 + cfg.freshnessBoost * Math.pow(2, -age / halfLifeMs);
      if (region !== null && this.regions[slot].includes(region)) s *= 1 + cfg.regionBoost;
      if (cat !== null && this.cats[slot].includes(cat)) s *= 1 + cfg.categoryBoost;
      finals.push({ slot, score: s });
      if (s > best) best = s;
    }
    const cutoff = best * minRelative;
    let total = 0;
    const heap: Candidate[] = [];
    for (const c of finals) {
      if (c.score < cutoff) continue;
      total++;
      if (heap.length < k) {
        heap.push(c);
        siftUp(heap, heap.length - 1);
      } else if (better(c, heap[0])) {
        heap[0] = c;
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
