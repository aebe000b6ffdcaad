import type { DataSource, EntityManager } from 'typeorm';
import type { DeadLetterStatus, DeadLetterView } from '@hotline/contracts';

interface LetterRow {
  id: number | string;
  subscriber: string;
  outbox_id: number | string;
  topic: string;
  aggregate_id: number | string;
  error: string | null;
  attempts: number | string;
  status: DeadLetterStatus;
  event_at: Date;
  created_at: Date;
  replayed_at: Date | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toDeadLetterView(r: LetterRow): DeadLetterView {
  return {
    id: Number(r.id),
    subscriber: r.subscriber,
    outboxId: Number(r.outbox_id),
    topic: r.topic,
    orderId: Number(r.aggregate_id),
    error: r.error,
    attempts: Number(r.attempts),
    status: r.status,
    eventAt: new Date(r.event_at).toISOString(),
    createdAt: new Date(r.created_at).toISOString(),
    replayedAt: iso(r.replayed_at),
  };
}

/** The dead-letter list (outbox_dead_letter, filled by OrderEventRelay), newest first. */
export async function listDeadLetters(
  ds: DataSource | EntityManager,
  q: { subscriber?: string; status?: DeadLetterStatus; limit: number },
): Promise<DeadLetterView[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const [col, v] of [
    ['subscriber', q.subscriber],
    ['status', q.status],
  ] as const) {
    if (!v) continue;
    where.push(`${col} = ?`);
    params.push(v);
  }
  const rows: LetterRow[] = await ds.query(`SELECT * FROM outbox_dead_letter ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`, [
    ...params,
    q.limit,
  ]);
  return rows.map(toDeadLetterView);
}

export async function findDeadLetter(em: DataSource | EntityManager, id: number): Promise<DeadLetterView | null> {
  const [row]: LetterRow[] = await em.query('SELECT * FROM outbox_dead_letter WHERE id = ?', [id]);
  return row ? toDeadLetterView(row) : null;
}

/**
 * Asks the relay to hand a parked letter to its subscriber again, with every later parked letter of the same order
 * (they wait behind it: an order's events stay in order). Returns the ids marked; the relay delivers them next tick.
 */
export async function requestReplay(em: EntityManager, letter: DeadLetterView): Promise<number[]> {
  const rows: { id: number | string }[] = await em.query(
    "SELECT id FROM outbox_dead_letter WHERE subscriber = ? AND aggregate_id = ? AND status = 'parked' AND outbox_id >= ? ORDER BY outbox_id FOR UPDATE",
    [letter.subscriber, letter.orderId, letter.outboxId],
  );
  const ids = rows.map((r) => Number(r.id));
  if (ids.length) await em.query("UPDATE outbox_dead_letter SET status = 'replay' WHERE id IN (?)", [ids]);
  return ids;
}
