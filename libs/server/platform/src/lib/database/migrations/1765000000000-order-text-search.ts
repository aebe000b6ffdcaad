import type { MigrationInterface, QueryRunner } from 'typeorm';

// Why: order search scanned work_order with LIKE '%…%' (seconds on two million orders); order_text holds each order's
// content and address as FULLTEXT terms both MariaDB and MySQL 8 index with their default parser (orders lib,
// search/text-terms.ts), and a unit's inbox tabs read newest-first within one status.
export class OrderTextSearch1765000000000 implements MigrationInterface {
  name = 'OrderTextSearch1765000000000';

  async up(q: QueryRunner): Promise<void> {
    // the FULLTEXT index comes with the table: orders written from now on are indexed as they are written. The orders
    // already there are filled in by `cli search-rebuild`, which on a big table drops the index, fills, and builds it
    // again (one sorted build instead of millions of incremental inserts).
    await q.query(`CREATE TABLE order_text (
      order_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
      terms MEDIUMTEXT NOT NULL,
      FULLTEXT KEY ft_order_text (terms)
    ) ENGINE=InnoDB DEFAULT CHARSET=ascii COLLATE=ascii_bin`);
    // to-sign and handling tabs: main unit, one status, newest first
    await q.query('ALTER TABLE work_order ADD KEY ix_order_unit_status_created (main_unit_id, status, created_at), DROP KEY ix_order_unit_status');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE work_order ADD KEY ix_order_unit_status (main_unit_id, status), DROP KEY ix_order_unit_status_created');
    await q.query('DROP TABLE order_text');
  }
}
