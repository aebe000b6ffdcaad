import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DataSource } from 'typeorm';
import type { KnowledgeImportRowError, KnowledgeImportSummary } from '@hotline/contracts';
import type { AuthUser } from '@hotline/server-identity';
import { AppException, indexHeaders, inTransaction, readRecords } from '@hotline/server-platform';
import { ReferenceService } from '@hotline/server-reference-data';
import type { Row } from '../article-rows';
import { ArticlesService, type CleanInput } from '../articles.service';
import { KNOWLEDGE_HEADERS, parseArticleRow, REQUIRED_HEADERS, type KnowledgeNames } from './knowledge-rows';

/** An import file is at most this large. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Files up to this size are imported before the answer (200 with the summary); larger ones run on (202 with the job). */
export const SYNC_IMPORT_BYTES = 512 * 1024;
/** Errors kept per job (the summary shows the first ones). */
const MAX_ERRORS = 1000;
const SUMMARY_ERRORS = 100;

/**
 * Bulk import of an existing knowledge base from CSV/XLSX, read with the platform's streaming reader (the legacy
 * import's). Each row is checked whole before anything of it is stored, then written in its own transaction: a new
 * article, or — idempotent by title + owner unit — a new version of the one already there when its content changed
 * (nothing when it did not). An admin's rows are published at once; anyone else's are drafts (or revisions).
 */
@Injectable()
export class KnowledgeImportService {
  private readonly logger = new Logger(KnowledgeImportService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly ref: ReferenceService,
    private readonly articles: ArticlesService,
  ) {}

