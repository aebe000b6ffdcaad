import { ChangeDetectionStrategy, Component, TemplateRef, computed, inject, input } from '@angular/core';
import { OrderSummary } from '@hotline/contracts';
import { callError } from '@hotline/web-core-data-access';
import { OrdersStore } from '@hotline/web-orders-data-access';
import { ExtraColumn, OrderTable, PageChange } from '@hotline/web-orders-ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { OrderWorkbench } from './order-workbench';
import { injectOrderLookups } from './lookups';

/**
 * The list of a screen's OrdersStore (server-paged) with its load error, and the order opened from it in
 * a drawer beside it: what the queues, the search and the supervision lists share. The screen runs the
 * searches; paging, opening and closing are done here.
 */
@Component({
  selector: 'hl-order-list',
  imports: [NzAlertModule, NzDrawerModule, OrderTable, OrderWorkbench],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (listError(); as message) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="message" data-testid="list-error" />
    }
    <hl-order-table
      [items]="store.items()"
      [total]="store.total()"
      [totalBounded]="store.totalBounded()"
      [totalSince]="store.totalSince()"
      [page]="store.page()"
      [pageSize]="store.pageSize()"
      [loading]="store.listLoading()"
      [selectedId]="store.openId()"
      [lookups]="lookups()"
      [rowActions]="rowActions()"
      [extraColumn]="extraColumn()"
      [emptyText]="emptyText()"
      (pageChange)="onPage($event)"
      (open)="open($event)"
    />
    <nz-drawer
      [nzVisible]="store.openId() !== null"
      [nzWidth]="'min(980px, 94vw)'"
      nzTitle="工单详情"
      (nzOnClose)="store.closeDetail()"
      [nzBodyStyle]="{ padding: '12px 16px' }"
    >
      <ng-container *nzDrawerContent>
        <hl-order-workbench />
      </ng-container>
    </nz-drawer>
  `,
  styles: `
    nz-alert {
      margin-bottom: 8px;
    }
  `,
})
export class OrderList {
  readonly emptyText = input('暂无工单');
  /** Buttons at the end of each row (催办), or null. */
  readonly rowActions = input<TemplateRef<{ $implicit: OrderSummary }> | null>(null);
  /** A column of the screen's own (the dispatcher's 派单建议), or null. */
  readonly extraColumn = input<ExtraColumn | null>(null);

  protected readonly store = inject(OrdersStore);
  protected readonly lookups = injectOrderLookups();
  protected readonly listError = computed(() => callError(this.store.listState()));

  protected onPage(change: PageChange): void {
    void this.store.setPage(change.page, change.pageSize);
  }

  protected open(row: OrderSummary): void {
    void this.store.open(row.id);
  }
}
