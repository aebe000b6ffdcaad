import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { ReferenceStore } from '@hotline/web-core-data-access';
import { OrdersStore } from '@hotline/web-orders-data-access';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { PageBar } from '@hotline/web-ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { OrderList } from '../shared/order-list';
import { injectQueryTabs } from '../shared/query-tabs';
import { QueueTab } from './queue-tabs';

const COUNT_REFRESH_MS = 60_000;

/**
 * A role's work queue: tabs of saved searches with live counts, a server-paged list, and the order
 * opened in a drawer beside it. The dispatcher, unit and callback screens are this page with
 * different tabs (route data).
 */
@Component({
  selector: 'hl-queue-page',
  imports: [PageBar, NzBadgeModule, NzButtonModule, NzIconModule, NzTabsModule, OrderList],
  providers: [OrdersStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <hl-page-bar [heading]="heading()" toolsEnd>
      <button nz-button nzSize="small" (click)="refresh()" data-testid="queue-refresh"><nz-icon nzType="reload" />刷新</button>
    </hl-page-bar>
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
    <hl-order-list [emptyText]="'「' + activeTab().label + '」暂无工单'" />
  `,
  styles: ``,
})
export class QueuePage {
  /** From route data. */
  readonly tabs = input.required<QueueTab[]>();
  readonly heading = input('');
  /** From the `?tab=` query parameter, so a tab can be linked and survives a reload. */
  readonly tab = input<string | undefined>(undefined);

  protected readonly store = inject(OrdersStore);
  protected readonly counts = signal<Record<string, number | null>>({});

  private readonly queryTabs = injectQueryTabs(this.tabs, this.tab);
  protected readonly activeIndex = this.queryTabs.index;
  protected readonly activeTab = this.queryTabs.active;

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
    this.queryTabs.select(index);
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
