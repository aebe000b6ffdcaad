import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { UnitView } from '@hotline/contracts';
import { UnitsStore, AdminUnitView, UnitForm } from '@hotline/web-admin-data-access';
import { ReferenceStore, buildUnitTree } from '@hotline/web-core-data-access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { ADMIN_CRUD, AdminPageSpec, injectAdminEditor } from '../crud';
import { TreeRow, flattenTree } from '../tree-rows';

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
  imports: [NzButtonModule, ADMIN_CRUD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './units-page.html',
})
export class UnitsPage {
  protected readonly store = inject(UnitsStore);
  protected readonly reference = inject(ReferenceStore);
  protected readonly kinds = UNIT_KINDS;
  protected readonly spec: AdminPageSpec<TreeRow<AdminUnitView>> = {
    heading: '单位管理',
    noun: '单位',
    entity: 'unit',
    tableId: 'units-table',
    columns: [
      { title: '名称' },
      { title: '编码', width: '120px' },
      { title: '类型', width: '110px' },
      { title: '区域', width: '100px' },
      { title: '状态', width: '70px' },
      { title: '操作', width: '160px' },
    ],
    rowKey: (r: TreeRow<AdminUnitView>) => r.item.code,
  };
  protected readonly rows = computed(() =>
    flattenTree(buildUnitTree(this.store.items()), (n) => n.children).map((r) => ({ item: r.item.item as AdminUnitView, depth: r.depth })),
  );
  /** Any unit but the one being edited may be the parent. */
  protected readonly parentOptions = computed(() => {
    const self = this.editor.value()?.existing?.id;
    return this.store.items().flatMap((u) => (u.id === self ? [] : [{ value: u.id, label: u.name }]));
  });
  protected readonly editor = injectAdminEditor<UnitEdit>(this.store, {
    problem: (e) => (!e.name.trim() || !e.code.trim() ? '请填写名称和编码' : null),
    save: ({ existing, ...form }) =>
      this.store.save(existing, {
        ...form,
        name: form.name.trim(),
        code: form.code.trim(),
      }),
  });

  constructor() {
    void this.store.load();
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
