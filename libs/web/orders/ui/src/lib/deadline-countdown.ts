import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { DatePipe } from '@angular/common';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { Clock, formatCountdown } from './countdown';

@Component({
  selector: 'hl-deadline',
  imports: [DatePipe, NzTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (dueAt()) {
      <span
        [class]="'deadline deadline-' + countdown().level"
        [nz-tooltip]="(label() ? label() + '：' : '') + (dueAt() | date: 'yyyy-MM-dd HH:mm')"
        data-testid="deadline"
        [attr.data-level]="countdown().level"
        >{{ countdown().text }}</span
      >
    } @else {
      <span class="deadline deadline-none">—</span>
    }
  `,
  styles: `
    .deadline {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .deadline-soon {
      color: #d46b08;
      font-weight: 600;
    }
    .deadline-overdue {
      color: #cf1322;
      font-weight: 600;
    }
    .deadline-none {
      color: rgba(0, 0, 0, 0.35);
    }
  `,
})
export class DeadlineCountdown {
  readonly dueAt = input<string | null | undefined>(null);
  readonly label = input<string>('');
  private readonly clock = inject(Clock);
  protected readonly countdown = computed(() => formatCountdown(this.dueAt(), this.clock.now()));
}
