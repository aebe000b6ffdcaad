import type { MigrationInterface, QueryRunner } from 'typeorm';

// Why: the knowledge base (issue 11) — articles with every edit kept as a version, their workflow history, agents'
// flags, the admins' user dictionary, import jobs with row errors, a change counter every API process polls to keep
// its in-memory search index fresh, and how each direct answer (直接办结) was made, on the order.
const T = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

const UP = [
  `CREATE TABLE knowledge_article (
    id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    title VARCHAR(200) NOT NULL,
    status VARCHAR(16) NOT NULL,
    revision_status VARCHAR(16) NULL,
    version INT UNSIGNED NOT NULL DEFAULT 1,
    owner_unit_id INT UNSIGNED NULL,
    valid_to DATE NULL,
    current_version_n INT UNSIGNED NOT NULL,
    published_version_n INT UNSIGNED NULL,
    use_count INT UNSIGNED NOT NULL DEFAULT 0,
    last_used_at DATETIME(3) NULL,
    reminded_for DATE NULL,
    source_order_id BIGINT UNSIGNED NULL,
    index_seq BIGINT UNSIGNED NOT NULL DEFAULT 0,
    created_by INT UNSIGNED NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    KEY ix_ka_status (status, valid_to),
    KEY ix_ka_owner (owner_unit_id, status),
    KEY ix_ka_title_owner (title, owner_unit_id),
    KEY ix_ka_seq (index_seq),
    CONSTRAINT fk_ka_owner FOREIGN KEY (owner_unit_id) REFERENCES unit (id)
  ) ${T}`,
  `CREATE TABLE knowledge_article_version (
    id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    article_id INT UNSIGNED NOT NULL,
    n INT UNSIGNED NOT NULL,
    title VARCHAR(200) NOT NULL,
    questions TEXT NOT NULL,
    answer_html MEDIUMTEXT NOT NULL,
    answer_text MEDIUMTEXT NOT NULL,
    category_ids VARCHAR(500) NOT NULL,
    region_ids VARCHAR(500) NOT NULL,
    keywords TEXT NOT NULL,
    valid_to DATE NULL,
    created_by INT UNSIGNED NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    published_at DATETIME(3) NULL,
    UNIQUE KEY uq_kav_article_n (article_id, n),
    CONSTRAINT fk_kav_article FOREIGN KEY (article_id) REFERENCES knowledge_article (id)
  ) ${T}`,
  // the working copy's categories, for the list's filter
  `CREATE TABLE knowledge_article_category (
    article_id INT UNSIGNED NOT NULL,
    category_id INT UNSIGNED NOT NULL,
    PRIMARY KEY (article_id, category_id),
    KEY ix_kac_category (category_id),
    CONSTRAINT fk_kac_article FOREIGN KEY (article_id) REFERENCES knowledge_article (id)
  ) ${T}`,
  `CREATE TABLE knowledge_history (
    id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    article_id INT UNSIGNED NOT NULL,
    action VARCHAR(16) NOT NULL,
    from_status VARCHAR(16) NULL,
    to_status VARCHAR(16) NULL,
    actor_id INT UNSIGNED NULL,
    actor_name VARCHAR(64) NULL,
    actor_role VARCHAR(16) NOT NULL,
    remark VARCHAR(1000) NULL,
    version_n INT UNSIGNED NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    KEY ix_kh_article (article_id, id),
    CONSTRAINT fk_kh_article FOREIGN KEY (article_id) REFERENCES knowledge_article (id)
  ) ${T}`,
  `CREATE TABLE knowledge_flag (
    id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    article_id INT UNSIGNED NOT NULL,
    reason VARCHAR(1000) NOT NULL,
    status VARCHAR(16) NOT NULL DEFAULT 'open',
    created_by INT UNSIGNED NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    resolved_by INT UNSIGNED NULL,
    resolved_at DATETIME(3) NULL,
    remark VARCHAR(1000) NULL,
    KEY ix_kf_article (article_id, status),
    KEY ix_kf_status (status, id),
    CONSTRAINT fk_kf_article FOREIGN KEY (article_id) REFERENCES knowledge_article (id)
  ) ${T}`,
  `CREATE TABLE knowledge_dictionary (
    id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    kind VARCHAR(16) NOT NULL,
    words VARCHAR(1000) NOT NULL,
    created_by INT UNSIGNED NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
  ) ${T}`,
  // one row: article_seq orders article changes (taken under its row lock, so commit order = seq order); dict_seq
  // counts dictionary changes. API processes poll it to refresh their index.
  `CREATE TABLE knowledge_counter (
    id TINYINT UNSIGNED NOT NULL PRIMARY KEY,
    article_seq BIGINT UNSIGNED NOT NULL DEFAULT 0,
    dict_seq BIGINT UNSIGNED NOT NULL DEFAULT 0
  ) ${T}`,
  `INSERT INTO knowledge_counter (id) VALUES (1)`,
  `CREATE TABLE knowledge_import_job (
    id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    file_name VARCHAR(255) NOT NULL,
    status VARCHAR(16) NOT NULL,
    created_by INT UNSIGNED NULL,
    imported INT UNSIGNED NOT NULL DEFAULT 0,
    updated INT UNSIGNED NOT NULL DEFAULT 0,
    unchanged INT UNSIGNED NOT NULL DEFAULT 0,
    failed INT UNSIGNED NOT NULL DEFAULT 0,
    message VARCHAR(1000) NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    finished_at DATETIME(3) NULL
  ) ${T}`,
  `CREATE TABLE knowledge_import_error (
    id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    job_id INT UNSIGNED NOT NULL,
    row_no INT UNSIGNED NOT NULL,
    column_name VARCHAR(32) NOT NULL,
    reason VARCHAR(500) NOT NULL,
    KEY ix_kie_job (job_id, id),
    CONSTRAINT fk_kie_job FOREIGN KEY (job_id) REFERENCES knowledge_import_job (id)
  ) ${T}`,
  `ALTER TABLE work_order
    ADD COLUMN direct_answer_method VARCHAR(16) NULL,
    ADD COLUMN direct_answer_article_id INT UNSIGNED NULL,
    ADD COLUMN direct_answer_article_version INT UNSIGNED NULL,
    ADD COLUMN three_way_unit_id INT UNSIGNED NULL,
    ADD COLUMN three_way_person VARCHAR(100) NULL`,
];

export class KnowledgeBase1764900000000 implements MigrationInterface {
  name = 'KnowledgeBase1764900000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of UP) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE work_order DROP COLUMN direct_answer_method, DROP COLUMN direct_answer_article_id,
        DROP COLUMN direct_answer_article_version, DROP COLUMN three_way_unit_id, DROP COLUMN three_way_person`,
    );
    for (const t of [
      'knowledge_import_error',
      'knowledge_import_job',
      'knowledge_counter',
      'knowledge_dictionary',
      'knowledge_flag',
      'knowledge_history',
      'knowledge_article_category',
      'knowledge_article_version',
      'knowledge_article',
    ])
      await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
