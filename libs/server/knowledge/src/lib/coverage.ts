// The second look at suggest()'s best candidates: how much of an article's title (or of one of its other phrasings,
// 同义问法) the caller's text contains. A title is the matter in a dozen characters; an appeal that names most of it
// ("A7县玉诚环境 … 劳动用工") is about that article even when another one shares more words with the appeal at large.
// BM25F alone cannot see this: it sums what the query shares with each article, so a long appeal that shares a
// little with many long answers ranks them near the article whose whole title it repeats.
import { AnalyzedText } from './analyzer';

/**
 * What coverage counts of a text: its distinct CJK bigrams, and its words that hold a Latin letter ("a7", "etc"). Bare
 * numbers do not count: in a title they are mostly a year, an amount or a document's number, which a caller seldom
 * repeats as written, and as rare words they would weigh as much as the matter itself.
 */
export interface CoverageUnits {
  bigrams: ReadonlySet<number>;
  words: ReadonlySet<string>;
}

const HAS_LETTER = /[a-z]/;

export function coverageUnits(a: AnalyzedText): CoverageUnits {
  return { bigrams: new Set(a.bigrams), words: new Set(a.words.filter((w) => HAS_LETTER.test(w))) };
}

/**
 * The IDF-weighted share of a phrasing's units found in the query's (0 … 1), best over the phrasings. The idf
 * functions weigh a unit by its rarity among the articles, so "的问题" does not make a title covered.
 */
export function phrasingCoverage(
  phrasings: readonly CoverageUnits[],
  query: CoverageUnits,
  idf: { bigram: (b: number) => number; word: (w: string) => number },
): number {
  let best = 0;
  for (const p of phrasings) {
    let hit = 0;
    let all = 0;
    for (const b of p.bigrams) {
      const w = idf.bigram(b);
      all += w;
      if (query.bigrams.has(b)) hit += w;
    }
    for (const t of p.words) {
      const w = idf.word(t);
      all += w;
      if (query.words.has(t)) hit += w;
    }
    if (all > 0 && hit / all > best) best = hit / all;
  }
  return best;
}

/** A candidate's final suggest score: its BM25F score relative to the best one, plus the weighted coverage. */
export function rerankScore(score: number, bestScore: number, coverage: number, weight: number): number {
  return (bestScore > 0 ? score / bestScore : 0) + weight * coverage;
}
