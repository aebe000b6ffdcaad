import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import {
  AdminCategoryNode,
  AdminStore,
  CategoryForm,
} from '@hotline/web-admin-data-access';
import {
  NOTIFIER,
  ReferenceStore,
  callError,
} from '@hotline/web-core-data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { flattenTree } from './tree-rows';

interface CategoryEdit extends CategoryForm {
  existing: AdminCategoryNode | null;
  parentName: string | null;
}

/** The three-level category tree, each node's default unit being the dispatch catalogue's entry. */
@Component({
  selector: 'hl-categories-page',
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzSelectModule,
    NzTableModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bar">
      <h2>问题分类（三级）与派单目录</h2>
      <input
        nz-input
        class="filter"
        placeholder="筛选名称"
        [ngModel]="filter()"
        (ngModelChange)="filter.set($event)"
      />
      <button
        nz-button
        nzType="primary"
        (click)="create(null)"
        data-testid="category-create"
      >
        <nz-icon nzType="plus" />新建一级分类
      </button>
    </div>
    @if (error(); as message) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="message" />
    }
    <nz-table
      #t
      nzSize="small"
      [nzData]="rows()"
      [nzLoading]="admin.categoriesState() === 'loading'"
      [nzPageSize]="100"
      data-testid="categories-table"
    >
      <thead>
        <tr>
          <th>名称</th>
          <th nzWidth="120px">编码</th>
          <th nzWidth="60px">层级</th>
          <th nzWidth="200px">默认承办单位</th>
          <th nzWidth="160px">操作</th>
        </tr>
      </thead>
      <tbody>
        @for (r of t.data; track r.item.id) {
          <tr [attr.data-testid]="'category-row-' + r.item.code">
            <td [style.padding-left.px]="8 + r.depth * 20">
              {{ r.item.name }}
            </td>
            <td>{{ r.item.code }}</td>
            <td>{{ r.item.level }}</td>
            <td>
              {{
                r.item.defaultUnitId
                  ? reference.unitName(r.item.defaultUnitId)
                  : '—（继承上级）'
              }}
            </td>
            <td>
              <button
                nz-button
                nzType="link"
                nzSize="small"
                (click)="edit(r.item)"
                [attr.data-testid]="'category-edit-' + r.item.code"
              >
                编辑
              </button>
              @if (r.item.level < 3) {
                <button
                  nz-button
                  nzType="link"
                  nzSize="small"
                  (click)="create(r.item)"
                >
                  新增下级
                </button>
              }
            </td>
          </tr>
        }
      </tbody>
    </nz-table>

    <nz-modal
      [nzVisible]="editing() !== null"
      [nzTitle]="editing()?.existing ? '编辑分类' : '新建分类'"
      (nzOnCancel)="editing.set(null)"
      (nzOnOk)="save()"
      [nzOkLoading]="admin.saving()"
      nzOkText="保存"
    >
      <ng-container *nzModalContent>
        @if (editing(); as e) {
          <form
            nz-form
            nzLayout="vertical"
            (ngSubmit)="save()"
            data-testid="category-form"
          >
            <nz-form-item>
              <nz-form-label>上级分类</nz-form-label>
              <nz-form-control>{{
                e.parentName ?? '无（一级分类）'
              }}</nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzRequired>名称</nz-form-label>
              <nz-form-control
                ><input
                  nz-input
                  name="name"
                  [ngModel]="e.name"
                  (ngModelChange)="patch({ name: $event })"
                  data-testid="category-name"
              /></nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzRequired>编码</nz-form-label>
              <nz-form-control
                nzExtra="小写字母开头，可含数字和下划线；创建后不可修改"
              >
                <input
                  nz-input
                  name="code"
                  [disabled]="!!e.existing"
                  [ngModel]="e.code"
                  (ngModelChange)="patch({ code: $event })"
                  data-testid="category-code"
                />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label>默认承办单位（派单目录）</nz-form-label>
              <nz-form-control>
                <nz-select
                  name="defaultUnitId"
                  nzShowSearch
                  nzAllowClear
                  nzPlaceHolder="不设置则继承上级"
                  [ngModel]="e.defaultUnitId"
                  (ngModelChange)="patch({ defaultUnitId: $event })"
                  data-testid="category-unit"
                >
                  @for (u of reference.activeUnits(); track u.id) {
                    <nz-option [nzValue]="u.id" [nzLabel]="u.name" />
                  }
                </nz-select>
              </nz-form-control>
            </nz-form-item>
          </form>
        }
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .bar {
      display: flex;
      gap: 12px;
      align-items: center;
      margin-bottom: 8px;
    }
    h2 {
      font-size: 16px;
      margin: 0;
      flex: 1;
    }
    .filter {
      width: 200px;
    }
    nz-select {
      width: 100%;
    }
    nz-form-item {
      margin-bottom: 10px;
    }
  `,
})
export class CategoriesPage {
  protected readonly admin = inject(AdminStore);
  protected readonly reference = inject(ReferenceStore);
  private readonly notifier = inject(NOTIFIER);
  protected readonly filter = signal('');
  protected readonly editing = signal<CategoryEdit | null>(null);
  protected readonly error = computed(() =>
    callError(this.admin.categoriesState()),
  );
  private readonly allRows = computed(() =>
    flattenTree(this.admin.categories(), (c) => c.children),
  );
  protected readonly rows = computed(() => {
    const f = this.filter().trim();
    return f
      ? this.allRows().filter((r) => r.item.name.includes(f))
      : this.allRows();
  });

  constructor() {
    void this.admin.loadCategories();
  }

  protected create(parent: AdminCategoryNode | null): void {
    this.editing.set({
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
    this.editing.set({
      existing: c,
      code: c.code,
      name: c.name,
      parentId: c.parentId,
      parentName: parent?.name ?? null,
      defaultUnitId: c.defaultUnitId,
    });
  }

  protected patch(change: Partial<CategoryEdit>): void {
    this.editing.update((e) => (e ? { ...e, ...change } : e));
  }

  protected async save(): Promise<void> {
    const e = this.editing();
    if (!e) return;
    if (!e.name.trim() || !e.code.trim()) {
      this.notifier.warning('请填写名称和编码');
      return;
    }
    const form: CategoryForm = {
      code: e.code.trim(),
      name: e.name.trim(),
      parentId: e.parentId,
      defaultUnitId: e.defaultUnitId ?? null,
    };
    if (await this.admin.saveCategory(e.existing, form)) this.editing.set(null);
  }
}
