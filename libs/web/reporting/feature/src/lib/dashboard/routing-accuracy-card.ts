import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { formatCountGrouped, formatPercent } from '@hotline/domain';
import { callError, isLoading } from '@hotline/web-core-data-access';
import { RoutingAccuracyStore } from '@hotline/web-reporting-data-access';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NgxEchartsDirective } from 'ngx-echarts';
import { animateCharts, latestAccuracy, routingAccuracyOption } from '../charts/chart-options';

/**
 * 派单准确率 on the leader dashboard, month by month over the last year: of the orders dispatched with a unit
 * suggestion, the share sent to the suggested unit that never came back as 退单 or 改派; beside it, how often the
 * agents took the suggested category and unit. Not tied to the dashboard's period: it is the model's track record.
 */
@Component({
  selector: 'hl-routing-accuracy-card',
  imports: [NzCardModule, NzEmptyModule, NzSpinModule, NgxEchartsDirective],
  providers: [RoutingAccuracyStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-card nzSize="small" nzTitle="智能分派：派单准确率（近 12 个月）" [nzExtra]="headline" data-testid="routing-accuracy">
      <nz-spin [nzSpinning]="loading()">
        @if (error(); as e) {
          <div class="muted" data-testid="routing-accuracy-error">{{ e }}</div>
        } @else if (latest()) {
          <div echarts class="chart" [options]="chart()" data-testid="routing-accuracy-chart"></div>
        } @else {
          <nz-empty nzNotFoundImage="simple" nzNotFoundContent="尚无按推荐派出的工单" />
        }
      </nz-spin>
    </nz-card>
    <ng-template #headline>
      @if (latest(); as m) {
        <span data-testid="routing-accuracy-latest" [title]="m.month + '：' + formatCount(m.orders) + ' 件工单有推荐记录'">
          {{ m.month }} <b>{{ formatRate(m.accuracy) }}</b>
        </span>
      }
    </ng-template>
  `,
  styles: `
    .chart {
      height: 220px;
    }
    .muted {
      color: rgba(0, 0, 0, 0.45);
    }
  `,
})
export class RoutingAccuracyCard {
  private readonly store = inject(RoutingAccuracyStore);
  protected readonly loading = computed(() => isLoading(this.store.state()));
  protected readonly error = computed(() => callError(this.store.state()));
  protected readonly latest = computed(() => latestAccuracy(this.store.months()));
  private readonly animate = animateCharts();
  protected readonly chart = computed(() => routingAccuracyOption(this.store.months(), this.animate));
  protected readonly formatCount = formatCountGrouped;
  protected readonly formatRate = (x: number | null) => formatPercent(x, 1);

  constructor() {
    void this.store.load();
  }
}
