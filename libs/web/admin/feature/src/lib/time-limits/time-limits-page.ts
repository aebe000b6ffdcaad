import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ANY_APPEAL_TYPE, DEADLINE_CLOCKS, TimeLimitPolicyView } from '@hotline/contracts';
import { TimeLimitsStore, DURATION_PATTERN, TimeLimitForm } from '@hotline/web-admin-data-access';
import { NOTIFIER, ReferenceStore, callError } from '@hotline/web-core-data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { FormField, OptionSelect, PageBar } from '@hotline/web-ui';

interface TimeLimitEdit extends TimeLimitForm {
  existing: TimeLimitPolicyView | null;
}

const CLOCK_LABELS: Record<string, string> = {
  working: '工作日',
  natural: '自然日',
};

const DURATION_FIELDS = [
  ['signLimit', '签收时限'],
  ['handleLimit', '办理时限'],
  ['callbackLimit', '回访时限'],
  ['feedbackLimit', '督办反馈时限'],
  ['longOverdueAfter', '超期升级阈值'],
] as const;

/** The form checked against the API's rules before sending, in Chinese; null when it may be saved. */
export function timeLimitFormProblem(f: TimeLimitForm): string | null {
  const bad = DURATION_FIELDS.find(([k]) => !DURATION_PATTERN.test((f[k] ?? '').trim()));
  if (bad) return `${bad[1]}格式不正确，应为数字加单位，如 2h、5d`;
  if (f.clock === 'natural' && f.dayLength?.trim() && !DURATION_PATTERN.test(f.dayLength.trim())) return '一天时长格式不正确，如 24h、10m';
  const pct = Number(f.prewarnPercent);
  if (!Number.isInteger(pct) || pct < 0 || pct > 99) return '预警比例应为 0–99 的整数';
  return null;
}

/** 时限策略: the sign/handle/callback/feedback limits per appeal type and urgency that deadlines are set from. */
@Component({
  selector: 'hl-time-limits-page',
  imports: [
    PageBar,
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzModalModule,
    NzPopconfirmModule,
    NzRadioModule,
    NzSwitchModule,
    NzTableModule,
    NzTagModule,
    FormField,
    OptionSelect,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './time-limits-page.html',
  styles: `
    .hint {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
      margin: 0 0 8px;
    }
    .sub {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
    .grid {
      display: grid;
      grid-template-columns: 1fr 1fr;
      column-gap: 16px;
    }
  `,
})
export class TimeLimitsPage {
  protected readonly store = inject(TimeLimitsStore);
  protected readonly reference = inject(ReferenceStore);
  private readonly notifier = inject(NOTIFIER);
  protected readonly any = ANY_APPEAL_TYPE;
  protected readonly appealTypeOptions = computed(() => [{ value: ANY_APPEAL_TYPE, label: '默认（全部类型）' }, ...this.reference.appealTypeOptions()]);
  protected readonly clocks = DEADLINE_CLOCKS;
  protected readonly durationFields = DURATION_FIELDS;
  protected readonly editing = signal<TimeLimitEdit | null>(null);
  protected readonly error = computed(() => callError(this.store.callState()));

  constructor() {
    void this.store.load();
  }

  protected clockLabel(c: string): string {
    return CLOCK_LABELS[c] ?? c;
  }

  protected create(): void {
    const base = this.store.items().find((r) => r.appealType === this.any);
    this.editing.set({
      existing: null,
      appealType: this.reference.appealTypes()[0]?.code ?? this.any,
      urgent: false,
      clock: base?.clock ?? 'working',
      dayLength: base?.dayLength ?? null,
      signLimit: base?.signLimit ?? '',
      handleLimit: base?.handleLimit ?? '',
      callbackLimit: base?.callbackLimit ?? '',
      feedbackLimit: base?.feedbackLimit ?? '',
      prewarnPercent: base?.prewarnPercent ?? 80,
      longOverdueAfter: base?.longOverdueAfter ?? '',
    });
  }

  protected edit(x: TimeLimitPolicyView): void {
    this.editing.set({
      existing: x,
      appealType: x.appealType,
      urgent: x.urgent,
      clock: x.clock,
      dayLength: x.dayLength,
      signLimit: x.signLimit,
      handleLimit: x.handleLimit,
      callbackLimit: x.callbackLimit,
      feedbackLimit: x.feedbackLimit,
      prewarnPercent: x.prewarnPercent,
      longOverdueAfter: x.longOverdueAfter,
    });
  }

  protected patch(change: Partial<TimeLimitEdit>): void {
    this.editing.update((e) => (e ? { ...e, ...change } : e));
  }

  protected patchField(key: (typeof DURATION_FIELDS)[number][0], value: string): void {
    this.patch({ [key]: value });
  }

  protected async save(): Promise<void> {
    const e = this.editing();
    if (!e) return;
    const problem = timeLimitFormProblem(e);
    if (problem) {
      this.notifier.warning(problem);
      return;
    }
    const pct = Number(e.prewarnPercent);
    const { existing, ...form } = e;
    if (await this.store.save(existing, { ...form, prewarnPercent: pct })) this.editing.set(null);
  }
}
