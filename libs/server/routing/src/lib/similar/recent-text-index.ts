// An in-memory index over the text of recent orders (the last `days`), for "has this been reported already?".
// Each order becomes its set of character pairs (bigramsOf: integers, no strings); an inverted list maps a pair to the
// orders holding it. A query walks the lists of its own pairs, skipping pairs so common they say nothing (in more than
// 5% of orders, e.g. 小区, 反映), and scores each order it meets by the cosine of the two sets:
// shared / √(|query| · |order|). Addresses go in a second map, by their normalised key. Pure: the service feeds it rows.
import { bigramsOf, normalizeText } from '@hotline/server-knowledge';

export interface IndexedOrder {
  id: number;
  categoryId: number;
  regionId: number | null;
  addressKey: string | null;
  createdAt: number;
}

export interface TextHit {
  id: number;
  score: number;
}

export class RecentTextIndex {
  private readonly docs = new Map<number, IndexedOrder & { size: number }>();
  private readonly postings = new Map<number, number[]>();
  private readonly byAddress = new Map<string, number[]>();
  lastId = 0;

  get size(): number {
    return this.docs.size;
  }

  add(order: IndexedOrder, content: string): void {
    if (this.docs.has(order.id)) return;
    const grams = [...new Set(bigramsOf(normalizeText(content)))];
    this.docs.set(order.id, { ...order, size: grams.length });
    for (const g of grams) {
      const list = this.postings.get(g);
      if (list) list.push(order.id);
      else this.postings.set(g, [order.id]);
    }
    if (order.addressKey) this.byAddress.set(order.addressKey, [...(this.byAddress.get(order.addressKey) ?? []), order.id]);
    if (order.id > this.lastId) this.lastId = order.id;
  }

  /** Drops orders created before `before` (ms); lists are compacted as they go. */
  evict(before: number): void {
    const gone = new Set<number>();
    for (const [id, d] of this.docs) if (d.createdAt < before) gone.add(id);
    if (gone.size === 0) return;
    for (const id of gone) this.docs.delete(id);
    for (const [g, list] of this.postings) {
      const kept = list.filter((id) => !gone.has(id));
      if (kept.length) this.postings.set(g, kept);
      else this.postings.delete(g);
    }
    for (const [k, list] of this.byAddress) {
      const kept = list.filter((id) => !gone.has(id));
      if (kept.length) this.byAddress.set(k, kept);
      else this.byAddress.delete(k);
    }
  }

  /** Orders whose text shares enough character pairs with `content` (cosine ≥ minScore), best first. */
  similarText(content: string, limit = 10, minScore = 0.3): TextHit[] {
    const grams = [...new Set(bigramsOf(normalizeText(content)))];
    if (grams.length === 0) return [];
    const tooCommon = Math.max(50, this.docs.size * 0.05);
    const shared = new Map<number, number>();
    for (const g of grams) {
      const list = this.postings.get(g);
      if (!list || list.length > tooCommon) continue;
      for (const id of list) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    const hits: TextHit[] = [];
    for (const [id, n] of shared) {
      const d = this.docs.get(id);
      if (!d) continue;
      const score = n / Math.sqrt(grams.length * Math.max(1, d.size));
      if (score >= minScore) hits.push({ id, score });
    }
    return hits.sort((a, b) => b.score - a.score || b.id - a.id).slice(0, limit);
  }

  byAddressKey(key: string, limit = 10): number[] {
    return (this.byAddress.get(key) ?? []).slice(-limit).reverse();
  }

  /** Orders of the category in the region (any region when null) created at or after `since`, newest first. */
  sameCategory(categoryId: number, regionId: number | null, since: number, limit = 10): number[] {
    const out: number[] = [];
    for (const d of this.docs.values()) {
      if (d.categoryId === categoryId && d.createdAt >= since && (regionId == null || d.regionId === regionId)) out.push(d.id);
    }
    return out.sort((a, b) => b - a).slice(0, limit);
  }
}
