/** A tree flattened depth-first for a table, each row knowing its depth for indentation. */
export interface TreeRow<T> {
  item: T;
  depth: number;
}

export function flattenTree<T>(roots: readonly T[], children: (t: T) => readonly T[] | undefined): TreeRow<T>[] {
  const out: TreeRow<T>[] = [];
  const walk = (nodes: readonly T[], depth: number) => {
    for (const n of nodes) {
      out.push({ item: n, depth });
      walk(children(n) ?? [], depth + 1);
    }
  };
  walk(roots, 0);
  return out;
}
