import type { DataSource } from 'typeorm';
import type { HolidayEntry } from '@hotline/domain';
import type { Actor, Actors } from './lifecycle';
import type { RefIndex, RefInfo } from './ref-index';

/** What the generator reads before it starts: the reference data, the holidays and the accounts that act in the history. */

export async function loadRefInfo(ds: DataSource): Promise<RefInfo> {
  const q = (sql: string) => ds.query(sql);
  const [categories, regions, units, topics, platforms] = await Promise.all([
    q('SELECT id, code, level, parent_id AS parentId, default_unit_id AS defaultUnitId FROM category WHERE active = 1 ORDER BY level, sort, id'),
    q('SELECT id, code FROM region ORDER BY sort, id'),
    q('SELECT id, code, name, kind, region_id AS regionId, parent_id AS parentId, active FROM unit ORDER BY sort, id'),
    q('SELECT id, code FROM topic'),
    q('SELECT id, code, region_id AS regionId FROM platform ORDER BY id'),
  ]);
  const num = (v: unknown) => (v == null ? null : Number(v));
  if (!categories.length || !platforms.length) throw new Error('reference data missing: run `cli seed` first');
  return {
    categories: categories.map((c: Record<string, unknown>) => ({
      id: Number(c['id']),
      code: String(c['code']),
      level: Number(c['level']),
      parentId: num(c['parentId']),
      defaultUnitId: num(c['defaultUnitId']),
    })),
    regions: regions.map((r: Record<string, unknown>) => ({ id: Number(r['id']), code: String(r['code']) })),
    units: units.map((u: Record<string, unknown>) => ({
      id: Number(u['id']),
      code: String(u['code']),
      name: String(u['name']),
      kind: String(u['kind']),
      regionId: num(u['regionId']),
      parentId: num(u['parentId']),
      active: !!Number(u['active']),
    })),
    topics: topics.map((t: Record<string, unknown>) => ({ id: Number(t['id']), code: String(t['code']) })),
    platforms: platforms.map((p: Record<string, unknown>) => ({ id: Number(p['id']), code: String(p['code']), regionId: num(p['regionId']) })),
  };
}

export async function loadHolidays(ds: DataSource): Promise<HolidayEntry[]> {
  const rows: { day: string; kind: 'holiday' | 'workday'; name: string }[] = await ds.query(
    'SELECT DATE_FORMAT(day, "%Y-%m-%d") AS day, kind, name FROM holiday',
  );
  return rows.map((r) => ({ date: r.day, kind: r.kind, name: r.name }));
}

/** The demo accounts act in the generated history when they exist; otherwise the rows name the role only. */
export async function loadActors(ds: DataSource, ix: RefIndex): Promise<Actors> {
  const users: { id: number; username: string; display_name: string; role: string; unit_id: number | null }[] = await ds.query(
    'SELECT id, username, display_name, role, unit_id FROM app_user WHERE active = 1',
  );
  const staff = (username: string, role: Actor['role'], name: string): Actor => {
    const u = users.find((x) => x.username === username) ?? users.find((x) => x.role === role);
    return { id: u?.id ?? null, name: u?.display_name ?? name, role, unitId: null };
  };
  const handlers = new Map<number, Actor>();
  for (const u of users.filter((x) => x.role === 'unit_handler' && x.unit_id != null))
    handlers.set(Number(u.unit_id), { id: u.id, name: u.display_name, role: 'unit_handler', unitId: Number(u.unit_id) });
  return {
    agent: staff('agent', 'agent', '话务员'),
    dispatcher: staff('dispatcher', 'dispatcher', '派单员'),
    callback: staff('callback', 'callback_agent', '回访员'),
    supervisor: staff('supervisor', 'supervisor', '督办员'),
    leader: staff('leader', 'leader', '中心领导'),
    unit: (unitId) => handlers.get(unitId) ?? { id: null, name: `${ix.unitById.get(unitId)?.name ?? unitId}承办员`, role: 'unit_handler', unitId },
  };
}
