// The in-memory inverted index of the knowledge base. Every API process builds its own from the article rows
// (rebuild) and applies changes one article at a time (upsert/remove); nothing is serialised, the database stays
// the only copy. Ranking: BM25F over jieba words plus BM25F over character bigrams, title and questions weighted
// above keywords above the answer, then small multiplicative boosts for freshness, the caller's region and the
// chosen category. Expired (and not yet valid) articles are never returned.
import { Analyzer, UserWord, bigramText } from './analyzer';
import { bm25fState } from './bm25f';
import { CoverageUnits, coverageUnits, phrasingCoverage, rerankScore } from './coverage';
import { KnowledgeQueryError } from './errors';
import { HighlightTerm, highlightAll, snippet } from './highlight';
import { Postings } from './postings';
import { DEFAULT_RANKING, FIELDS, KnowledgeIndexOptions, LENS, MAX_QUERY_CHARS, MAX_SEARCH_CHARS, MAX_SEARCH_DEPTH } from './ranking';
import { TermTable, fieldTexts } from './terms';
import { codePointLength } from './text';
import { Candidate, selectTop } from './top-k';
import { KnowledgeArticleRow, RankingConfig, SearchHit, SearchOptions, SearchResult, SuggestInput, Suggestion } from './types';

// the limits, defaults and options are defined with the rest of the ranking configuration
export { DEFAULT_RANKING, MAX_QUERY_CHARS, MAX_SEARCH_CHARS, MAX_SEARCH_DEPTH } from './ranking';
export type { KnowledgeIndexOptions } from './ranking';

interface QueryTerm {
  id: number;
  bigram: boolean;
  weight: number;
  idf: number;
  text: string;
}

function toMs(v: Date | string | null | undefined, fallback: number): number {
  if (v == null) return fallback;
  const ms = v instanceof Date ? v.getTime() : Date.parse(v);
  return Number.isFinite(ms) ? ms : fallback;
}

export class KnowledgeIndex {
  readonly analyzer: Analyzer;
  readonly ranking: RankingConfig;
  private readonly now: () => Date;
  private readonly answerWordChars: number;

  private terms: TermTable;
  private postings = new Postings();

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
    this.terms = new TermTable(this.analyzer, this.answerWordChars);
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
        const d = this.terms.docTerms(rows[i], [tokens[t], tokens[t + 1], tokens[t + 2]]);
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
        const df = this.terms.df;
        for (const id of d.ids) df[id]++;
        this.addSlot(rows[i], d.lens);
      }
    }
    this.postings = Postings.fromPairs(this.terms.count, this.terms.df, pairIds, pairTfs, docEnd);
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
    const { ids } = this.terms.docTerms(this.rows[slot] as KnowledgeArticleRow);
    const df = this.terms.df;
    for (const id of ids) df[id]--;
    this.rows[slot] = null;
    this.cats[slot] = [];
    this.regions[slot] = [];
    this.postings.removed(slot, ids.length, this.alive);
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
    const { terms } = this.queryTerms(text);
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
    const { terms, units } = this.queryTerms(text);
    const cfg = this.ranking;
    const { top: pool } = this.rank(terms, Math.max(limit, cfg.rerankDepth), input.categoryId, input.regionId, 0);
    const best = pool[0]?.score ?? 0;
    const dfIdf = (id: number | undefined) => this.idf(id === undefined || id < 0 ? 0 : this.terms.df[id]);
    const idf = { bigram: (b: number) => dfIdf(this.terms.bigramId(b)), word: (w: string) => dfIdf(this.terms.wordId(w)) };
    const top = pool
      .map((c) => {
        const row = this.rows[c.slot] as KnowledgeArticleRow;
        const phrasings = [row.title, ...(row.questions ?? [])].filter((p) => p).map((p) => coverageUnits(this.analyzer.analyze(p)));
        const coverage = cfg.titleCoverageWeight > 0 ? phrasingCoverage(phrasings, units, idf) : 0;
        return { slot: c.slot, score: rerankScore(c.score, best, coverage, cfg.titleCoverageWeight) };
      })
      .sort((x, y) => y.score - x.score || x.slot - y.slot)
      .slice(0, limit);
    const hl = this.highlightTerms(terms);
    return top.map((c) => {
      const row = this.rows[c.slot] as KnowledgeArticleRow;
      return { id: row.id, title: row.title, snippet: this.bestSnippet(row, hl), score: c.score };
    });
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** Takes over another index's contents (a freshly built one). */
  private adopt(o: KnowledgeIndex): void {
    this.terms = o.terms;
    this.postings = o.postings;
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
    const d = this.terms.docTerms(row);
    const slot = this.addSlot(row, d.lens);
    this.postings.add(slot, d.ids, d.tfs);
    const df = this.terms.df;
    for (const id of d.ids) df[id]++;
  }

  private idf(df: number): number {
    const n = this.aliveCount;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Query terms with weights: words, their synonyms and bigrams; long queries keep only the most specific ones. Also
   * every bigram of the text and its words with a letter (for the coverage re-ranking).
   */
  private queryTerms(text: string): { terms: QueryTerm[]; units: CoverageUnits } {
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
        if (id === undefined || id < 0 || this.terms.df[id] <= 0) continue;
        const idf = this.idf(this.terms.df[id]);
        out.push({ id, bigram, idf, weight: kindWeight * Math.pow(qtf, cfg.qtfExponent), text: bigram ? bigramText(t as number) : (t as string) });
      }
      out.sort((x, y) => y.weight * y.idf - x.weight * x.idf);
      return out.length > max ? out.slice(0, max) : out;
    };
    const terms = [
      ...pick(words, (w) => this.terms.wordId(w), false, cfg.maxQueryWords, 1),
      ...pick(bigrams, (b) => this.terms.bigramId(b), true, cfg.maxQueryBigrams, cfg.bigramWeight),
    ];
    return { terms, units: coverageUnits(a) };
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
    const n = this.rows.length;
    if (this.scores.length < n) this.scores = new Float64Array(Math.max(n, this.scores.length * 2, 1024));
    const cfg = this.ranking;
    const state = bm25fState(cfg, this.scores, this.lens, this.alive, this.lenTotals, this.aliveCount);
    for (const term of terms) this.postings.accumulate(state, term.id, term.bigram ? FIELDS : 0, term.weight * term.idf * (cfg.k1 + 1));
    const meta = { validFrom: this.validFrom, validTo: this.validTo, updated: this.updated, cats: this.cats, regions: this.regions };
    return selectTop(state.touched, this.scores, meta, cfg, {
      k,
      nowMs: this.now().getTime(),
      cat: categoryId == null ? null : String(categoryId),
      region: regionId == null ? null : String(regionId),
      minRelative,
    });
  }
}
