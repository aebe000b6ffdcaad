import { Module } from '@nestjs/common';
import { OrdersModule } from '@hotline/server-orders';
import { ReferenceDataModule } from '@hotline/server-reference-data';
import { AssessmentService } from './assessment/assessment.service';
import { GeneratorService } from './generator/generator.service';
import { ImportJobsService } from './import/import-jobs.service';
import { ImportService } from './import/import.service';
import { MeetingsService } from './meetings/meetings.service';
import { AnnualReportService } from './reports/annual-report.service';
import { DashboardService } from './stats/dashboard.service';
import { KpiService } from './stats/kpi.service';
import { LookupService } from './stats/lookup';
import { StatsHook } from './stats/stats.hook';
import { SummaryMaintenance } from './stats/summary-maintenance.service';
import { SummaryReader } from './stats/summary-reader';
import { SurgeService } from './surge/surge.service';

const SERVICES = [
  SummaryReader,
  SummaryMaintenance,
  LookupService,
  KpiService,
  DashboardService,
  AnnualReportService,
  GeneratorService,
  ImportService,
  ImportJobsService,
  SurgeService,
  AssessmentService,
  MeetingsService,
];

/**
 * Reporting without HTTP or queues: the summary tables and the hook that keeps them current, the figures,
 * reports, generator, importer, assessment and surge scan. The API (ReportingModule), the worker
 * (ReportingWorkerModule) and the CLI build on it.
 */
@Module({
  imports: [ReferenceDataModule, OrdersModule],
  providers: [StatsHook, ...SERVICES],
  exports: SERVICES,
})
export class ReportingCoreModule {}
