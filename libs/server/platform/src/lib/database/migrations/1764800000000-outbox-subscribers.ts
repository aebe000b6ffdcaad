import type { MigrationInterface, QueryRunner } from 'typeorm';

// Why: the outbox becomes the order-event stream; each subscriber keeps its own position in it (at-least-once, in id
// order), and a row every registered subscriber has passed is deleted, so the table holds only what is still on its way.
export class OutboxSubscribers1764800000000 implements MigrationInterface {
  name = 'OutboxSubscribers1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE outbox_subscriber (
        name VARCHAR(64) NOT NULL PRIMARY KEY,
        last_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
        delivered BIGINT UNSIGNED NOT NULL DEFAULT 0,
        last_error VARCHAR(500) NULL,
        failed_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE outbox_subscriber');
  }
}
