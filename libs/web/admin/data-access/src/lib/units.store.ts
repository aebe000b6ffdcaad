import { UnitView } from '@hotline/contracts';
import { signalStore, withMethods } from '@ngrx/signals';
import { Versioned, withAdminList, withAdminSave } from './admin-crud';

export type AdminUnitView = Versioned<UnitView>;

export interface UnitForm {
  code: string;
  name: string;
  kind: UnitView['kind'];
  parentId: number | null;
  regionId: number | null;
  active: boolean;
}

/**
 * The request bodies follow the API's DTOs, which reject unknown fields: creation takes the
 * identifying fields (code, kind), an update only what may change, plus `version`.
 */
export function unitBody(existing: AdminUnitView | null, f: UnitForm): Record<string, unknown> {
  return existing
    ? { version: existing.version, name: f.name, parentId: f.parentId, regionId: f.regionId, active: f.active }
    : { code: f.code, name: f.name, kind: f.kind, parentId: f.parentId, regionId: f.regionId };
}

/** 单位管理: the unit tree; a save refreshes the session's reference data too. */
export const UnitsStore = signalStore(
  withAdminList<AdminUnitView>('/admin/units'),
  withAdminSave('/admin/units', '单位'),
  withMethods((store) => ({
    save(existing: AdminUnitView | null, form: UnitForm): Promise<boolean> {
      return store._upsert(existing, unitBody(existing, form), () => Promise.all([store.load(), store._refreshReference()]));
    },
  })),
);
