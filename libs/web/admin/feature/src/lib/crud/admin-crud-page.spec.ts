import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import { TopicsStore, UsersStore } from '@hotline/web-admin-data-access';
import { NOTIFIER, ReferenceStore, WebError, mockNotifier, toWebError } from '@hotline/web-core-data-access';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';
import { TopicsPage } from '../topics/topics-page';
import { UsersPage } from '../users/users-page';

/** An admin resource store as the pages see it: each save fails with the error the test gives it. */
class FakeAdminStore {
  readonly lastSaveError = signal<WebError | null>(null);
  readonly saving = signal(false);
  readonly items = signal([]);
  readonly callState = signal('loaded');
  readonly sent: unknown[] = [];
  failWith: WebError | null = null;
  load = jest.fn();
  save = jest.fn(async (...args: unknown[]) => {
    this.sent.push(args[1]);
    this.lastSaveError.set(this.failWith);
    return this.failWith === null;
  });
}

const apiError = (status: number, body: object): WebError => toWebError(new HttpErrorResponse({ status, error: body }));

const q = <T extends HTMLElement>(testid: string): T => document.querySelector(`[data-testid="${testid}"]`) as T;

function type(testid: string, value: string): void {
  const el = q<HTMLInputElement>(testid);
  el.value = value;
  el.dispatchEvent(new Event('input'));
}

const okButton = () => document.querySelector<HTMLButtonElement>('.ant-modal-footer .ant-btn-primary') as HTMLButtonElement;

/** The explain text under the form item holding the control with this test id. */
const explainOf = (testid: string) => q(testid).closest('nz-form-item')?.querySelector('.ant-form-item-explain-error')?.textContent?.trim() ?? null;

describe('admin CRUD page frame', () => {
  let store: FakeAdminStore;

  beforeEach(() => {
    store = new FakeAdminStore();
    TestBed.configureTestingModule({
      providers: [
        provideNzIconsTesting(),
        { provide: TopicsStore, useValue: store },
        { provide: UsersStore, useValue: store },
        {
          provide: ReferenceStore,
          useValue: {
            topics: signal([]),
            activeUnits: signal([]),
            activeUnitOptions: signal([]),
            unitName: () => '',
          },
        },
        {
          provide: NOTIFIER,
          useValue: mockNotifier(() => jest.fn()),
        },
      ],
    });
  });
  afterEach(() => document.body.replaceChildren());

  it('marks the field a validation error names, in Chinese, keeping what was typed', async () => {
    const fixture = TestBed.createComponent(TopicsPage);
    await fixture.whenStable();
    q<HTMLButtonElement>('topic-create').click();
    await fixture.whenStable();
    type('topic-code', 'Bad Code');
    type('topic-name', '防汛');
    await fixture.whenStable();

    store.failWith = apiError(400, {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'code: …',
      details: [
        {
          field: 'code',
          messages: ['code: lowercase letters, digits and _, starting with a letter'],
        },
      ],
    });
    okButton().click();
    await fixture.whenStable();

    expect(store.sent).toEqual([{ code: 'Bad Code', name: '防汛', active: true }]);
    expect(q('topic-form')).toBeTruthy(); // still open
    expect(q<HTMLInputElement>('topic-code').value).toBe('Bad Code');
    expect(q<HTMLInputElement>('topic-name').value).toBe('防汛');
    expect(explainOf('topic-code')).toBe('编码须以小写字母开头，只含小写字母、数字和下划线');
    expect(q('topic-code').closest('nz-form-item')?.classList).toContain('ant-form-item-has-error');
    expect(q('topic-code').classList).toContain('ant-input-status-error');
    expect(explainOf('topic-name')).toBeNull();

    // editing the field clears the API's complaint; a good save closes the dialog
    type('topic-code', 'flood');
    await fixture.whenStable();
    expect(explainOf('topic-code')).toBeNull();
    store.failWith = null;
    okButton().click();
    await fixture.whenStable();
    expect(q('topic-form')).toBeNull();
  });

  it('marks a duplicate username (details as one object) and shows an unattributed error above the form', async () => {
    const fixture = TestBed.createComponent(UsersPage);
    await fixture.whenStable();
    q<HTMLButtonElement>('user-create').click();
    await fixture.whenStable();
    type('user-username', 'agent');
    type('user-password', 'longenough');
    type('user-display-name', '重复的人');
    await fixture.whenStable();

    store.failWith = apiError(409, {
      statusCode: 409,
      code: 'DUPLICATE',
      message: 'username agent is taken',
      details: { field: 'username' },
    });
    okButton().click();
    await fixture.whenStable();
    expect(explainOf('user-username')).toBe('用户名已存在');
    expect(q<HTMLInputElement>('user-display-name').value).toBe('重复的人');
    expect(q('admin-form-error')).toBeNull();

    store.failWith = apiError(409, {
      statusCode: 409,
      code: 'DUPLICATE',
      message: 'a record with the same key exists',
    });
    okButton().click();
    await fixture.whenStable();
    expect(explainOf('user-username')).toBeNull();
    expect(q('admin-form-error').textContent).toContain('数据已存在，请勿重复提交');
  });
});
