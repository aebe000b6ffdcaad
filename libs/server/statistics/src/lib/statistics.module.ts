import { Module } from '@nestjs/common';
import { OrdersModule } from '@hotline/server-orders';
import { ReferenceDataModule } from '@hotline/server-reference-data';
import { DashboardService } from './dashboard.service';
import { KpiService } from './kpi.service';
import { LookupService } from './lookup';
import { StatsController } from './stats.controller';
import { StatsHook } from './stats.hook';
import { SummaryMaintenance } from './summary/summary-maintenance.service';
import { SummaryReader } from './summary/summary-reader';

const SERVICES = [SummaryReader, SummaryMaintenance, LookupService, KpiService, DashboardService];

/**
 * Statistics without HTTP: the summary tables, the hook that keeps them current inside every order change, and the
 * figures read from them (KPIs, dashboard). The CLI, the worker and the other reporting features build on it.
 */
@Module({
  imports: [ReferenceDataModule, OrdersModule],
  providers: [StatsHook, ...SERVICES],
  exports: SERVICES,
})
export class StatisticsCoreModule {}

/** Statistics over HTTP: /api/stats (KPIs, dashboard, rebuild and check of the summary tables). */
@Module({
  imports: [StatisticsCoreModule],
  controllers: [StatsController],
})
export class StatisticsModule {}
