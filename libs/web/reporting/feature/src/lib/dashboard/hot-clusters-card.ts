import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CLUSTER_REASON_LABELS } from '@hotline/contracts';
import { Period } from '@hotline/domain';
import { callError, isLoading } from '@hotline/web-core-data-access';
import { HotClustersStore } from '@hotline/web-reporting-data-access';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';

/** numbers listed per group; the rest are counted */
const SHOWN = 8;

/**
 * 热点聚集 on the leader dashboard: the period's groups of three or more appeals about one place (the same address)
 * or one thing (text alike), largest first, each with its orders linked. Of the period's newest 10,000 orders at most.
 */
@Component({
  selector: 'hl-hot-clusters-card',
  imports: [RouterLink, NzCardModule, NzEmptyModule, NzSpinModule, NzTagModule],
  providers: [HotClustersStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-card nzSize="small" [nzTitle]="'热点聚集（' + clusters().length + '）'" [nzExtra]="extra" data-testid="hot-clusters">
      <nz-spin [nzSpinning]="loading()">
        @if (error(); as e) {
          <div class="muted" data-testid="hot-clusters-error">{{ e }}</div>
        } @else if (clusters().length) {
          @for (c of clusters(); track c.key) {
            <div class="cluster" [attr.data-testid]="'hot-cluster-' + $index">
              <nz-tag [nzColor]="c.reason === 'address' ? 'blue' : 'purple'">{{ reasonLabel[c.reason] }}</nz-tag>
              <span class="label" [title]="c.label">{{ c.label }}</span>
              <b class="count" data-testid="hot-cluster-count">{{ c.count }} 件</b>
              <span class="orders">
                @for (o of c.orders.slice(0, shown); track o.id) {
                  <a [routerLink]="['/orders', o.id]" [title]="o.contentPreview" [attr.data-testid]="'hot-order-' + o.number">{{ o.number }}</a>
                }
                @if (c.count > shown) {
                  <span class="muted">等 {{ c.count }} 件</span>
                }
              </span>
            </div>
          }
        } @else if (!loading()) {
          <nz-empty nzNotFoundImage="simple" nzNotFoundContent="本期没有 3 件以上的同一地点或同类诉求" />
        }
      </nz-spin>
    </nz-card>
    <ng-template #extra>
      @if (truncated()) {
        <span class="muted" data-testid="hot-clusters-truncated">仅统计本期最新 {{ scanned() }} 件</span>
      }
    </ng-template>
  `,
  styles: `
    .cluster {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 4px 8px;
      padding: 4px 0;
      border-bottom: 1px solid #f0f0f0;
    }
    .cluster:last-child {
      border-bottom: none;
    }
    .label {
      max-width: 360px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .orders {
      display: flex;
      flex-wrap: wrap;
      gap: 0 8px;
      font-family: ui-monospace, monospace;
      font-size: 12px;
    }
    .muted {
      color: rgba(0, 0, 0, 0.45);
    }
  `,
})
export class HotClustersCard {
  readonly period = input.required<Period>();

  private readonly store = inject(HotClustersStore);
  protected readonly reasonLabel = CLUSTER_REASON_LABELS;
  protected readonly shown = SHOWN;
  protected readonly loading = computed(() => isLoading(this.store.state()));
  protected readonly error = computed(() => callError(this.store.state()));
  protected readonly clusters = computed(() => this.store.result()?.clusters ?? []);
  protected readonly truncated = computed(() => this.store.result()?.truncated ?? false);
  protected readonly scanned = computed(() => this.store.result()?.scanned ?? 0);

  constructor() {
    effect(() => {
      const p = this.period();
      untracked(() => void this.store.load(p));
    });
  }
}
