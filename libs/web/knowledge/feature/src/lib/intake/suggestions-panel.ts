import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormControl, FormsModule } from '@angular/forms';
import { KNOWLEDGE_LIMITS, KnowledgeSuggestBody, KnowledgeSuggestion } from '@hotline/contracts';
import { callError } from '@hotline/web-core-data-access';
import { KnowledgeSuggestStore, suggestBody } from '@hotline/web-knowledge-data-access';
import type { IntakeFollowUp } from '@hotline/web-orders-data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { combineLatest, debounceTime, distinctUntilChanged, map, startWith, switchMap } from 'rxjs';
import { AnswerMethodGroup, useArticle } from './answer-method';

/** The intake form's controls the panel reads (the appeal) and writes (the direct answer and its method). */
export interface IntakeAnswerControls {
  content: FormControl<string>;
  category: FormControl<number[]>;
  regionId: FormControl<number | null>;
  mode: FormControl<IntakeFollowUp['kind']>;
  answer: FormControl<string>;
  answerMethod: AnswerMethodGroup;
}

export const SUGGEST_DEBOUNCE_MS = 300;

/** Alt+1…9 opens the n-th suggestion (by the key's position, so a keyboard layout or Alt's symbols do not matter). */
export function suggestionKey(e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'code'>): number | 'insert' | null {
  if (!e.altKey || e.ctrlKey || e.metaKey) return null;
  const digit = /^(?:Digit|Numpad)([1-9])$/.exec(e.code);
  if (digit) return Number(digit[1]) - 1;
  return e.code === 'KeyI' ? 'insert' : null;
}

const sameBody = (a: KnowledgeSuggestBody | null, b: KnowledgeSuggestBody | null) => JSON.stringify(a) === JSON.stringify(b);

/**
 * 知识推荐 beside the intake form: the best published articles for the appeal as it is typed (debounced), opened
 * with Alt+1…9 in a drawer with the answer, inserted into the direct answer with Alt+I (the order then records the
 * article and the version read out), flagged as wrong (标记有误) from the drawer.
 */
@Component({
  selector: 'hl-kb-suggestions',
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzCardModule, NzDrawerModule, NzEmptyModule, NzInputModule, NzSpinModule],
  providers: [KnowledgeSuggestStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './suggestions-panel.html',
  styleUrl: './suggestions-panel.css',
  host: { '(document:keydown)': 'onKey($event)' },
})
export class KnowledgeSuggestions {
  readonly controls = input.required<IntakeAnswerControls>();
  protected readonly store = inject(KnowledgeSuggestStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly drawerOpen = signal(false);
  protected readonly flagging = signal(false);
  protected readonly flagReason = signal('');
  protected readonly flagMax = KNOWLEDGE_LIMITS.flagReason;
  protected readonly loading = computed(() => this.store.state() === 'loading');
  protected readonly error = computed(() => callError(this.store.state()));
  protected readonly openError = computed(() => callError(this.store.openedState()));

  constructor() {
    toObservable(this.controls)
      .pipe(
        switchMap((c) =>
          combineLatest([
            c.content.valueChanges.pipe(startWith(c.content.value)),
            c.category.valueChanges.pipe(startWith(c.category.value)),
            c.regionId.valueChanges.pipe(startWith(c.regionId.value)),
          ]),
        ),
        debounceTime(SUGGEST_DEBOUNCE_MS),
        map(([content, category, regionId]) => suggestBody(content ?? '', category?.at(-1), regionId)),
        distinctUntilChanged(sameBody),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((body) => {
        if (!body) this.close();
        void this.store.suggest(body);
      });
  }

  protected onKey(e: KeyboardEvent): void {
    const key = suggestionKey(e);
    if (key === null) return;
    if (key === 'insert') {
      if (!this.store.opened()) return;
      e.preventDefault();
      this.insert();
      return;
    }
    const item = this.store.items()[key];
    if (!item) return;
    e.preventDefault();
    void this.open(item);
  }

  protected async open(item: KnowledgeSuggestion): Promise<void> {
    this.flagging.set(false);
    this.flagReason.set('');
    this.drawerOpen.set(true);
    await this.store.open(item);
  }

  protected close(): void {
    this.drawerOpen.set(false);
    this.store.close();
  }

  /** The opened article's answer goes into the direct answer (after what is there), and the method becomes 知识库. */
  protected insert(): void {
    const a = this.store.opened();
    if (!a) return;
    const c = this.controls();
    c.mode.setValue('direct');
    c.mode.markAsDirty();
    const before = c.answer.value?.trim();
    c.answer.setValue((before ? `${before}\n` : '') + a.answerText);
    useArticle(c.answerMethod, { articleId: a.articleId, articleVersion: a.n, title: a.title });
    this.close();
    // the answer field appears with the direct mode: focus it on the next frame so the agent can adjust the text
    setTimeout(() => this.host.nativeElement.ownerDocument.querySelector<HTMLTextAreaElement>('#intake-answer')?.focus());
  }

  protected async submitFlag(): Promise<void> {
    const a = this.store.opened();
    const reason = this.flagReason().trim();
    if (!a || !reason) return;
    if (await this.store.flag(a.articleId, reason)) {
      this.flagging.set(false);
      this.flagReason.set('');
    }
  }
}
