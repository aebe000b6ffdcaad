import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { callError, isLoading } from '@hotline/web-core-data-access';
import { formatCountGrouped, formatPercent } from '@hotline/domain';
import { DashboardStore, periodLabel } from '@hotline/web-reporting-data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { PageBar } from '@hotline/web-ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NgxEchartsDirective } from 'ngx-echarts';
import { animateCharts, heatColor, heatMax, praisedOption, trendOption, typesOption } from '../charts/chart-options';
import { provideReportingCharts } from '../charts/echarts-setup';
import { Change } from '../shared/change';
import { PeriodBar, PeriodChoice } from '../shared/period-bar';
import { SurgeTable } from '../shared/surge-table';
import { KnowledgeCoverageCard } from '@hotline/web-knowledge-feature/widgets';
import { kpiCards } from './kpi-cards';
import { HotClustersCard } from './hot-clusters-card';
import { RoutingAccuracyCard } from './routing-accuracy-card';

/** 领导看板: the report's headline figures for any period, with last year beside them. */
@Component({
  selector: 'hl-dashboard-page',
  imports: [
    PageBar,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzEmptyModule,
    NzGridModule,
    NzIconModule,
    NzSpinModule,
    NzTableModule,
    NzTagModule,
    NgxEchartsDirective,
    Change,
    PeriodBar,
    SurgeTable,
    KnowledgeCoverageCard,
    RoutingAccuracyCard,
    HotClustersCard,
  ],
  providers: [DashboardStore, provideReportingCharts()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard-page.html',
  styleUrl: './dashboard-page.css',
})
export class DashboardPage {
  protected readonly store = inject(DashboardStore);
  protected readonly loading = computed(() => isLoading(this.store.callState()));
  protected readonly error = computed(() => callError(this.store.callState()));
  protected readonly data = this.store.data;
  protected readonly cards = computed(() => {
    const d = this.data();
    return d ? kpiCards(d) : [];
  });
  private readonly animate = animateCharts();
  protected readonly trendChart = computed(() => {
    const d = this.data();
    return d ? trendOption(d.trend, d.trendGranularity, this.animate) : {};
  });
  protected readonly typesChart = computed(() => {
    const d = this.data();
    return d ? typesOption(d.types, this.animate) : {};
  });
  protected readonly praisedChart = computed(() => {
    const d = this.data();
    return d ? praisedOption(d.praisedUnits, this.animate) : {};
  });
  protected readonly heatMax = computed(() => heatMax(this.data()?.heat.cells ?? []));
  protected readonly periodText = computed(() => {
    const d = this.data();
    return d ? `${periodLabel(d.kpis.period)}（${d.kpis.period.days} 天），同比 ${periodLabel(d.kpis.previousPeriod)}` : '';
  });
  protected readonly formatCount = formatCountGrouped;
  protected readonly formatRate = formatPercent;
  protected readonly heatColor = heatColor;

  constructor() {
    void this.store.load();
  }

  protected choose(c: PeriodChoice): void {
    void this.store.choose(c.preset, c.period);
  }
}
