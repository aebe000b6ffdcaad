import { Component, inject } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { OrderDetail } from '@hotline/contracts';
import { NOTIFIER, mockNotifier } from '@hotline/web-core-data-access';
import { OrdersStore } from '@hotline/web-orders-data-access';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';
import { OrderWorkbench } from './order-workbench';

@Component({
  imports: [OrderWorkbench],
  providers: [OrdersStore],
  template: `<hl-order-workbench />`,
})
class Host {
  readonly store = inject(OrdersStore);
}

const order = (version: number, patch: Partial<OrderDetail> = {}): OrderDetail =>
  ({
    id: 5,
    number: 'N5',
    status: 'handling',
    version,
    channel: 'phone',
    appealType: 'complaint',
    categoryId: 1,
    categoryPath: '市容环境',
    regionId: null,
    mainUnitId: 2,
    mainUnitName: '市城管局',
    caller: { name: null, phone: null, confidential: true },
    contentPreview: 'x',
    urgent: false,
    createdAt: '2020-01-01T00:00:00Z',
    signDueAt: null,
    handleDueAt: null,
    callbackDueAt: null,
    overdue: false,
    platformId: 1,
    address: null,
    content: '占道经营',
    topics: [],
    resolution: 'dispatched',
    directAnswer: null,
    reply: null,
    coUnits: [],
    pendingReturn: null,
    pendingExtension: null,
    callback: null,
    mergedIntoId: null,
    reworkCount: 0,
    urgeCount: 0,
    superviseCount: 0,
    signedAt: null,
    repliedAt: null,
    closedAt: null,
    history: [],
    allowedActions: ['reply', 'return'],
    ...patch,
  }) as OrderDetail;

const q = <T extends HTMLElement>(testid: string) => document.querySelector(`[data-testid="${testid}"]`) as T | null;
const settle = () => new Promise((r) => setTimeout(r));

describe('OrderWorkbench', () => {
  let http: HttpTestingController;
  const notifier = mockNotifier(() => jest.fn());

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNzIconsTesting(), { provide: NOTIFIER, useValue: notifier }],
    });
    http = TestBed.inject(HttpTestingController);
  });

  async function openOrder() {
    const fixture = TestBed.createComponent(Host);
    const opened = fixture.componentInstance.store.open(5);
    http.match((r) => r.url !== '/api/orders/5'); // reference data: not needed here
    http.expectOne('/api/orders/5').flush(order(3));
    await opened;
    await fixture.whenStable();
    return fixture;
  }

  it('keeps the typed reply through a stale-version refresh and sends it again with the new version', async () => {
    const fixture = await openOrder();
    q<HTMLButtonElement>('action-reply')?.click();
    await fixture.whenStable();

    const content = q<HTMLTextAreaElement>('field-content') as HTMLTextAreaElement;
    content.value = '已清理占道摊点';
    content.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    q<HTMLButtonElement>('action-submit')?.click();

    http.expectOne('/api/orders/5/actions/reply').flush({ statusCode: 409, code: 'STALE_VERSION', message: 'stale' }, { status: 409, statusText: 'Conflict' });
    await settle();
    http.expectOne('/api/orders/5').flush(order(4));
    await settle();
    await fixture.whenStable();

    expect(notifier.warning).toHaveBeenCalledWith('工单已被他人修改，已刷新');
    expect(q<HTMLTextAreaElement>('field-content')?.value).toBe('已清理占道摊点');

    q<HTMLButtonElement>('action-submit')?.click();
    const retry = http.expectOne('/api/orders/5/actions/reply');
    expect(retry.request.body).toEqual({
      content: '已清理占道摊点',
      version: 4,
    });
    retry.flush(order(5, { status: 'replied', allowedActions: [] }));
    await settle();
    await fixture.whenStable();
    expect(notifier.success).toHaveBeenCalledWith('办结回复成功');
    // the dialog closed: its form is gone (the modal element itself fades out)
    expect(q('field-content')).toBeNull();
  });

  it('shows an order outside the user’s scope as not found', async () => {
    const fixture = TestBed.createComponent(Host);
    const opened = fixture.componentInstance.store.open(77);
    http.match((r) => r.url !== '/api/orders/77');
    http.expectOne('/api/orders/77').flush({ statusCode: 404, code: 'ORDER_NOT_FOUND', message: 'x' }, { status: 404, statusText: 'Not Found' });
    await opened;
    await fixture.whenStable();
    expect(q('order-error')?.textContent).toContain('工单不存在或无权查看');
  });
});
