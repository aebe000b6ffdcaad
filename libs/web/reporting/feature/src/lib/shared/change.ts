import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { formatPpSigned, formatYoySigned, trendOf } from '@hotline/domain';

/** A change against last year: a count's in %, a rate's in 百分点; red up, green down (more appeals is worse). */
@Component({
  selector: 'hl-change',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span [class]="cls()">{{ text() }}</span>`,
  styles: `
    .up {
      color: #cf1322;
    }
    .down {
      color: #389e0d;
    }
    .flat,
    .none {
      color: rgba(0, 0, 0, 0.45);
    }
    .good.up {
      color: #389e0d;
    }
    .good.down {
      color: #cf1322;
    }
  `,
})
export class Change {
  /** A fraction (yoy) or percentage points (pp). */
  readonly value = input<number | null | undefined>(null);
  readonly kind = input<'yoy' | 'pp'>('yoy');
  /** A rate where up is good (on-time, satisfaction): colours flip. */
  readonly upIsGood = input(false);
  protected readonly text = computed(() => (this.kind() === 'pp' ? formatPpSigned(this.value()) : formatYoySigned(this.value())));
  protected readonly cls = computed(() => {
    const t = trendOf(this.value()) ?? 'none';
    return this.upIsGood() ? `good ${t}` : t;
  });
}
