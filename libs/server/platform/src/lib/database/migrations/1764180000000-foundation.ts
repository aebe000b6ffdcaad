import type { MigrationInterface, QueryRunner } from 'typeorm';

// Why: the first schema — reference data, users, orders with their history, co-units, topics, supervisions,
// the outbox that feeds the queues after commit, and the per-day counter behind human-readable numbers.
const T = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const STAMPS = `created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)`;

const UP = [
  `CREATE TABLE region (
    id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    code VARCHAR(32) NOT NULL,
    name VARCHAR(64) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    sort INT NOT NULL DEFAULT 0,
    UNIQUE KEY uq_region_code (code),
    UNIQUE KEY uq_region_name (name)
  ) ${T}`,
  `CREATE TABLE unit (
    id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    code VARCHAR(32) NOT NULL,
    name VARCHAR(100) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    parent_id INT UNSIGNED NULL,
    region_id INT UNSIGNED NULL,
    is_county TINYINT(1) NOT NULL DEFAULT 0,
    active TINYINT(1) NOT NULL DEFAULT 1,
    sort INT NOT NULL DEFAULT 0,
    version INT UNSIGNED NOT NULL DEFAULT 1,
    ${STAMPS},
    UNIQUE KEY uq_unit_code (code),
    UNIQUE KEY uq_unit_name (name),
    KEY ix_unit_parent (parent_id),
    CONSTRAINT fk_unit_parent FOREIGN KEY (parent_id) REFERENCES unit (id),
    CONSTRAINT fk_unit_region FOREIGN KEY (region_id) REFERENCES region (id)
  ) ${T}`,
  `CREATE TABLE category (
    id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    code VARCHAR(48) NOT NULL,
    name VARCHAR(64) NOT NULL,
    parent_id INT UNSIGNED NULL,
    level TINYINT UNSIGNED NOT NULL,
    path VARCHAR(255) NOT NULL,
    default_unit_id INT UNSIGNED NULL,
    active TINYINT(1) NOT NULL DEFAULT 1,
    sort INT NOT NULL DEFAULT 0,
    version INT UNSIGNED NOT NULL DEFAULT 1,
    UNIQUE KEY uq_category_code (code),
    UNIQUE KEY uq_category_path (path),
    KEY ix_category_parent (parent_id),
    CONSTRAINT fk_category_parent FOREIGN KEY (parent_id) REFERENCES category (id),
    CONSTRAINT fk_category_unit FOREIGN KEY (default_unit_id) REFERENCES unit (id)
  ) ${T}`,
  `CREATE TABLE channel (
    code VARCHAR(32) NOT NULL PRIMARY KEY,
    name VARCHAR(64) NOT NULL,
    grp VARCHAR(16) NOT NULL,
    sort INT NOT NULL DEFAULT 0
  ) ${T}`,
  `CREATE TABLE appeal_type (
    code VARCHAR(32) NOT NULL PRIMARY KEY,
    name VARCHAR(32) NOT NULL,
    sort INT NOT NULL DEFAULT 0
  ) ${T}`,
  `CREATE TABLE topic (
    id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    code VARCHAR(32) NOT NULL,
    name VARCHAR(64) NOT NULL,
    active TINYINT(1) NOT NULL DEFAULT 1,
    sort INT NOT NULL DEFAULT 0,
    version INT UNSIGNED NOT NULL DEFAULT 1,
    UNIQUE KEY uq_topic_code (code),
    UNIQUE KEY uq_topic_name (name)
  ) ${T}`,
  `CREATE TABLE platform (
    id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    code VARCHAR(32) NOT NULL,
    name VARCHAR(64) NOT NULL,
    region_id INT UNSIGNED NULL,
    UNIQUE KEY uq_platform_code (code),
    CONSTRAINT fk_platform_region FOREIGN KEY (region_id) REFERENCES region (id)
  ) ${T}`,
  `CREATE TABLE holiday (
    day DATE NOT NULL PRIMARY KEY,
    kind VARCHAR(8) NOT NULL,
    name VARCHAR(32) NOT NULL
  ) ${T}`,
  `CREATE TABLE app_user (
    id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    username VARCHAR(64) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    display_name VARCHAR(64) NOT NULL,
    role VARCHAR(16) NOT NULL,
    unit_id INT UNSIGNED NULL,
    active TINYINT(1) NOT NULL DEFAULT 1,
    version INT UNSIGNED NOT NULL DEFAULT 1,
    ${STAMPS},
    UNIQUE KEY uq_user_username (username),
    CONSTRAINT fk_user_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
  ) ${T}`,
  `CREATE TABLE order_number_seq (
    day CHAR(8) NOT NULL PRIMARY KEY,
    last INT UNSIGNED NOT NULL
  ) ${T}`,
  `CREATE TABLE work_order (
    id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    number VARCHAR(24) NOT NULL,
    status VARCHAR(20) NOT NULL,
    version INT UNSIGNED NOT NULL DEFAULT 1,
    platform_id INT UNSIGNED NOT NULL,
    channel_code VARCHAR(32) NOT NULL,
    appeal_type_code VARCHAR(32) NOT NULL,
    category_id INT UNSIGNED NOT NULL,
    region_id INT UNSIGNED NULL,
    caller_name VARCHAR(64) NULL,
    caller_phone VARCHAR(32) NULL,
    caller_confidential TINYINT(1) NOT NULL DEFAULT 0,
    address VARCHAR(255) NULL,
    content TEXT NOT NULL,
    urgent TINYINT(1) NOT NULL DEFAULT 0,
    resolution VARCHAR(12) NULL,
    direct_answer TEXT NULL,
    main_unit_id INT UNSIGNED NULL,
    dispatched_at DATETIME(3) NULL,
    signed_at DATETIME(3) NULL,
    replied_at DATETIME(3) NULL,
    reply TEXT NULL,
    accepted_at DATETIME(3) NULL,
    closed_at DATETIME(3) NULL,
    status_before_return VARCHAR(20) NULL,
    return_reason VARCHAR(1000) NULL,
    return_requested_at DATETIME(3) NULL,
    ext_days SMALLINT UNSIGNED NULL,
    ext_reason VARCHAR(1000) NULL,
    ext_requested_at DATETIME(3) NULL,
    extension_count SMALLINT UNSIGNED NOT NULL DEFAULT 0,
    rework_count SMALLINT UNSIGNED NOT NULL DEFAULT 0,
    return_count SMALLINT UNSIGNED NOT NULL DEFAULT 0,
    urge_count SMALLINT UNSIGNED NOT NULL DEFAULT 0,
    supervise_count SMALLINT UNSIGNED NOT NULL DEFAULT 0,
    instruct_count SMALLINT UNSIGNED NOT NULL DEFAULT 0,
    sign_due_at DATETIME(3) NULL,
    handle_due_at DATETIME(3) NULL,
    callback_due_at DATETIME(3) NULL,
    sign_overdue_at DATETIME(3) NULL,
    handle_overdue_at DATETIME(3) NULL,
    suspended_at DATETIME(3) NULL,
    callback_satisfaction VARCHAR(24) NULL,
    callback_solved TINYINT(1) NULL,
    callback_comment VARCHAR(1000) NULL,
    callback_at DATETIME(3) NULL,
    merged_into_id BIGINT UNSIGNED NULL,
    created_by INT UNSIGNED NULL,
    ${STAMPS},
    UNIQUE KEY uq_order_number (number),
    KEY ix_order_status_created (status, created_at),
    KEY ix_order_unit_status (main_unit_id, status),
    KEY ix_order_phone (caller_phone, created_at),
    KEY ix_order_created (created_at),
    KEY ix_order_category (category_id, created_at),
    KEY ix_order_region (region_id, created_at),
    KEY ix_order_handle_due (handle_due_at),
    KEY ix_order_merged (merged_into_id),
    CONSTRAINT fk_order_platform FOREIGN KEY (platform_id) REFERENCES platform (id),
    CONSTRAINT fk_order_channel FOREIGN KEY (channel_code) REFERENCES channel (code),
    CONSTRAINT fk_order_type FOREIGN KEY (appeal_type_code) REFERENCES appeal_type (code),
    CONSTRAINT fk_order_category FOREIGN KEY (category_id) REFERENCES category (id),
    CONSTRAINT fk_order_region FOREIGN KEY (region_id) REFERENCES region (id),
    CONSTRAINT fk_order_unit FOREIGN KEY (main_unit_id) REFERENCES unit (id),
    CONSTRAINT fk_order_merged FOREIGN KEY (merged_into_id) REFERENCES work_order (id)
  ) ${T}`,
  `CREATE TABLE order_co_unit (
    order_id BIGINT UNSIGNED NOT NULL,
    unit_id INT UNSIGNED NOT NULL,
    reply TEXT NULL,
    replied_at DATETIME(3) NULL,
    PRIMARY KEY (order_id, unit_id),
    KEY ix_co_unit (unit_id),
    CONSTRAINT fk_co_order FOREIGN KEY (order_id) REFERENCES work_order (id),
    CONSTRAINT fk_co_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
  ) ${T}`,
  `CREATE TABLE order_topic (
    order_id BIGINT UNSIGNED NOT NULL,
    topic_id INT UNSIGNED NOT NULL,
    PRIMARY KEY (order_id, topic_id),
    KEY ix_topic_order (topic_id),
    CONSTRAINT fk_ot_order FOREIGN KEY (order_id) REFERENCES work_order (id),
    CONSTRAINT fk_ot_topic FOREIGN KEY (topic_id) REFERENCES topic (id)
  ) ${T}`,
  `CREATE TABLE order_history (
    id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    order_id BIGINT UNSIGNED NOT NULL,
    action VARCHAR(32) NOT NULL,
    from_status VARCHAR(20) NULL,
    to_status VARCHAR(20) NULL,
    actor_id INT UNSIGNED NULL,
    actor_name VARCHAR(64) NULL,
    actor_role VARCHAR(16) NOT NULL,
    actor_unit_id INT UNSIGNED NULL,
    comment TEXT NULL,
    data TEXT NULL,
    created_at DATETIME(3) NOT NULL,
    KEY ix_history_order (order_id, id),
    KEY ix_history_action (action, created_at),
    CONSTRAINT fk_history_order FOREIGN KEY (order_id) REFERENCES work_order (id)
  ) ${T}`,
  `CREATE TABLE supervision (
    id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    order_id BIGINT UNSIGNED NOT NULL,
    unit_id INT UNSIGNED NULL,
    created_by INT UNSIGNED NULL,
    comment TEXT NOT NULL,
    feedback_due_at DATETIME(3) NOT NULL,
    feedback TEXT NULL,
    feedback_at DATETIME(3) NULL,
    created_at DATETIME(3) NOT NULL,
    KEY ix_supervision_order (order_id),
    KEY ix_supervision_open (feedback_at, feedback_due_at),
    CONSTRAINT fk_supervision_order FOREIGN KEY (order_id) REFERENCES work_order (id)
  ) ${T}`,
  `CREATE TABLE outbox (
    id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    topic VARCHAR(64) NOT NULL,
    aggregate_id BIGINT UNSIGNED NOT NULL,
    payload TEXT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    processed_at DATETIME(3) NULL,
    KEY ix_outbox_pending (processed_at, id)
  ) ${T}`,
];

const TABLES = [
  'outbox',
  'supervision',
  'order_history',
  'order_topic',
  'order_co_unit',
  'work_order',
  'order_number_seq',
  'app_user',
  'holiday',
  'platform',
  'topic',
  'appeal_type',
  'channel',
  'category',
  'unit',
  'region',
];

export class Foundation1764180000000 implements MigrationInterface {
  name = 'Foundation1764180000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of UP) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
