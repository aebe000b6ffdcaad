import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ASSESSMENT_METRICS, AssessmentMetric, AssessmentWeights } from '@hotline/contracts';
import { AuthStore, callError, isLoading } from '@hotline/web-core-data-access';
import { formatPercent } from '@hotline/domain';
import { AssessmentStore, METRIC_LABELS, PLATFORM_OPTIONS, fullScore } from '@hotline/web-reporting-data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { PageBar } from '@hotline/web-ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

function monthDate(month: string): Date {
  return new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1);
}

/**
 * 单位考核: the month's ranking (score out of 100, 150 for counties), red and black lists, and the weights.
 * A unit with nothing to measure is shown 未参评 after the ranked ones: no rank, no score, on neither list.
 */
@Component({
  selector: 'hl-assessment-page',
  imports: [
    PageBar,
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDatePickerModule,
    NzIconModule,
    NzInputNumberModule,
    NzSelectModule,
    NzSpinModule,
    NzTableModule,
    NzTagModule,
  ],
  providers: [AssessmentStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './assessment-page.html',
  styles: `
    .lists {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      margin-top: 12px;
    }
    .spacer {
      flex: 1;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .black {
      background: #fff1f0;
    }
    .red {
      background: #f6ffed;
    }
    .unassessed {
      color: rgba(0, 0, 0, 0.45);
    }
    .unmeasured {
      color: rgba(0, 0, 0, 0.25);
    }
    nz-card {
      margin-top: 12px;
    }
    .weights td,
    .weights th {
      text-align: center;
    }
    .lists {
      display: flex;
      gap: 12px;
    }
    .lists > nz-card {
      flex: 1;
      margin-top: 0;
      margin-bottom: 12px;
    }
  `,
})
export class AssessmentPage {
  protected readonly store = inject(AssessmentStore);
  private readonly auth = inject(AuthStore);
  protected readonly isAdmin = computed(() => this.auth.role() === 'admin');
  protected readonly metrics = ASSESSMENT_METRICS;
  protected readonly metricLabels = METRIC_LABELS;
  protected readonly platforms = PLATFORM_OPTIONS;
  protected readonly loading = computed(() => isLoading(this.store.callState()));
  protected readonly error = computed(() => callError(this.store.callState()));
  protected readonly monthValue = computed(() => monthDate(this.store.month()));
  protected readonly rows = computed(() => this.store.view()?.rows ?? []);
  protected readonly red = computed(() => this.rows().filter((r) => r.list === 'red'));
  protected readonly black = computed(() => this.rows().filter((r) => r.list === 'black'));
  /** The weights form: a copy of the saved weights, edited in place until saved. */
  protected readonly draft = signal<AssessmentWeights | null>(null);
  protected readonly formatPercent = formatPercent;
  protected readonly fullScore = fullScore;

  constructor() {
    void this.store.load();
    void this.store.loadWeights();
    effect(() => {
      const w = this.store.weights();
      this.draft.set(w ? structuredClone(w) : null);
    });
  }

  protected setMonth(d: Date | null): void {
    if (!d) return;
    void this.store.setMonth(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`);
  }

  protected setWeight(group: 'normal' | 'county', metric: AssessmentMetric, value: number | null): void {
    const d = this.draft();
    if (!d) return;
    this.draft.set({ ...d, [group]: { ...d[group], [metric]: value ?? 0 } });
  }

  protected setNumber(key: 'blackBelow' | 'redCount', value: number | null): void {
    const d = this.draft();
    if (d) this.draft.set({ ...d, [key]: value ?? 0 });
  }

  protected save(): void {
    const d = this.draft();
    if (d) void this.store.saveWeights(d);
  }

  /** An assessed unit's score, one decimal; a 未参评 unit has none. */
  protected scoreText(row: { score: number | null }): string {
    return row.score === null ? '—' : row.score.toFixed(1);
  }

  protected rateOf(
    row: { signOnTimeRate: number | null; onTimeRate: number | null; satisfactionRate: number | null; returnRate: number | null; reworkRate: number | null },
    metric: AssessmentMetric,
  ): string {
    const v = {
      signOnTime: row.signOnTimeRate,
      onTime: row.onTimeRate,
      satisfaction: row.satisfactionRate,
      returns: row.returnRate,
      rework: row.reworkRate,
    }[metric];
    return formatPercent(v);
  }
}
