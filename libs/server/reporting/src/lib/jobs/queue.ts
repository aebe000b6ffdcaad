/**
 * The one queue of reporting and its job names. Payloads carry ids only; handlers reload the job row.
 * The processor (ReportingWorkerModule) routes each name to exactly one handler and refuses others.
 */
export const REPORTING_QUEUE = 'reporting';

export const REPORTING_JOBS = {
  /** data: { importJobId } — run one uploaded import */
  import: 'import',
  /** data: { day? } — scan a day (default: yesterday, China time) for surges */
  surgeScan: 'surge-scan',
} as const;

export interface ImportJobData {
  importJobId: number;
}

export interface SurgeScanData {
  day?: string;
}

/** Deterministic job ids: re-enqueuing the same import is a no-op. */
/**
 * One BullMQ job per uploaded import, deterministic from its row. The row's creation time is part of it: finished jobs
 * are kept in Redis, and a database recreated (or restored) under the same Redis numbers its imports from 1 again —
 * with the id alone, a new import would be taken for a finished one and never run.
 */
export const importJobId = (job: { id: number; createdAt: string }) => `import-${job.id}-${Date.parse(job.createdAt)}`;
