import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { DatePipe } from '@angular/common';
import { OrderSummary } from '@hotline/contracts';
import { callError } from '@hotline/web-core-data-access';
import { OrdersStore, callerHistoryPhone } from '@hotline/web-orders-data-access';
import { StatusTag } from '@hotline/web-orders-ui';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { debounceTime } from 'rxjs';
import { OrderWorkbench } from '../shared/order-workbench';

/** How long typing must pause before the lookup; an agent types a number in bursts. */
export const CALLER_HISTORY_DEBOUNCE_MS = 300;
export const CALLER_HISTORY_PAGE_SIZE = 10;

/**
 * The caller's earlier orders, shown while the agent is still typing the phone number: a repeat
 * caller is the commonest call, and the earlier order often answers it.
 */
@Component({
  selector: 'hl-caller-history',
  imports: [DatePipe, NzCardModule, NzDrawerModule, NzEmptyModule, NzSpinModule, StatusTag, OrderWorkbench],
  providers: [OrdersStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-card nzSize="small" [nzTitle]="title()" data-testid="caller-history">
      @if (!digits()) {
        <div class="hint">输入 7 位以上号码后显示该来电人的历史工单</div>
      } @else {
        <nz-spin [nzSpinning]="store.listLoading()">
          @if (error(); as message) {
            <div class="error">{{ message }}</div>
          }
          @for (o of store.items(); track o.id) {
            <div class="row" tabindex="0" [attr.data-testid]="'caller-history-row-' + o.number" (click)="open(o)" (keydown.enter)="open(o)">
              <div class="line">
                <span class="number">{{ o.number }}</span>
                <hl-status-tag [status]="o.status" />
                <span class="muted">{{ o.createdAt | date: 'yyyy-MM-dd' }}</span>
              </div>
              <div class="muted ellipsis">{{ o.categoryPath }}</div>
              <div class="ellipsis">{{ o.contentPreview }}</div>
            </div>
          } @empty {
            @if (store.listState() === 'loaded') {
              <nz-empty nzNotFoundImage="simple" nzNotFoundContent="无历史工单" />
            }
          }
          @if (store.total() > store.items().length) {
            <div class="muted more">共 {{ store.total() }} 单，显示最近 {{ store.items().length }} 单</div>
          }
        </nz-spin>
      }
    </nz-card>
    <nz-drawer [nzVisible]="openId() !== null" [nzWidth]="'min(900px, 90vw)'" nzTitle="历史工单" (nzOnClose)="close()">
      <ng-container *nzDrawerContent>
        <hl-order-workbench />
      </ng-container>
    </nz-drawer>
  `,
  styles: `
    .hint,
    .muted {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
    .error {
      color: #cf1322;
    }
    .row {
      padding: 6px 4px;
      border-bottom: 1px solid #f0f0f0;
      cursor: pointer;
    }
    .row:hover,
    .row:focus {
      background: #e6f4ff;
      outline: none;
    }
    .line {
      display: flex;
      gap: 6px;
      align-items: center;
    }
    .number {
      font-family: ui-monospace, monospace;
    }
    .ellipsis {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .more {
      padding-top: 6px;
    }
  `,
})
export class CallerHistory {
  /** The phone field as typed. */
  readonly phone = input<string | null>('');

  protected readonly store = inject(OrdersStore);
  protected readonly digits = computed(() => callerHistoryPhone(this.phone()));
  protected readonly error = computed(() => callError(this.store.listState()));
  protected readonly openId = signal<number | null>(null);
  protected readonly title = computed(() => {
    const d = this.digits();
    return d ? `来电历史 · ${d}` : '来电历史';
  });

  constructor() {
    // digits() already ignores formatting (“138 1234” = “1381234”); the same number typed again
    // after the form was cleared (next call, same caller) must search again to show the new order
    toObservable(this.digits)
      .pipe(debounceTime(CALLER_HISTORY_DEBOUNCE_MS), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((phone) => {
        if (phone) void this.store.search({ phone }, 1, CALLER_HISTORY_PAGE_SIZE);
        else this.store.clearList();
      });
  }

  protected open(o: OrderSummary): void {
    this.openId.set(o.id);
    void this.store.open(o.id);
  }

  protected close(): void {
    this.openId.set(null);
    this.store.closeDetail();
  }
}
