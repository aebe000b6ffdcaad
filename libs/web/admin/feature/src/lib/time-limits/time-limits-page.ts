import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ANY_APPEAL_TYPE, DEADLINE_CLOCKS, TimeLimitPolicyView } from '@hotline/contracts';
import { AdminStore, DURATION_PATTERN, TimeLimitForm } from '@hotline/web-admin-data-access';
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
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

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
    NzSelectModule,
    NzSwitchModule,
    NzTableModule,
    NzTagModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bar">
      <h2>时限策略</h2>
      <button nz-button nzSize="small" (click)="admin.loadTimeLimits()" data-testid="time-limits-reload"><nz-icon nzType="reload" />刷新</button>
      <button nz-button nzType="primary" (click)="create()" data-testid="time-limit-create"><nz-icon nzType="plus" />新建策略</button>
    </div>
    <p class="hint">时长格式：数字加单位，如 30m、2h、5d、0.5d。工单按其诉求类型与紧急程度取策略，没有专属策略时取「默认」行；修改只影响此后新设的时限。</p>
    @if (error(); as message) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="message" />
    }
    <nz-table
      #t
      nzSize="small"
      [nzData]="admin.timeLimits()"
      [nzLoading]="admin.timeLimitsState() === 'loading'"
      [nzPageSize]="100"
      [nzShowPagination]="false"
      nzNoResult="暂无时限策略"
      data-testid="time-limits-table"
    >
      <thead>
        <tr>
          <th>诉求类型</th>
          <th nzWidth="70px">紧急</th>
          <th nzWidth="80px">签收</th>
          <th nzWidth="80px">办理</th>
          <th nzWidth="80px">回访</th>
          <th nzWidth="90px">督办反馈</th>
          <th nzWidth="90px">计时</th>
          <th nzWidth="80px">预警</th>
          <th nzWidth="100px">超期升级</th>
          <th nzWidth="60px">版本</th>
          <th nzWidth="120px">操作</th>
        </tr>
      </thead>
      <tbody>
        @for (x of t.data; track x.id) {
          <tr [attr.data-testid]="'time-limit-row-' + x.id">
            <td>
              @if (x.appealType === any) {
                <nz-tag nzColor="blue">默认（全部类型）</nz-tag>
              } @else {
                {{ reference.appealTypeName(x.appealType) }}
              }
            </td>
            <td>
              @if (x.urgent) {
                <nz-tag nzColor="red">紧急</nz-tag>
              } @else {
                普通
              }
            </td>
            <td>{{ x.signLimit }}</td>
            <td>{{ x.handleLimit }}</td>
            <td>{{ x.callbackLimit }}</td>
            <td>{{ x.feedbackLimit }}</td>
            <td>
              {{ clockLabel(x.clock) }}
              @if (x.clock === 'natural' && x.dayLength) {
                <span class="sub">(1天={{ x.dayLength }})</span>
              }
            </td>
            <td>{{ x.prewarnPercent ? x.prewarnPercent + '%' : '关闭' }}</td>
            <td>{{ x.longOverdueAfter }}</td>
            <td>{{ x.version }}</td>
            <td>
              <button nz-button nzType="link" nzSize="small" (click)="edit(x)" [attr.data-testid]="'time-limit-edit-' + x.id">编辑</button>
              @if (x.appealType !== any) {
                <button
                  nz-button
                  nzType="link"
                  nzDanger
                  nzSize="small"
                  nz-popconfirm
                  nzPopconfirmTitle="确定删除该策略？该类型将改用默认策略"
                  (nzOnConfirm)="admin.deleteTimeLimit(x)"
                  [attr.data-testid]="'time-limit-delete-' + x.id"
                >
                  删除
                </button>
              }
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
    <nz-modal
      [nzVisible]="editing() !== null"
      [nzTitle]="editing()?.existing ? '编辑时限策略' : '新建时限策略'"
      (nzOnCancel)="editing.set(null)"
      (nzOnOk)="save()"
      [nzOkLoading]="admin.saving()"
      nzOkText="保存"
      [nzWidth]="560"
    >
      <ng-container *nzModalContent>
        @if (editing(); as e) {
          <form nz-form nzLayout="vertical" (ngSubmit)="save()" data-testid="time-limit-form">
            <div class="grid">
              <nz-form-item>
                <nz-form-label nzRequired>诉求类型</nz-form-label>
                <nz-form-control nzExtra="创建后不可修改">
                  <nz-select
                    name="appealType"
                    [nzDisabled]="!!e.existing"
                    [ngModel]="e.appealType"
                    (ngModelChange)="patch({ appealType: $event })"
                    data-testid="time-limit-appeal-type"
                  >
                    <nz-option [nzValue]="any" nzLabel="默认（全部类型）" />
                    @for (a of reference.appealTypes(); track a.code) {
                      <nz-option [nzValue]="a.code" [nzLabel]="a.name" />
                    }
                  </nz-select>
                </nz-form-control>
              </nz-form-item>
              <nz-form-item>
                <nz-form-label>紧急</nz-form-label>
                <nz-form-control nzExtra="创建后不可修改">
                  <nz-switch
                    name="urgent"
                    [nzDisabled]="!!e.existing"
                    [ngModel]="e.urgent"
                    (ngModelChange)="patch({ urgent: $event })"
                    data-testid="time-limit-urgent"
                  />
                </nz-form-control>
              </nz-form-item>
              <nz-form-item>
                <nz-form-label nzRequired>计时方式</nz-form-label>
                <nz-form-control>
                  <nz-radio-group name="clock" [ngModel]="e.clock" (ngModelChange)="patch({ clock: $event })" data-testid="time-limit-clock">
                    @for (c of clocks; track c) {
                      <label nz-radio [nzValue]="c">{{ clockLabel(c) }}</label>
                    }
                  </nz-radio-group>
                </nz-form-control>
              </nz-form-item>
              @if (e.clock === 'natural') {
                <nz-form-item>
                  <nz-form-label>一天时长</nz-form-label>
                  <nz-form-control nzExtra="留空为 24 小时；演练时可压缩">
                    <input
                      nz-input
                      name="dayLength"
                      placeholder="24h"
                      [ngModel]="e.dayLength ?? ''"
                      (ngModelChange)="patch({ dayLength: $event })"
                      data-testid="time-limit-dayLength"
                    />
                  </nz-form-control>
                </nz-form-item>
              }
              @for (f of durationFields; track f[0]) {
                <nz-form-item>
                  <nz-form-label nzRequired>{{ f[1] }}</nz-form-label>
                  <nz-form-control>
                    <input nz-input [name]="f[0]" [ngModel]="e[f[0]]" (ngModelChange)="patchField(f[0], $event)" [attr.data-testid]="'time-limit-' + f[0]" />
                  </nz-form-control>
                </nz-form-item>
              }
              <nz-form-item>
                <nz-form-label nzRequired>预警比例 %</nz-form-label>
                <nz-form-control nzExtra="时限用去该比例时预警；0 为不预警">
                  <nz-input-number
                    name="prewarnPercent"
                    [nzMin]="0"
                    [nzMax]="99"
                    [nzStep]="5"
                    [ngModel]="e.prewarnPercent"
                    (ngModelChange)="patch({ prewarnPercent: $event })"
                    data-testid="time-limit-prewarnPercent"
                  />
                </nz-form-control>
              </nz-form-item>
            </div>
          </form>
        }
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .bar {
      display: flex;
      gap: 12px;
      align-items: center;
      margin-bottom: 4px;
    }
    h2 {
      font-size: 16px;
      margin: 0;
      flex: 1;
    }
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
    nz-form-item {
      margin-bottom: 10px;
    }
  `,
})
export class TimeLimitsPage {
  protected readonly admin = inject(AdminStore);
  protected readonly reference = inject(ReferenceStore);
  private readonly notifier = inject(NOTIFIER);
  protected readonly any = ANY_APPEAL_TYPE;
  protected readonly clocks = DEADLINE_CLOCKS;
  protected readonly durationFields = DURATION_FIELDS;
  protected readonly editing = signal<TimeLimitEdit | null>(null);
  protected readonly error = computed(() => callError(this.admin.timeLimitsState()));

  constructor() {
    void this.admin.loadTimeLimits();
  }

  protected clockLabel(c: string): string {
    return CLOCK_LABELS[c] ?? c;
  }

  protected create(): void {
    const base = this.admin.timeLimits().find((r) => r.appealType === this.any);
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
    if (await this.admin.saveTimeLimit(existing, { ...form, prewarnPercent: pct })) this.editing.set(null);
  }
}
