import type { MigrationInterface, QueryRunner } from 'typeorm';

// Why: admin changes to users and reference data (units, categories, topics, holidays) must leave a history
// row just as order actions do; order history stays in order_history.
export class AuditLog1764190000000 implements MigrationInterface {
  name = 'AuditLog1764190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE audit_log (
      id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
      actor_id INT UNSIGNED NULL,
      actor_name VARCHAR(64) NULL,
      actor_role VARCHAR(16) NOT NULL,
      entity VARCHAR(32) NOT NULL,
      entity_id VARCHAR(64) NOT NULL,
      action VARCHAR(32) NOT NULL,
      data TEXT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY ix_audit_entity (entity, entity_id, id),
      KEY ix_audit_created (created_at)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS audit_log');
  }
}
