import { CategoryNode, UnitView } from '@hotline/contracts';

export interface TreeNode<T> {
  item: T;
  children: TreeNode<T>[];
}

/** Units come flat with `parentId`; screens want them nested. Orphans (parent missing) become roots. */
export function buildUnitTree(units: readonly UnitView[]): TreeNode<UnitView>[] {
  const nodes = new Map<number, TreeNode<UnitView>>();
  for (const u of units) nodes.set(u.id, { item: u, children: [] });
  const roots: TreeNode<UnitView>[] = [];
  for (const u of units) {
    const node = nodes.get(u.id) as TreeNode<UnitView>;
    const parent = u.parentId !== null ? nodes.get(u.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Every unit below `unitId` (not itself), depth first. Used for a district's sub-dispatch. */
export function descendantUnits(units: readonly UnitView[], unitId: number): UnitView[] {
  const byParent = new Map<number, UnitView[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const list = byParent.get(u.parentId) ?? [];
    list.push(u);
    byParent.set(u.parentId, list);
  }
  const out: UnitView[] = [];
  const seen = new Set<number>([unitId]);
  const walk = (id: number) => {
    for (const child of byParent.get(id) ?? []) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      out.push(child);
      walk(child.id);
    }
  };
  walk(unitId);
  return out;
}

export function flattenCategories(roots: readonly CategoryNode[]): CategoryNode[] {
  const out: CategoryNode[] = [];
  const walk = (nodes: readonly CategoryNode[]) => {
    for (const n of nodes) {
      out.push(n);
      walk(n.children ?? []);
    }
  };
  walk(roots);
  return out;
}

/** Ids from the root down to `categoryId`, the value shape of a cascader. */
export function categoryPathIds(byId: ReadonlyMap<number, CategoryNode>, categoryId: number): number[] {
  const path: number[] = [];
  let node = byId.get(categoryId);
  while (node) {
    path.unshift(node.id);
    node = node.parentId !== null ? byId.get(node.parentId) : undefined;
  }
  return path;
}

/**
 * The unit the dispatch catalogue names for a category. A third-level category often has none of
 * its own and inherits its parent's.
 */
export function defaultUnitFor(byId: ReadonlyMap<number, CategoryNode>, categoryId: number | null | undefined): number | null {
  let node = categoryId != null ? byId.get(categoryId) : undefined;
  while (node) {
    if (node.defaultUnitId !== null && node.defaultUnitId !== undefined) return node.defaultUnitId;
    node = node.parentId !== null ? byId.get(node.parentId) : undefined;
  }
  return null;
}

export interface CascaderOption {
  value: number;
  label: string;
  isLeaf?: boolean;
  children?: CascaderOption[];
}

export function toCascaderOptions(nodes: readonly CategoryNode[]): CascaderOption[] {
  return nodes.map((n) =>
    n.children?.length ? { value: n.id, label: n.name, children: toCascaderOptions(n.children) } : { value: n.id, label: n.name, isLeaf: true },
  );
}

/** Named reference rows as select options, keyed by `key` (id or code). */
export function nameOptions<T extends { name: string }, K extends keyof T>(rows: readonly T[], key: K): { value: T[K]; label: string }[] {
  return rows.map((r) => ({ value: r[key], label: r.name }));
}
