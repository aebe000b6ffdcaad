import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { AdminCategoryNode, AdminStore, CategoryForm } from '@hotline/web-admin-data-access';
import { ReferenceStore, callError } from '@hotline/web-core-data-access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { ADMIN_CRUD, injectAdminEditor } from './crud';
import { TreeRow, flattenTree } from './tree-rows';

interface CategoryEdit extends CategoryForm {
  existing: AdminCategoryNode | null;
  parentName: string | null;
}

/** The three-level category tree, each node's default unit being the dispatch catalogue's entry. */
@Component({
  selector: 'hl-categories-page',
  imports: [FormsModule, NzButtonModule, NzInputModule, NzSelectModule, ADMIN_CRUD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <hl-admin-crud-page
      heading="问题分类（三级）与派单目录"
      noun="分类"
      createLabel="新建一级分类"
      entity="category"
      tableId="categories-table"
      [columns]="columns"
      [rows]="rows()"
      [rowKey]="rowKey"
      [loading]="admin.categoriesState() === 'loading'"
      [error]="error()"
      [pageSize]="100"
      [editor]="editor"
      (create)="create(null)"
    >
      <input nz-input class="filter" placeholder="筛选名称" [ngModel]="filter()" (ngModelChange)="filter.set($event)" />
      <ng-template [hlAdminRow]="rows()" let-r>
        <td [style.padding-left.px]="8 + r.depth * 20">{{ r.item.name }}</td>
        <td>{{ r.item.code }}</td>
        <td>{{ r.item.level }}</td>
        <td>
          {{ r.item.defaultUnitId ? reference.unitName(r.item.defaultUnitId) : '—（继承上级）' }}
        </td>
        <td>
          <button nz-button nzType="link" nzSize="small" (click)="edit(r.item)" [attr.data-testid]="'category-edit-' + r.item.code">编辑</button>
          @if (r.item.level < 3) {
            <button nz-button nzType="link" nzSize="small" (click)="create(r.item)">新增下级</button>
          }
        </td>
      </ng-template>
      <ng-template [hlAdminForm]="editor" let-e>
        <hl-admin-input [editor]="editor" field="name" label="名称" required testid="category-name" />
        <hl-admin-input
          [editor]="editor"
          field="code"
          label="编码"
          required
          extra="小写字母开头，可含数字和下划线；创建后不可修改"
          [disabled]="!!e.existing"
          testid="category-code"
        />
        <hl-admin-field label="默认承办单位（派单目录）" [error]="editor.error('defaultUnitId')">
          <nz-select
            name="defaultUnitId"
            nzShowSearch
            nzAllowClear
            nzPlaceHolder="不设置则继承上级"
            [ngModel]="e.defaultUnitId"
            (ngModelChange)="editor.patch({ defaultUnitId: $event })"
            data-testid="category-unit"
          >
            @for (u of reference.activeUnits(); track u.id) {
              <nz-option [nzValue]="u.id" [nzLabel]="u.name" />
            }
          </nz-select>
        </hl-admin-field>
      </ng-template>
    </hl-admin-crud-page>
  `,
  styles: `
    .filter {
      width: 200px;
    }
    nz-select {
      width: 100%;
    }
  `,
})
export class CategoriesPage {
  protected readonly admin = inject(AdminStore);
  protected readonly reference = inject(ReferenceStore);
  protected readonly columns = [
    { title: '名称' },
    { title: '编码', width: '120px' },
    { title: '层级', width: '60px' },
    { title: '默认承办单位', width: '200px' },
    { title: '操作', width: '160px' },
  ];
  protected readonly filter = signal('');
  protected readonly error = computed(() => callError(this.admin.categoriesState()));
  private readonly allRows = computed(() => flattenTree(this.admin.categories(), (c) => c.children));
  protected readonly rows = computed(() => {
    const f = this.filter().trim();
    return f ? this.allRows().filter((r) => r.item.name.includes(f)) : this.allRows();
  });
  protected readonly rowKey = (r: TreeRow<AdminCategoryNode>) => r.item.code;
  protected readonly editor = injectAdminEditor<CategoryEdit>({
    problem: (e) => (!e.name.trim() || !e.code.trim() ? '请填写名称和编码' : null),
    save: (e) =>
      this.admin.saveCategory(e.existing, {
        code: e.code.trim(),
        name: e.name.trim(),
        parentId: e.parentId,
        defaultUnitId: e.defaultUnitId ?? null,
      }),
  });

  constructor() {
    void this.admin.loadCategories();
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
