/** One knowledge article as the database holds it (the index keeps what it needs to rank and to show a snippet). */
export interface KnowledgeArticleRow {
  id: string | number;
  version: number;
  title: string;
  /** other ways callers ask the same thing (同义问法) */
  questions: readonly string[];
  /** the answer as plain text (the API strips any markup before it gets here) */
  answer: string;
  categoryIds: readonly (string | number)[];
  /** regions the article is about; empty = the whole city */
  regionIds: readonly (string | number)[];
  keywords: readonly string[];
  /** not yet valid before this instant (optional) */
  validFrom?: Date | string | null;
  /** expired after this instant: never returned; null = no end */
  validTo?: Date | string | null;
  updatedAt: Date | string;
}

export interface SearchOptions {
  /** boosts articles of this category (it does not filter) */
  categoryId?: string | number | null;
  regionId?: string | number | null;
  /** 1-based */
  page?: number;
  /** default 10, at most 50 */
  pageSize?: number;
}

export interface SearchHit {
  id: string | number;
  version: number;
  /** title, HTML-escaped, query matches in <em>…</em> */
  titleHtml: string;
  /** a passage of the answer (or the best matching question), HTML-escaped, matches in <em>…</em> */
  snippetHtml: string;
  score: number;
  categoryIds: readonly (string | number)[];
  updatedAt: Date;
}

export interface SearchResult {
  /** articles matching well enough to be listed (at least minRelativeScore × the best score) */
  total: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
}

export interface SuggestInput {
  /** the appeal's whole text, up to MAX_QUERY_CHARS characters */
  content: string;
  categoryId?: string | number | null;
  regionId?: string | number | null;
  /** default 10, at most 50 */
  limit?: number;
}

export interface Suggestion {
  id: string | number;
  /** plain text (escape it when rendering) */
  title: string;
  /** HTML-escaped passage with <em>…</em> around matched words */
  snippet: string;
  /** for ordering only: the BM25F score relative to the best candidate's, plus the weighted title coverage (0 … 1 + titleCoverageWeight) */
  score: number;
}

/** Ranking knobs; the defaults are the values tuned on the development split (bench/knowledge). */
export interface RankingConfig {
  k1: number;
  /** field weights in BM25F: title and questions, keywords, answer */
  titleWeight: number;
  keywordWeight: number;
  answerWeight: number;
  /** length normalisation per field */
  titleB: number;
  answerB: number;
  /** weight of the character-bigram score next to the word score (1) */
  bigramWeight: number;
  /** weight of a synonym's expansion relative to the word typed */
  synonymWeight: number;
  /** long queries keep only their most specific terms: this many words and bigrams at most */
  maxQueryWords: number;
  maxQueryBigrams: number;
  /** query term frequency damping: weight = qtf ** qtfExponent */
  qtfExponent: number;
  /** score × (1 + freshnessBoost × 2^(−age / freshnessHalfLifeDays)) by updatedAt */
  freshnessBoost: number;
  freshnessHalfLifeDays: number;
  /** score × (1 + regionBoost) when the article is about the caller's region */
  regionBoost: number;
  /** score × (1 + categoryBoost) when the article is in the chosen category */
  categoryBoost: number;
  /** search lists only articles scoring at least this share of the best one */
  minRelativeScore: number;
  /**
   * suggest re-ranks its best rerankDepth candidates by (score / best score) + titleCoverageWeight × the share of the
   * article's title or of one of its questions found in the appeal (IDF-weighted bigrams; see coverage.ts)
   */
  titleCoverageWeight: number;
  rerankDepth: number;
}
