import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { KnowledgeVersionView } from '@hotline/contracts';
import { answerMethodBody, answerMethodGroup, answerMethodProblem } from './answer-method';
import { IntakeAnswerControls, KnowledgeSuggestions, SUGGEST_DEBOUNCE_MS, suggestionKey } from './suggestions-panel';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

@Component({
  selector: 'hl-test-host',
  imports: [KnowledgeSuggestions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<hl-kb-suggestions [controls]="controls" />`,
})
class Host {
  readonly controls: IntakeAnswerControls = {
    content: new FormControl('', { nonNullable: true }),
    category: new FormControl<number[]>([], { nonNullable: true }),
    regionId: new FormControl<number | null>(null),
    mode: new FormControl<'direct' | 'dispatch' | 'register'>('dispatch', { nonNullable: true }),
    answer: new FormControl('', { nonNullable: true }),
    answerMethod: answerMethodGroup(),
  };
}

const alt = (code: string) => document.dispatchEvent(new KeyboardEvent('keydown', { code, altKey: true, bubbles: true }));

describe('suggestion keys', () => {
  it('reads Alt+1…9 by position and Alt+I, and nothing else', () => {
    expect(suggestionKey({ altKey: true, ctrlKey: false, metaKey: false, code: 'Digit1' })).toBe(0);
    expect(suggestionKey({ altKey: true, ctrlKey: false, metaKey: false, code: 'Numpad9' })).toBe(8);
    expect(suggestionKey({ altKey: true, ctrlKey: false, metaKey: false, code: 'KeyI' })).toBe('insert');
    expect(suggestionKey({ altKey: false, ctrlKey: false, metaKey: false, code: 'Digit1' })).toBeNull();
    expect(suggestionKey({ altKey: true, ctrlKey: true, metaKey: false, code: 'Digit1' })).toBeNull();
    expect(suggestionKey({ altKey: true, ctrlKey: false, metaKey: false, code: 'Digit0' })).toBeNull();
  });
});

describe('answer method', () => {
  it('needs the article for 知识库 and the unit for 三方通话, and sends only the chosen fields', () => {
    const g = answerMethodGroup();
    expect(answerMethodProblem(g)).toEqual({ method: '请选择答复方式' });
    g.patchValue({ method: 'knowledge' });
    expect(answerMethodProblem(g)?.['method']).toContain('Alt+I');
    g.patchValue({ method: 'three-way', threeWayPerson: ' 张科长 ', articleId: 3 });
    expect(answerMethodProblem(g)).toEqual({ method: '请选择三方通话的单位' });
    g.patchValue({ threeWayUnitId: 12 });
    expect(answerMethodProblem(g)).toBeNull();
    expect(answerMethodBody(g.getRawValue())).toEqual({ method: 'three-way', threeWayUnitId: 12, threeWayPerson: '张科长' });
    g.patchValue({ method: 'other' });
    expect(answerMethodBody(g.getRawValue())).toEqual({ method: 'other' });
  });
});

describe('KnowledgeSuggestions', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [Host],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideNoopAnimations()],
    });
  });

  it('suggests as the agent types, opens with Alt+1 and inserts with Alt+I as a 知识库 answer', async () => {
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const c = fixture.componentInstance.controls;

    c.content.setValue('住房');
    c.content.setValue('住房公积金怎么提取');
    c.category.setValue([1, 5]);
    await wait(SUGGEST_DEBOUNCE_MS + 50);
    // one request for the text as it stood when the agent paused, with the chosen category
    const req = http.expectOne('/api/knowledge/suggest');
    expect(req.request.body).toEqual({ content: '住房公积金怎么提取', categoryId: 5 });
    req.flush({ items: [{ id: 7, version: 2, title: '住房公积金提取', snippet: '<em>公积金</em>提取', score: 9 }] });
    await wait(0);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="kb-suggestion"]')?.textContent).toContain('Alt+1');

    alt('Digit1');
    const opened: Partial<KnowledgeVersionView> = {
      articleId: 7,
      n: 2,
      title: '住房公积金提取',
      answer: '<p>携带身份证</p>',
      answerText: '携带身份证',
      questions: [],
      validTo: null,
    };
    http.expectOne('/api/knowledge/articles/7/versions/2').flush(opened);
    await wait(0);
    await fixture.whenStable();
    expect(document.querySelector('[data-testid="kb-drawer-answer"]')?.textContent).toContain('携带身份证');

    c.answer.setValue('您好。');
    alt('KeyI');
    expect(c.mode.value).toBe('direct');
    expect(c.answer.value).toBe('您好。\n携带身份证');
    expect(answerMethodBody(c.answerMethod.getRawValue())).toEqual({ method: 'knowledge', articleId: 7, articleVersion: 2 });

    // the form cleared for the next call: no request, the list empties
    c.content.setValue('');
    await wait(SUGGEST_DEBOUNCE_MS + 50);
    http.expectNone('/api/knowledge/suggest');
    http.verify();
  });
});
