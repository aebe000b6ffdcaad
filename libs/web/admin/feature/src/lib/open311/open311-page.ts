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

/** Open311 密钥: api_keys for third-party apps filing at /open311/v2; a key is shown once, when issued. */
@Component({
  selector: 'hl-open311-page',
  imports: [PageBar, DatePipe, FormsModule, NzAlertModule, NzButtonModule, NzInputModule, NzPopconfirmModule, NzTableModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './open311-page.html',
  styles: `
    .add {
      display: flex;
      gap: 8px;
      max-width: 420px;
      margin-bottom: 12px;
    }
    nz-alert {
      margin-bottom: 12px;
    }
    code {
      user-select: all;
    }
  `,
})
export class Open311Page {
  protected readonly store = inject(IntegrationsStore);
  protected readonly error = computed(() => callError(this.store.callState()));
  protected name = '';

  constructor() {
    void this.store.loadKeys();
  }

  protected async issue(): Promise<void> {
    if (await this.store.issueKey(this.name.trim())) this.name = '';
  }
}
