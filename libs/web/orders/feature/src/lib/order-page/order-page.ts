import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { Location } from '@angular/common';
import { OrdersStore } from '@hotline/web-orders-data-access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { OrderKnowledge } from '@hotline/web-knowledge-feature/widgets';
import { OrderWorkbench } from '../shared/order-workbench';

/**
 * /orders/:id — an order opened by link (a notification, a pasted URL). An order outside a unit
 * user's scope comes back 404 from the API and reads "工单不存在或无权查看".
 */
@Component({
  selector: 'hl-order-page',
  imports: [NzButtonModule, NzIconModule, OrderWorkbench, OrderKnowledge],
  providers: [OrdersStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bar">
      <button nz-button nzType="link" (click)="back()" data-testid="order-back"><nz-icon nzType="arrow-left" />返回</button>
    </div>
    <hl-order-workbench />
    <hl-kb-order-knowledge />
  `,
  styles: `
    .bar {
      margin-bottom: 4px;
    }
  `,
})
export class OrderPage {
  /** Route parameter. */
  readonly id = input.required<string>();
  private readonly store = inject(OrdersStore);
  private readonly location = inject(Location);

  constructor() {
    effect(() => {
      const id = Number(this.id());
      untracked(() => {
        if (Number.isInteger(id) && id > 0) void this.store.open(id);
        else this.store.notFound();
      });
    });
  }

  protected back(): void {
    this.location.back();
  }
}
