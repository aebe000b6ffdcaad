import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { IntegrationsStore } from '@hotline/web-admin-data-access';
import { callError } from '@hotline/web-core-data-access';
import { PageBar } from '@hotline/web-ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

/** Webhook 订阅: receivers of the order events, each delivery signed with its secret (X-Hotline-Signature). */
@Component({
  selector: 'hl-webhooks-page',
  imports: [PageBar, DatePipe, FormsModule, NzAlertModule, NzButtonModule, NzInputModule, NzPopconfirmModule, NzTableModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './webhooks-page.html',
  styles: `
    .add {
      display: grid;
      grid-template-columns: 2fr 1fr 1fr auto;
      gap: 8px;
      margin-bottom: 12px;
    }
  `,
})
export class WebhooksPage {
  protected readonly store = inject(IntegrationsStore);
  protected readonly error = computed(() => callError(this.store.callState()));
  protected url = '';
  protected secret = '';
  protected events = 'order.';

  constructor() {
    void this.store.loadWebhooks();
  }

  protected async add(): Promise<void> {
    const events = this.events
      .split(/[,，\s]+/)
      .map((e) => e.trim())
      .filter(Boolean);
    if (await this.store.createWebhook(this.url.trim(), this.secret, events)) {
      this.url = '';
      this.secret = '';
    }
  }
}
