import { Module } from '@nestjs/common';
import { StatisticsCoreModule } from '@hotline/server-statistics';
import { AnnualReportService } from './annual-report.service';
import { ReportIssuesService } from './report-issues.service';
import { ReportsController } from './reports.controller';

const SERVICES = [AnnualReportService, ReportIssuesService];

/** Reports without HTTP: the annual report, 快报 and 专报 composed from the summary tables, and the register of issued reports. */
@Module({
  imports: [StatisticsCoreModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class ReportsCoreModule {}

/** Reports over HTTP: /api/reports (the reports, their DOCX/XLSX exports, issuing and remarks). */
@Module({
  imports: [ReportsCoreModule],
  controllers: [ReportsController],
})
export class ReportsModule {}
