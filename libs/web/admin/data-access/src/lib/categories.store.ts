import { CategoryNode } from '@hotline/contracts';
import { signalStore, withMethods } from '@ngrx/signals';
import { Versioned, withAdminList, withAdminSave } from './admin-crud';

export type AdminCategoryNode = Versioned<Omit<CategoryNode, 'children'>> & {
  children: AdminCategoryNode[];
};

export interface CategoryForm {
  code: string;
  name: string;
  parentId: number | null;
  defaultUnitId: number | null;
}

/** Creation places the node (code, parent); an update changes only its name and default unit. */
export function categoryBody(existing: AdminCategoryNode | null, f: CategoryForm): Record<string, unknown> {
  return existing
    ? { version: existing.version, name: f.name, defaultUnitId: f.defaultUnitId }
    : { code: f.code, name: f.name, parentId: f.parentId, defaultUnitId: f.defaultUnitId };
}

/** 问题分类 and the dispatch catalogue (each node's default unit); a save refreshes the reference data. */
export const CategoriesStore = signalStore(
  withAdminList<AdminCategoryNode>('/admin/categories'),
  withAdminSave('/admin/categories', '分类'),
  withMethods((store) => ({
    save(existing: AdminCategoryNode | null, form: CategoryForm): Promise<boolean> {
      return store._upsert(existing, categoryBody(existing, form), () => Promise.all([store.load(), store._refreshReference()]));
    },
  })),
);
