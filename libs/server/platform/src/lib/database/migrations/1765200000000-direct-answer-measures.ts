import type { MigrationInterface, QueryRunner } from 'typeorm';

// Why: the annual report and the 快报 say how the direct answers were made (知识库 / 三方通话 / 其他), and they read
// the summary tables, not a year of orders: each cube cell counts the direct answers of each method. Direct answers
// recorded before this migration are counted by method after `cli stats-rebuild` (until then, as unrecorded).
const TABLES = ['stat_intake', 'stat_category', 'stat_unit', 'stat_topic'];
const COLUMNS = ['direct_knowledge', 'direct_three_way', 'direct_other'];

export class DirectAnswerMeasures1765200000000 implements MigrationInterface {
  name = 'DirectAnswerMeasures1765200000000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of TABLES)
      await q.query(
        `ALTER TABLE ${t} ${COLUMNS.map((c) => `ADD COLUMN ${c} INT NOT NULL DEFAULT 0 AFTER direct`)
          .reverse()
          .join(', ')}`,
      );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.query(`ALTER TABLE ${t} ${COLUMNS.map((c) => `DROP COLUMN ${c}`).join(', ')}`);
  }
}
