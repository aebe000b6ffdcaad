import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { REPORTING_JOBS, REPORTING_QUEUE } from '@hotline/server-statistics';
import { SurgeService } from './surge.service';

export interface SurgeScanData {
  day?: string;
}

/** The surge-scan job of the reporting queue: scans a day (default: yesterday, China time). */
@Injectable()
export class SurgeScanJob {
  private readonly logger = new Logger(SurgeScanJob.name);

  constructor(private readonly surges: SurgeService) {}

  async run(job: Job): Promise<unknown> {
    const alerts = await this.surges.scan((job.data as SurgeScanData).day);
    this.logger.log(`surge scan: ${alerts.length} alerts`);
    return { alerts: alerts.length };
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
