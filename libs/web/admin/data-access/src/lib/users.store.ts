import { Role, UserView } from '@hotline/contracts';
import { signalStore, withMethods } from '@ngrx/signals';
import { withAdminList, withAdminSave } from './admin-crud';

export type AdminUserView = UserView;

export interface UserForm {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  active: boolean;
}

/** Creation takes the username and a password; an update leaves the password out when it is empty. */
export function userBody(existing: AdminUserView | null, f: UserForm): Record<string, unknown> {
  if (!existing) return { username: f.username, password: f.password, displayName: f.displayName, role: f.role, unitId: f.unitId };
  return {
    version: existing.version,
    ...(f.password ? { password: f.password } : {}),
    displayName: f.displayName,
    role: f.role,
    unitId: f.unitId,
    active: f.active,
  };
}

/** 用户与角色. */
export const UsersStore = signalStore(
  withAdminList<AdminUserView>('/admin/users'),
  withAdminSave('/admin/users', '用户'),
  withMethods((store) => ({
    save(existing: AdminUserView | null, form: UserForm): Promise<boolean> {
      return store._upsert(existing, userBody(existing, form), store.load);
    },
  })),
);
