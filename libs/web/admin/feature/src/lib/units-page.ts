import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { UnitView } from '@hotline/contracts';
import {
  AdminStore,
  AdminUnitView,
  UnitForm,
} from '@hotline/web-admin-data-access';
import {
  NOTIFIER,
  ReferenceStore,
  buildUnitTree,
  callError,
} from '@hotline/web-core-data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { flattenTree } from './tree-rows';

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
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzSelectModule,
    NzSwitchModule,
    NzTableModule,
    NzTagModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bar">
      <h2>单位管理</h2>
      <button
        nz-button
        nzType="primary"
        (click)="create(null)"
        data-testid="unit-create"
      >
        <nz-icon nzType="plus" />新建单位
      </button>
    </div>
    @if (error(); as message) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="message" />
    }
    <nz-table
      #t
      nzSize="small"
      [nzData]="rows()"
      [nzLoading]="admin.unitsState() === 'loading'"
      [nzPageSize]="50"
      data-testid="units-table"
    >
      <thead>
        <tr>
          <th>名称</th>
          <th nzWidth="120px">编码</th>
          <th nzWidth="110px">类型</th>
          <th nzWidth="100px">区域</th>
          <th nzWidth="70px">状态</th>
          <th nzWidth="160px">操作</th>
        </tr>
      </thead>
      <tbody>
        @for (r of t.data; track r.item.id) {
          <tr [attr.data-testid]="'unit-row-' + r.item.code">
            <td [style.padding-left.px]="8 + r.depth * 20">
              {{ r.item.name }}
            </td>
            <td>{{ r.item.code }}</td>
            <td>{{ kindLabel(r.item.kind) }}</td>
            <td>{{ reference.regionName(r.item.regionId) || '—' }}</td>
            <td>
              @if (r.item.active) {
                <nz-tag nzColor="green">启用</nz-tag>
              } @else {
                <nz-tag>停用</nz-tag>
              }
            </td>
            <td>
              <button
                nz-button
                nzType="link"
                nzSize="small"
                (click)="edit(r.item)"
                [attr.data-testid]="'unit-edit-' + r.item.code"
              >
                编辑
              </button>
              <button
                nz-button
                nzType="link"
                nzSize="small"
                (click)="create(r.item)"
              >
                新增下级
              </button>
            </td>
          </tr>
        }
      </tbody>
    </nz-table>

    <nz-modal
      [nzVisible]="editing() !== null"
      [nzTitle]="editing()?.existing ? '编辑单位' : '新建单位'"
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
            data-testid="unit-form"
          >
            <nz-form-item>
              <nz-form-label nzRequired>名称</nz-form-label>
              <nz-form-control
                ><input
                  nz-input
                  name="name"
                  [ngModel]="e.name"
                  (ngModelChange)="patch({ name: $event })"
                  data-testid="unit-name"
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
                  data-testid="unit-code"
                />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzRequired>类型</nz-form-label>
              <nz-form-control>
                <nz-select
                  name="kind"
                  [nzDisabled]="!!e.existing"
                  [ngModel]="e.kind"
                  (ngModelChange)="patch({ kind: $event })"
                  data-testid="unit-kind"
                >
                  @for (k of kinds; track k.value) {
                    <nz-option [nzValue]="k.value" [nzLabel]="k.label" />
                  }
                </nz-select>
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label>上级单位</nz-form-label>
              <nz-form-control>
                <nz-select
                  name="parentId"
                  nzShowSearch
                  nzAllowClear
                  nzPlaceHolder="无（顶级）"
                  [ngModel]="e.parentId"
                  (ngModelChange)="patch({ parentId: $event })"
                >
                  @for (u of admin.units(); track u.id) {
                    @if (u.id !== e.existing?.id) {
                      <nz-option [nzValue]="u.id" [nzLabel]="u.name" />
                    }
                  }
                </nz-select>
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label>所属区域</nz-form-label>
              <nz-form-control>
                <nz-select
                  name="regionId"
                  nzAllowClear
                  nzPlaceHolder="无"
                  [ngModel]="e.regionId"
                  (ngModelChange)="patch({ regionId: $event })"
                >
                  @for (r of reference.regions(); track r.id) {
                    <nz-option [nzValue]="r.id" [nzLabel]="r.name" />
                  }
                </nz-select>
              </nz-form-control>
            </nz-form-item>
            @if (e.existing) {
              <nz-form-item>
                <nz-form-label>启用</nz-form-label>
                <nz-form-control
                  ><nz-switch
                    name="active"
                    [ngModel]="e.active"
                    (ngModelChange)="patch({ active: $event })"
                /></nz-form-control>
              </nz-form-item>
            }
          </form>
        }
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .bar {
      display: flex;
      justify-content: space-between;
      align-items: center;
      margin-bottom: 8px;
    }
    h2 {
      font-size: 16px;
      margin: 0;
    }
    nz-select {
      width: 100%;
    }
    nz-form-item {
      margin-bottom: 10px;
    }
  `,
})
export class UnitsPage {
  protected readonly admin = inject(AdminStore);
  protected readonly reference = inject(ReferenceStore);
  private readonly notifier = inject(NOTIFIER);
  protected readonly kinds = UNIT_KINDS;
  protected readonly editing = signal<UnitEdit | null>(null);
  protected readonly error = computed(() => callError(this.admin.unitsState()));
  protected readonly rows = computed(() =>
    flattenTree(buildUnitTree(this.admin.units()), (n) => n.children).map(
      (r) => ({ item: r.item.item as AdminUnitView, depth: r.depth }),
    ),
  );

  constructor() {
    void this.admin.loadUnits();
  }

  protected kindLabel(kind: UnitView['kind']): string {
    return UNIT_KINDS.find((k) => k.value === kind)?.label ?? kind;
  }

  protected create(parent: AdminUnitView | null): void {
    this.editing.set({
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
    this.editing.set({
      existing: u,
      code: u.code,
      name: u.name,
      kind: u.kind,
      parentId: u.parentId,
      regionId: u.regionId,
      active: u.active,
    });
  }

  protected patch(change: Partial<UnitEdit>): void {
    this.editing.update((e) => (e ? { ...e, ...change } : e));
  }

  protected async save(): Promise<void> {
    const e = this.editing();
    if (!e) return;
    if (!e.name.trim() || !e.code.trim()) {
      this.notifier.warning('请填写名称和编码');
      return;
    }
    const { existing, ...form } = e;
    if (
      await this.admin.saveUnit(existing, {
        ...form,
        name: form.name.trim(),
        code: form.code.trim(),
      })
    )
      this.editing.set(null);
  }
}
