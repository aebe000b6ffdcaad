import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import type { ImportJobView, ImportRowError, Page } from '@hotline/contracts';
import { AppException } from '@hotline/server-platform';
import { ImportFileError, ImportService, type ImportKind } from './import.service';

/** Upload limit: a million-row export is about 400 MB of CSV. */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

/** Where uploads wait for the worker: a directory both the API and the worker can read (IMPORT_DIR). */
export function importDir(): string {
  return process.env['IMPORT_DIR'] || join(tmpdir(), 'hotline-imports');
}

type Row = Record<string, unknown>;

/** Import jobs: an uploaded file, its progress and its row errors, run by the worker (or the CLI). */
@Injectable()
export class ImportJobsService {
  private readonly logger = new Logger(ImportJobsService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly importer: ImportService,
  ) {}

  /** Stores the uploaded bytes and creates a queued job; the caller enqueues it. */
  async create(userId: number | null, kind: ImportKind, fileName: string, body: Readable): Promise<ImportJobView> {
    if (!/\.(csv|xlsx)$/i.test(fileName)) throw new AppException('UNSUPPORTED_MEDIA_TYPE', 'import a .csv or .xlsx file', { field: 'fileName' });
    const dir = importDir();
    mkdirSync(dir, { recursive: true });
    const res = await this.ds.query("INSERT INTO import_job (kind, file_name, status, created_by) VALUES (?, ?, 'queued', ?)", [
      kind,
      basename(fileName).slice(0, 255),
      userId,
    ]);
    const id = Number(res.insertId);
    const path = join(dir, `${id}-${Date.now()}${/\.xlsx$/i.test(fileName) ? '.xlsx' : '.csv'}`);
    let bytes = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        if (bytes > MAX_UPLOAD_BYTES) done(new AppException('PAYLOAD_TOO_LARGE', `an import file is at most ${MAX_UPLOAD_BYTES} bytes`));
        else done(null, chunk);
      },
    });
    try {
      await pipeline(body, limit, createWriteStream(path));
    } catch (e) {
      rmSync(path, { force: true });
      await this.ds.query("UPDATE import_job SET status = 'failed', message = ?, finished_at = CURRENT_TIMESTAMP(3) WHERE id = ?", [
        (e as Error).message.slice(0, 1000),
        id,
      ]);
      throw e;
    }
    if (bytes === 0) {
      rmSync(path, { force: true });
      await this.ds.query("UPDATE import_job SET status = 'failed', message = 'empty upload', finished_at = CURRENT_TIMESTAMP(3) WHERE id = ?", [id]);
      throw new AppException('VALIDATION_FAILED', 'the upload is empty', [{ field: 'body', messages: ['empty'] }]);
    }
    await this.ds.query('UPDATE import_job SET file_path = ? WHERE id = ?', [path, id]);
    return this.get(id);
  }

  /**
   * Runs a job (the worker's handler): idempotent — a finished job is left alone, a job interrupted half-way
   * runs again and skips the orders it already stored.
   */
  async run(id: number, onProgress?: (fraction: number) => void): Promise<ImportJobView> {
    const [job] = await this.ds.query('SELECT id, kind, file_path, status FROM import_job WHERE id = ?', [id]);
    if (!job) throw new AppException('NOT_FOUND', `import job ${id} not found`);
    // the file holds callers' phone numbers: it goes on every outcome, a failure included (a failed job never runs again)
    const removeFile = () => job.file_path && rmSync(String(job.file_path), { force: true });
    if (job.status === 'done' || job.status === 'failed') {
      removeFile();
      return this.get(id);
    }
    await this.ds.query(
      "UPDATE import_job SET status = 'running', processed_rows = 0, inserted_rows = 0, skipped_rows = 0, error_rows = 0, progress = 0 WHERE id = ?",
      [id],
    );
    await this.ds.query('DELETE FROM import_error WHERE job_id = ?', [id]);
    try {
      const r = await this.importer.importFile(job.kind as ImportKind, String(job.file_path), { jobId: id, onProgress: (p) => onProgress?.(p.progress) });
      await this.ds.query("UPDATE import_job SET status = 'done', progress = 1, message = ?, finished_at = CURRENT_TIMESTAMP(3) WHERE id = ?", [
        `${r.inserted} 条导入，${r.skipped} 条已存在，${r.errors} 行有错误，用时 ${(r.ms / 1000).toFixed(1)} 秒`,
        id,
      ]);
    } catch (e) {
      const err = e as Error;
      if (err instanceof ImportFileError && err.errors.length) {
        await this.ds.query(
          `INSERT INTO import_error (job_id, row_no, col, reason) VALUES ${err.errors.map(() => '(?, ?, ?, ?)').join(', ')}`,
          err.errors.flatMap((x) => [id, x.row, x.column, x.reason]),
        );
        await this.ds.query('UPDATE import_job SET error_rows = 1 WHERE id = ?', [id]);
      }
      await this.ds.query("UPDATE import_job SET status = 'failed', message = ?, finished_at = CURRENT_TIMESTAMP(3) WHERE id = ?", [
        err.message.slice(0, 1000),
        id,
      ]);
      this.logger.warn(`import job ${id} failed: ${err.message}`);
      if (!(err instanceof ImportFileError)) throw err;
    } finally {
      removeFile();
    }
    return this.get(id);
  }

  async get(id: number): Promise<ImportJobView> {
    const [row] = await this.ds.query('SELECT * FROM import_job WHERE id = ?', [id]);
    if (!row) throw new AppException('NOT_FOUND', `import job ${id} not found`);
    return toView(row, (await this.errorPage(id, 1, 20)).items);
  }

  async list(): Promise<ImportJobView[]> {
    const rows: Row[] = await this.ds.query('SELECT * FROM import_job ORDER BY id DESC LIMIT 50');
    return rows.map((r) => toView(r, []));
  }

  /** A job's row errors, page by page; a job that does not exist is a 404 like the job itself. */
  async errors(id: number, page = 1, pageSize = 100): Promise<Page<ImportRowError>> {
    const [job] = await this.ds.query('SELECT id FROM import_job WHERE id = ?', [id]);
    if (!job) throw new AppException('NOT_FOUND', `import job ${id} not found`);
    return this.errorPage(id, page, pageSize);
  }

  private async errorPage(id: number, page: number, pageSize: number): Promise<Page<ImportRowError>> {
    const [{ n }] = await this.ds.query('SELECT COUNT(*) AS n FROM import_error WHERE job_id = ?', [id]);
    const rows: Row[] = await this.ds.query('SELECT row_no, col, reason FROM import_error WHERE job_id = ? ORDER BY row_no, id LIMIT ? OFFSET ?', [
      id,
      pageSize,
      (page - 1) * pageSize,
    ]);
    return { items: rows.map((r) => ({ row: Number(r['row_no']), column: String(r['col']), reason: String(r['reason']) })), total: Number(n), page, pageSize };
  }
}

function toView(r: Row, errors: ImportRowError[]): ImportJobView {
  const iso = (v: unknown) => (v == null ? null : new Date(v as Date).toISOString());
  return {
    id: Number(r['id']),
    kind: r['kind'] as ImportJobView['kind'],
    fileName: String(r['file_name']),
    status: r['status'] as ImportJobView['status'],
    processedRows: Number(r['processed_rows']),
    insertedRows: Number(r['inserted_rows']),
    skippedRows: Number(r['skipped_rows']),
    errorRows: Number(r['error_rows']),
    progress: Number(r['progress']),
    message: (r['message'] as string | null) ?? null,
    createdAt: iso(r['created_at']) as string,
    finishedAt: iso(r['finished_at']),
    errors,
  };
}
