import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';
import { CALLER_HISTORY_DEBOUNCE_MS, CallerHistory } from './caller-history';

describe('CallerHistory (phone → history panel)', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNzIconsTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => {
    // the drawer's workbench loads reference data; only order lookups matter here
    http.match((r) => !r.url.startsWith('/api/orders'));
    http.verify();
    jest.useRealTimers();
  });

  async function typePhone(fixture: ReturnType<typeof TestBed.createComponent<CallerHistory>>, phone: string) {
    fixture.componentRef.setInput('phone', phone);
    TestBed.tick();
    jest.advanceTimersByTime(CALLER_HISTORY_DEBOUNCE_MS);
    await Promise.resolve();
  }

  it('stays quiet below seven digits', async () => {
    const fixture = TestBed.createComponent(CallerHistory);
    await typePhone(fixture, '138123');
    http.expectNone((r) => r.url === '/api/orders');
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('输入 7 位以上号码');
  });

  it('looks up the caller’s last 10 orders once the number has seven digits, after typing pauses', async () => {
    const fixture = TestBed.createComponent(CallerHistory);
    fixture.componentRef.setInput('phone', '0518-856');
    TestBed.tick();
    jest.advanceTimersByTime(100);
    fixture.componentRef.setInput('phone', '0518-8561');
    TestBed.tick();
    jest.advanceTimersByTime(CALLER_HISTORY_DEBOUNCE_MS);
    await Promise.resolve();

    const req = http.expectOne((r) => r.url === '/api/orders');
    expect(req.request.params.get('phone')).toBe('05188561');
    expect(req.request.params.get('pageSize')).toBe('10');
    req.flush({
      items: [
        {
          id: 3,
          number: '2020000003',
          status: 'closed',
          version: 4,
          channel: 'phone',
          appealType: 'complaint',
          categoryId: 1,
          categoryPath: '市容环境/垃圾清理',
          regionId: null,
          mainUnitId: 2,
          mainUnitName: '市城管局',
          caller: { name: '王', phone: '05188561', confidential: false },
          contentPreview: '垃圾未清运',
          urgent: false,
          createdAt: '2020-05-01T00:00:00Z',
          signDueAt: null,
          handleDueAt: null,
          callbackDueAt: null,
          overdue: false,
        },
      ],
      total: 1,
      page: 1,
      pageSize: 10,
    });
    await Promise.resolve();
    TestBed.tick();
    const row = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="caller-history-row-2020000003"]');
    expect(row?.textContent).toContain('垃圾未清运');
  });

  it('searches again for the same number after the form was cleared (next call, same caller)', async () => {
    const fixture = TestBed.createComponent(CallerHistory);
    await typePhone(fixture, '13812345678');
    http.expectOne((r) => r.url === '/api/orders').flush({ items: [], total: 0, page: 1, pageSize: 10 });
    fixture.componentRef.setInput('phone', '');
    TestBed.tick();
    jest.advanceTimersByTime(50);
    await typePhone(fixture, '13812345678');
    http.expectOne((r) => r.url === '/api/orders').flush({ items: [], total: 0, page: 1, pageSize: 10 });
  });

  it('does not search again for the same digits typed differently', async () => {
    const fixture = TestBed.createComponent(CallerHistory);
    await typePhone(fixture, '13812345678');
    http.expectOne((r) => r.url === '/api/orders').flush({ items: [], total: 0, page: 1, pageSize: 10 });
    await typePhone(fixture, '138 1234 5678');
    http.expectNone((r) => r.url === '/api/orders');
  });
});
