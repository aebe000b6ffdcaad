import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { ImportJobsService } from '../import/import-jobs.service';
import { SurgeService } from '../surge/surge.service';
import { REPORTING_JOBS, REPORTING_QUEUE, type ImportJobData, type SurgeScanData } from './queue';

/** The worker side of the reporting queue: one handler per job name; any other name fails the job loudly. */
@Processor(REPORTING_QUEUE)
export class ReportingProcessor extends WorkerHost {
  private readonly logger = new Logger(ReportingProcessor.name);

  constructor(
    private readonly imports: ImportJobsService,
    private readonly surges: SurgeService,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case REPORTING_JOBS.import: {
        const { importJobId } = job.data as ImportJobData;
        const view = await this.imports.run(importJobId, (fraction) => void job.updateProgress(Math.round(fraction * 100)).catch(() => undefined));
        return { status: view.status, inserted: view.insertedRows, errors: view.errorRows };
      }
      case REPORTING_JOBS.surgeScan: {
        const alerts = await this.surges.scan((job.data as SurgeScanData).day);
        this.logger.log(`surge scan: ${alerts.length} alerts`);
        return { alerts: alerts.length };
      }
      default:
        throw new Error(`no handler for reporting job ${job.name}`);
    }
  }
}

/** Schedules the daily surge scan at 01:30 China time (a job scheduler: one, however many workers start). */
@Injectable()
export class SurgeScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(REPORTING_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'surge-daily',
      { pattern: '0 30 1 * * *', tz: 'Asia/Shanghai' },
      { name: REPORTING_JOBS.surgeScan, data: {}, opts: { removeOnComplete: 20, removeOnFail: 50 } },
    );
  }
}
