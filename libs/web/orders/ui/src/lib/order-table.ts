import { ChangeDetectionStrategy, Component, TemplateRef, input, output } from '@angular/core';
import { DatePipe, DecimalPipe, NgTemplateOutlet } from '@angular/common';
import { OrderSummary } from '@hotline/contracts';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { DeadlineCountdown } from './deadline-countdown';
import { StatusTag } from './status-tag';
import { currentDeadline } from './countdown';
import { BASIC_LOOKUPS, OrderLookups } from './lookups';

/** A column a screen adds to the table (the dispatcher's 派单建议), before 当前时限. */
export interface ExtraColumn {
  title: string;
  width: string;
  cell: TemplateRef<{ $implicit: OrderSummary }>;
}

export interface PageChange {
  page: number;
  pageSize: number;
}

/**
 * The order list used by every queue and the search screen. Paging is the server's
 * (nzFrontPagination=false). Rows take focus and open with Enter, so a keyboard user can work the queue.
 */
@Component({
  selector: 'hl-order-table',
  imports: [DatePipe, DecimalPipe, NgTemplateOutlet, NzTableModule, NzTagModule, NzTooltipModule, StatusTag, DeadlineCountdown],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-table
      #table
      nzSize="small"
      [nzData]="items()"
      [nzTotal]="total()"
      [nzPageIndex]="page()"
      [nzPageSize]="pageSize()"
      [nzFrontPagination]="false"
      [nzLoading]="loading()"
      [nzShowSizeChanger]="true"
      [nzPageSizeOptions]="[10, 20, 50, 100]"
      [nzShowTotal]="totalTpl"
      [nzNoResult]="emptyText()"
      [nzScroll]="{ x: '1100px' }"
      (nzPageIndexChange)="pageChange.emit({ page: $event, pageSize: pageSize() })"
      (nzPageSizeChange)="pageChange.emit({ page: 1, pageSize: $event })"
      data-testid="order-table"
    >
      <thead>
        <tr>
          <th nzWidth="150px">工单编号</th>
          <th nzWidth="86px">状态</th>
          <th nzWidth="120px">受理时间</th>
          <th nzWidth="160px">问题分类</th>
          @if (showUnit()) {
            <th nzWidth="130px">承办单位</th>
          }
          <th nzWidth="120px">来电人</th>
          <th>内容摘要</th>
          @if (extraColumn(); as col) {
            <th [nzWidth]="col.width">{{ col.title }}</th>
          }
          <th nzWidth="130px">当前时限</th>
          @if (rowActions()) {
            <th nzWidth="90px" nzRight>操作</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (o of table.data; track o.id) {
          <tr
            class="row"
            [class.selected]="o.id === selectedId()"
            tabindex="0"
            [attr.data-testid]="'order-row-' + o.number"
            (click)="open.emit(o)"
            (keydown.enter)="open.emit(o)"
          >
            <td>
              <span class="number">{{ o.number }}</span>
              @if (o.urgent) {
                <nz-tag nzColor="red" class="flag">急</nz-tag>
              }
              @if (o.overdue) {
                <nz-tag nzColor="volcano" class="flag" data-testid="overdue-flag">超期</nz-tag>
              }
            </td>
            <td><hl-status-tag [status]="o.status" /></td>
            <td>{{ o.createdAt | date: 'MM-dd HH:mm' }}</td>
            <td class="ellipsis" [nz-tooltip]="o.categoryPath">
              {{ o.categoryPath }}
            </td>
            @if (showUnit()) {
              <td class="ellipsis">{{ o.mainUnitName || '—' }}</td>
            }
            <td>
              @if (o.caller.confidential) {
                <nz-tag>保密</nz-tag>
              }
              {{ o.caller.name || '' }} {{ o.caller.phone || '' }}
            </td>
            <td class="ellipsis content" [nz-tooltip]="o.contentPreview">{{ lookups().appealTypeName(o.appealType) }}｜{{ o.contentPreview }}</td>
            @if (extraColumn(); as col) {
              <td (click)="$event.stopPropagation()" (keydown.enter)="$event.stopPropagation()">
                <ng-container *ngTemplateOutlet="col.cell; context: { $implicit: o }" />
              </td>
            }
            <td>
              @let due = deadlineOf(o);
              <hl-deadline [dueAt]="due.dueAt" [label]="due.label" />
            </td>
            @if (rowActions(); as tpl) {
              <td nzRight (click)="$event.stopPropagation()" (keydown.enter)="$event.stopPropagation()">
                <ng-container *ngTemplateOutlet="tpl; context: { $implicit: o }" />
              </td>
            }
          </tr>
        }
      </tbody>
    </nz-table>
    <ng-template #totalTpl let-total>
      @if (totalSince(); as since) {
        <span data-testid="total-bounded" title="按时间倒序查找时只统计最近一段时间内的匹配工单">{{ since }} 以来 {{ total | number }}+ 条</span>
      } @else if (totalBounded()) {
        <span data-testid="total-bounded">共 {{ total | number }}+ 条</span>
      } @else {
        共 {{ total }} 条
      }
    </ng-template>
  `,
  styles: `
    .row {
      cursor: pointer;
    }
    .row:focus {
      outline: 2px solid #1677ff;
      outline-offset: -2px;
    }
    .row.selected > td {
      background: #e6f4ff;
    }
    .number {
      font-family: ui-monospace, monospace;
    }
    .flag {
      margin-left: 4px;
      margin-right: 0;
    }
    .ellipsis {
      max-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .content {
      min-width: 200px;
    }
  `,
})
export class OrderTable {
  readonly items = input<readonly OrderSummary[]>([]);
  readonly total = input(0);
  /** The server stopped counting at `total` (10,000): there are more. */
  readonly totalBounded = input(false);
  /** The total counts only the orders registered since this day (a text search newest first): shown with it. */
  readonly totalSince = input<string | null>(null);
  readonly page = input(1);
  readonly pageSize = input(20);
  readonly loading = input(false);
  readonly selectedId = input<number | null>(null);
  readonly showUnit = input(true);
  readonly emptyText = input('暂无工单');
  readonly lookups = input<OrderLookups>(BASIC_LOOKUPS);
  readonly rowActions = input<TemplateRef<{ $implicit: OrderSummary }> | null>(null);
  readonly extraColumn = input<ExtraColumn | null>(null);

  readonly pageChange = output<PageChange>();
  readonly open = output<OrderSummary>();

  protected readonly deadlineOf = currentDeadline;
}
