import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router } from '@angular/router';
import { OrderSummary } from '@hotline/contracts';
import { ReferenceStore, callError } from '@hotline/web-core-data-access';
import { OrdersStore } from '@hotline/web-orders-data-access';
import { OrderTable, PageChange } from '@hotline/web-orders-ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { OrderWorkbench } from '../shared/order-workbench';
import { injectOrderLookups } from '../shared/lookups';
import { QueueTab } from './queue-tabs';

const COUNT_REFRESH_MS = 60_000;

/**
 * A role's work queue: tabs of saved searches with live counts, a server-paged list, and the order
 * opened in a drawer beside it. The dispatcher, unit and callback screens are this page with
 * different tabs (route data).
 */
@Component({
  selector: 'hl-queue-page',
  imports: [NzAlertModule, NzBadgeModule, NzButtonModule, NzDrawerModule, NzIconModule, NzTabsModule, OrderTable, OrderWorkbench],
  providers: [OrdersStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bar">
      <h2>{{ heading() }}</h2>
      <button nz-button nzSize="small" (click)="refresh()" data-testid="queue-refresh"><nz-icon nzType="reload" />刷新</button>
    </div>
    <nz-tabs nzSize="small" [nzSelectedIndex]="activeIndex()" (nzSelectedIndexChange)="selectTab($event)" [nzAnimated]="false">
      @for (t of tabs(); track t.key) {
        <nz-tab [nzTitle]="title">
          <ng-template #title>
            <span [attr.data-testid]="'tab-' + t.key">
              {{ t.label }}
              <nz-badge nzStandalone [nzCount]="counts()[t.key] ?? 0" [nzOverflowCount]="999" nzSize="small" [attr.data-testid]="'tab-count-' + t.key" />
            </span>
          </ng-template>
        </nz-tab>
      }
    </nz-tabs>
    @if (listError(); as message) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="message" data-testid="list-error" />
    }
    <hl-order-table
      [items]="store.items()"
      [total]="store.total()"
      [page]="store.page()"
      [pageSize]="store.pageSize()"
      [loading]="store.listLoading()"
      [selectedId]="openId()"
      [lookups]="lookups()"
      [emptyText]="'「' + activeTab().label + '」暂无工单'"
      (pageChange)="onPage($event)"
      (open)="open($event)"
    />
    <nz-drawer [nzVisible]="openId() !== null" [nzWidth]="'min(980px, 94vw)'" nzTitle="工单详情" (nzOnClose)="close()" [nzBodyStyle]="{ padding: '12px 16px' }">
      <ng-container *nzDrawerContent>
        <hl-order-workbench />
      </ng-container>
    </nz-drawer>
  `,
  styles: `
    .bar {
      display: flex;
      align-items: center;
      justify-content: space-between;
    }
    h2 {
      font-size: 16px;
      margin: 0;
    }
    nz-alert {
      margin-bottom: 8px;
    }
  `,
})
export class QueuePage {
  /** From route data. */
  readonly tabs = input.required<QueueTab[]>();
  readonly heading = input('');
  /** From the `?tab=` query parameter, so a tab can be linked and survives a reload. */
  readonly tab = input<string | undefined>(undefined);

  protected readonly store = inject(OrdersStore);
  private readonly router = inject(Router);
  protected readonly lookups = injectOrderLookups();
  protected readonly openId = signal<number | null>(null);
  protected readonly counts = signal<Record<string, number | null>>({});
  protected readonly listError = computed(() => callError(this.store.listState()));

  protected readonly activeIndex = computed(() =>
    Math.max(
      0,
      this.tabs().findIndex((t) => t.key === this.tab()),
    ),
  );
  protected readonly activeTab = computed(() => this.tabs()[this.activeIndex()]);

  constructor() {
    void inject(ReferenceStore).load();
    effect(() => {
      const tab = this.activeTab();
      untracked(() => void this.store.search(tab.query, 1));
    });
    effect(() => {
      this.tabs();
      untracked(() => void this.refreshCounts());
    });
    // an action in the drawer changes the counts (the list itself reloads in the store)
    effect(() => {
      const version = this.store.detail()?.version;
      untracked(() => {
        if (version !== undefined) void this.refreshCounts();
      });
    });
    const timer = setInterval(() => void this.refreshCounts(), COUNT_REFRESH_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected selectTab(index: number): void {
    const tab = this.tabs()[index];
    if (!tab || tab.key === this.activeTab().key) return;
    void this.router.navigate([], {
      queryParams: { tab: tab.key },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected onPage(change: PageChange): void {
    void this.store.setPage(change.page, change.pageSize);
  }

  protected open(row: OrderSummary): void {
    this.openId.set(row.id);
    void this.store.open(row.id);
  }

  protected close(): void {
    this.openId.set(null);
    this.store.closeDetail();
  }

  protected refresh(): void {
    void this.store.reload();
    void this.refreshCounts();
  }

  private async refreshCounts(): Promise<void> {
    const tabs = this.tabs();
    const totals = await Promise.all(tabs.map((t) => this.store.count(t.query)));
    this.counts.set(Object.fromEntries(tabs.map((t, i) => [t.key, totals[i]])));
  }
}
