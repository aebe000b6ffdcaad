import type { DataSource } from 'typeorm';
import type { Role } from '@hotline/contracts';
import { hashPassword } from '@hotline/server-identity';

export const DEMO_PASSWORD = 'Demo@12345';

export const DEMO_STAFF: { username: string; displayName: string; role: Role }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
  { username: 'agent', displayName: '话务员小王', role: 'agent' },
  { username: 'dispatcher', displayName: '派单员小李', role: 'dispatcher' },
  { username: 'supervisor', displayName: '督办员老张', role: 'supervisor' },
  { username: 'callback', displayName: '回访员小陈', role: 'callback_agent' },
  { username: 'leader', displayName: '中心主任', role: 'leader' },
];

/**
 * Demo logins: the center's roles plus one handler per unit, named by the unit's code.
 * Refused in production so a real deployment never ships a known password.
 */
export async function seedDemoAccounts(ds: DataSource, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (env['NODE_ENV'] === 'production') throw new Error('demo accounts are never created in production mode');
  const units: { id: number; code: string; name: string }[] = await ds.query('SELECT id, code, name FROM unit ORDER BY id');
  const wanted = [
    ...DEMO_STAFF.map((s) => ({ ...s, unitId: null as number | null })),
    ...units.map((u) => ({ username: u.code, displayName: `${u.name}承办员`, role: 'unit_handler' as Role, unitId: u.id })),
  ];
  const existing = new Set((await ds.query('SELECT username FROM app_user')).map((r: { username: string }) => r.username));
  let created = 0;
  for (const w of wanted.filter((x) => !existing.has(x.username))) {
    await ds.query('INSERT INTO app_user (username, password_hash, display_name, role, unit_id) VALUES (?, ?, ?, ?, ?)', [
      w.username,
      await hashPassword(DEMO_PASSWORD),
      w.displayName,
      w.role,
      w.unitId,
    ]);
    created++;
  }
  return created;
}
