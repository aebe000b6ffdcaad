import type { MigrationInterface, QueryRunner } from 'typeorm';

// Why: routing suggestions learned from the center's own orders need the trained models (weights in parts small
// enough for any max_allowed_packet), the admins' dispatch catalogue (派单目录), whether each suggestion was taken and
// held, and the repeat complaints (重复投诉) linked to the earlier order.
const T = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

export class Routing1764920000000 implements MigrationInterface {
  name = 'Routing1764920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE routing_model (
      id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
      status VARCHAR(16) NOT NULL,
      samples INT UNSIGNED NOT NULL DEFAULT 0,
      holdout_n INT UNSIGNED NOT NULL DEFAULT 0,
      holdout_top1 DOUBLE NULL,
      holdout_top3 DOUBLE NULL,
      unit_top1 DOUBLE NULL,
      error VARCHAR(500) NULL,
      requested_by INT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      trained_at DATETIME(3) NULL,
      KEY ix_routing_model_status (status, id)
    ) ${T}`);
    await q.query(`CREATE TABLE routing_model_part (
      model_id INT UNSIGNED NOT NULL,
      part INT UNSIGNED NOT NULL,
      data MEDIUMBLOB NOT NULL,
      PRIMARY KEY (model_id, part),
      CONSTRAINT fk_routing_part_model FOREIGN KEY (model_id) REFERENCES routing_model (id) ON DELETE CASCADE
    ) ${T}`);
    await q.query(`CREATE TABLE routing_rule (
      id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
      category_id INT UNSIGNED NOT NULL,
      region_id INT UNSIGNED NULL,
      unit_id INT UNSIGNED NOT NULL,
      note VARCHAR(200) NULL,
      created_by INT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY ix_routing_rule_category (category_id, region_id),
      CONSTRAINT fk_routing_rule_category FOREIGN KEY (category_id) REFERENCES category (id),
      CONSTRAINT fk_routing_rule_region FOREIGN KEY (region_id) REFERENCES region (id),
      CONSTRAINT fk_routing_rule_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
    ) ${T}`);
    await q.query(`CREATE TABLE routing_outcome (
      order_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
      month CHAR(7) NOT NULL,
      suggested_category_id INT UNSIGNED NULL,
      suggested_unit_id INT UNSIGNED NULL,
      category_taken TINYINT(1) NULL,
      unit_taken TINYINT(1) NULL,
      came_back TINYINT(1) NOT NULL DEFAULT 0,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      KEY ix_routing_outcome_month (month)
    ) ${T}`);
    await q.query(`CREATE TABLE order_repeat (
      order_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
      earlier_order_id BIGINT UNSIGNED NOT NULL,
      reason VARCHAR(32) NOT NULL,
      score DOUBLE NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY ix_order_repeat_earlier (earlier_order_id)
    ) ${T}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['order_repeat', 'routing_outcome', 'routing_rule', 'routing_model_part', 'routing_model']) await q.query(`DROP TABLE ${t}`);
  }
}
