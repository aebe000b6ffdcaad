import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { NOTIFIER, Notifier, mockNotifier } from '@hotline/web-core-data-access';
import { IntakeBody, IntakeStore } from './intake.store';
import { detail } from './testing/order-fixtures';

const body: IntakeBody = {
  channel: 'phone',
  appealType: 'complaint',
  categoryId: 12,
  regionId: 1,
  caller: { name: ' 李四 ', phone: '138 1234 5678', confidential: false },
  address: '',
  content: ' 小区停水三天 ',
  topics: [],
  urgent: false,
};

const flushMicrotasks = () => new Promise((resolve) => setTimeout(resolve));

describe('IntakeStore', () => {
  let http: HttpTestingController;
  let store: InstanceType<typeof IntakeStore>;
  let notifier: jest.Mocked<Notifier>;

  beforeEach(() => {
    notifier = mockNotifier(() => jest.fn());
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), IntakeStore, { provide: NOTIFIER, useValue: notifier }],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(IntakeStore);
  });
  afterEach(() => http.verify());

  it('registers the call and dispatches it with the version from registration', async () => {
    const done = store.submit(body, {
      kind: 'dispatch',
      unitId: 4,
      coUnitIds: [7],
    });
    const create = http.expectOne('/api/orders');
    expect(create.request.body).toEqual({
      channel: 'phone',
      appealType: 'complaint',
      categoryId: 12,
      regionId: 1,
      caller: { name: '李四', phone: '13812345678', confidential: false },
      content: '小区停水三天',
      urgent: false,
    });
    create.flush(detail(8, { status: 'registered', version: 1 }));
    await flushMicrotasks();
    const dispatch = http.expectOne('/api/orders/8/actions/dispatch');
    expect(dispatch.request.body).toEqual({
      version: 1,
      unitId: 4,
      coUnitIds: [7],
    });
    dispatch.flush(detail(8, { status: 'dispatched', version: 2 }));
    await expect(done).resolves.toBe(true);
    expect(store.last()).toMatchObject({
      number: '20200101000008',
      kind: 'dispatch',
    });
    expect(notifier.success).toHaveBeenCalledWith('工单 20200101000008 已派单');
  });

  it('answers a call directly', async () => {
    const done = store.submit(body, {
      kind: 'direct',
      answer: ' 已告知停水原因 ',
    });
    http.expectOne('/api/orders').flush(detail(9, { status: 'registered', version: 1 }));
    await flushMicrotasks();
    const req = http.expectOne('/api/orders/9/actions/direct-answer');
    expect(req.request.body).toEqual({ version: 1, answer: '已告知停水原因' });
    req.flush(detail(9, { status: 'closed', version: 2 }));
    await expect(done).resolves.toBe(true);
  });

  it('records the article read out with a direct answer', async () => {
    const done = store.submit(body, {
      kind: 'direct',
      answer: '可在线提取',
      how: { method: 'knowledge', articleId: 3, articleVersion: 2 },
    });
    http.expectOne('/api/orders').flush(detail(9, { status: 'registered', version: 1 }));
    await flushMicrotasks();
    const req = http.expectOne('/api/orders/9/actions/direct-answer');
    expect(req.request.body).toEqual({ version: 1, answer: '可在线提取', method: 'knowledge', articleId: 3, articleVersion: 2 });
    req.flush(detail(9, { status: 'closed', version: 2 }));
    await expect(done).resolves.toBe(true);
  });

  it('keeps the registered order when the follow-up fails and retries only the follow-up', async () => {
    const first = store.submit(body, { kind: 'dispatch', unitId: 4 });
    http.expectOne('/api/orders').flush(detail(8, { status: 'registered', version: 1 }));
    await flushMicrotasks();
    http.expectOne('/api/orders/8/actions/dispatch').flush(
      {
        statusCode: 422,
        code: 'UNKNOWN_REFERENCE',
        message: 'x',
        details: { field: 'unitId' },
      },
      { status: 422, statusText: 'x' },
    );
    await flushMicrotasks();
    http.expectOne('/api/orders/8').flush(detail(8, { status: 'registered', version: 1 }));
    await expect(first).resolves.toBe(false);
    expect(store.pending()?.id).toBe(8);
    expect(notifier.error).toHaveBeenCalledWith(expect.stringContaining('工单 20200101000008 已登记，但派单失败'));

    const retry = store.submit(body, { kind: 'dispatch', unitId: 5 });
    http.expectNone('/api/orders');
    http.expectOne('/api/orders/8/actions/dispatch').flush(detail(8, { status: 'dispatched', version: 2 }));
    await expect(retry).resolves.toBe(true);
    expect(store.pending()).toBeNull();
  });

  it('reports a failed registration and registers again on retry', async () => {
    const done = store.submit(body, { kind: 'register' });
    http.expectOne('/api/orders').flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'x',
        details: [{ field: 'content', messages: ['x'] }],
      },
      { status: 400, statusText: 'x' },
    );
    await expect(done).resolves.toBe(false);
    expect(store.callState()).toEqual({
      error: '提交内容不完整或格式有误：内容',
    });
    expect(store.pending()).toBeNull();
  });
});
