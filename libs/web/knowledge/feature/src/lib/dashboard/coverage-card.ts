import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { DIRECT_ANSWER_METHOD_LABELS, DirectAnswerStats } from '@hotline/contracts';
import { Period, formatCountGrouped, formatPercent } from '@hotline/domain';
import { callError } from '@hotline/web-core-data-access';
import { DirectAnswersStore } from '@hotline/web-knowledge-data-access';
import { NzCardModule } from 'ng-zorro-antd/card';

/** The card's lines: coverage of consultations first (the report's 零派单 goal), then all direct answers by method. */
export function coverageLines(s: DirectAnswerStats | null): { main: string; sub: string; methods: string } {
  if (!s) return { main: '—', sub: '', methods: '' };
  const methods = (['knowledge', 'three-way', 'other'] as const).map((m) => `${DIRECT_ANSWER_METHOD_LABELS[m]} ${formatCountGrouped(s.byMethod[m] ?? 0)}`);
  if (s.byMethod.unknown) methods.push(`未记录 ${formatCountGrouped(s.byMethod.unknown)}`);
  return {
    main: formatPercent(s.consultations.coverage, 1),
    sub: `咨询直办 ${formatCountGrouped(s.consultations.total)} 件，引用知识 ${formatCountGrouped(s.consultations.withArticle)} 件；全部直办覆盖率 ${formatPercent(s.coverage, 1)}`,
    methods: methods.join(' · '),
  };
}

/** 知识库覆盖率 on the leader dashboard: the share of the period's direct answers that used an article. */
@Component({
  selector: 'hl-kb-coverage-card',
  imports: [NzCardModule],
  providers: [DirectAnswersStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-card nzSize="small" class="kpi" data-testid="kpi-knowledge-coverage">
      <div class="kpi-label">知识库覆盖率（咨询直办）</div>
      <div class="kpi-value" data-testid="kpi-value">{{ error() ? '—' : lines().main }}</div>
      <div class="kpi-sub" [title]="error() ?? lines().sub">{{ error() ?? lines().sub }}</div>
      <div class="kpi-sub" [title]="lines().methods">{{ lines().methods }}</div>
    </nz-card>
  `,
  styles: `
    .kpi-label,
    .kpi-sub {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
    }
    .kpi-value {
      font-size: 24px;
      font-weight: 600;
    }
  `,
})
export class KnowledgeCoverageCard {
  readonly period = input.required<Period>();
  private readonly store = inject(DirectAnswersStore);
  protected readonly lines = computed(() => coverageLines(this.store.stats()));
  protected readonly error = computed(() => callError(this.store.state()));

  constructor() {
    effect(() => {
      const p = this.period();
      untracked(() => void this.store.load(p.from, p.to));
    });
  }
}
