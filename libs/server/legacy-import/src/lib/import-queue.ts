import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import type { Readable } from 'node:stream';
import type { ImportJobView } from '@hotline/contracts';
import { REPORTING_JOBS, REPORTING_QUEUE } from '@hotline/server-statistics';
import { ImportJobsService } from './import-jobs.service';
import type { ImportKind } from './import.service';

export interface ImportJobData {
  importJobId: number;
}

/**
 * One BullMQ job per uploaded import, deterministic from its row. The row's creation time is part of it: finished jobs
 * are kept in Redis, and a database recreated (or restored) under the same Redis numbers its imports from 1 again —
 * with the id alone, a new import would be taken for a finished one and never run.
 */
export const importJobId = (job: { id: number; createdAt: string }) => `import-${job.id}-${Date.parse(job.createdAt)}`;

/** The API side of the import job: stores an upload, then hands its id to the worker over the reporting queue. */
@Injectable()
export class ImportQueue {
  constructor(
    @InjectQueue(REPORTING_QUEUE) private readonly queue: Queue,
    private readonly jobs: ImportJobsService,
  ) {}

  async submitImport(userId: number, kind: ImportKind, fileName: string, body: Readable): Promise<ImportJobView> {
    const job = await this.jobs.create(userId, kind, fileName, body);
    const data: ImportJobData = { importJobId: job.id };
    await this.queue.add(REPORTING_JOBS.import, data, {
      jobId: importJobId(job),
      attempts: 3,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: 100,
      removeOnFail: 100,
    });
    return job;
  }
}

/** The worker side: runs one uploaded import, reporting progress in percent. */
export async function runImportJob(jobs: ImportJobsService, job: Job): Promise<unknown> {
  const { importJobId } = job.data as ImportJobData;
  const view = await jobs.run(importJobId, (fraction) => void job.updateProgress(Math.round(fraction * 100)).catch(() => undefined));
  return { status: view.status, inserted: view.insertedRows, errors: view.errorRows };
}
