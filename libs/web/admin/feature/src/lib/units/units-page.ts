import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { UnitView } from '@hotline/contracts';
import { AdminStore, AdminUnitView, UnitForm } from '@hotline/web-admin-data-access';
import { ReferenceStore, buildUnitTree, callError } from '@hotline/web-core-data-access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { ADMIN_CRUD, injectAdminEditor } from './crud';
import { TreeRow, flattenTree } from './tree-rows';

export const UNIT_KINDS: { value: UnitView['kind']; label: string }[] = [
  { value: 'bureau', label: '市直部门' },
  { value: 'region_gov', label: '区县政府' },
  { value: 'utility', label: '公共事业单位' },
  { value: 'town', label: '镇街' },
  { value: 'other', label: '其他' },
];

interface UnitEdit extends UnitForm {
  existing: AdminUnitView | null;
}

@Component({
  selector: 'hl-units-page',
  imports: [FormsModule, NzButtonModule, NzSelectModule, ADMIN_CRUD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <hl-admin-crud-page
      heading="单位管理"
      noun="单位"
      entity="unit"
      tableId="units-table"
      [columns]="columns"
      [rows]="rows()"
      [rowKey]="rowKey"
      [loading]="admin.unitsState() === 'loading'"
      [error]="error()"
      [editor]="editor"
      (create)="create(null)"
    >
      <ng-template [hlAdminRow]="rows()" let-r>
        <td [style.padding-left.px]="8 + r.depth * 20">{{ r.item.name }}</td>
        <td>{{ r.item.code }}</td>
        <td>{{ kindLabel(r.item.kind) }}</td>
        <td>{{ reference.regionName(r.item.regionId) || '—' }}</td>
        <td>
          <hl-active-tag [active]="r.item.active" />
        </td>
        <td>
          <button nz-button nzType="link" nzSize="small" (click)="edit(r.item)" [attr.data-testid]="'unit-edit-' + r.item.code">编辑</button>
          <button nz-button nzType="link" nzSize="small" (click)="create(r.item)">新增下级</button>
        </td>
      </ng-template>
      <ng-template [hlAdminForm]="editor" let-e>
        <hl-admin-input [editor]="editor" field="name" label="名称" required testid="unit-name" />
        <hl-admin-input
          [editor]="editor"
          field="code"
          label="编码"
          required
          extra="小写字母开头，可含数字和下划线；创建后不可修改"
          [disabled]="!!e.existing"
          testid="unit-code"
        />
        <hl-admin-field label="类型" required [error]="editor.error('kind')">
          <nz-select name="kind" [nzDisabled]="!!e.existing" [ngModel]="e.kind" (ngModelChange)="editor.patch({ kind: $event })" data-testid="unit-kind">
            @for (k of kinds; track k.value) {
              <nz-option [nzValue]="k.value" [nzLabel]="k.label" />
            }
          </nz-select>
        </hl-admin-field>
        <hl-admin-field label="上级单位" [error]="editor.error('parentId')">
          <nz-select
            name="parentId"
            nzShowSearch
            nzAllowClear
            nzPlaceHolder="无（顶级）"
            [ngModel]="e.parentId"
            (ngModelChange)="editor.patch({ parentId: $event })"
          >
            @for (u of admin.units(); track u.id) {
              @if (u.id !== e.existing?.id) {
                <nz-option [nzValue]="u.id" [nzLabel]="u.name" />
              }
            }
          </nz-select>
        </hl-admin-field>
        <hl-admin-field label="所属区域" [error]="editor.error('regionId')">
          <nz-select name="regionId" nzAllowClear nzPlaceHolder="无" [ngModel]="e.regionId" (ngModelChange)="editor.patch({ regionId: $event })">
            @for (r of reference.regions(); track r.id) {
              <nz-option [nzValue]="r.id" [nzLabel]="r.name" />
            }
          </nz-select>
        </hl-admin-field>
        @if (e.existing) {
          <hl-admin-switch [editor]="editor" field="active" label="启用" />
        }
      </ng-template>
    </hl-admin-crud-page>
  `,
  styles: `
    nz-select {
      width: 100%;
    }
  `,
})
export class UnitsPage {
  protected readonly admin = inject(AdminStore);
  protected readonly reference = inject(ReferenceStore);
  protected readonly kinds = UNIT_KINDS;
  protected readonly columns = [
    { title: '名称' },
    { title: '编码', width: '120px' },
    { title: '类型', width: '110px' },
    { title: '区域', width: '100px' },
    { title: '状态', width: '70px' },
    { title: '操作', width: '160px' },
  ];
  protected readonly error = computed(() => callError(this.admin.unitsState()));
  protected readonly rows = computed(() =>
    flattenTree(buildUnitTree(this.admin.units()), (n) => n.children).map((r) => ({ item: r.item.item as AdminUnitView, depth: r.depth })),
  );
  protected readonly rowKey = (r: TreeRow<AdminUnitView>) => r.item.code;
  protected readonly editor = injectAdminEditor<UnitEdit>({
    problem: (e) => (!e.name.trim() || !e.code.trim() ? '请填写名称和编码' : null),
    save: ({ existing, ...form }) =>
      this.admin.saveUnit(existing, {
        ...form,
        name: form.name.trim(),
        code: form.code.trim(),
      }),
  });

  constructor() {
    void this.admin.loadUnits();
  }

  protected kindLabel(kind: UnitView['kind']): string {
    return UNIT_KINDS.find((k) => k.value === kind)?.label ?? kind;
  }

  protected create(parent: AdminUnitView | null): void {
    this.editor.open({
      existing: null,
      code: '',
      name: '',
      kind: parent ? 'town' : 'bureau',
      parentId: parent?.id ?? null,
      regionId: parent?.regionId ?? null,
      active: true,
    });
  }

  protected edit(u: AdminUnitView): void {
    this.editor.open({
      existing: u,
      code: u.code,
      name: u.name,
      kind: u.kind,
      parentId: u.parentId,
      regionId: u.regionId,
      active: u.active,
    });
  }
}
