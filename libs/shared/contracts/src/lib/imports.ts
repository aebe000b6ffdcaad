/** Wire types of the legacy import: its jobs and row errors. */

export interface ImportRowError {
  row: number;
  column: string;
  reason: string;
}

export interface ImportJobView {
  id: number;
  kind: 'orders' | 'calls';
  fileName: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  processedRows: number;
  insertedRows: number;
  /** rows whose 工单编号 was already imported (re-import is a no-op) */
  skippedRows: number;
  errorRows: number;
  /** 0..1 by bytes read */
  progress: number;
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** the first errors (GET /api/imports/:id/errors pages through all) */
  errors: ImportRowError[];
}
