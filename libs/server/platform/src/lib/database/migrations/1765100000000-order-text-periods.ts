import type { MigrationInterface, QueryRunner } from 'typeorm';

// Why: a search for a common word (停水: ten thousand matches in three years) read every match's row before it could
// sort them newest first, seconds on a server whose buffer pool does not hold the table. Each order's terms now carry
// the periods it falls in (its 旬 and the next, its month and the next: orders lib, search/text-terms.ts periodTerms),
// so a search asks the index for the newest 旬 or month first with one term. Orders already indexed get theirs here,
// in SQL; on a big table the FULLTEXT index is dropped and built once afterwards (one sorted build instead of a
// million in-place updates).
const BJ = 'o.created_at + INTERVAL 8 HOUR';
const YM = `DATE_FORMAT(${BJ}, '%Y%m')`;
const DEKAD = `(CASE WHEN DAY(${BJ}) <= 10 THEN 1 WHEN DAY(${BJ}) <= 20 THEN 2 ELSE 3 END)`;
const NEXT_YM = `DATE_FORMAT(LAST_DAY(${BJ}) + INTERVAL 1 DAY, '%Y%m')`;
/** An order's period terms in SQL, as periodTerms makes them (orders lib, search/text-terms.ts). */
const PERIODS = `CONCAT('t', ${YM}, ${DEKAD}, ' ', IF(${DEKAD} < 3, CONCAT('t', ${YM}, ${DEKAD} + 1), CONCAT('t', ${NEXT_YM}, '1')), ' n', ${YM}, ' n', ${NEXT_YM})`;

export class OrderTextPeriods1765100000000 implements MigrationInterface {
  name = 'OrderTextPeriods1765100000000';

  async up(q: QueryRunner): Promise<void> {
    const [{ n }] = await q.query('SELECT COUNT(*) AS n FROM order_text');
    const big = Number(n) > 100_000;
    const hasIndex = (await q.query("SHOW INDEX FROM order_text WHERE Key_name = 'ft_order_text'")).length > 0;
    if (big && hasIndex) await q.query('ALTER TABLE order_text DROP INDEX ft_order_text');
    // TRIM: an order with no indexable text has empty terms, and gets its periods alone
    await q.query(
      `UPDATE order_text t JOIN work_order o ON o.id = t.order_id
          SET t.terms = TRIM(CONCAT(t.terms, ' ', ${PERIODS}))
        WHERE t.terms NOT REGEXP '(^| )n[0-9]{6}$'`,
    );
    if (big && hasIndex) await q.query('ALTER TABLE order_text ADD FULLTEXT KEY ft_order_text (terms)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("UPDATE order_text SET terms = TRIM(REGEXP_REPLACE(terms, '( ?[tn][0-9]{6,7}){4}$', ''))");
  }
}
