// An in-memory index over the text of recent orders (the last `days`), for "has this been reported already?".
// Each order becomes its sorted set of character pairs (bigramsOf: integers, no strings); an inverted list maps a pair
// to the orders holding it. A query finds candidates through its rarest pairs only (an appeal of 400 characters has
// ~400 pairs; walking every list cost 0.5 s at a quarter's volume), then scores each candidate exactly by the cosine
// of the two sets, counting only pairs that say something (those in at most 5% of orders, not 小区 or 反映):
// shared / √(|query| · |order|). Addresses and categories go in maps of their own. Pure: the service feeds it rows.
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

interface Doc extends IndexedOrder {
  /** its character pairs, sorted, each once */
  grams: Int32Array;
}

/** how many of the query's rarest pairs are walked for candidates: at most 48, at least 8, ≤ 20,000 ids beyond those */
const PROBE_PAIRS = 48;
const MIN_PROBE_PAIRS = 8;
const PROBE_BUDGET = 20_000;
/** a pair's list becomes a typed array at this length (a typed array's own cost is ~100 bytes: worth it when long) */
const TYPED_FROM = 64;
/** how many candidates (most rare pairs shared first) are scored exactly */
const MAX_CANDIDATES = 400;

function gramSet(content: string): Int32Array {
  return Int32Array.from(new Set(bigramsOf(normalizeText(content)))).sort();
}

export class RecentTextIndex {
  private readonly docs = new Map<number, Doc>();
  /** pair → the ids holding it: a JS array while short, a growable typed array (4 bytes an entry, not 8) once long */
  private readonly postings = new Map<number, IdList | number[]>();
  private readonly byAddress = new Map<string, number[]>();
  private readonly byCategory = new Map<number, number[]>();
  /** ids evicted from `docs` and still in the lists (compacted in bulk, not on every eviction) */
  private dead = 0;
  private oldest = Number.POSITIVE_INFINITY;
  lastId = 0;

  get size(): number {
    return this.docs.size;
  }

  add(order: IndexedOrder, content: string): void {
    if (this.docs.has(order.id)) return;
    const grams = gramSet(content);
    this.docs.set(order.id, { ...order, grams });
    for (const g of grams) {
      const list = this.postings.get(g);
      if (!list) this.postings.set(g, [order.id]);
      else if (!Array.isArray(list)) list.push(order.id);
      else if (list.length < TYPED_FROM) list.push(order.id);
      else this.postings.set(g, new IdList(list).push(order.id));
    }
    if (order.addressKey) push(this.byAddress, order.addressKey, order.id);
    push(this.byCategory, order.categoryId, order.id);
    if (order.createdAt < this.oldest) this.oldest = order.createdAt;
    if (order.id > this.lastId) this.lastId = order.id;
  }

  /** Drops orders created before `before` (ms); the lists are compacted once a fifth of their ids are gone. */
  evict(before: number): void {
    if (this.oldest >= before) return;
    let oldest = Number.POSITIVE_INFINITY;
    for (const [id, d] of this.docs) {
      if (d.createdAt < before) {
        this.docs.delete(id);
        this.dead++;
      } else if (d.createdAt < oldest) oldest = d.createdAt;
    }
    this.oldest = oldest;
    if (this.dead > Math.max(1000, this.docs.size / 5)) this.compact();
  }

  private compact(): void {
    for (const [g, list] of this.postings) {
      const left = Array.isArray(list) ? list.filter((id) => this.docs.has(id)) : list.keep((id) => this.docs.has(id));
      if (left.length === 0) this.postings.delete(g);
      else if (Array.isArray(left)) this.postings.set(g, left);
    }
    for (const map of [this.byAddress, this.byCategory] as Map<unknown, number[]>[]) {
      for (const [k, list] of map) {
        const kept = list.filter((id) => this.docs.has(id));
        if (kept.length) map.set(k, kept);
        else map.delete(k);
      }
    }
    this.dead = 0;
  }

