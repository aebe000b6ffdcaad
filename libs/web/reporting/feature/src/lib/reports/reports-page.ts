import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { Period, yearPeriod } from '@hotline/domain';
import { callError, isLoading } from '@hotline/web-core-data-access';
import {
  PLATFORM_OPTIONS,
  PeriodPreset,
  REPORT_KIND_LABELS,
  ReportKind,
  ReportsStore,
  isWholeYear,
  periodLabel,
  presetPeriod,
} from '@hotline/web-reporting-data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { PageBar } from '@hotline/web-ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { provideReportingCharts } from '../charts/echarts-setup';
import { PeriodBar, PeriodChoice } from '../shared/period-bar';
import { ReportChart } from './report-chart';
import { ReportTableView } from './report-table';
import { renderReport, unplaced } from './report-view';

/** 运行情况综合分析报告, 快报 and 专报 for any period: read on screen, export, issue; and the issued register. */
@Component({
  selector: 'hl-reports-page',
  imports: [
    PageBar,
    DatePipe,
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDatePickerModule,
    NzEmptyModule,
    NzIconModule,
    NzInputModule,
    NzRadioModule,
    NzSpinModule,
    NzTableModule,
    NzTagModule,
    PeriodBar,
    ReportChart,
    ReportTableView,
  ],
  providers: [ReportsStore, provideReportingCharts()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reports-page.html',
  styleUrl: './reports-page.css',
})
export class ReportsPage {
  protected readonly store = inject(ReportsStore);
  protected readonly preset = signal<PeriodPreset>('lastYear');
  protected readonly issueTitle = signal('');
  protected readonly kinds = Object.entries(REPORT_KIND_LABELS) as [ReportKind, string][];
  protected readonly kindLabels = REPORT_KIND_LABELS;
  protected readonly platformLabels: Record<string, string | undefined> = Object.fromEntries(PLATFORM_OPTIONS.map((o) => [o.value, o.label]));
  protected readonly loading = computed(() => isLoading(this.store.callState()));
  protected readonly error = computed(() => callError(this.store.callState()));
  protected readonly issuesError = computed(() => callError(this.store.issuesState()));
  protected readonly sections = computed(() => {
    const r = this.store.report();
    return r ? renderReport(r) : [];
  });
  protected readonly extra = computed(() => {
    const r = this.store.report();
    return r ? unplaced(r) : { charts: [], tables: [] };
  });
  protected readonly year = computed(() => (isWholeYear(this.store.period()) ? new Date(Number(this.store.period().from.slice(0, 4)), 0, 1) : null));
  protected readonly canIssue = computed(() => this.store.kind() !== 'annual' || isWholeYear(this.store.period()));
  protected readonly periodLabel = periodLabel;

  constructor() {
    void this.store.load();
    void this.store.loadIssues();
  }

  protected setKind(kind: ReportKind): void {
    // 快报/专报 are usually about the last days; the annual one about a whole year
    const period = kind === 'annual' ? this.store.period() : isWholeYear(this.store.period()) ? presetPeriod('month') : this.store.period();
    if (kind !== 'annual' && period !== this.store.period()) this.preset.set('month');
    void this.store.select(kind, period, this.store.platform());
  }

  protected choose(c: PeriodChoice): void {
    this.preset.set(c.preset);
    const period: Period = c.preset === 'custom' ? (c.period ?? this.store.period()) : presetPeriod(c.preset);
    void this.store.select(this.store.kind(), period, this.store.platform());
  }

  protected setYear(d: Date | null): void {
    if (!d) return;
    this.preset.set('custom');
    void this.store.select(this.store.kind(), yearPeriod(d.getFullYear()), this.store.platform());
  }

  protected setPlatform(p: 'city' | 'all'): void {
    void this.store.select(this.store.kind(), this.store.period(), p);
  }

  protected async issue(): Promise<void> {
    if (await this.store.issue(this.issueTitle())) this.issueTitle.set('');
  }
}
