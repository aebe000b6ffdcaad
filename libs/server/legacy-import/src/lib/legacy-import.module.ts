import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { OrdersModule } from '@hotline/server-orders';
import { acceptRawUploads } from '@hotline/server-platform';
import { ReferenceDataModule } from '@hotline/server-reference-data';
import { REPORTING_JOBS, ReportingJobs, ReportingProcessorModule, ReportingQueueModule, StatisticsCoreModule } from '@hotline/server-statistics';
import { ImportJobsService } from './import-jobs.service';
import { ImportQueue, runImportJob } from './import-queue';
import { ImportService } from './import.service';
import { ImportsController } from './imports.controller';

const SERVICES = [ImportService, ImportJobsService];

/** The legacy import without HTTP or queues: reading a CSV/XLSX export, bulk-loading its orders and calls (the CLI). */
@Module({
  imports: [ReferenceDataModule, OrdersModule, StatisticsCoreModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class LegacyImportCoreModule {}

/** The legacy import over HTTP: /api/imports (upload, jobs, row errors). Needs BullModule.forRoot (the upload feeds the reporting queue). */
@Module({
  imports: [LegacyImportCoreModule, ReportingQueueModule],
  controllers: [ImportsController],
  providers: [ImportQueue],
})
export class LegacyImportModule implements OnModuleInit {
  constructor(private readonly http: HttpAdapterHost) {}

  onModuleInit(): void {
    acceptRawUploads(this.http);
  }
}

/** The worker side: runs uploaded imports (the import job of the reporting queue). Needs BullModule.forRoot in the worker app. */
@Module({
  imports: [LegacyImportCoreModule, ReportingProcessorModule],
})
export class LegacyImportWorkerModule {
  constructor(jobs: ReportingJobs, imports: ImportJobsService) {
    jobs.register(REPORTING_JOBS.import, (job) => runImportJob(imports, job));
  }
}
