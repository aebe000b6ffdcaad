import { Module } from '@nestjs/common';
import { ReferenceDataModule } from '@hotline/server-reference-data';
import { REPORTING_JOBS, ReportingJobs, ReportingProcessorModule, StatisticsCoreModule } from '@hotline/server-statistics';
import { MeetingsController } from './meetings/meetings.controller';
import { MeetingsService } from './meetings/meetings.service';
import { SurgeController } from './surge/surge.controller';
import { SurgeScanJob, SurgeScheduler } from './surge/surge-jobs';
import { SurgeService } from './surge/surge.service';

const SERVICES = [SurgeService, MeetingsService];

/** Oversight without HTTP: surge alerts (the scan of a day) and coordination meetings. */
@Module({
  imports: [ReferenceDataModule, StatisticsCoreModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class OversightCoreModule {}

/** Oversight over HTTP: /api/surge-alerts and /api/meetings. */
@Module({
  imports: [OversightCoreModule],
  controllers: [SurgeController, MeetingsController],
})
export class OversightModule {}

/** The worker side: the surge-scan job of the reporting queue and its daily scheduler. Needs BullModule.forRoot in the worker app. */
@Module({
  imports: [OversightCoreModule, ReportingProcessorModule],
  providers: [SurgeScanJob, SurgeScheduler],
})
export class OversightWorkerModule {
  constructor(jobs: ReportingJobs, scan: SurgeScanJob) {
    jobs.register(REPORTING_JOBS.surgeScan, (job) => scan.run(job));
  }
}
