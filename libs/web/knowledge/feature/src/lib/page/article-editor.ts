import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, input, output, untracked, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { KNOWLEDGE_LIMITS, KnowledgeArticleDetail, KnowledgeArticleInput } from '@hotline/contracts';
import { ReferenceStore, categoryPathIds } from '@hotline/web-core-data-access';
import { splitWords } from '@hotline/web-knowledge-data-access';
import { CascaderTypeToOpen, FormField, OptionSelect } from '@hotline/web-ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCascaderModule } from 'ng-zorro-antd/cascader';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzInputModule } from 'ng-zorro-antd/input';
import { CENTER_ROLES, Viewer, linesOf, toAnswerHtml, wrapSelection } from './article-rules';

const L = KNOWLEDGE_LIMITS;

/**
 * The article editor: title, 同义问法 one per line, the answer (HTML or plain lines, with 加粗 / 列表 / 链接 buttons;
 * the server sanitises it), category, regions, keywords, owner unit (the center only: a unit's articles are its own)
 * and 有效期至. Saving a published article makes a revision; the published version serves until it is published.
 */
@Component({
  selector: 'hl-kb-article-editor',
  imports: [ReactiveFormsModule, CascaderTypeToOpen, FormField, OptionSelect, NzButtonModule, NzCascaderModule, NzFormModule, NzGridModule, NzInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './article-editor.html',
  styles: `
    .toolbar {
      display: flex;
      gap: 4px;
      margin-bottom: 4px;
    }
    .actions {
      display: flex;
      gap: 8px;
    }
    nz-cascader {
      width: 100%;
    }
  `,
})
export class ArticleEditor {
  readonly article = input<KnowledgeArticleDetail | null>(null);
  readonly viewer = input.required<Viewer>();
  readonly saving = input(false);
  readonly save = output<KnowledgeArticleInput>();
  readonly cancelled = output<void>();

  protected readonly reference = inject(ReferenceStore);
  private readonly answerBox = viewChild<ElementRef<HTMLTextAreaElement>>('answerBox');
  protected readonly limits = L;
  protected readonly isCenter = computed(() => {
    const role = this.viewer().role;
    return !!role && CENTER_ROLES.includes(role);
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(L.title)]],
    questions: [''],
    answer: ['', [Validators.required, Validators.maxLength(L.answer)]],
    category: [[] as number[]],
    regionIds: [[] as number[]],
    keywords: [''],
    ownerUnitId: [null as number | null],
    validTo: [''],
  });

  constructor() {
    effect(() => {
      const a = this.article();
      const byId = this.reference.categoryById();
      untracked(() =>
        this.form.reset({
          title: a?.title ?? '',
          questions: a?.questions.join('\n') ?? '',
          answer: a?.answer ?? '',
          category: a?.categoryIds.length ? categoryPathIds(byId, a.categoryIds[0]) : [],
          regionIds: a?.regionIds ?? [],
          keywords: a?.keywords.join('，') ?? '',
          ownerUnitId: a?.ownerUnitId ?? this.viewer().unitId,
          validTo: a?.validTo ?? '',
        }),
      );
    });
  }

  protected format(kind: 'b' | 'ul' | 'a'): void {
    const box = this.answerBox()?.nativeElement;
    if (!box) return;
    const { text, caret } = wrapSelection(box.value, box.selectionStart, box.selectionEnd, kind);
    this.form.controls.answer.setValue(text);
    box.focus();
    setTimeout(() => box.setSelectionRange(caret, caret));
  }

  protected submit(): void {
    for (const c of Object.values(this.form.controls)) {
      c.markAsDirty();
      c.updateValueAndValidity();
    }
    if (this.form.invalid) return;
    const v = this.form.getRawValue();
    const category = v.category?.at(-1);
    this.save.emit({
      title: v.title.trim(),
      questions: linesOf(v.questions).slice(0, L.questions),
      answer: toAnswerHtml(v.answer),
      categoryIds: category ? [category] : [],
      regionIds: v.regionIds ?? [],
      keywords: splitWords(v.keywords).slice(0, L.keywords),
      ...(this.isCenter() ? { ownerUnitId: v.ownerUnitId } : {}),
      validTo: v.validTo || null,
    });
  }
}
