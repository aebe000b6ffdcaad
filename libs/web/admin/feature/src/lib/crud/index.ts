import { AdminCrudPage, AdminFormDef, AdminRowDef } from './admin-crud-page';
import { AdminField } from './admin-field';
import { ActiveTag, AdminInput, AdminSwitch } from './admin-input';

export * from './admin-crud-page';
export * from './admin-editor';
export * from './admin-field';
export * from './admin-input';

/** What an admin list-and-edit page imports to use the frame. */
export const ADMIN_CRUD = [AdminCrudPage, AdminRowDef, AdminFormDef, AdminField, AdminInput, AdminSwitch, ActiveTag] as const;
