import { BullModule } from '@nestjs/bullmq';
import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AssessmentController } from './assessment/assessment.controller';
import { ImportsController } from './import/imports.controller';
import { ReportingQueue } from './jobs/import-queue';
import { ReportingProcessor, SurgeScheduler } from './jobs/reporting.processor';
import { REPORTING_QUEUE } from './jobs/queue';
import { MeetingsController } from './meetings/meetings.controller';
import { ReportingCoreModule } from './reporting-core.module';
import { ReportsController } from './reports/reports.controller';
import { StatsController } from './stats/stats.controller';
import { SurgeController } from './surge/surge.controller';

const QUEUE = BullModule.registerQueue({ name: REPORTING_QUEUE });
/** Upload bodies the import endpoint streams to disk instead of parsing. */
export const UPLOAD_TYPES = ['application/octet-stream', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/**
 * Reporting over HTTP: statistics, dashboard, reports, imports, assessment, meetings and surge alerts.
 * Needs BullModule.forRoot in the application (the import endpoint feeds the reporting queue).
 */
@Module({
  imports: [ReportingCoreModule, QUEUE],
  controllers: [StatsController, ReportsController, ImportsController, AssessmentController, MeetingsController, SurgeController],
  providers: [ReportingQueue],
})
export class ReportingModule implements OnModuleInit {
  constructor(private readonly http: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.http.httpAdapter?.getInstance?.() as
      | {
          hasContentTypeParser?(t: string): boolean;
          addContentTypeParser?(t: string, fn: (req: unknown, payload: unknown, done: (e: Error | null, body?: unknown) => void) => void): void;
        }
      | undefined;
    if (!fastify?.addContentTypeParser) return;
    // hand the raw stream to the controller: an import file is far larger than the JSON body limit
    for (const t of UPLOAD_TYPES) if (!fastify.hasContentTypeParser?.(t)) fastify.addContentTypeParser(t, (_req, payload, done) => done(null, payload));
  }
}

/** The worker side: runs uploaded imports and the daily surge scan. Needs BullModule.forRoot in the worker app. */
@Module({
  imports: [ReportingCoreModule, QUEUE],
  providers: [ReportingProcessor, SurgeScheduler],
})
export class ReportingWorkerModule {}
