// Groups orders that look like one matter: the same normalised address (addressKey), or text alike (cosine of the
// character-pair sets ≥ minText, the measure RecentTextIndex uses for similar orders). Links are joined transitively
// (union–find, single link): A like B and B like C put A, B and C in one group, which is what a dispatcher merging
// calls about one burst pipe wants, and why the text threshold is well above the 0.3 of "similar orders".
// Pure: the services feed it rows.
import { addressKey } from '@hotline/domain';
import type { ClusterReason } from '@hotline/contracts';
import { RecentTextIndex } from '../similar/recent-text-index';

export interface ClusterItem {
  id: number;
  address: string | null;
  content: string;
  /** ms */
  createdAt: number;
}

export interface Cluster {
  key: string;
  label: string;
  reason: ClusterReason;
  /** newest first */
  ids: number[];
}

export interface ClusterOptions {
  /** groups smaller than this are not reported */
  minSize: number;
  /** text cosine at or above which two orders are linked */
  minText?: number;
  /** most text neighbours looked at per order (bounds the work on a large period) */
  neighbours?: number;
}

export const CLUSTER_MIN_TEXT = 0.5;
const LABEL_CHARS = 24;

export function clusterOrders(items: readonly ClusterItem[], opts: ClusterOptions): Cluster[] {
  const minText = opts.minText ?? CLUSTER_MIN_TEXT;
  const neighbours = opts.neighbours ?? 20;
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) as number;
    for (let y = x; y !== root; ) {
      const next = parent.get(y) as number;
      parent.set(y, root);
      y = next;
    }
    return root;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  };

  const byId = new Map<number, ClusterItem & { key: string | null }>();
  const firstAtAddress = new Map<string, number>();
  const index = new RecentTextIndex();
  for (const item of items) {
    if (byId.has(item.id)) continue;
    const key = addressKey(item.address);
    byId.set(item.id, { ...item, key });
    parent.set(item.id, item.id);
    index.add({ id: item.id, categoryId: 0, regionId: null, addressKey: null, createdAt: item.createdAt }, item.content);
    if (key) {
      const first = firstAtAddress.get(key);
      if (first === undefined) firstAtAddress.set(key, item.id);
      else union(first, item.id);
    }
  }
  for (const item of byId.values()) {
    for (const hit of index.similarText(item.content, neighbours + 1, minText)) if (hit.id !== item.id) union(item.id, hit.id);
  }

  const groups = new Map<number, (ClusterItem & { key: string | null })[]>();
  for (const item of byId.values()) {
    const root = find(item.id);
    const g = groups.get(root);
    if (g) g.push(item);
    else groups.set(root, [item]);
  }

  const out: Cluster[] = [];
  for (const [root, members] of groups) {
    if (members.length < Math.max(2, opts.minSize)) continue;
    members.sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
    // the address most members share, when it is at least half of them, names the group
    const keys = new Map<string, number>();
    for (const m of members) if (m.key) keys.set(m.key, (keys.get(m.key) ?? 0) + 1);
    const [topKey, topCount] = [...keys].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [null, 0];
    if (topKey && topCount * 2 >= members.length) {
      const named = members.find((m) => m.key === topKey) as ClusterItem;
      out.push({ key: `a:${topKey}`, label: (named.address as string).trim(), reason: 'address', ids: members.map((m) => m.id) });
    } else {
      const text = members[0].content.replace(/\s+/g, ' ').trim();
      out.push({ key: `t:${root}`, label: text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS)}…` : text, reason: 'text', ids: members.map((m) => m.id) });
    }
  }
  const newest = (c: Cluster) => (byId.get(c.ids[0]) as ClusterItem).createdAt;
  return out.sort((a, b) => b.ids.length - a.ids.length || newest(b) - newest(a) || a.key.localeCompare(b.key));
}
