import type { MigrationInterface, QueryRunner } from 'typeorm';

// Why: intake is no longer counted in stat_event (it is stat_intake's `accepted`; the duplicate count was one hot
// row per day that serialised every intake transaction), so the rows it left would fail the recount check.
export class NoIntakeEvents1764700000001 implements MigrationInterface {
  name = 'NoIntakeEvents1764700000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query("DELETE FROM stat_event WHERE action = 'create'");
  }

  async down(q: QueryRunner): Promise<void> {
    // recounted from the history, day, month and year rows, as the summary rebuild did before
    const day = 'DATE(h.created_at + INTERVAL 8 HOUR)';
    for (const [grain, period] of [
      ['d', day],
      ['m', `DATE_FORMAT(${day}, '%Y-%m-01')`],
      ['y', `DATE_FORMAT(${day}, '%Y-01-01')`],
    ]) {
      await q.query(
        `INSERT INTO stat_event (grain, period, platform_id, unit_id, action, n)
         SELECT '${grain}', ${period} AS p, o.platform_id, 0, 'create', COUNT(*)
         FROM order_history h JOIN work_order o ON o.id = h.order_id WHERE h.action = 'create' GROUP BY p, o.platform_id`,
      );
    }
  }
}
