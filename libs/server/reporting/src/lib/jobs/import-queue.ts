import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Readable } from 'node:stream';
import type { ImportJobView } from '@hotline/contracts';
import { ImportJobsService } from '../import/import-jobs.service';
import type { ImportKind } from '../import/import.service';
import { importJobId, REPORTING_JOBS, REPORTING_QUEUE, type ImportJobData, type SurgeScanData } from './queue';

/** The API side of the reporting queue: stores an upload, then hands its id to the worker. */
@Injectable()
export class ReportingQueue {
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

  async scanSurges(day?: string): Promise<void> {
    const data: SurgeScanData = { day };
    await this.queue.add(REPORTING_JOBS.surgeScan, data, { jobId: `surge-${day ?? 'yesterday'}-${Date.now()}`, removeOnComplete: 20, removeOnFail: 50 });
  }
}
