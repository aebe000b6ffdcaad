// The baseline the learner must beat: multinomial naive Bayes over character pairs (Laplace smoothing).
// Kept small and separate: the benchmark and the learner's specs compare against it.
import { bigramsOf, normalizeText } from '@hotline/server-knowledge';
import { Scored, topOf } from './softmax-model';

export class BigramNaiveBayes {
  private readonly counts = new Map<string, Map<number, number>>();
  private readonly totals = new Map<string, number>();
  private readonly docs = new Map<string, number>();
  private readonly vocab = new Set<number>();
  private n = 0;

  add(text: string, label: string): void {
    const bag = this.counts.get(label) ?? new Map<number, number>();
    this.counts.set(label, bag);
    const grams = bigramsOf(normalizeText(text));
    for (const g of grams) {
      bag.set(g, (bag.get(g) ?? 0) + 1);
      this.vocab.add(g);
    }
    this.totals.set(label, (this.totals.get(label) ?? 0) + grams.length);
    this.docs.set(label, (this.docs.get(label) ?? 0) + 1);
    this.n++;
  }

  /** Classes by log posterior (scores are log-probabilities up to a constant). */
  top(text: string, k: number): Scored[] {
    const labels = [...this.counts.keys()];
    const grams = bigramsOf(normalizeText(text));
    const V = this.vocab.size;
    const scores = labels.map((l) => {
      const bag = this.counts.get(l) as Map<number, number>;
      const denom = Math.log((this.totals.get(l) as number) + V);
      let s = Math.log((this.docs.get(l) as number) / this.n);
      for (const g of grams) s += Math.log((bag.get(g) ?? 0) + 1) - denom;
      return s;
    });
    return topOf(scores, labels, k);
  }
}
