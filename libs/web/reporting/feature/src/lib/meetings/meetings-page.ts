import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { ReferenceStore, callError, isLoading } from '@hotline/web-core-data-access';
import { MeetingsStore, chinaToday, dateToIso, isoToDate, parseOrderRefs } from '@hotline/web-reporting-data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { PageBar } from '@hotline/web-ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

/** 专题协调会议: record a meeting held on orders and units that would not move, and list them. */
@Component({
  selector: 'hl-meetings-page',
  imports: [
    PageBar,
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDatePickerModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    NzSpinModule,
    NzTableModule,
    NzTagModule,
  ],
  providers: [MeetingsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meetings-page.html',
  styles: `
    .layout {
      display: grid;
      grid-template-columns: 420px 1fr;
      gap: 16px;
      align-items: start;
    }
    .summary {
      white-space: pre-wrap;
      color: rgba(0, 0, 0, 0.65);
    }
    .err {
      color: #cf1322;
      font-size: 12px;
    }
  `,
})
export class MeetingsPage {
  protected readonly store = inject(MeetingsStore);
  protected readonly reference = inject(ReferenceStore);
  protected readonly loading = computed(() => isLoading(this.store.callState()));
  protected readonly error = computed(() => callError(this.store.callState()));
  protected readonly dates = computed(() => [isoToDate(this.store.period().from), isoToDate(this.store.period().to)]);

  protected readonly heldOn = signal<Date>(isoToDate(chinaToday()));
  protected readonly title = signal('');
  protected readonly summary = signal('');
  protected readonly unitIds = signal<number[]>([]);
  protected readonly orderText = signal('');
  protected readonly orders = computed(() => parseOrderRefs(this.orderText()));
  protected readonly tried = signal(false);

  constructor() {
    void this.store.load();
    void this.reference.load();
  }

  protected unitName(id: number): string {
    return this.reference.unitNames().get(id) ?? `#${id}`;
  }

  protected setDates(dates: Date[] | null): void {
    if (!dates || dates.length < 2 || !dates[0] || !dates[1]) return;
    void this.store.load({ from: dateToIso(dates[0]), to: dateToIso(dates[1]) });
  }

  protected async submit(): Promise<void> {
    this.tried.set(true);
    if (!this.title().trim() || this.orders().invalid.length) return;
    const saved = await this.store.create({
      heldOn: dateToIso(this.heldOn()),
      title: this.title(),
      summary: this.summary(),
      unitIds: this.unitIds(),
      orderIds: this.orders().ids,
      orderNumbers: this.orders().numbers,
    });
    if (saved) {
      this.title.set('');
      this.summary.set('');
      this.unitIds.set([]);
      this.orderText.set('');
      this.tried.set(false);
    }
  }
}
