import type { MigrationInterface, QueryRunner } from 'typeorm';

const T = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

// Why: calls arrive live from the PBX (Zammad's generic CTI push API) into the same call records the import fills,
// with the agent, queue and timings the 15-second answer rate needs; agents get a phone extension and a desk state.
export class Telephony1764910000000 implements MigrationInterface {
  name = 'Telephony1764910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE cti_endpoint (
      id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(64) NOT NULL,
      token VARCHAR(64) NOT NULL,
      platform_id INT UNSIGNED NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      rotated_at DATETIME(3) NULL,
      UNIQUE KEY uq_cti_token (token),
      CONSTRAINT fk_cti_platform FOREIGN KEY (platform_id) REFERENCES platform (id)
    ) ${T}`);
    // imported rows keep the defaults: inbound, counted, no PBX
    await q.query(`ALTER TABLE call_record
      ADD COLUMN pbx_id INT UNSIGNED NULL,
      ADD COLUMN call_id VARCHAR(64) NULL,
      ADD COLUMN direction CHAR(3) NOT NULL DEFAULT 'in',
      ADD COLUMN callee VARCHAR(32) NULL,
      ADD COLUMN queue VARCHAR(64) NOT NULL DEFAULT '',
      ADD COLUMN agent_id INT UNSIGNED NULL,
      ADD COLUMN agent_number VARCHAR(32) NULL,
      ADD COLUMN transfers INT NOT NULL DEFAULT 0,
      ADD COLUMN cause VARCHAR(32) NULL,
      ADD COLUMN recording_url VARCHAR(500) NULL,
      ADD COLUMN counted TINYINT(1) NOT NULL DEFAULT 1,
      ADD COLUMN order_id BIGINT UNSIGNED NULL,
      ADD COLUMN link_purpose VARCHAR(16) NULL,
      ADD UNIQUE KEY uq_call_pbx (pbx_id, call_id),
      ADD KEY ix_call_agent (agent_id, called_at),
      ADD KEY ix_call_live (counted, called_at),
      ADD KEY ix_call_order (order_id)`);
    await q.query(`CREATE TABLE stat_call_kpi (
      grain CHAR(1) NOT NULL,
      period DATE NOT NULL,
      platform_id INT UNSIGNED NOT NULL,
      hour TINYINT UNSIGNED NOT NULL,
      agent_id INT UNSIGNED NOT NULL,
      queue VARCHAR(64) NOT NULL,
      slot TINYINT UNSIGNED NOT NULL DEFAULT 0,
      offered INT NOT NULL DEFAULT 0,
      answered INT NOT NULL DEFAULT 0,
      answered_15s INT NOT NULL DEFAULT 0,
      abandoned INT NOT NULL DEFAULT 0,
      wait_s BIGINT NOT NULL DEFAULT 0,
      talk_s BIGINT NOT NULL DEFAULT 0,
      PRIMARY KEY (grain, period, platform_id, hour, agent_id, queue, slot)
    ) ${T}`);
    // live calls end side by side: their day/month/year cells take slots like the order cubes, not one row lock each
    await q.query(
      'ALTER TABLE stat_call ADD COLUMN slot TINYINT UNSIGNED NOT NULL DEFAULT 0 AFTER platform_id, DROP PRIMARY KEY, ADD PRIMARY KEY (grain, period, platform_id, slot)',
    );
    await q.query('ALTER TABLE app_user ADD COLUMN phone_extension VARCHAR(16) NULL, ADD UNIQUE KEY uq_user_extension (phone_extension)');
    await q.query(`CREATE TABLE agent_state (
      user_id INT UNSIGNED NOT NULL PRIMARY KEY,
      state VARCHAR(8) NOT NULL,
      changed_at DATETIME(3) NOT NULL
    ) ${T}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE agent_state');
    await q.query('ALTER TABLE app_user DROP INDEX uq_user_extension, DROP COLUMN phone_extension');
    await q.query('DROP TABLE stat_call_kpi');
    await q.query(
      'CREATE TABLE stat_call_unslotted AS SELECT grain, period, platform_id, SUM(offered) AS offered, SUM(answered) AS answered FROM stat_call GROUP BY grain, period, platform_id',
    );
    await q.query('DELETE FROM stat_call');
    await q.query('ALTER TABLE stat_call DROP PRIMARY KEY, DROP COLUMN slot, ADD PRIMARY KEY (grain, period, platform_id)');
    await q.query(
      'INSERT INTO stat_call (grain, period, platform_id, offered, answered) SELECT grain, period, platform_id, offered, answered FROM stat_call_unslotted',
    );
    await q.query('DROP TABLE stat_call_unslotted');
    await q.query(`ALTER TABLE call_record DROP INDEX uq_call_pbx, DROP INDEX ix_call_agent, DROP INDEX ix_call_live, DROP INDEX ix_call_order,
      DROP COLUMN pbx_id, DROP COLUMN call_id, DROP COLUMN direction, DROP COLUMN callee, DROP COLUMN queue, DROP COLUMN agent_id,
      DROP COLUMN agent_number, DROP COLUMN transfers, DROP COLUMN cause, DROP COLUMN recording_url, DROP COLUMN counted,
      DROP COLUMN order_id, DROP COLUMN link_purpose`);
    await q.query('DROP TABLE cti_endpoint');
  }
}
