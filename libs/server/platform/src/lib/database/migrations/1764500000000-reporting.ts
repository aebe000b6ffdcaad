// Why: reporting needs summary tables kept current with every order change (so a year's report reads a few rows, not a million orders), call records for the answer rate, and the records leadership counts: issued reports, coordination meetings, imports, assessments and surge alerts.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const T = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** The measures of every summary cell (libs/shared/contracts STAT_MEASURES, frozen here as this migration's schema). */
const MEASURES = [
  'accepted',
  'direct',
  'dispatched',
  'finished',
  'on_time',
  'late',
  'signed',
  'signed_on_time',
  'callbacks',
  'cb_very_satisfied',
  'cb_satisfied',
  'cb_basic',
  'cb_dissatisfied',
  'cb_very_dissatisfied',
  'solved',
  'returns',
  'reworks',
  'reworked',
  'extensions',
  'supervisions',
  'instructions',
  'merged',
  'closed',
]
  .map((m) => `${m} INT NOT NULL DEFAULT 0`)
  .join(',\n    ');

// grain: 'd' a day, 'm' a month, 'y' a year; period: the first day of the bucket (China calendar)
const UP = [
  `CREATE TABLE stat_intake (
    grain CHAR(1) NOT NULL,
    period DATE NOT NULL,
    platform_id INT UNSIGNED NOT NULL,
    channel_code VARCHAR(32) NOT NULL,
    appeal_type_code VARCHAR(32) NOT NULL,
    ${MEASURES},
    PRIMARY KEY (grain, period, platform_id, channel_code, appeal_type_code)
  ) ${T}`,
  `CREATE TABLE stat_category (
    grain CHAR(1) NOT NULL,
    period DATE NOT NULL,
    platform_id INT UNSIGNED NOT NULL,
    channel_grp VARCHAR(16) NOT NULL,
    appeal_type_code VARCHAR(32) NOT NULL,
    category_id INT UNSIGNED NOT NULL,
    region_id INT UNSIGNED NOT NULL,
    ${MEASURES},
    PRIMARY KEY (grain, period, platform_id, channel_grp, appeal_type_code, category_id, region_id)
  ) ${T}`,
  `CREATE TABLE stat_unit (
    grain CHAR(1) NOT NULL,
    period DATE NOT NULL,
    platform_id INT UNSIGNED NOT NULL,
    unit_id INT UNSIGNED NOT NULL,
    appeal_type_code VARCHAR(32) NOT NULL,
    ${MEASURES},
    PRIMARY KEY (grain, period, platform_id, unit_id, appeal_type_code)
  ) ${T}`,
  `CREATE TABLE stat_topic (
    grain CHAR(1) NOT NULL,
    period DATE NOT NULL,
    platform_id INT UNSIGNED NOT NULL,
    topic_id INT UNSIGNED NOT NULL,
    channel_grp VARCHAR(16) NOT NULL,
    appeal_type_code VARCHAR(32) NOT NULL,
    category_id INT UNSIGNED NOT NULL,
    ${MEASURES},
    PRIMARY KEY (grain, period, platform_id, topic_id, channel_grp, appeal_type_code, category_id)
  ) ${T}`,
  // lifecycle events by the day they happened and the unit they concern (assessment: returns by the unit that returned)
  `CREATE TABLE stat_event (
    grain CHAR(1) NOT NULL,
    period DATE NOT NULL,
    platform_id INT UNSIGNED NOT NULL,
    unit_id INT UNSIGNED NOT NULL,
    action VARCHAR(32) NOT NULL,
    n INT NOT NULL DEFAULT 0,
    PRIMARY KEY (grain, period, platform_id, unit_id, action)
  ) ${T}`,
  // dispatched orders finished late or not finished yet, by due day and finish day (9999-12-31 while open)
  `CREATE TABLE stat_overdue (
    platform_id INT UNSIGNED NOT NULL,
    due_day DATE NOT NULL,
    finish_day DATE NOT NULL,
    unit_id INT UNSIGNED NOT NULL,
    n INT NOT NULL DEFAULT 0,
    PRIMARY KEY (platform_id, due_day, finish_day, unit_id),
    KEY ix_stat_overdue_finish (finish_day)
  ) ${T}`,
  `CREATE TABLE call_record (
    id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    platform_id INT UNSIGNED NOT NULL,
    called_at DATETIME(3) NOT NULL,
    caller_phone VARCHAR(32) NOT NULL,
    answered TINYINT(1) NOT NULL,
    answered_at DATETIME(3) NULL,
    hung_up_at DATETIME(3) NULL,
    UNIQUE KEY uq_call (called_at, caller_phone),
    CONSTRAINT fk_call_platform FOREIGN KEY (platform_id) REFERENCES platform (id)
  ) ${T}`,
  `CREATE TABLE stat_call (
    grain CHAR(1) NOT NULL,
    period DATE NOT NULL,
    platform_id INT UNSIGNED NOT NULL,
    offered INT NOT NULL DEFAULT 0,
    answered INT NOT NULL DEFAULT 0,
    PRIMARY KEY (grain, period, platform_id)
  ) ${T}`,
  `CREATE TABLE report_issue (
    id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    kind VARCHAR(16) NOT NULL,
    title VARCHAR(200) NOT NULL,
    period_from DATE NOT NULL,
    period_to DATE NOT NULL,
    platform_code VARCHAR(32) NOT NULL,
    issued_at DATETIME(3) NOT NULL,
    issued_by INT UNSIGNED NULL,
    content MEDIUMTEXT NULL,
    KEY ix_report_issued (issued_at)
  ) ${T}`,
  `CREATE TABLE coordination_meeting (
    id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    held_on DATE NOT NULL,
    title VARCHAR(200) NOT NULL,
    summary TEXT NULL,
    created_by INT UNSIGNED NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    KEY ix_meeting_held (held_on)
  ) ${T}`,
  `CREATE TABLE coordination_meeting_unit (
    meeting_id INT UNSIGNED NOT NULL,
    unit_id INT UNSIGNED NOT NULL,
    PRIMARY KEY (meeting_id, unit_id),
    CONSTRAINT fk_meeting_unit_meeting FOREIGN KEY (meeting_id) REFERENCES coordination_meeting (id) ON DELETE CASCADE,
    CONSTRAINT fk_meeting_unit_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
  ) ${T}`,
  `CREATE TABLE coordination_meeting_order (
    meeting_id INT UNSIGNED NOT NULL,
    order_id BIGINT UNSIGNED NOT NULL,
    PRIMARY KEY (meeting_id, order_id),
    CONSTRAINT fk_meeting_order_meeting FOREIGN KEY (meeting_id) REFERENCES coordination_meeting (id) ON DELETE CASCADE,
    CONSTRAINT fk_meeting_order_order FOREIGN KEY (order_id) REFERENCES work_order (id)
  ) ${T}`,
  `CREATE TABLE import_job (
    id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    kind VARCHAR(8) NOT NULL,
    file_name VARCHAR(255) NOT NULL,
    file_path VARCHAR(1000) NULL,
    status VARCHAR(8) NOT NULL,
    processed_rows INT UNSIGNED NOT NULL DEFAULT 0,
    inserted_rows INT UNSIGNED NOT NULL DEFAULT 0,
    skipped_rows INT UNSIGNED NOT NULL DEFAULT 0,
    error_rows INT UNSIGNED NOT NULL DEFAULT 0,
    progress DOUBLE NOT NULL DEFAULT 0,
    message VARCHAR(1000) NULL,
    created_by INT UNSIGNED NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    finished_at DATETIME(3) NULL
  ) ${T}`,
  `CREATE TABLE import_error (
    id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    job_id INT UNSIGNED NOT NULL,
    row_no INT UNSIGNED NOT NULL,
    col VARCHAR(32) NOT NULL,
    reason VARCHAR(500) NOT NULL,
    KEY ix_import_error_job (job_id, row_no),
    CONSTRAINT fk_import_error_job FOREIGN KEY (job_id) REFERENCES import_job (id) ON DELETE CASCADE
  ) ${T}`,
  `CREATE TABLE reporting_setting (
    name VARCHAR(64) NOT NULL PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)
  ) ${T}`,
  `CREATE TABLE surge_alert (
    id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    day DATE NOT NULL,
    kind VARCHAR(16) NOT NULL,
    category_id INT UNSIGNED NOT NULL DEFAULT 0,
    region_id INT UNSIGNED NOT NULL DEFAULT 0,
    address_key VARCHAR(191) NOT NULL DEFAULT '',
    n INT NOT NULL,
    baseline DOUBLE NOT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE KEY uq_surge (day, kind, category_id, region_id, address_key)
  ) ${T}`,
];

const TABLES = [
  'surge_alert',
  'reporting_setting',
  'import_error',
  'import_job',
  'coordination_meeting_order',
  'coordination_meeting_unit',
  'coordination_meeting',
  'report_issue',
  'stat_call',
  'call_record',
  'stat_overdue',
  'stat_event',
  'stat_topic',
  'stat_unit',
  'stat_category',
  'stat_intake',
];

export class Reporting1764500000000 implements MigrationInterface {
  name = 'Reporting1764500000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of UP) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
