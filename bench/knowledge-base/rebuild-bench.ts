/**
 * How long an API process takes to build its knowledge index from the database at start (issue 11: 50,000 articles in
 * ≤ 10 s), against the engine alone building from rows already in memory, measured in the same go with the machine's
 * load. Articles are real appeal texts (../shared/data/appeals-tipdm2020-messages.jsonl) repeated to N.
 *
 *   TS_NODE_TRANSPILE_ONLY=true TS_NODE_PROJECT=apps/api/tsconfig.app.json \
 *     node -r ts-node/register -r tsconfig-paths/register bench/knowledge-base/rebuild-bench.ts [N]
 * Uses (and drops) the database hotline_kbbench_<pid> on DATABASE_URL's server.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { KnowledgeIndex } from '@hotline/server-knowledge';
import { KnowledgeSearch, type DictionaryService } from '@hotline/server-knowledge-base';
import { dataSourceOptions, dropDatabase, ensureDatabase, type ChangeBus } from '@hotline/server-platform';

async function main(n: number): Promise<void> {
  const server = (process.env['DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306/hotline').replace(/\/[^/]*$/, '');
  const url = `${server}/hotline_kbbench_${process.pid}`;
  await ensureDatabase(url);
  const ds = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const messages = readFileSync(join(__dirname, '../../../shared/data/appeals-tipdm2020-messages.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { title: string; detail: string });
    const t0 = Date.now();
    for (let i = 0; i < n; i += 1000) {
      const ids = Array.from({ length: Math.min(1000, n - i) }, (_, k) => i + k + 1);
      const m = (id: number) => messages[id % messages.length];
      await ds.query(
        `INSERT INTO knowledge_article (id, title, status, current_version_n, published_version_n, index_seq) VALUES ${ids.map(() => "(?, ?, 'published', 1, 1, ?)").join(', ')}`,
        ids.flatMap((id) => [id, m(id).title.slice(0, 200), id]),
      );
      await ds.query(
        `INSERT INTO knowledge_article_version (article_id, n, title, questions, answer_html, answer_text, category_ids, region_ids, keywords, published_at)
         VALUES ${ids.map(() => "(?, 1, ?, '[]', ?, ?, '[]', '[]', '[]', CURRENT_TIMESTAMP(3))").join(', ')}`,
        ids.flatMap((id) => [id, m(id).title.slice(0, 200), `<p>${m(id).detail}</p>`, m(id).detail]),
      );
    }
    await ds.query('UPDATE knowledge_counter SET article_seq = ? WHERE id = 1', [n]);
    console.log(`loaded ${n} articles in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const rows = (await ds.query(
      `SELECT v.article_id AS id, v.n AS version, v.title, v.answer_text AS answer, a.updated_at FROM knowledge_article a
         JOIN knowledge_article_version v ON v.article_id = a.id AND v.n = a.published_version_n`,
    )) as { id: number; version: number; title: string; answer: string; updated_at: Date }[];
    const load0 = loadavg()[0];
    const b0 = Date.now();
    await new KnowledgeIndex().rebuild(rows.map((r) => ({ ...r, questions: [], categoryIds: [], regionIds: [], keywords: [], updatedAt: r.updated_at })));
    const baseline = Date.now() - b0;

    const dictionary = { load: async () => ({ userWords: [], synonyms: [] }) } as unknown as DictionaryService;
    const bus = { on: () => undefined } as unknown as ChangeBus;
    const search = new KnowledgeSearch(ds, dictionary, bus);
    const s0 = Date.now();
    await search.refresh();
    const boot = Date.now() - s0;
    const hits = (await search.search({ q: '小区 停水' })).total;
    console.log(
      JSON.stringify({ articles: n, engineOnlyMs: baseline, bootFromDatabaseMs: boot, ratio: +(boot / baseline).toFixed(2), load1: [load0, loadavg()[0]], hits }),
    );
  } finally {
    await ds.destroy();
    await dropDatabase(url);
  }
}

main(Number(process.argv[2] ?? 50_000)).catch((e) => {
  console.error(e);
  process.exit(1);
});
