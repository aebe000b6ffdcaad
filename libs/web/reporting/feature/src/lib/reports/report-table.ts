import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ReportTable } from '@hotline/contracts';

/** 表 n: a report table as the API sends it (headers and rows of text or numbers). */
@Component({
  selector: 'hl-report-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="caption">表{{ table().no }}&#x3000;{{ table().title }}</div>
    <div class="wrap">
      <table class="ant-table t" [attr.data-testid]="'report-table-' + table().id">
        <thead class="ant-table-thead">
          <tr>
            @for (c of table().columns; track $index) {
              <th class="ant-table-cell">{{ c }}</th>
            }
          </tr>
        </thead>
        <tbody class="ant-table-tbody">
          @for (r of table().rows; track $index) {
            <tr>
              @for (v of r; track $index) {
                <td class="ant-table-cell" [class.num]="isNumber(v)">{{ show(v) }}</td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .caption {
      text-align: center;
      font-weight: 600;
      margin: 12px 0 6px;
    }
    .wrap {
      overflow-x: auto;
      margin-bottom: 16px;
    }
    .t {
      width: 100%;
      border: 1px solid #f0f0f0;
    }
    .t th,
    .t td {
      border: 1px solid #f0f0f0;
      padding: 4px 8px;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class ReportTableView {
  readonly table = input.required<ReportTable>();
  protected isNumber(v: unknown): boolean {
    return typeof v === 'number';
  }
  protected show(v: string | number): string {
    return typeof v === 'number' ? v.toLocaleString('zh-CN') : v;
  }
}
