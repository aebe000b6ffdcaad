import type { MigrationInterface, QueryRunner } from 'typeorm';

// Why: every intake (and most lifecycle actions) adds to the same few summary cells — today's, this month's and this
// year's row for phone × consultation, say — and each cell's row lock was held until its transaction committed, so
// concurrent order changes queued on them. A `slot` column in the key lets concurrent transactions add to separate
// rows of one cell (readers already SUM over the key), trading a few more rows for no queue.
const TABLES: [string, string[]][] = [
  ['stat_intake', ['grain', 'period', 'platform_id', 'channel_code', 'appeal_type_code']],
  ['stat_category', ['grain', 'period', 'platform_id', 'channel_grp', 'appeal_type_code', 'category_id', 'region_id']],
  ['stat_unit', ['grain', 'period', 'platform_id', 'unit_id', 'appeal_type_code']],
  ['stat_topic', ['grain', 'period', 'platform_id', 'topic_id', 'channel_grp', 'appeal_type_code', 'category_id']],
  ['stat_event', ['grain', 'period', 'platform_id', 'unit_id', 'action']],
  ['stat_overdue', ['platform_id', 'due_day', 'finish_day', 'unit_id']],
];

export class SummarySlots1764700000002 implements MigrationInterface {
  name = 'SummarySlots1764700000002';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, key] of TABLES) {
      await q.query(
        `ALTER TABLE ${table} ADD COLUMN slot TINYINT UNSIGNED NOT NULL DEFAULT 0, DROP PRIMARY KEY, ADD PRIMARY KEY (${[...key, 'slot'].join(', ')})`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // the slots of each cell are summed back into one row
    for (const [table, key] of TABLES) {
      const cols: { name: string }[] = await q.query(
        "SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME <> 'slot' ORDER BY ORDINAL_POSITION",
        [table],
      );
      const values = cols.map((c) => c.name).filter((c) => !key.includes(c));
      await q.query(`CREATE TABLE ${table}__unslotted LIKE ${table}`);
      await q.query(`ALTER TABLE ${table}__unslotted DROP PRIMARY KEY, DROP COLUMN slot, ADD PRIMARY KEY (${key.join(', ')})`);
      await q.query(
        `INSERT INTO ${table}__unslotted (${[...key, ...values].join(', ')}) SELECT ${[...key, ...values.map((v) => `SUM(${v})`)].join(', ')} FROM ${table} GROUP BY ${key.join(', ')}`,
      );
      await q.query(`RENAME TABLE ${table} TO ${table}__slotted, ${table}__unslotted TO ${table}`);
      await q.query(`DROP TABLE ${table}__slotted`);
    }
  }
}
