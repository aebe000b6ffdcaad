import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ChartData } from '@hotline/contracts';
import { NgxEchartsDirective } from 'ngx-echarts';
import { animateCharts, hasData, reportChartOption } from '../charts/chart-options';
import { chartHeight } from './report-view';

/** 图 n: one of the report's figures, drawn by ECharts from the API's renderer-neutral data. */
@Component({
  selector: 'hl-report-chart',
  imports: [NgxEchartsDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure [attr.data-testid]="'report-chart-' + chart().id" class="figure">
      <div echarts [options]="option()" [style.height.px]="empty() ? 160 : height()"></div>
      @if (empty()) {
        <div class="empty">本期无此类诉求</div>
      }
      <figcaption>图{{ chart().no }}&#x3000;{{ chart().title }}</figcaption>
    </figure>
  `,
  styles: `
    .figure {
      margin: 8px 0 16px;
      border: 1px solid #f0f0f0;
      border-radius: 6px;
      padding: 8px;
    }
    .figure {
      position: relative;
    }
    .empty {
      position: absolute;
      top: 70px;
      left: 0;
      right: 0;
      text-align: center;
      color: rgba(0, 0, 0, 0.45);
    }
    figcaption {
      text-align: center;
      font-size: 13px;
      color: rgba(0, 0, 0, 0.65);
    }
  `,
})
export class ReportChart {
  readonly chart = input.required<ChartData>();
  private readonly animate = animateCharts();
  protected readonly option = computed(() => reportChartOption(this.chart(), this.animate));
  protected readonly empty = computed(() => !hasData(this.chart()));
  protected readonly height = computed(() => chartHeight(this.chart()));
}