  /** Orders whose text shares enough character pairs with `content` (cosine ≥ minScore), best first. */
  similarText(content: string, limit = 10, minScore = 0.3): TextHit[] {
    const q = gramSet(content);
    if (q.length === 0) return [];
    const telling = this.tellingPairs(q);
    // candidates: the orders met in the lists of the query's rarest pairs, those sharing most of them first
    const probe = [...telling.values()].sort((a, b) => a.length - b.length);
    const met = new Map<number, number>();
    let walked = 0;
    for (const [i, list] of probe.entries()) {
      if (i >= PROBE_PAIRS || (i >= MIN_PROBE_PAIRS && walked + list.length > PROBE_BUDGET)) break;
      walked += list.length;
      const ids = Array.isArray(list) ? list : list.ids;
      for (let k = 0; k < list.length; k++) met.set(ids[k], (met.get(ids[k]) ?? 0) + 1);
    }
    const hits: TextHit[] = [];
    for (const id of mostMet(met, MAX_CANDIDATES)) {
      const d = this.docs.get(id);
      if (!d) continue;
      const score = cosine(q, d.grams, telling);
      if (score >= minScore) hits.push({ id, score });
    }
    return hits.sort((a, b) => b.score - a.score || b.id - a.id).slice(0, limit);
  }

  /** The text similarity of the given orders to `content`; orders not in the index or sharing nothing are left out. */
  scores(content: string, ids: number[]): TextHit[] {
    const q = gramSet(content);
    if (q.length === 0) return [];
    const telling = this.tellingPairs(q);
    const out: TextHit[] = [];
    for (const id of ids) {
      const d = this.docs.get(id);
      const score = d ? cosine(q, d.grams, telling) : 0;
      if (score > 0) out.push({ id, score });
    }
    return out;
  }

  byAddressKey(key: string, limit = 10): number[] {
    return (this.byAddress.get(key) ?? [])
      .filter((id) => this.docs.has(id))
      .slice(-limit)
      .reverse();
  }

  /** Orders of the category in the region (any region when null) created at or after `since`, newest first. */
  sameCategory(categoryId: number, regionId: number | null, since: number, limit = 10): number[] {
    const out: number[] = [];
    for (const id of this.byCategory.get(categoryId) ?? []) {
      const d = this.docs.get(id);
      if (d && d.createdAt >= since && (regionId == null || d.regionId === regionId)) out.push(id);
    }
    return out.sort((a, b) => b - a).slice(0, limit);
  }

  /** The query's pairs found in the index and in at most 5% of its orders (at least 50), with their lists. */
  private tellingPairs(q: Int32Array): Map<number, IdList | number[]> {
    const tooCommon = Math.max(50, this.docs.size * 0.05);
    const telling = new Map<number, IdList | number[]>();
    for (const g of q) {
      const list = this.postings.get(g);
      if (list && list.length <= tooCommon) telling.set(g, list);
    }
    return telling;
  }
}

/** The `n` keys with the highest counts (ties: any), without sorting them all: counts are small (≤ PROBE_PAIRS). */
function mostMet(met: Map<number, number>, n: number): number[] {
  if (met.size <= n) return [...met.keys()];
  const byCount: number[][] = [];
  for (const [id, c] of met) (byCount[c] ??= []).push(id);
  const out: number[] = [];
  for (let c = byCount.length - 1; c > 0 && out.length < n; c--) {
    for (const id of byCount[c] ?? []) {
      out.push(id);
      if (out.length === n) break;
    }
  }
  return out;
}

/** A list of order ids that grows by doubling, kept in an Int32Array. */
class IdList {
  ids: Int32Array;
  length = 1;

  constructor(from: number[]) {
    this.ids = new Int32Array(from.length * 2);
    this.ids.set(from);
    this.length = from.length;
  }

  push(id: number): this {
    if (this.length === this.ids.length) {
      const grown = new Int32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.length++] = id;
    return this;
  }

  /** Keeps the ids `keep` says yes to, in order, and trims the spare room. */
  keep(keep: (id: number) => boolean): this {
    let n = 0;
    for (let i = 0; i < this.length; i++) if (keep(this.ids[i])) this.ids[n++] = this.ids[i];
    this.ids = this.ids.slice(0, Math.max(n, 1));
    this.length = n;
    return this;
  }
}

function push<K>(map: Map<K, number[]>, key: K, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

/** Shared telling pairs of two sorted sets ÷ √(|a| · |b|). */
function cosine(a: Int32Array, b: Int32Array, telling: Map<number, unknown>): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      if (telling.has(a[i])) shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / Math.sqrt(a.length * Math.max(1, b.length));
}
