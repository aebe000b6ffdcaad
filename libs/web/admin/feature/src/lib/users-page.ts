import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ROLES, ROLE_LABELS, Role, UNIT_ROLES } from '@hotline/contracts';
import {
  AdminStore,
  AdminUserView,
  UserForm,
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
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

export interface UserEdit extends UserForm {
  existing: AdminUserView | null;
}

const USERNAME = /^[a-z][a-z0-9_]{2,31}$/;

/** Problems with a user form, in Chinese (the API's own rules); null when it can be saved. */
export function userFormProblem(e: UserEdit): string | null {
  if (!e.existing && !USERNAME.test(e.username.trim()))
    return '用户名为 3–32 位小写字母、数字或下划线，以字母开头';
  if (!e.existing && !e.password) return '请设置初始密码';
  if (e.password && e.password.length < 8) return '密码至少 8 位';
  if (!e.displayName.trim()) return '请填写姓名';
  if (UNIT_ROLES.includes(e.role) && !e.unitId)
    return '承办单位用户必须选择所属单位';
  return null;
}

@Component({
  selector: 'hl-users-page',
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
      <h2>用户与角色</h2>
      <input
        nz-input
        class="filter"
        placeholder="按用户名、姓名筛选"
        [ngModel]="filter()"
        (ngModelChange)="filter.set($event)"
        data-testid="user-filter"
      />
      <button
        nz-button
        nzType="primary"
        (click)="create()"
        data-testid="user-create"
      >
        <nz-icon nzType="plus" />新建用户
      </button>
    </div>
    @if (error(); as message) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="message" />
    }
    <nz-table
      #t
      nzSize="small"
      [nzData]="rows()"
      [nzLoading]="admin.usersState() === 'loading'"
      [nzPageSize]="50"
      data-testid="users-table"
    >
      <thead>
        <tr>
          <th nzWidth="140px">用户名</th>
          <th nzWidth="120px">姓名</th>
          <th nzWidth="110px">角色</th>
          <th>所属单位</th>
          <th nzWidth="70px">状态</th>
          <th nzWidth="80px">操作</th>
        </tr>
      </thead>
      <tbody>
        @for (u of t.data; track u.id) {
          <tr [attr.data-testid]="'user-row-' + u.username">
            <td>{{ u.username }}</td>
            <td>{{ u.displayName }}</td>
            <td>{{ roleLabels[u.role] }}</td>
            <td>{{ u.unitName || reference.unitName(u.unitId) || '—' }}</td>
            <td>
              @if (u.active !== false) {
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
                (click)="edit(u)"
                [attr.data-testid]="'user-edit-' + u.username"
              >
                编辑
              </button>
            </td>
          </tr>
        }
      </tbody>
    </nz-table>

    <nz-modal
      [nzVisible]="editing() !== null"
      [nzTitle]="editing()?.existing ? '编辑用户' : '新建用户'"
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
            data-testid="user-form"
          >
            <nz-form-item>
              <nz-form-label [nzRequired]="!e.existing">用户名</nz-form-label>
              <nz-form-control
                nzExtra="3–32 位小写字母、数字或下划线，以字母开头"
              >
                <input
                  nz-input
                  name="username"
                  [disabled]="!!e.existing"
                  [ngModel]="e.username"
                  (ngModelChange)="patch({ username: $event })"
                  autocomplete="off"
                  data-testid="user-username"
                />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label [nzRequired]="!e.existing">{{
                e.existing ? '重置密码' : '初始密码'
              }}</nz-form-label>
              <nz-form-control>
                <input
                  nz-input
                  type="password"
                  name="password"
                  [placeholder]="e.existing ? '留空则不修改' : '至少 8 位'"
                  [ngModel]="e.password"
                  (ngModelChange)="patch({ password: $event })"
                  autocomplete="new-password"
                  data-testid="user-password"
                />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzRequired>姓名</nz-form-label>
              <nz-form-control
                ><input
                  nz-input
                  name="displayName"
                  [ngModel]="e.displayName"
                  (ngModelChange)="patch({ displayName: $event })"
                  data-testid="user-display-name"
              /></nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzRequired>角色</nz-form-label>
              <nz-form-control>
                <nz-select
                  name="role"
                  [ngModel]="e.role"
                  (ngModelChange)="patch({ role: $event })"
                  data-testid="user-role"
                >
                  @for (r of roles; track r) {
                    <nz-option [nzValue]="r" [nzLabel]="roleLabels[r]" />
                  }
                </nz-select>
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label [nzRequired]="isUnitRole(e.role)"
                >所属单位</nz-form-label
              >
              <nz-form-control>
                <nz-select
                  name="unitId"
                  nzShowSearch
                  nzAllowClear
                  nzPlaceHolder="中心人员可不选"
                  [ngModel]="e.unitId"
                  (ngModelChange)="patch({ unitId: $event })"
                  data-testid="user-unit"
                >
                  @for (u of reference.activeUnits(); track u.id) {
                    <nz-option [nzValue]="u.id" [nzLabel]="u.name" />
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
      width: 220px;
    }
    nz-select {
      width: 100%;
    }
    nz-form-item {
      margin-bottom: 10px;
    }
  `,
})
export class UsersPage {
  protected readonly admin = inject(AdminStore);
  protected readonly reference = inject(ReferenceStore);
  private readonly notifier = inject(NOTIFIER);
  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly filter = signal('');
  protected readonly editing = signal<UserEdit | null>(null);
  protected readonly error = computed(() => callError(this.admin.usersState()));
  protected readonly rows = computed(() => {
    const f = this.filter().trim();
    const users = this.admin.users();
    return f
      ? users.filter((u) => u.username.includes(f) || u.displayName.includes(f))
      : users;
  });

  constructor() {
    void this.admin.loadUsers();
  }

  protected isUnitRole(role: Role): boolean {
    return UNIT_ROLES.includes(role);
  }

  protected create(): void {
    this.editing.set({
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
    this.editing.set({
      existing: u,
      username: u.username,
      password: '',
      displayName: u.displayName,
      role: u.role,
      unitId: u.unitId,
      active: u.active !== false,
    });
  }

  protected patch(change: Partial<UserEdit>): void {
    this.editing.update((e) => (e ? { ...e, ...change } : e));
  }

  protected async save(): Promise<void> {
    const e = this.editing();
    if (!e) return;
    const problem = userFormProblem(e);
    if (problem) {
      this.notifier.warning(problem);
      return;
    }
    const { existing, ...form } = e;
    if (
      await this.admin.saveUser(existing, {
        ...form,
        username: form.username.trim(),
        displayName: form.displayName.trim(),
      })
    )
      this.editing.set(null);
  }
}
