import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { AuthStore, callError, isLoading } from '@hotline/web-core-data-access';
import { SurgesStore, chinaToday, dateToIso, isoToDate, lastDays } from '@hotline/web-reporting-data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { PageBar } from '@hotline/web-ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { SurgeTable } from '../shared/surge-table';

/** 激增预警: a category in a region, or one address, jumping against its trailing 28 days. */
@Component({
  selector: 'hl-surges-page',
  imports: [PageBar, FormsModule, NzAlertModule, NzButtonModule, NzDatePickerModule, NzIconModule, NzSpinModule, SurgeTable],
  providers: [SurgesStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <hl-page-bar heading="激增预警">
      <nz-range-picker [ngModel]="dates()" (ngModelChange)="setDates($event)" [nzAllowClear]="false" data-testid="surge-range" />
      <button nz-button (click)="store.load()" [nzLoading]="loading()"><nz-icon nzType="reload" />刷新</button>
      <span class="spacer"></span>
      @if (canScan()) {
        <span>扫描日期</span>
        <nz-date-picker [ngModel]="scanDay()" (ngModelChange)="scanDay.set($event)" [nzAllowClear]="false" data-testid="scan-day" />
        <button nz-button nzType="primary" (click)="scan()" [nzLoading]="store.scanning()" data-testid="scan-now"><nz-icon nzType="scan" />立即扫描</button>
      }
    </hl-page-bar>
    <p class="hint">系统每天 01:30 自动扫描前一日：某区域的二级分类或同一地址的诉求量明显高于前 28 日日均即产生预警。</p>
    @if (error(); as message) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="'预警加载失败：' + message" />
    }
    <nz-spin [nzSpinning]="loading()">
      <hl-surge-table [alerts]="store.alerts()" data-testid="surges-list" />
    </nz-spin>
  `,
  styles: `
    .spacer {
      flex: 1;
    }
    .hint {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
  `,
})
export class SurgesPage {
  protected readonly store = inject(SurgesStore);
  private readonly auth = inject(AuthStore);
  protected readonly canScan = computed(() => ['admin', 'supervisor'].includes(this.auth.role() ?? ''));
  protected readonly loading = computed(() => isLoading(this.store.callState()));
  protected readonly error = computed(() => callError(this.store.callState()));
  protected readonly dates = computed(() => [isoToDate(this.store.period().from), isoToDate(this.store.period().to)]);
  /** Today by default: a supervisor who scans wants to know about now, the nightly run covers yesterday. */
  protected readonly scanDay = signal<Date>(isoToDate(chinaToday()));

  constructor() {
    void this.store.load(lastDays(30));
  }

  protected setDates(dates: Date[] | null): void {
    if (!dates || dates.length < 2 || !dates[0] || !dates[1]) return;
    void this.store.load({ from: dateToIso(dates[0]), to: dateToIso(dates[1]) });
  }

  protected scan(): void {
    void this.store.scan(dateToIso(this.scanDay()));
  }
}
