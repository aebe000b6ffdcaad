import { ChangeDetectionStrategy, Component, DestroyRef, TemplateRef, computed, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { CLUSTER_REASON_LABELS, OrderSummary } from '@hotline/contracts';
import { ReferenceStore, callError } from '@hotline/web-core-data-access';
import { OrdersStore, RoutingQueueStore } from '@hotline/web-orders-data-access';
import { ExtraColumn } from '@hotline/web-orders-ui';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { PageBar } from '@hotline/web-ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { OrderList } from '../shared/order-list';
import { injectQueryTabs } from '../shared/query-tabs';
import { QueueTab } from './queue-tabs';

const COUNT_REFRESH_MS = 60_000;

/**
 * A role's work queue: tabs of saved searches with live counts, a server-paged list, and the order
 * opened in a drawer beside it. The dispatcher, unit and callback screens are this page with
 * different tabs (route data). On the dispatcher's 待派单 tab (route data `routing`) each row has a 派单建议
 * (the top unit and category, taken with one click into the dispatch dialog) and the registered orders that look
 * like one matter are listed above as 疑似同一事项, to merge.
 */
@Component({
  selector: 'hl-queue-page',
  imports: [PageBar, NzBadgeModule, NzButtonModule, NzCardModule, NzIconModule, NzTabsModule, NzTagModule, OrderList],
  providers: [OrdersStore, RoutingQueueStore],
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
    @if (routingOn() && routingStore.clusters().length > 0) {
      <nz-card nzSize="small" [nzTitle]="'疑似同一事项（' + routingStore.clusters().length + ' 组）'" class="clusters" data-testid="queue-clusters">
        @for (c of routingStore.clusters(); track c.key) {
          <div class="cluster" [attr.data-testid]="'queue-cluster-' + $index">
            <nz-tag [nzColor]="c.reason === 'address' ? 'blue' : 'purple'">{{ reasonLabel[c.reason] }}</nz-tag>
            <span class="label" [title]="c.label">{{ c.label }}</span>
            <span class="count">{{ c.count }} 件</span>
            @for (o of c.orders; track o.id) {
              <button
                nz-button
                nzType="link"
                nzSize="small"
                class="number"
                (click)="openOrder(o.id)"
                [title]="o.contentPreview"
                [attr.data-testid]="'cluster-order-' + o.number"
              >
                {{ o.number }}
              </button>
            }
          </div>
        }
        <div class="hint">打开其中一件，用「并单」并入主工单。</div>
      </nz-card>
    }
    <hl-order-list [emptyText]="'「' + activeTab().label + '」暂无工单'" [extraColumn]="suggestColumn()" />
    <ng-template #suggestCell let-o>
      @if (routingStore.suggestions()[o.id]; as s) {
        @if (s.units[0]; as u) {
          <div class="suggest" [attr.data-testid]="'suggest-' + o.number">
            <div>
              <span class="unit">{{ u.name }}</span>
              <span class="score">{{ percent(u.score) }}</span>
              @if (u.source === 'rule') {
                <nz-tag class="rule">派单目录</nz-tag>
              }
            </div>
            @if (s.categories[0]; as c) {
              <div class="category" [title]="c.path">{{ leaf(c.path) }} {{ percent(c.score) }}</div>
            }
            <button nz-button nzType="link" nzSize="small" class="take" (click)="take(o, u.id)" [attr.data-testid]="'take-suggestion-' + o.number">采纳</button>
          </div>
        } @else {
          <span class="muted">无建议</span>
        }
      } @else if (suggestError()) {
        <span class="muted" [title]="suggestError()">—</span>
      }
    </ng-template>
  `,
  styles: `
    .clusters {
      margin-bottom: 8px;
    }
    .cluster {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
      padding: 2px 0;
    }
    .cluster .label {
      max-width: 320px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .cluster .count,
    .hint,
    .muted,
    .category,
    .score {
      color: rgba(0, 0, 0, 0.45);
    }
    .number {
      font-family: ui-monospace, monospace;
    }
    .hint {
      margin-top: 4px;
      font-size: 12px;
    }
    .suggest {
      position: relative;
      line-height: 1.4;
      padding-right: 40px;
    }
    .suggest .take {
      position: absolute;
      right: 0;
      top: 0;
    }
    .category {
      font-size: 12px;
    }
    .score {
      margin-left: 4px;
    }
    .rule {
      margin-left: 4px;
    }
  `,
})
export class QueuePage {
  /** From route data. */
  readonly tabs = input.required<QueueTab[]>();
  readonly heading = input('');
  /** From the `?tab=` query parameter, so a tab can be linked and survives a reload. */
  readonly tab = input<string | undefined>(undefined);
  /** From route data: the dispatcher's queue shows routing suggestions and likely duplicates. */
  readonly routing = input(false);

  protected readonly store = inject(OrdersStore);
  protected readonly routingStore = inject(RoutingQueueStore);
  protected readonly reasonLabel = CLUSTER_REASON_LABELS;
  protected readonly counts = signal<Record<string, number | null>>({});

  private readonly queryTabs = injectQueryTabs(this.tabs, this.tab);
  protected readonly activeIndex = this.queryTabs.index;
  protected readonly activeTab = this.queryTabs.active;

  /** Suggestions belong to orders not yet dispatched: the 待派单 tab only. */
  protected readonly routingOn = computed(() => this.routing() && (this.activeTab().query.status ?? []).join() === 'registered');
  private readonly suggestCell = viewChild.required<TemplateRef<{ $implicit: OrderSummary }>>('suggestCell');
  protected readonly suggestColumn = computed<ExtraColumn | null>(() =>
    this.routingOn() ? { title: '派单建议', width: '200px', cell: this.suggestCell() } : null,
  );
  protected readonly suggestError = computed(() => callError(this.routingStore.suggestionsState()));

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
    effect(() => {
      const ids = this.store.items().map((o) => o.id);
      if (this.routingOn()) untracked(() => void this.routingStore.loadSuggestions(ids));
    });
    // a dispatch or a merge in the drawer changes the groups
    effect(() => {
      void this.store.detail()?.version;
      if (this.routingOn()) untracked(() => void this.routingStore.loadClusters());
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
    if (this.routingOn()) void this.routingStore.loadClusters();
  }

  protected take(order: OrderSummary, unitId: number): void {
    this.routingStore.take(order.id, unitId);
    void this.store.open(order.id);
  }

  protected openOrder(id: number): void {
    void this.store.open(id);
  }

  protected percent(score: number): string {
    return `${Math.round(score * 100)}%`;
  }

  protected leaf(path: string): string {
    return path.split('/').pop() ?? path;
  }

  private async refreshCounts(): Promise<void> {
    const tabs = this.tabs();
    const totals = await Promise.all(tabs.map((t) => this.store.count(t.query)));
    this.counts.set(Object.fromEntries(tabs.map((t, i) => [t.key, totals[i]])));
  }
}
