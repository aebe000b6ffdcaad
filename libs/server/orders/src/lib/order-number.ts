import type { EntityManager } from 'typeorm';

/** YYYYMMDD in China time: the number tells an agent on the phone which day the order was taken. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

export function formatOrderNumber(day: string, seq: number): string {
  return `${day}${String(seq).padStart(6, '0')}`;
}

/**
 * Next number of the day, gap-free and unique under concurrent intake: one row per day, bumped atomically
 * inside the intake transaction (the row lock serialises only the increment, not the whole intake).
 * LAST_INSERT_ID(expr) hands the new value back to this connection without a second read.
 */
export async function nextOrderNumber(em: EntityManager, at: Date): Promise<string> {
  const day = chinaDay(at);
  await em.query('INSERT INTO order_number_seq (day, last) VALUES (?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)', [day]);
  const [{ seq }] = await em.query('SELECT LAST_INSERT_ID() AS seq');
  return formatOrderNumber(day, Number(seq));
}
