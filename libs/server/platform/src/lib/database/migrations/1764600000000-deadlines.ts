import type { MigrationInterface, QueryRunner } from 'typeorm';

// Why: deadlines must be exact, durable and observable — an admin-editable time-limit policy, one row per timer
// (written with the action that sets it), a ledger whose unique key lets each effect happen at most once, the
// reconciler's repair log, per-user notifications, and an outbox index so the relay finds its rows cheaply.
const T = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

const UP = [
  `CREATE TABLE time_limit_policy (
    id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    appeal_type_code VARCHAR(32) NOT NULL,
    urgent TINYINT(1) NOT NULL,
    clock VARCHAR(8) NOT NULL DEFAULT 'working',
    day_length VARCHAR(16) NULL,
    sign_limit VARCHAR(16) NOT NULL,
    handle_limit VARCHAR(16) NOT NULL,
    callback_limit VARCHAR(16) NOT NULL,
    feedback_limit VARCHAR(16) NOT NULL,
    prewarn_percent TINYINT UNSIGNED NOT NULL DEFAULT 80,
    long_overdue_after VARCHAR(16) NOT NULL,
    version INT UNSIGNED NOT NULL DEFAULT 1,
    updated_by INT UNSIGNED NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    UNIQUE KEY uq_policy_type_urgency (appeal_type_code, urgent)
  ) ${T}`,
  // the center's defaults (the same as DEFAULT_TIME_LIMIT_POLICIES in libs/shared/domain)
  `INSERT INTO time_limit_policy (appeal_type_code, urgent, sign_limit, handle_limit, callback_limit, feedback_limit, prewarn_percent, long_overdue_after) VALUES
    ('*', 0, '2h', '5d', '2d', '3d', 80, '5d'),
    ('*', 1, '30m', '1d', '2d', '3d', 80, '2d'),
    ('consult', 0, '2h', '1d', '2d', '3d', 80, '5d'),
    ('help', 0, '2h', '3d', '2d', '3d', 80, '5d'),
    ('complaint', 0, '2h', '5d', '2d', '3d', 80, '5d'),
    ('report', 0, '2h', '5d', '2d', '3d', 80, '5d'),
    ('suggestion', 0, '2h', '10d', '2d', '3d', 80, '5d'),
    ('praise', 0, '2h', '3d', '2d', '3d', 80, '5d'),
    ('thanks', 0, '2h', '3d', '2d', '3d', 80, '5d'),
    ('other', 0, '2h', '5d', '2d', '3d', 80, '5d')`,
  `CREATE TABLE deadline_timer (
    id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    order_id BIGINT UNSIGNED NOT NULL,
    kind VARCHAR(24) NOT NULL,
    ref_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
    due_at DATETIME(3) NOT NULL,
    deadline_at DATETIME(3) NOT NULL,
    state VARCHAR(10) NOT NULL,
    created_at DATETIME(3) NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    UNIQUE KEY uq_timer (order_id, kind, ref_id, due_at),
    KEY ix_timer_state_due (state, due_at),
    KEY ix_timer_state_id (state, id),
    CONSTRAINT fk_timer_order FOREIGN KEY (order_id) REFERENCES work_order (id)
  ) ${T}`,
  `CREATE TABLE deadline_effect (
    id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    order_id BIGINT UNSIGNED NOT NULL,
    kind VARCHAR(24) NOT NULL,
    ref_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
    due_at DATETIME(3) NOT NULL,
    deadline_at DATETIME(3) NOT NULL,
    timer_id BIGINT UNSIGNED NOT NULL,
    fired_at DATETIME(3) NOT NULL,
    UNIQUE KEY uq_effect (order_id, kind, ref_id, due_at),
    KEY ix_effect_kind_fired (kind, fired_at),
    CONSTRAINT fk_effect_order FOREIGN KEY (order_id) REFERENCES work_order (id)
  ) ${T}`,
  `CREATE TABLE deadline_repair (
    id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    started_at DATETIME(3) NOT NULL,
    finished_at DATETIME(3) NOT NULL,
    full_scan TINYINT(1) NOT NULL,
    fired INT UNSIGNED NOT NULL,
    requeued INT UNSIGNED NOT NULL,
    backfilled INT UNSIGNED NOT NULL,
    note VARCHAR(255) NULL,
    KEY ix_repair_started (started_at)
  ) ${T}`,
  `CREATE TABLE notification (
    id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    user_id INT UNSIGNED NOT NULL,
    unit_id INT UNSIGNED NULL,
    order_id BIGINT UNSIGNED NULL,
    kind VARCHAR(32) NOT NULL,
    title VARCHAR(200) NOT NULL,
    body VARCHAR(1000) NULL,
    created_at DATETIME(3) NOT NULL,
    read_at DATETIME(3) NULL,
    KEY ix_notification_user (user_id, id),
    KEY ix_notification_unread (user_id, read_at),
    CONSTRAINT fk_notification_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_notification_order FOREIGN KEY (order_id) REFERENCES work_order (id)
  ) ${T}`,
  `ALTER TABLE outbox ADD KEY ix_outbox_topic_pending (topic, processed_at, id)`,
];

export class Deadlines1764600000000 implements MigrationInterface {
  name = 'Deadlines1764600000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of UP) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE outbox DROP KEY ix_outbox_topic_pending');
    for (const t of ['notification', 'deadline_repair', 'deadline_effect', 'deadline_timer', 'time_limit_policy']) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
