// The term dictionary: words (jieba tokens) and character bigrams share one id space, with each term's document
// frequency. An article's analysis into distinct terms with packed field frequencies is done here.
import { Analyzer } from './analyzer';
import { IntMap } from './int-map';
import { FIELDS, TF_MAX } from './ranking';
import { KnowledgeArticleRow } from './types';

/** An article's three indexed fields: title with its questions, keywords, answer. */
export function fieldTexts(row: KnowledgeArticleRow): [string, string, string] {
  return [[row.title, ...(row.questions ?? [])].join('。'), (row.keywords ?? []).join('，'), row.answer ?? ''];
}

/** An article's distinct terms with their packed field frequencies, and its six field lengths. */
export interface DocTerms {
  ids: number[];
  tfs: number[];
  lens: number[];
}

export class TermTable {
  private readonly wordIds = new Map<string, number>();
  private readonly bigramIds = new IntMap(1 << 16);
  private termCount = 0;
  /** document frequencies by term id (replaced by a larger array as terms are added: do not keep it) */
  df = new Int32Array(1024);
  private tfScratch = new Int32Array(1024);

  constructor(
    private readonly analyzer: Analyzer,
    private readonly answerWordChars: number,
  ) {}

  /** How many terms have ids (0 … count − 1). */
  get count(): number {
    return this.termCount;
  }

  wordId(word: string): number | undefined {
    return this.wordIds.get(word);
  }

  /** A bigram's id, or -1. */
  bigramId(bigram: number): number {
    return this.bigramIds.get(bigram);
  }

  /** An article's terms (new ones get ids; document frequencies are left to the caller). */
  docTerms(row: KnowledgeArticleRow, tokens?: [string[], string[], string[]]): DocTerms {
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
}
