import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { IntegrationsStore } from '@hotline/web-admin-data-access';
import { callError } from '@hotline/web-core-data-access';
import { PageBar } from '@hotline/web-ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

const STATUS: Record<string, { label: string; color: string }> = {
  parked: { label: '待处理', color: 'red' },
  replay: { label: '重放中', color: 'blue' },
  replayed: { label: '已重放', color: 'green' },
};

/** 死信: order events a subscriber kept failing on; replaying one replays it and what waits behind it of its order. */
@Component({
  selector: 'hl-dead-letters-page',
  imports: [PageBar, DatePipe, NzAlertModule, NzButtonModule, NzIconModule, NzTableModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dead-letters-page.html',
  styles: `
    .reason {
      word-break: break-all;
      color: rgba(0, 0, 0, 0.65);
    }
  `,
})
export class DeadLettersPage {
  protected readonly store = inject(IntegrationsStore);
  protected readonly error = computed(() => callError(this.store.callState()));

  constructor() {
    void this.store.loadDeadLetters();
  }

  protected status(s: string) {
    return STATUS[s] ?? { label: s, color: 'default' };
  }
}
