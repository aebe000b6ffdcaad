import type { MigrationInterface, QueryRunner } from 'typeorm';

// Why: a 专报 can focus on one topic or category, and an issued report carries the leadership's editable remarks
// (commentary the data cannot give); both are kept beside the snapshot so lists and edits need not parse it.
export class ReportIssueFocusRemarks1764700000000 implements MigrationInterface {
  name = 'ReportIssueFocusRemarks1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE report_issue
        ADD COLUMN focus_kind VARCHAR(16) NULL AFTER platform_code,
        ADD COLUMN focus_code VARCHAR(32) NULL AFTER focus_kind,
        ADD COLUMN remarks TEXT NULL AFTER content,
        ADD COLUMN updated_at DATETIME(3) NULL AFTER remarks,
        ADD COLUMN updated_by INT UNSIGNED NULL AFTER updated_at`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE report_issue DROP COLUMN updated_by, DROP COLUMN updated_at, DROP COLUMN remarks, DROP COLUMN focus_code, DROP COLUMN focus_kind',
    );
  }
}