  /** Stores the upload, then imports it: at once for a small file (done), in the background for a large one (queued). */
  async submit(user: AuthUser, fileName: string, body: Readable): Promise<{ sync: boolean; summary: KnowledgeImportSummary }> {
    const dir = mkdtempSync(join(tmpdir(), 'knowledge-import-'));
    const path = join(dir, /\.xlsx$/i.test(fileName) ? 'upload.xlsx' : 'upload.csv');
    let bytes = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        if (bytes > MAX_IMPORT_BYTES) done(new AppException('PAYLOAD_TOO_LARGE', `an import file is at most ${MAX_IMPORT_BYTES} bytes`));
        else done(null, chunk);
      },
    });
    try {
      await pipeline(body, limit, createWriteStream(path));
      if (bytes === 0) throw new AppException('VALIDATION_FAILED', 'the file is empty', [{ field: 'body', messages: ['empty'] }]);
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      throw e;
    }
    const res = await this.ds.query("INSERT INTO knowledge_import_job (file_name, status, created_by) VALUES (?, 'running', ?)", [
      basename(fileName).slice(0, 255),
      user.id,
    ]);
    const jobId = Number(res.insertId);
    const run = this.run(user, jobId, path).finally(() => rmSync(dir, { recursive: true, force: true }));
    if (statSync(path).size <= SYNC_IMPORT_BYTES) {
      await run;
      return { sync: true, summary: await this.summary(user, jobId) };
    }
    run.catch((e: Error) => this.logger.error(`knowledge import ${jobId} failed: ${e.message}`));
    return { sync: false, summary: await this.summary(user, jobId) };
  }

  async summary(user: AuthUser, jobId: number): Promise<KnowledgeImportSummary> {
    const [j]: Row[] = await this.ds.query('SELECT * FROM knowledge_import_job WHERE id = ?', [jobId]);
    if (!j || (user.role !== 'admin' && Number(j['created_by']) !== user.id)) throw new AppException('NOT_FOUND', `import ${jobId} not found`);
    const errors: Row[] = await this.ds.query('SELECT row_no, column_name, reason FROM knowledge_import_error WHERE job_id = ? ORDER BY id LIMIT ?', [
      jobId,
      SUMMARY_ERRORS,
    ]);
    return {
      jobId,
      status: j['status'] as KnowledgeImportSummary['status'],
      fileName: String(j['file_name']),
      imported: Number(j['imported']),
      updated: Number(j['updated']),
      unchanged: Number(j['unchanged']),
      failed: Number(j['failed']),
      message: (j['message'] as string | null) ?? null,
      errors: errors.map((e) => ({ row: Number(e['row_no']), column: String(e['column_name']), reason: String(e['reason']) })),
    };
  }

  private async run(user: AuthUser, jobId: number, path: string): Promise<void> {
    const counts = { imported: 0, updated: 0, unchanged: 0, failed: 0 };
    const errors: KnowledgeImportRowError[] = [];
    const fail = (es: KnowledgeImportRowError[]) => {
      counts.failed++;
      errors.push(...es.slice(0, Math.max(0, MAX_ERRORS - errors.length)));
    };
    let status: 'done' | 'failed' = 'done';
    let message: string | null = null;
    try {
      const names = await this.names();
      let index: Map<(typeof KNOWLEDGE_HEADERS)[number], number> | null = null;
      let rowNo = 0;
      // title + owner of every row stored or tried, with its row: a later row with the same would make the article
      // flip between two answers at every import of the file, so it is reported and stores nothing
      const seen = new Map<string, number>();
      for await (const cells of readRecords(path, () => undefined)) {
        rowNo++;
        if (!index) {
          const h = indexHeaders(cells, KNOWLEDGE_HEADERS, REQUIRED_HEADERS);
          if (h.missing.length)
            throw new AppException('VALIDATION_FAILED', `missing columns: ${h.missing.join(', ')}`, [
              { field: 'body', messages: [`missing ${h.missing.join(', ')}`] },
            ]);
          index = h.index;
          continue;
        }
        if (cells.every((c) => c == null || String(c).trim() === '')) continue;
        const parsed = parseArticleRow(cells, index, names, rowNo);
        if (!parsed.ok) {
          fail(parsed.errors);
          continue;
        }
        try {
          const clean = await this.articles.checkInput(user, parsed.value);
          const key = `${clean.title.toLowerCase()}\u0000${clean.ownerUnitId ?? ''}`;
          const first = seen.get(key);
          if (first !== undefined) {
            fail([{ row: rowNo, column: '标题', reason: `the same title and owner unit as row ${first}: one article per title and owner` }]);
            continue;
          }
          seen.set(key, rowNo);
          counts[await this.store(user, clean)]++;
        } catch (e) {
          const column = e instanceof AppException && /answer/.test(e.message) ? '答案' : '标题';
          fail([{ row: rowNo, column, reason: (e as Error).message.slice(0, 500) }]);
        }
      }
      if (!index) throw new AppException('VALIDATION_FAILED', 'the file has no header row', [{ field: 'body', messages: ['no header row'] }]);
    } catch (e) {
      status = 'failed';
      message = (e as Error).message.slice(0, 1000);
      if (counts.imported + counts.updated === 0 && e instanceof AppException) {
        await this.finish(jobId, status, message, counts, errors);
        throw e;
      }
    }
    await this.finish(jobId, status, message, counts, errors);
    if (counts.imported + counts.updated) await this.articles.changed();
  }

  /** One row: a new article, a new version of the one with its title and owner, or nothing when that one says the same. */
  private async store(user: AuthUser, clean: CleanInput): Promise<'imported' | 'updated' | 'unchanged'> {
    const publish = user.role === 'admin';
    return inTransaction(this.ds, async (em) => {
      const [same]: Row[] = await em.query(
        `SELECT a.id, v.title, v.questions, v.answer_html, v.category_ids, v.region_ids, v.keywords, DATE_FORMAT(v.valid_to, '%Y-%m-%d') AS valid_to, a.status, a.revision_status
           FROM knowledge_article a JOIN knowledge_article_version v ON v.article_id = a.id AND v.n = a.current_version_n
          WHERE a.title = ? AND a.owner_unit_id <=> ? AND a.status <> 'archived' ORDER BY a.id LIMIT 1 FOR UPDATE`,
        [clean.title, clean.ownerUnitId],
      );
      if (!same) {
        await this.articles.insert(em, user, clean, { publish, action: 'import' });
        return 'imported';
      }
      const unchanged =
        String(same['answer_html']) === clean.answer &&
        String(same['questions']) === JSON.stringify(clean.questions) &&
        String(same['category_ids']) === JSON.stringify(clean.categoryIds) &&
        String(same['region_ids']) === JSON.stringify(clean.regionIds) &&
        String(same['keywords']) === JSON.stringify(clean.keywords) &&
        (same['valid_to'] ?? null) === clean.validTo &&
        (!publish || (same['status'] === 'published' && same['revision_status'] == null));
      if (unchanged) return 'unchanged';
      await this.articles.revise(em, user, Number(same['id']), null, clean, publish);
      return 'updated';
    });
  }

  private async finish(jobId: number, status: string, message: string | null, c: Record<string, number>, errors: KnowledgeImportRowError[]): Promise<void> {
    await inTransaction(this.ds, async (em) => {
      await em.query(
        'UPDATE knowledge_import_job SET status = ?, message = ?, imported = ?, updated = ?, unchanged = ?, failed = ?, finished_at = CURRENT_TIMESTAMP(3) WHERE id = ?',
        [status, message, c['imported'], c['updated'], c['unchanged'], c['failed'], jobId],
      );
      for (let i = 0; i < errors.length; i += 500) {
        const chunk = errors.slice(i, i + 500);
        await em.query(
          `INSERT INTO knowledge_import_error (job_id, row_no, column_name, reason) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}`,
          chunk.flatMap((e) => [jobId, e.row, e.column, e.reason.slice(0, 500)]),
        );
      }
    });
  }

  private async names(): Promise<KnowledgeNames> {
    const snap = await this.ref.snapshot();
    const categories = new Map(snap.categories.filter((c) => c.active).map((c) => [c.path, c.id]));
    const units = new Map<string, number>();
    for (const u of snap.units.filter((x) => x.active)) {
      units.set(u.name, u.id);
      units.set(u.code, u.id);
    }
    return { category: (p) => categories.get(p), unit: (n) => units.get(n) };
  }
}
