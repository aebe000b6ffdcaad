import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { OrderStatus, STATUS_LABELS } from '@hotline/contracts';
import { NzTagModule } from 'ng-zorro-antd/tag';

const STATUS_COLORS: Record<OrderStatus, string> = {
  registered: 'blue',
  dispatched: 'gold',
  returning: 'volcano',
  handling: 'cyan',
  suspended: 'purple',
  replied: 'geekblue',
  callback_pending: 'orange',
  closed: 'green',
  merged: 'default',
};

@Component({
  selector: 'hl-status-tag',
  imports: [NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<nz-tag [nzColor]="color()" data-testid="status-tag" [attr.data-status]="status()">{{ label() }}</nz-tag>`,
})
export class StatusTag {
  readonly status = input.required<OrderStatus>();
  protected readonly label = computed(() => STATUS_LABELS[this.status()] ?? this.status());
  protected readonly color = computed(() => STATUS_COLORS[this.status()] ?? 'default');
}
