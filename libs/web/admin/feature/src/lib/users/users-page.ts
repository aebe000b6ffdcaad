import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ROLES, ROLE_LABELS, Role, UNIT_ROLES } from '@hotline/contracts';
import { AdminStore, AdminUserView, UserForm } from '@hotline/web-admin-data-access';
import { ReferenceStore, callError } from '@hotline/web-core-data-access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { ADMIN_CRUD, injectAdminEditor } from './crud';

export interface UserEdit extends UserForm {
  existing: AdminUserView | null;
}

const USERNAME = /^[a-z][a-z0-9_]{2,31}$/;

/** Problems with a user form, in Chinese (the API's own rules); null when it can be saved. */
export function userFormProblem(e: UserEdit): string | null {
  if (!e.existing && !USERNAME.test(e.username.trim())) return '用户名为 3–32 位小写字母、数字或下划线，以字母开头';
  if (!e.existing && !e.password) return '请设置初始密码';
  if (e.password && e.password.length < 8) return '密码至少 8 位';
  if (!e.displayName.trim()) return '请填写姓名';
  if (UNIT_ROLES.includes(e.role) && !e.unitId) return '承办单位用户必须选择所属单位';
  return null;
}

@Component({
  selector: 'hl-users-page',
  imports: [FormsModule, NzButtonModule, NzInputModule, NzSelectModule, ADMIN_CRUD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <hl-admin-crud-page
      heading="用户与角色"
      noun="用户"
      entity="user"
      tableId="users-table"
      [columns]="columns"
      [rows]="rows()"
      [rowKey]="rowKey"
      [loading]="admin.usersState() === 'loading'"
      [error]="error()"
      [editor]="editor"
      (create)="create()"
    >
      <input nz-input class="filter" placeholder="按用户名、姓名筛选" [ngModel]="filter()" (ngModelChange)="filter.set($event)" data-testid="user-filter" />
      <ng-template [hlAdminRow]="rows()" let-u>
        <td>{{ u.username }}</td>
        <td>{{ u.displayName }}</td>
        <td>{{ roleLabels[u.role] }}</td>
        <td>{{ u.unitName || reference.unitName(u.unitId) || '—' }}</td>
        <td>
          <hl-active-tag [active]="u.active !== false" />
        </td>
        <td>
          <button nz-button nzType="link" nzSize="small" (click)="edit(u)" [attr.data-testid]="'user-edit-' + u.username">编辑</button>
        </td>
      </ng-template>
      <ng-template [hlAdminForm]="editor" let-e>
        <hl-admin-input
          [editor]="editor"
          field="username"
          label="用户名"
          [required]="!e.existing"
          extra="3–32 位小写字母、数字或下划线，以字母开头"
          [disabled]="!!e.existing"
          autocomplete="off"
          testid="user-username"
        />
        <hl-admin-input
          [editor]="editor"
          field="password"
          [label]="e.existing ? '重置密码' : '初始密码'"
          [required]="!e.existing"
          type="password"
          [placeholder]="e.existing ? '留空则不修改' : '至少 8 位'"
          autocomplete="new-password"
          testid="user-password"
        />
        <hl-admin-input [editor]="editor" field="displayName" label="姓名" required testid="user-display-name" />
        <hl-admin-field label="角色" required [error]="editor.error('role')">
          <nz-select name="role" [ngModel]="e.role" (ngModelChange)="editor.patch({ role: $event })" data-testid="user-role">
            @for (r of roles; track r) {
              <nz-option [nzValue]="r" [nzLabel]="roleLabels[r]" />
            }
          </nz-select>
        </hl-admin-field>
        <hl-admin-field label="所属单位" [required]="isUnitRole(e.role)" [error]="editor.error('unitId')">
          <nz-select
            name="unitId"
            nzShowSearch
            nzAllowClear
            nzPlaceHolder="中心人员可不选"
            [ngModel]="e.unitId"
            (ngModelChange)="editor.patch({ unitId: $event })"
            data-testid="user-unit"
          >
            @for (u of reference.activeUnits(); track u.id) {
              <nz-option [nzValue]="u.id" [nzLabel]="u.name" />
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
    .filter {
      width: 220px;
    }
    nz-select {
      width: 100%;
    }
  `,
})
export class UsersPage {
  protected readonly admin = inject(AdminStore);
  protected readonly reference = inject(ReferenceStore);
  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly columns = [
    { title: '用户名', width: '140px' },
    { title: '姓名', width: '120px' },
    { title: '角色', width: '110px' },
    { title: '所属单位' },
    { title: '状态', width: '70px' },
    { title: '操作', width: '80px' },
  ];
  protected readonly filter = signal('');
  protected readonly error = computed(() => callError(this.admin.usersState()));
  protected readonly rows = computed(() => {
    const f = this.filter().trim();
    const users = this.admin.users();
    return f ? users.filter((u) => u.username.includes(f) || u.displayName.includes(f)) : users;
  });
  protected readonly rowKey = (u: AdminUserView) => u.username;
  protected readonly editor = injectAdminEditor<UserEdit>({
    problem: userFormProblem,
    save: ({ existing, ...form }) =>
      this.admin.saveUser(existing, {
        ...form,
        username: form.username.trim(),
        displayName: form.displayName.trim(),
      }),
  });

  constructor() {
    void this.admin.loadUsers();
  }

  protected isUnitRole(role: Role): boolean {
    return UNIT_ROLES.includes(role);
  }

  protected create(): void {
    this.editor.open({
      existing: null,
      username: '',
      password: '',
      displayName: '',
      role: 'agent',
      unitId: null,
      active: true,
    });
  }

  protected edit(u: AdminUserView): void {
    this.editor.open({
      existing: u,
      username: u.username,
      password: '',
      displayName: u.displayName,
      role: u.role,
      unitId: u.unitId,
      active: u.active !== false,
    });
  }
}
