import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { DIRECT_ANSWER_METHODS, DIRECT_ANSWER_METHOD_LABELS, DirectAnswerMethod, THREE_WAY_PERSON_MAX } from '@hotline/contracts';
import { ReferenceStore } from '@hotline/web-core-data-access';
import type { ArticleUse } from '@hotline/web-knowledge-data-access';
import type { DirectAnswerFields } from '@hotline/web-orders-data-access';
import { FormField, OptionSelect } from '@hotline/web-ui';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { startWith, switchMap } from 'rxjs';

export type AnswerMethodGroup = FormGroup<{
  method: FormControl<DirectAnswerMethod | null>;
  articleId: FormControl<number | null>;
  articleVersion: FormControl<number | null>;
  articleTitle: FormControl<string>;
  threeWayUnitId: FormControl<number | null>;
  threeWayPerson: FormControl<string>;
}>;

/** 知识库 needs the article read out; 三方通话 the unit called. */
export function answerMethodProblem(c: AbstractControl): ValidationErrors | null {
  const v = (c as AnswerMethodGroup).getRawValue();
  if (!v.method) return { method: '请选择答复方式' };
  if (v.method === 'knowledge' && !v.articleId) return { method: '请从右侧知识推荐中打开文章（Alt+数字）并插入答复（Alt+I）' };
  if (v.method === 'three-way' && !v.threeWayUnitId) return { method: '请选择三方通话的单位' };
  return null;
}

/**
 * The direct answer's 答复方式 as a form group for the intake form (disable it while the answer is not direct: a
 * disabled group neither validates nor blocks the submit).
 */
export function answerMethodGroup(): AnswerMethodGroup {
  return new FormGroup(
    {
      method: new FormControl<DirectAnswerMethod | null>(null),
      articleId: new FormControl<number | null>(null),
      articleVersion: new FormControl<number | null>(null),
      articleTitle: new FormControl('', { nonNullable: true }),
      threeWayUnitId: new FormControl<number | null>(null),
      threeWayPerson: new FormControl('', { nonNullable: true }),
    },
    { validators: answerMethodProblem },
  );
}

/** Records an article read out: the method becomes 知识库. */
export function useArticle(group: AnswerMethodGroup, use: ArticleUse): void {
  group.setValue({
    method: 'knowledge',
    articleId: use.articleId,
    articleVersion: use.articleVersion,
    articleTitle: use.title,
    threeWayUnitId: null,
    threeWayPerson: '',
  });
}

/** The direct-answer body fields for the group's value: only those of the chosen method. */
export function answerMethodBody(v: ReturnType<AnswerMethodGroup['getRawValue']>): DirectAnswerFields {
  if (v.method === 'knowledge' && v.articleId) {
    return { method: 'knowledge', articleId: v.articleId, ...(v.articleVersion ? { articleVersion: v.articleVersion } : {}) };
  }
  if (v.method === 'three-way') {
    const person = v.threeWayPerson.trim();
    return { method: 'three-way', ...(v.threeWayUnitId ? { threeWayUnitId: v.threeWayUnitId } : {}), ...(person ? { threeWayPerson: person } : {}) };
  }
  return v.method ? { method: v.method } : {};
}

/** 答复方式 on the direct-answer form: 知识库 (the article inserted from the suggestions), 三方通话 (unit + person), 其他. */
@Component({
  selector: 'hl-kb-answer-method',
  imports: [ReactiveFormsModule, RouterLink, FormField, OptionSelect, NzFormModule, NzGridModule, NzInputModule, NzRadioModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container [formGroup]="group()">
      <div nz-row [nzGutter]="12" class="row">
        <nz-form-item nz-col [nzSpan]="10">
          <nz-form-label nzRequired>答复方式</nz-form-label>
          <nz-form-control>
            <nz-radio-group formControlName="method" nzName="answerMethod" nzSize="small" data-testid="answer-method">
              @for (m of methods; track m) {
                <label nz-radio-button [nzValue]="m" [attr.data-testid]="'answer-method-' + m">{{ labels[m] }}</label>
              }
            </nz-radio-group>
          </nz-form-control>
        </nz-form-item>
        @switch (value().method) {
          @case ('knowledge') {
            <hl-field nz-col [nzSpan]="14" label="引用文章">
              @if (value().articleId; as id) {
                <nz-tag nzColor="blue" data-testid="answer-article">
                  <a [routerLink]="['/knowledge']" [queryParams]="{ article: id }" target="_blank">{{ value().articleTitle }}</a>
                  （第 {{ value().articleVersion }} 版）
                </nz-tag>
              } @else {
                <span class="hint">在右侧知识推荐中打开文章（Alt+1…9），按 Alt+I 插入答复</span>
              }
            </hl-field>
          }
          @case ('three-way') {
            <hl-field nz-col [nzSpan]="7" label="通话单位" [required]="true">
              <hl-option-select
                formControlName="threeWayUnitId"
                [options]="reference.activeUnitOptions()"
                showSearch
                allowClear
                placeholder="单位"
                testid="answer-three-way-unit"
              />
            </hl-field>
            <hl-field nz-col [nzSpan]="7" label="通话人" labelFor="answer-three-way-person">
              <input
                id="answer-three-way-person"
                nz-input
                formControlName="threeWayPerson"
                [maxlength]="personMax"
                autocomplete="off"
                placeholder="姓名或工号"
                data-testid="answer-three-way-person"
              />
            </hl-field>
          }
        }
      </div>
      @if (problem(); as message) {
        <div class="problem" data-testid="answer-method-problem">{{ message }}</div>
      }
    </ng-container>
  `,
  styles: `
    .row nz-form-item,
    .row hl-field {
      margin-bottom: 4px;
    }
    .hint {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
    .problem {
      color: #ff4d4f;
      font-size: 12px;
      margin-bottom: 8px;
    }
  `,
})
export class AnswerMethodField {
  readonly group = input.required<AnswerMethodGroup>();
  protected readonly reference = inject(ReferenceStore);
  protected readonly methods = DIRECT_ANSWER_METHODS;
  protected readonly labels = DIRECT_ANSWER_METHOD_LABELS;
  protected readonly personMax = THREE_WAY_PERSON_MAX;

  /** Every change of the group (values, status, dirty) re-reads it: the group is not a signal. */
  private readonly tick = toSignal(toObservable(this.group).pipe(switchMap((g) => g.events.pipe(startWith(null)))));
  protected readonly value = computed(() => {
    this.tick();
    return this.group().getRawValue();
  });
  /** Shown once the agent tried to submit (the intake marks every control dirty then). */
  protected readonly problem = computed(() => {
    this.tick();
    const g = this.group();
    if (g.disabled || !g.dirty) return null;
    return (g.errors?.['method'] as string | undefined) ?? null;
  });
}
