import type { MigrationInterface, QueryRunner } from 'typeorm';

const T = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

// Why: the order-event stream gains retries with backoff and a dead-letter list per subscriber, and the integrations
// that read it (citizen SMS, signed webhooks, Open311, the provincial exchange) keep their own state.
export class Integrations1764930000000 implements MigrationInterface {
  name = 'Integrations1764930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_subscriber
      ADD COLUMN attempts INT UNSIGNED NOT NULL DEFAULT 0,
      ADD COLUMN retry_at DATETIME(3) NULL`);
    await q.query(`CREATE TABLE outbox_dead_letter (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      subscriber VARCHAR(64) NOT NULL,
      outbox_id BIGINT UNSIGNED NOT NULL,
      topic VARCHAR(64) NOT NULL,
      aggregate_id BIGINT UNSIGNED NOT NULL,
      payload TEXT NULL,
      event_at DATETIME(3) NOT NULL,
      error VARCHAR(500) NULL,
      attempts INT UNSIGNED NOT NULL DEFAULT 0,
      status VARCHAR(16) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      replayed_at DATETIME(3) NULL,
      UNIQUE KEY uq_dead_letter (subscriber, outbox_id),
      KEY ix_dead_letter_open (subscriber, status, aggregate_id)
    ) ${T}`);
    // a caller who asked for SMS although confidential (保密来电人 get none unless they ask)
    await q.query('ALTER TABLE work_order ADD COLUMN caller_sms_consent TINYINT NOT NULL DEFAULT 0');
    // an order pushed down by the provincial platform or 互联网+督查 keeps the upstream deadline when it is earlier
    await q.query('ALTER TABLE work_order ADD COLUMN upstream_due_at DATETIME(3) NULL');
    await q.query(`CREATE TABLE sms_template (
      code VARCHAR(32) NOT NULL PRIMARY KEY,
      name VARCHAR(64) NOT NULL,
      body VARCHAR(500) NOT NULL,
      enabled TINYINT NOT NULL DEFAULT 1,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)
    ) ${T}`);
    await q.query(
      `INSERT INTO sms_template (code, name, body, enabled) VALUES
      ('receipt', '受理回执', '【12345】您反映的问题已受理，工单号{number}。如需查询办理进度，请拨打12345并提供工单号。', 1),
      ('answered', '办结告知', '【12345】您的工单{number}已办结：{answer}。如有疑问请拨打12345。', 1),
      ('callback', '回访邀请', '【12345】工单{number}已办结，请回复1满意、2基本满意、3不满意，对办理结果进行评价。', 0)`,
    );
    await q.query(`CREATE TABLE sms_message (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      dedupe_key VARCHAR(96) NOT NULL,
      phone VARCHAR(32) NOT NULL,
      order_id BIGINT UNSIGNED NULL,
      template_code VARCHAR(32) NOT NULL,
      body VARCHAR(1000) NOT NULL,
      driver VARCHAR(16) NOT NULL,
      status VARCHAR(16) NOT NULL,
      error VARCHAR(500) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_sms_dedupe (dedupe_key),
      KEY ix_sms_phone (phone, created_at)
    ) ${T}`);
    await q.query(`CREATE TABLE sms_opt_out (
      phone VARCHAR(32) NOT NULL PRIMARY KEY,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
    ) ${T}`);
    await q.query(`CREATE TABLE webhook (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      url VARCHAR(500) NOT NULL,
      secret VARCHAR(200) NOT NULL,
      events VARCHAR(1000) NOT NULL,
      created_by INT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
    ) ${T}`);
    await q.query(`CREATE TABLE open311_key (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(64) NOT NULL,
      key_hash CHAR(64) NOT NULL,
      key_prefix VARCHAR(12) NOT NULL,
      created_by INT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      revoked_at DATETIME(3) NULL,
      UNIQUE KEY uq_open311_key (key_hash)
    ) ${T}`);
    await q.query(`CREATE TABLE open311_request (
      order_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
      key_id INT UNSIGNED NOT NULL,
      service_code VARCHAR(32) NOT NULL,
      lat DECIMAL(9,6) NULL,
      lon DECIMAL(9,6) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY ix_open311_created (created_at)
    ) ${T}`);
    await q.query(`CREATE TABLE exchange_link (
      order_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
      source VARCHAR(16) NOT NULL,
      upstream_number VARCHAR(64) NOT NULL,
      upstream_due_at DATETIME(3) NULL,
      kind VARCHAR(16) NOT NULL,
      feedback_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_exchange_upstream (source, upstream_number)
    ) ${T}`);
    await q.query(`CREATE TABLE exchange_report (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      order_id BIGINT UNSIGNED NOT NULL,
      outbox_id BIGINT UNSIGNED NOT NULL,
      kind VARCHAR(16) NOT NULL,
      body TEXT NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_exchange_report (outbox_id),
      KEY ix_exchange_report_order (order_id)
    ) ${T}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'exchange_report',
      'exchange_link',
      'open311_request',
      'open311_key',
      'webhook',
      'sms_opt_out',
      'sms_message',
      'sms_template',
      'outbox_dead_letter',
    ])
      await q.query(`DROP TABLE ${t}`);
    await q.query('ALTER TABLE work_order DROP COLUMN caller_sms_consent, DROP COLUMN upstream_due_at');
    await q.query('ALTER TABLE outbox_subscriber DROP COLUMN attempts, DROP COLUMN retry_at');
  }
}
