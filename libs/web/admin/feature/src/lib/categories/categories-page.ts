import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { AdminCategoryNode, CategoriesStore, CategoryForm } from '@hotline/web-admin-data-access';
import { ReferenceStore } from '@hotline/web-core-data-access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { ADMIN_CRUD, AdminPageSpec, injectAdminEditor } from '../crud';
import { TreeRow, flattenTree } from '../tree-rows';

interface CategoryEdit extends CategoryForm {
  existing: AdminCategoryNode | null;
  parentName: string | null;
}

/** The three-level category tree, each node's default unit being the dispatch catalogue's entry. */
@Component({
  selector: 'hl-categories-page',
  imports: [FormsModule, NzButtonModule, NzInputModule, ADMIN_CRUD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './categories-page.html',
  styles: `
    .filter {
      width: 200px;
    }
  `,
})
export class CategoriesPage {
  protected readonly store = inject(CategoriesStore);
  protected readonly reference = inject(ReferenceStore);
  protected readonly spec: AdminPageSpec<TreeRow<AdminCategoryNode>> = {
    heading: '问题分类（三级）与派单目录',
    noun: '分类',
    createLabel: '新建一级分类',
    entity: 'category',
    tableId: 'categories-table',
    pageSize: 100,
    columns: [
      { title: '名称' },
      { title: '编码', width: '120px' },
      { title: '层级', width: '60px' },
      { title: '默认承办单位', width: '200px' },
      { title: '操作', width: '160px' },
    ],
    rowKey: (r: TreeRow<AdminCategoryNode>) => r.item.code,
  };
  protected readonly filter = signal('');
  private readonly allRows = computed(() => flattenTree(this.store.items(), (c) => c.children));
  protected readonly rows = computed(() => {
    const f = this.filter().trim();
    return f ? this.allRows().filter((r) => r.item.name.includes(f)) : this.allRows();
  });
  protected readonly editor = injectAdminEditor<CategoryEdit>(this.store, {
    problem: (e) => (!e.name.trim() || !e.code.trim() ? '请填写名称和编码' : null),
    save: (e) =>
      this.store.save(e.existing, {
        code: e.code.trim(),
        name: e.name.trim(),
        parentId: e.parentId,
        defaultUnitId: e.defaultUnitId ?? null,
      }),
  });

  constructor() {
    void this.store.load();
  }

  protected create(parent: AdminCategoryNode | null): void {
    this.editor.open({
      existing: null,
      code: '',
      name: '',
      parentId: parent?.id ?? null,
      parentName: parent?.name ?? null,
      defaultUnitId: null,
    });
  }

  protected edit(c: AdminCategoryNode): void {
    const parent = this.allRows().find((r) => r.item.id === c.parentId)?.item;
    this.editor.open({
      existing: c,
      code: c.code,
      name: c.name,
      parentId: c.parentId,
      parentName: parent?.name ?? null,
      defaultUnitId: c.defaultUnitId,
    });
  }
}
