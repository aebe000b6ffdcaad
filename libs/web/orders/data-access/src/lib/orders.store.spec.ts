import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { OrderDetail } from '@hotline/contracts';
import { NOTIFIER, Notifier, mockNotifier } from '@hotline/web-core-data-access';
import { OrdersStore, STALE_MESSAGE } from './orders.store';
import { detail, summary } from './testing/order-fixtures';

const settle = () => new Promise((resolve) => setTimeout(resolve));

function fail(req: TestRequest, status: number, code: string, message = 'x') {
  req.flush({ statusCode: status, code, message }, { status, statusText: code });
}

describe('OrdersStore', () => {
  let http: HttpTestingController;
  let store: InstanceType<typeof OrdersStore>;
  let notifier: jest.Mocked<Notifier>;

  beforeEach(() => {
    notifier = mockNotifier(() => jest.fn());
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), OrdersStore, { provide: NOTIFIER, useValue: notifier }],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(OrdersStore);
  });
  afterEach(() => http.verify());

  it('keeps whether the server stopped counting (a bounded total), and forgets it with the next exact one', async () => {
    const first = store.search({ q: '停水' }, 1, 20);
    http
      .expectOne((r) => r.url === '/api/orders')
      .flush({ items: [summary(1)], total: 850, totalBounded: true, totalSince: '2020-10-01', page: 1, pageSize: 20 });
    await first;
    expect(store.total()).toBe(850);
    expect(store.totalBounded()).toBe(true);
    expect(store.totalSince()).toBe('2020-10-01');
    const second = store.search({ q: '停水 小区' }, 1, 20);
    http.expectOne((r) => r.url === '/api/orders').flush({ items: [summary(1)], total: 3, page: 1, pageSize: 20 });
    await second;
    expect(store.totalBounded()).toBe(false);
    expect(store.totalSince()).toBeNull();
  });

  it('searches with filters and server paging', async () => {
    const done = store.search(
      {
        status: ['registered', 'dispatched'],
        overdue: true,
        unitId: 4,
        q: ' 停水 ',
      },
      1,
      20,
    );
    const req = http.expectOne((r) => r.url === '/api/orders');
    expect(req.request.params.get('status')).toBe('registered,dispatched');
    expect(req.request.params.get('overdue')).toBe('true');
    expect(req.request.params.get('unitId')).toBe('4');
    expect(req.request.params.get('q')).toBe('停水');
    expect(req.request.params.get('page')).toBe('1');
    expect(req.request.params.get('pageSize')).toBe('20');
    req.flush({
      items: [summary(1), summary(2)],
      total: 41,
      page: 1,
      pageSize: 20,
    });
    await done;
    expect(store.items().length).toBe(2);
    expect(store.total()).toBe(41);
    expect(store.listState()).toBe('loaded');

    const next = store.setPage(3);
    const req2 = http.expectOne((r) => r.url === '/api/orders');
    expect(req2.request.params.get('page')).toBe('3');
    expect(req2.request.params.get('status')).toBe('registered,dispatched');
    req2.flush({ items: [], total: 41, page: 3, pageSize: 20 });
    await next;
    expect(store.page()).toBe(3);
  });

  it('ignores a slower, older search result', async () => {
    const first = store.search({ q: 'a' });
    const second = store.search({ q: 'b' });
    const [r1, r2] = http.match((r) => r.url === '/api/orders');
    r2.flush({ items: [summary(2)], total: 1, page: 1, pageSize: 20 });
    r1.flush({ items: [summary(1)], total: 1, page: 1, pageSize: 20 });
    await Promise.all([first, second]);
    expect(store.items().map((o) => o.id)).toEqual([2]);
  });

  it('puts a list failure in the error branch', async () => {
    const done = store.search({});
    fail(
      http.expectOne((r) => r.url === '/api/orders'),
      403,
      'FORBIDDEN_ROLE',
    );
    await done;
    expect(store.listState()).toEqual({ error: '当前角色无权执行此操作' });
  });

  it('shows an order outside the user scope as not found', async () => {
    const done = store.open(99);
    fail(http.expectOne('/api/orders/99'), 404, 'ORDER_NOT_FOUND');
    await done;
    expect(store.detail()).toBeNull();
    expect(store.detailState()).toEqual({ error: '工单不存在或无权查看' });
  });

  async function openOrder(d: OrderDetail) {
    const done = store.open(d.id);
    http.expectOne(`/api/orders/${d.id}`).flush(d);
    await done;
  }

  it('runs an action with the version and replaces the order', async () => {
    await openOrder(detail(5, { version: 3 }));
    const done = store.runAction('reply', { content: '已修复' });
    const req = http.expectOne('/api/orders/5/actions/reply');
    expect(req.request.body).toEqual({ content: '已修复', version: 3 });
    req.flush(detail(5, { version: 4, status: 'replied', allowedActions: [] }));
    const outcome = await done;
    http.expectNone((r) => r.url === '/api/orders'); // no list on this screen
    expect(outcome.ok).toBe(true);
    expect(store.detail()?.status).toBe('replied');
    expect(notifier.success).toHaveBeenCalledWith('办结回复成功');
  });

  it('reloads the order and warns on STALE_VERSION, leaving the dialog to resubmit', async () => {
    await openOrder(detail(5, { version: 3 }));
    const done = store.runAction('reply', { content: '已修复' });
    fail(http.expectOne('/api/orders/5/actions/reply'), 409, 'STALE_VERSION');
    await settle();
    http.expectOne('/api/orders/5').flush(detail(5, { version: 4 }));
    const outcome = await done;
    expect(outcome).toMatchObject({ ok: false, stale: true });
    expect(store.detail()?.version).toBe(4);
    expect(notifier.warning).toHaveBeenCalledWith(STALE_MESSAGE);

    // the retry carries the fresh version
    const retry = store.runAction('reply', { content: '已修复' });
    const req = http.expectOne('/api/orders/5/actions/reply');
    expect(req.request.body.version).toBe(4);
    req.flush(detail(5, { version: 5, status: 'replied' }));
    await retry;
  });

  it('refreshes the list shown beside the order after an action', async () => {
    const listed = store.search({ status: ['handling'] });
    http.expectOne((r) => r.url === '/api/orders').flush({ items: [summary(5)], total: 1, page: 1, pageSize: 20 });
    await listed;
    await openOrder(detail(5, { version: 3 }));
    const done = store.runAction('sign');
    http.expectOne('/api/orders/5/actions/sign').flush(detail(5, { version: 4 }));
    await done;
    const reload = http.expectOne((r) => r.url === '/api/orders');
    expect(reload.request.params.get('status')).toBe('handling');
    reload.flush({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  it('maps any other action error to its Chinese message', async () => {
    await openOrder(detail(5));
    const done = store.runAction('request-extension', {
      days: 3,
      reason: '需协调',
    });
    fail(http.expectOne('/api/orders/5/actions/request-extension'), 409, 'PRECONDITION_FAILED', '已有待审核的延期申请');
    const outcome = await done;
    expect(outcome.ok).toBe(false);
    expect(notifier.error).toHaveBeenCalledWith('不满足操作条件：已有待审核的延期申请');
    expect(store.actionState()).toEqual({
      error: '不满足操作条件：已有待审核的延期申请',
    });
  });

  it('counts with a one-row page and returns null when refused', async () => {
    const ok = store.count({ status: ['closed'] });
    const req = http.expectOne((r) => r.url === '/api/orders');
    expect(req.request.params.get('pageSize')).toBe('1');
    req.flush({ items: [summary(1)], total: 123, page: 1, pageSize: 1 });
    await expect(ok).resolves.toBe(123);

    const refused = store.count({ resolution: 'direct' });
    fail(
      http.expectOne((r) => r.url === '/api/orders'),
      400,
      'VALIDATION_FAILED',
    );
    await expect(refused).resolves.toBeNull();
  });

  it('fetches every page of 200 for an export', async () => {
    const progress = jest.fn();
    const done = store.fetchAll({ overdue: true }, progress);
    const p1 = http.expectOne((r) => r.url === '/api/orders' && r.params.get('page') === '1');
    expect(p1.request.params.get('pageSize')).toBe('200');
    p1.flush({
      items: Array.from({ length: 200 }, (_, i) => summary(i + 1)),
      total: 250,
      page: 1,
      pageSize: 200,
    });
    await settle();
    http
      .expectOne((r) => r.url === '/api/orders' && r.params.get('page') === '2')
      .flush({
        items: Array.from({ length: 50 }, (_, i) => summary(i + 201)),
        total: 250,
        page: 2,
        pageSize: 200,
      });
    await expect(done).resolves.toHaveLength(250);
    expect(progress).toHaveBeenLastCalledWith(250, 250);
  });
});
