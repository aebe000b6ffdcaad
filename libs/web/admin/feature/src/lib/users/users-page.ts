import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ROLES, ROLE_LABELS, Role, UNIT_ROLES } from '@hotline/contracts';
import { UsersStore, AdminUserView, UserForm } from '@hotline/web-admin-data-access';
import { ReferenceStore } from '@hotline/web-core-data-access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { ADMIN_CRUD, AdminPageSpec, injectAdminEditor } from '../crud';

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
  imports: [FormsModule, NzButtonModule, NzInputModule, ADMIN_CRUD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-page.html',
  styles: `
    .filter {
      width: 220px;
    }
  `,
})
export class UsersPage {
  protected readonly store = inject(UsersStore);
  protected readonly reference = inject(ReferenceStore);
  protected readonly roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly spec: AdminPageSpec<AdminUserView> = {
    heading: '用户与角色',
    noun: '用户',
    entity: 'user',
    tableId: 'users-table',
    columns: [
      { title: '用户名', width: '140px' },
      { title: '姓名', width: '120px' },
      { title: '角色', width: '110px' },
      { title: '所属单位' },
      { title: '状态', width: '70px' },
      { title: '操作', width: '80px' },
    ],
    rowKey: (u: AdminUserView) => u.username,
  };
  protected readonly filter = signal('');
  protected readonly rows = computed(() => {
    const f = this.filter().trim();
    const users = this.store.items();
    return f ? users.filter((u) => u.username.includes(f) || u.displayName.includes(f)) : users;
  });
  protected readonly editor = injectAdminEditor<UserEdit>(this.store, {
    problem: userFormProblem,
    save: ({ existing, ...form }) =>
      this.store.save(existing, {
        ...form,
        username: form.username.trim(),
        displayName: form.displayName.trim(),
      }),
  });

  constructor() {
    void this.store.load();
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
