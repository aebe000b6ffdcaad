import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DashboardData, KpiSet, RegionKpiRow, UnitKpiRow } from '@hotline/contracts';
import { Roles } from '@hotline/server-identity';
import { PeriodQueryDto, toPeriod } from './dto';
import { DashboardService } from './dashboard.service';
import { KpiService } from './kpi.service';
import { SummaryMaintenance, type CheckResult, type RebuildResult } from './summary/summary-maintenance.service';

/** Who reads statistics: the center's staff who steer the work, not agents at the phones or units. */
export const REPORT_ROLES = ['leader', 'admin', 'supervisor', 'dispatcher'] as const;

@ApiTags('stats')
@ApiBearerAuth()
@Controller('stats')
export class StatsController {
  constructor(
    private readonly kpis: KpiService,
    private readonly dashboards: DashboardService,
    private readonly maintenance: SummaryMaintenance,
  ) {}

  @Get('kpis')
  @Roles(...REPORT_ROLES)
  kpiSet(@Query() q: PeriodQueryDto): Promise<KpiSet> {
    return this.kpis.kpis(toPeriod(q.from, q.to), q.platform ?? 'city');
  }

  @Get('dashboard')
  @Roles(...REPORT_ROLES)
  dashboard(@Query() q: PeriodQueryDto): Promise<DashboardData> {
    return this.dashboards.dashboard(toPeriod(q.from, q.to), q.platform ?? 'city');
  }

  @Get('units')
  @Roles(...REPORT_ROLES)
  units(@Query() q: PeriodQueryDto): Promise<UnitKpiRow[]> {
    return this.dashboards.units(toPeriod(q.from, q.to), q.platform ?? 'city');
  }

  @Get('regions')
  @Roles(...REPORT_ROLES)
  regions(@Query() q: PeriodQueryDto): Promise<RegionKpiRow[]> {
    return this.dashboards.regions(toPeriod(q.from, q.to), q.platform ?? 'city');
  }

  /** Recounts every summary cell from the orders and reports the cells that differ. */
  @Get('check')
  @Roles('admin')
  check(): Promise<CheckResult> {
    return this.maintenance.check();
  }

  @Post('rebuild')
  @HttpCode(200)
  @Roles('admin')
  rebuild(): Promise<RebuildResult[]> {
    return this.maintenance.rebuild();
  }
}
