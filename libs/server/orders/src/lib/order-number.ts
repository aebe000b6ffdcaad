import type { EntityManager } from 'typeorm';
import { chinaDay } from '@hotline/domain';

/** The domain's China day as YYYYMMDD: the number tells an agent on the phone which day the order was taken. */
export function orderNumberDay(at: Date): string {
  return chinaDay(at).replace(/-/g, '');
}

export function formatOrderNumber(day: string, seq: number): string {
  return `${day}${String(seq).padStart(6, '0')}`;
}

/**
 * Next number of the day, unique and increasing under concurrent intake: one row per day, bumped atomically
 * in one autocommitted statement (so its row lock lasts that statement, not a whole intake). LAST_INSERT_ID(expr)
 * makes the new value the statement's insertId, so no second read is needed. Run before the intake transaction:
 * validation happens earlier, so a gap appears only if the database fails between numbering and commit.
 */
export async function nextOrderNumber(em: EntityManager, at: Date): Promise<string> {
  const day = orderNumberDay(at);
  const res: { insertId: number } = await em.query(
    'INSERT INTO order_number_seq (day, last) VALUES (?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)',
    [day],
  );
  const seq = Number(res.insertId);
  if (!seq) throw new Error('order number counter returned no value');
  return formatOrderNumber(day, seq);
}
