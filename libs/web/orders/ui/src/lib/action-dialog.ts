import { ChangeDetectionStrategy, Component, DOCUMENT, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ACTION_LABELS, OrderAction, OrderDetail, SATISFACTION_LABELS, SATISFACTION_LEVELS } from '@hotline/contracts';
import { TextFieldModule } from '@angular/cdk/text-field';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { OptionSelect } from '@hotline/web-ui';
import { ACTION_FIELDS, ActionField, buildActionBody, initialValues, isFieldRequired, isFieldVisible, validateAction } from './action-forms';

export interface UnitOption {
  id: number;
  name: string;
}

/**
 * The form for one action on one order. It stays open (and keeps what was typed) until the caller
 * closes it by setting `action` to null, which the caller does only on success: after a stale-version
 * refresh the user just presses 提交 again.
 */
@Component({
  selector: 'hl-action-dialog',
  imports: [
    FormsModule,
    TextFieldModule,
    NzAlertModule,
    NzButtonModule,
    NzCheckboxModule,
    NzFormModule,
    NzInputModule,
    NzInputNumberModule,
    NzModalModule,
    NzRadioModule,
    OptionSelect,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal
      [nzVisible]="action() !== null"
      [nzTitle]="title()"
      [nzFooter]="footer"
      [nzWidth]="640"
      [nzMaskClosable]="false"
      (nzOnCancel)="cancelled.emit()"
      (nzAfterOpen)="focusFirst()"
    >
      <ng-container *nzModalContent>
        <div
          class="dialog"
          tabindex="-1"
          data-testid="action-dialog"
          [attr.data-action]="action()"
          (keydown.control.enter)="submit()"
          (keydown.meta.enter)="submit()"
        >
          <form nz-form nzLayout="vertical" (ngSubmit)="submit()">
            @for (f of visibleFields(); track f.key; let first = $first) {
              <nz-form-item>
                <nz-form-label [nzRequired]="required(f)">{{ f.label }}</nz-form-label>
                <nz-form-control>
                  @switch (f.kind) {
                    @case ('textarea') {
                      <textarea
                        nz-input
                        cdkTextareaAutosize
                        [cdkAutosizeMinRows]="3"
                        [cdkAutosizeMaxRows]="10"
                        [attr.maxlength]="f.maxLength"
                        [placeholder]="f.placeholder ?? ''"
                        [attr.data-autofocus]="first ? '' : null"
                        [attr.data-testid]="'field-' + f.key"
                        [name]="f.key"
                        [ngModel]="values()[f.key]"
                        (ngModelChange)="set(f.key, $event)"
                      ></textarea>
                    }
                    @case ('text') {
                      <input
                        nz-input
                        [placeholder]="f.placeholder ?? ''"
                        [attr.data-autofocus]="first ? '' : null"
                        [attr.data-testid]="'field-' + f.key"
                        [name]="f.key"
                        [ngModel]="values()[f.key]"
                        (ngModelChange)="set(f.key, $event)"
                      />
                    }
                    @case ('number') {
                      <nz-input-number
                        [nzMin]="f.min ?? 0"
                        [nzMax]="f.max ?? 9999"
                        [nzStep]="1"
                        [attr.data-testid]="'field-' + f.key"
                        [name]="f.key"
                        [ngModel]="values()[f.key]"
                        (ngModelChange)="set(f.key, $event)"
                      />
                    }
                    @case ('unit') {
                      <hl-option-select
                        [options]="unitChoices()"
                        showSearch
                        allowClear
                        placeholder="选择单位（可输入检索）"
                        [testid]="'field-' + f.key"
                        [name]="f.key"
                        [ngModel]="values()[f.key]"
                        (ngModelChange)="set(f.key, $event)"
                      />
                    }
                    @case ('units') {
                      <hl-option-select
                        [options]="unitChoices()"
                        multiple
                        showSearch
                        allowClear
                        placeholder="可选，可多选"
                        [testid]="'field-' + f.key"
                        [name]="f.key"
                        [ngModel]="values()[f.key]"
                        (ngModelChange)="set(f.key, $event)"
                      />
                    }
                    @case ('satisfaction') {
                      <nz-radio-group [name]="f.key" [ngModel]="values()[f.key]" (ngModelChange)="set(f.key, $event)" data-testid="field-satisfaction">
                        @for (s of satisfactionLevels; track s) {
                          <label nz-radio-button [nzValue]="s" [attr.data-testid]="'satisfaction-' + s">{{ satisfactionLabels[s] }}</label>
                        }
                      </nz-radio-group>
                    }
                    @case ('yesno') {
                      <nz-radio-group [name]="f.key" [ngModel]="values()[f.key]" (ngModelChange)="set(f.key, $event)" [attr.data-testid]="'field-' + f.key">
                        <label nz-radio [nzValue]="true" data-testid="solved-yes">已解决</label>
                        <label nz-radio [nzValue]="false" data-testid="solved-no">未解决</label>
                      </nz-radio-group>
                    }
                    @case ('choice') {
                      <nz-radio-group [name]="f.key" [ngModel]="values()[f.key]" (ngModelChange)="set(f.key, $event)" [attr.data-testid]="'field-' + f.key">
                        @for (o of f.options ?? []; track o.value) {
                          <label nz-radio-button [nzValue]="o.value" [attr.data-testid]="'field-' + f.key + '-' + o.value">{{ o.label }}</label>
                        }
                      </nz-radio-group>
                    }
                    @case ('checkbox') {
                      <label
                        nz-checkbox
                        [name]="f.key"
                        [ngModel]="values()[f.key]"
                        (ngModelChange)="set(f.key, $event)"
                        [attr.data-testid]="'field-' + f.key"
                        >{{ f.label }}</label
                      >
                    }
                  }
                </nz-form-control>
              </nz-form-item>
            }
          </form>
          @if (problem(); as p) {
            <nz-alert nzType="error" [nzMessage]="p" nzShowIcon data-testid="action-problem" />
          }
          <div class="hint">Ctrl + Enter 提交，Esc 取消</div>
        </div>
      </ng-container>
    </nz-modal>
    <ng-template #footer>
      <button nz-button (click)="cancelled.emit()" data-testid="action-cancel">取消</button>
      <button nz-button nzType="primary" [nzLoading]="busy()" (click)="submit()" data-testid="action-submit">提交</button>
    </ng-template>
  `,
  styles: `
    .hint {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
      margin-top: 8px;
    }
    nz-form-item {
      margin-bottom: 12px;
    }
  `,
})
export class ActionDialog {
  readonly action = input<OrderAction | null>(null);
  readonly order = input<OrderDetail | null>(null);
  readonly busy = input(false);
  readonly unitOptions = input<readonly UnitOption[]>([]);
  protected readonly unitChoices = computed(() => this.unitOptions().map((u) => ({ value: u.id, label: u.name })));
  /** Initial values when the dialog opens (e.g. the category's default unit for dispatch). */
  readonly defaults = input<Record<string, unknown>>({});

  readonly submitted = output<Record<string, unknown>>();
  readonly cancelled = output<void>();

  private readonly document = inject(DOCUMENT);
  protected readonly satisfactionLevels = SATISFACTION_LEVELS;
  protected readonly satisfactionLabels = SATISFACTION_LABELS;
  protected readonly values = signal<Record<string, unknown>>({});
  protected readonly problem = signal<string | null>(null);

  protected readonly title = computed(() => {
    const a = this.action();
    const o = this.order();
    return a ? `${ACTION_LABELS[a]}${o ? ' · ' + o.number : ''}` : '';
  });
  protected readonly visibleFields = computed(() => {
    const a = this.action();
    if (!a) return [];
    const v = this.values();
    return ACTION_FIELDS[a].filter((f) => isFieldVisible(a, f, v));
  });

  constructor() {
    // Reset only when a different action opens: an order refresh (stale version) must keep the typed values.
    effect(() => {
      const a = this.action();
      untracked(() => {
        this.problem.set(null);
        this.values.set(a ? initialValues(a, this.defaults()) : {});
      });
    });
  }

  protected required(f: ActionField): boolean {
    const a = this.action();
    return !!a && isFieldRequired(a, f, this.order());
  }

  protected set(key: string, value: unknown): void {
    this.values.update((v) => ({ ...v, [key]: value }));
    this.problem.set(null);
  }

  protected focusFirst(): void {
    const el = this.document.querySelector<HTMLElement>('[data-testid="action-dialog"] [data-autofocus]');
    el?.focus();
  }

  submit(): void {
    const a = this.action();
    if (!a || this.busy()) return;
    const problem = validateAction(a, this.values(), this.order());
    this.problem.set(problem);
    if (problem) return;
    this.submitted.emit(buildActionBody(a, this.values()));
  }
}
