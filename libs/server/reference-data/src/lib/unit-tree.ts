/** Pure helpers over the unit tree (a district government and its towns/streets). */
export interface TreeNode {
  id: number;
  parentId: number | null;
}

export function childrenIndex<T extends TreeNode>(nodes: readonly T[]): Map<number | null, T[]> {
  const idx = new Map<number | null, T[]>();
  for (const n of nodes) {
    const list = idx.get(n.parentId) ?? [];
    list.push(n);
    idx.set(n.parentId, list);
  }
  return idx;
}

/** The node and every descendant; cycles (bad data) are cut rather than looped on. */
export function subtreeIds(nodes: readonly TreeNode[], rootId: number): number[] {
  const idx = childrenIndex(nodes);
  const out: number[] = [];
  const seen = new Set<number>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop() as number;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    for (const c of idx.get(id) ?? []) stack.push(c.id);
  }
  return out;
}

/** True when `id` is `ancestorId` or lies below it. */
export function isWithin(nodes: readonly TreeNode[], id: number, ancestorId: number): boolean {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let cur: number | null = id;
  for (let hops = 0; cur != null && hops <= nodes.length; hops++) {
    if (cur === ancestorId) return true;
    cur = byId.get(cur)?.parentId ?? null;
  }
  return false;
}

/** Would making `parentId` the parent of `id` create a cycle? */
export function wouldCycle(nodes: readonly TreeNode[], id: number, parentId: number | null): boolean {
  return parentId != null && isWithin(nodes, parentId, id);
}
