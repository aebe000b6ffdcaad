import { BullModule } from '@nestjs/bullmq';
import { Injectable, Module } from '@nestjs/common';
import type { Job } from 'bullmq';

/**
 * The one queue of reporting and its job names, shared by the legacy import and the surge scan (one queue, so the
 * jobs and the daily scheduler already in Redis keep running). Payloads carry ids only; handlers reload the job row.
 * Each feature registers the handler of its own job name with `ReportingJobs`; the processor routes each name to
 * exactly one handler and refuses others.
 */
export const REPORTING_QUEUE = 'reporting';

export const REPORTING_JOBS = {
  /** data: { importJobId } — run one uploaded import (legacy-import) */
  import: 'import',
  /** data: { day? } — scan a day (default: yesterday, China time) for surges (oversight) */
  surgeScan: 'surge-scan',
} as const;

export type ReportingJobName = (typeof REPORTING_JOBS)[keyof typeof REPORTING_JOBS];
export type ReportingJobHandler = (job: Job) => Promise<unknown>;

/** The job-name → handler table of the reporting queue; a name registered twice stops start-up. */
@Injectable()
export class ReportingJobs {
  private readonly handlers = new Map<string, ReportingJobHandler>();

  register(name: ReportingJobName, handler: ReportingJobHandler): void {
    if (this.handlers.has(name)) throw new Error(`reporting job "${name}" has two handlers`);
    this.handlers.set(name, handler);
  }

  handler(name: string): ReportingJobHandler | undefined {
    return this.handlers.get(name);
  }

  /** The job names nobody handles: the worker refuses to start with any. */
  missing(): string[] {
    return Object.values(REPORTING_JOBS).filter((n) => !this.handlers.has(n));
  }
}

const QUEUE = BullModule.registerQueue({ name: REPORTING_QUEUE });

/** The reporting queue to add jobs to (`@InjectQueue(REPORTING_QUEUE)`). Needs BullModule.forRoot in the application. */
@Module({ imports: [QUEUE], exports: [QUEUE] })
export class ReportingQueueModule {}
