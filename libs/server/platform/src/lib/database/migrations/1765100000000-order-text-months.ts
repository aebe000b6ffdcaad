import type { MigrationInterface, QueryRunner } from 'typeorm';

// Why: a search for a common word (停水: ten thousand matches in three years) read every match's row before it could
// sort them newest first, seconds on a server whose buffer pool does not hold the table. Each order's terms now carry
// its month ('m' + YYYYMM, Beijing time; orders lib, search/text-terms.ts monthTerm), so the search asks the index for
// the last months' matches first. Orders already indexed get their month here, in SQL; on a big table the FULLTEXT
// index is dropped and built once afterwards (one sorted build instead of a million in-place updates).
export class OrderTextMonths1765100000000 implements MigrationInterface {
  name = 'OrderTextMonths1765100000000';

  async up(q: QueryRunner): Promise<void> {
    const [{ n }] = await q.query('SELECT COUNT(*) AS n FROM order_text');
    const big = Number(n) > 100_000;
    const hasIndex = (await q.query("SHOW INDEX FROM order_text WHERE Key_name = 'ft_order_text'")).length > 0;
    if (big && hasIndex) await q.query('ALTER TABLE order_text DROP INDEX ft_order_text');
    // TRIM: an order with no indexable text has empty terms, and gets its month alone
    await q.query(
      `UPDATE order_text t JOIN work_order o ON o.id = t.order_id
          SET t.terms = TRIM(CONCAT(t.terms, ' m', DATE_FORMAT(o.created_at + INTERVAL 8 HOUR, '%Y%m')))
        WHERE t.terms NOT LIKE '% m______' AND t.terms NOT LIKE 'm______'`,
    );
    if (big && hasIndex) await q.query('ALTER TABLE order_text ADD FULLTEXT KEY ft_order_text (terms)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("UPDATE order_text SET terms = TRIM(REGEXP_REPLACE(terms, '(^| )m[0-9]{6}$', ''))");
  }
}
