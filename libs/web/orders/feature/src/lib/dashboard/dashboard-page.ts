import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ORDER_STATUSES } from '@hotline/contracts';
import { OrdersStore } from '@hotline/web-orders-data-access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import {
  KpiCounts,
  StatusCounts,
  computeKpis,
  formatCount,
  formatRate,
  kpiQueries,
  statusChartOption,
  toRange,
  yearToDate,
} from './kpis';

// only what the charts use, so this lazy chunk stays small
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const EMPTY_COUNTS: KpiCounts = {
  accepted: null,
  direct: null,
  finished: null,
  finishedOverdue: null,
  rated: null,
  satisfied: null,
};

/** 领导看板: the report's headline rates for a period, computed from order totals until the reporting API exists. */
@Component({
  selector: 'hl-dashboard-page',
  imports: [
    FormsModule,
    NzButtonModule,
    NzCardModule,
    NzDatePickerModule,
    NzGridModule,
    NzIconModule,
    NzSpinModule,
    NzStatisticModule,
    NgxEchartsDirective,
  ],
  providers: [OrdersStore, provideEchartsCore({ echarts })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard-page.html',
  styles: `
    .bar {
      display: flex;
      align-items: center;
      gap: 12px;
      margin-bottom: 12px;
    }
    h2 {
      font-size: 16px;
      margin: 0;
      flex: 1;
    }
    .sub {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
      margin-top: 4px;
    }
    .chart {
      height: 320px;
    }
    nz-card {
      margin-bottom: 12px;
    }
  `,
})
export class DashboardPage {
  private readonly store = inject(OrdersStore);
  protected readonly dates = signal<Date[]>(yearToDate());
  protected readonly counts = signal<KpiCounts>(EMPTY_COUNTS);
  protected readonly statusCounts = signal<StatusCounts>({});
  protected readonly loading = signal(false);
  protected readonly kpis = computed(() => computeKpis(this.counts()));
  protected readonly chart = computed(() =>
    statusChartOption(this.statusCounts()),
  );
  protected readonly formatRate = formatRate;
  protected readonly formatCount = formatCount;

  constructor() {
    void this.load();
  }

  protected setDates(dates: Date[] | null): void {
    if (!dates || dates.length < 2) return;
    this.dates.set(dates);
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    const range = toRange(this.dates());
    const queries = kpiQueries(range);
    const keys = Object.keys(queries) as (keyof KpiCounts)[];
    const [kpiTotals, statusTotals] = await Promise.all([
      Promise.all(keys.map((k) => this.store.count(queries[k]))),
      Promise.all(
        ORDER_STATUSES.map((s) => this.store.count({ ...range, status: [s] })),
      ),
    ]);
    this.counts.set(
      Object.fromEntries(
        keys.map((k, i) => [k, kpiTotals[i]]),
      ) as unknown as KpiCounts,
    );
    this.statusCounts.set(
      Object.fromEntries(ORDER_STATUSES.map((s, i) => [s, statusTotals[i]])),
    );
    this.loading.set(false);
  }
}
