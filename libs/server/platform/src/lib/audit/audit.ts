import type { EntityManager } from 'typeorm';

export interface AuditActor {
  /** null for the command line (the first administrator of a deployment is made before any user exists) */
  id: number | null;
  displayName: string;
  role: string;
}

export interface AuditEntry {
  id: number;
  actorId: number | null;
  actorName: string | null;
  actorRole: string;
  entity: string;
  entityId: string;
  action: string;
  data: Record<string, unknown> | null;
  createdAt: string;
}

/** Appends one audit row in the caller's transaction, so the change and its record commit together. */
export async function audit(
  em: EntityManager,
  actor: AuditActor,
  entity: string,
  entityId: string | number,
  action: string,
  data?: Record<string, unknown>,
): Promise<void> {
  await em.query('INSERT INTO audit_log (actor_id, actor_name, actor_role, entity, entity_id, action, data) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    actor.id,
    actor.displayName,
    actor.role,
    entity,
    String(entityId),
    action,
    data ? JSON.stringify(data, (k, v) => (k === 'password' || k === 'passwordHash' ? undefined : v)) : null,
  ]);
}

export async function listAudit(
  em: EntityManager,
  q: { entity?: string; entityId?: string; page: number; pageSize: number },
): Promise<{ items: AuditEntry[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.entity) {
    where.push('entity = ?');
    params.push(q.entity);
  }
  if (q.entityId) {
    where.push('entity_id = ?');
    params.push(q.entityId);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [{ total }] = await em.query(`SELECT COUNT(*) AS total FROM audit_log ${w}`, params);
  const rows = await em.query(`SELECT * FROM audit_log ${w} ORDER BY id DESC LIMIT ? OFFSET ?`, [...params, q.pageSize, (q.page - 1) * q.pageSize]);
  return {
    total: Number(total),
    items: rows.map((r: Record<string, unknown>) => ({
      id: Number(r['id']),
      actorId: r['actor_id'] as number | null,
      actorName: r['actor_name'] as string | null,
      actorRole: r['actor_role'] as string,
      entity: r['entity'] as string,
      entityId: r['entity_id'] as string,
      action: r['action'] as string,
      data: r['data'] ? JSON.parse(r['data'] as string) : null,
      createdAt: (r['created_at'] as Date).toISOString(),
    })),
  };
}
