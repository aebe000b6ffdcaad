// The postings lists: those of the last rebuild in compressed rows of typed arrays (the base), those of the articles
// upserted since in per-term arrays (the delta), which are compacted when enough of them belong to removed articles.
import { Bm25fState, accumulate } from './bm25f';

export class Postings {
  // term t's base postings are [baseOff[t], baseOff[t + 1]) of baseDocs/baseTfs
  private baseTerms = 0;
  private baseOff = new Int32Array(1);
  private baseDocs = new Int32Array(0);
  private baseTfs = new Int32Array(0);
  private baseSlots = 0;
  private deltaDocs = new Map<number, number[]>();
  private deltaTfs = new Map<number, number[]>();
  private deltaPostings = 0;
  private deadDelta = 0;

  /**
   * The base of a rebuild from (term, packed tfs) pairs listed article by article: article i's pairs are
   * [docEnd[i - 1], docEnd[i]) (its slot is i); df[t] is how many articles have term t.
   */
  static fromPairs(termCount: number, df: Int32Array, pairIds: Int32Array, pairTfs: Int32Array, docEnd: Int32Array): Postings {
    const n = docEnd.length ? docEnd[docEnd.length - 1] : 0;
    const off = new Int32Array(termCount + 1);
    for (let t = 0; t < termCount; t++) off[t + 1] = off[t] + df[t];
    const fill = off.slice(0, termCount);
    const docs = new Int32Array(n);
    const tfs = new Int32Array(n);
    for (let i = 0, k = 0; i < docEnd.length; i++) {
      for (; k < docEnd[i]; k++) {
        const at = fill[pairIds[k]]++;
        docs[at] = i;
        tfs[at] = pairTfs[k];
      }
    }
    const p = new Postings();
    p.baseTerms = termCount;
    p.baseOff = off;
    p.baseDocs = docs;
    p.baseTfs = tfs;
    p.baseSlots = docEnd.length;
    return p;
  }

  /** An article added after the rebuild: its terms and packed tfs go to the delta lists. */
  add(slot: number, ids: readonly number[], tfs: readonly number[]): void {
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      let docs = this.deltaDocs.get(id);
      if (!docs) {
        this.deltaDocs.set(id, (docs = []));
        this.deltaTfs.set(id, []);
      }
      docs.push(slot);
      (this.deltaTfs.get(id) as number[]).push(tfs[k]);
    }
    this.deltaPostings += ids.length;
  }

  /** The article in slot (with this many terms) was removed; alive must already say so. */
  removed(slot: number, terms: number, alive: readonly boolean[]): void {
    if (slot >= this.baseSlots) this.deadDelta += terms;
    if (this.deadDelta > 10_000 && this.deadDelta > this.deltaPostings * 0.25) this.compactDelta(alive);
  }

  /** Adds a term's postings, base and delta, to the query's scores. */
  accumulate(s: Bm25fState, term: number, base: number, qw: number): void {
    if (term < this.baseTerms) accumulate(s, this.baseDocs, this.baseTfs, this.baseOff[term], this.baseOff[term + 1], base, qw);
    const docs = this.deltaDocs.get(term);
    if (docs) accumulate(s, docs, this.deltaTfs.get(term) as number[], 0, docs.length, base, qw);
  }

  /** Drops removed articles' delta postings (slots stay; a rebuild renumbers them and drops the base's). */
  private compactDelta(alive: readonly boolean[]): void {
    for (const [id, docs] of this.deltaDocs) {
      const tfs = this.deltaTfs.get(id) as number[];
      let w = 0;
      for (let r = 0; r < docs.length; r++) {
        if (alive[docs[r]]) {
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
}
