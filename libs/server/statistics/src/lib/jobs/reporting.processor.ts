import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { REPORTING_QUEUE, ReportingJobs, ReportingQueueModule } from './reporting-queue';

/** The worker side of the reporting queue: one handler per job name (registered by the features); any other name fails the job loudly. */
@Processor(REPORTING_QUEUE)
export class ReportingProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(private readonly jobs: ReportingJobs) {
    super();
  }

  onApplicationBootstrap(): void {
    const missing = this.jobs.missing();
    if (missing.length)
      throw new Error(`reporting jobs with no handler: ${missing.join(', ')} (import both LegacyImportWorkerModule and OversightWorkerModule)`);
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.jobs.handler(job.name);
    if (!handler) throw new Error(`no handler for reporting job ${job.name}`);
    return handler(job);
  }
}

/**
 * The processor of the reporting queue, once per worker however many features import it. Features register their
 * handlers with `ReportingJobs` in their module's constructor, before the processor's worker starts taking jobs.
 */
@Module({ imports: [ReportingQueueModule], providers: [ReportingJobs, ReportingProcessor], exports: [ReportingJobs, ReportingQueueModule] })
export class ReportingProcessorModule {}
