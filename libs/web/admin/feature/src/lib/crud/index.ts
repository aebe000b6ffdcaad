import { AdminCrudPage, AdminFormDef, AdminRowDef } from './admin-crud-page';
import { FormField } from '@hotline/web-ui';
import { ActiveTag, AdminInput, AdminSelect, AdminSwitch } from './admin-input';

export * from './admin-crud-page';
export * from './admin-editor';
export * from './admin-input';

/** What an admin list-and-edit page imports to use the frame. */
export const ADMIN_CRUD = [AdminCrudPage, AdminRowDef, AdminFormDef, FormField, AdminInput, AdminSelect, AdminSwitch, ActiveTag] as const;
