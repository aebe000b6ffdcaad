import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { SurgeAlertView } from '@hotline/contracts';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

/** Surge alerts: where (category in a region, or one address), how many against the trailing baseline. */
@Component({
  selector: 'hl-surge-table',
  imports: [NzTableModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-table
      #t
      nzSize="small"
      [nzData]="alerts()"
      [nzPageSize]="pageSize()"
      [nzHideOnSinglePage]="true"
      [nzNoResult]="'暂无激增预警'"
      data-testid="surge-table"
    >
      <thead>
        <tr>
          <th>日期</th>
          <th>类型</th>
          <th>诉求分类</th>
          <th>区域 / 地址</th>
          <th class="num">当日诉求</th>
          <th class="num">前 28 日日均</th>
          <th class="num">倍数</th>
        </tr>
      </thead>
      <tbody>
        @for (a of t.data; track a.id) {
          <tr data-testid="surge-row">
            <td>{{ a.day }}</td>
            <td>
              @if (a.kind === 'address') {
                <nz-tag nzColor="volcano">同一地址</nz-tag>
              } @else {
                <nz-tag nzColor="orange">区域分类</nz-tag>
              }
            </td>
            <td>{{ a.categoryPath ?? '—' }}</td>
            <td>{{ a.kind === 'address' ? a.address : (a.regionName ?? '—') }}</td>
            <td class="num">{{ a.count }}</td>
            <td class="num">{{ a.baseline.toFixed(1) }}</td>
            <td class="num">{{ a.ratio === null ? '新增' : a.ratio.toFixed(1) + ' 倍' }}</td>
          </tr>
        }
      </tbody>
    </nz-table>
  `,
  styles: `
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class SurgeTable {
  readonly alerts = input.required<SurgeAlertView[]>();
  readonly pageSize = input(20);
}
