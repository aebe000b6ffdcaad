import { signal } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { OrderSummary } from '@hotline/contracts';
import { NOTIFIER, mockNotifier } from '@hotline/web-core-data-access';
import { OrdersStore } from '@hotline/web-orders-data-access';
import { Clock } from '@hotline/web-orders-ui';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';
import { SupervisionPage } from './supervision-page';

const settle = () => new Promise((r) => setTimeout(r));
const NOW = Date.parse('2020-06-01T00:00:00Z');
const DAY = 24 * 3600 * 1000;

/**
 * 450 overdue orders as the API sorts them (`sort=handleDueAt`): the first 230 are 30+ days past
 * their handling deadline, the first 117 of them 60 days or more (the 117th exactly 60).
 */
const overdue: OrderSummary[] = Array.from({ length: 450 }, (_, i) => ({
  id: i + 1,
  number: `20200101${String(i + 1).padStart(6, '0')}`,
  status: 'handling',
  version: 1,
  channel: 'phone',
  appealType: 'complaint',
  categoryId: 1,
  categoryPath: '市容环境',
  regionId: null,
  mainUnitId: 4,
  mainUnitName: '市住建局',
  caller: { name: null, phone: null, confidential: false },
  contentPreview: '占道经营',
  urgent: false,
  createdAt: '2020-01-01T00:00:00Z',
  signDueAt: null,
  handleDueAt: new Date(NOW - (i < 230 ? 89 - i * 0.25 : 29 - (i - 230) * 0.1) * DAY).toISOString(),
  callbackDueAt: null,
  overdue: true,
}));

describe('SupervisionPage 积案', () => {
  let http: HttpTestingController;
  const searches: URLSearchParams[] = [];

  /** Answers every pending request like the API would (its deadline filter included), until none is left. */
  async function serve(): Promise<void> {
    for (let round = 0; round < 50; round++) {
      await settle();
      const pending = http.match(() => true);
      if (!pending.length) return;
      for (const req of pending) {
        if (req.request.url !== '/api/orders') {
          req.flush([]);
          continue;
        }
        const p = req.request.params;
        searches.push(new URLSearchParams(p.toString()));
        const before = p.get('handleDueBefore');
        const matching = overdue.filter((o) => !before || Date.parse(o.handleDueAt ?? '') <= Date.parse(before));
        const page = Number(p.get('page'));
        const size = Number(p.get('pageSize'));
        req.flush({
          items: matching.slice((page - 1) * size, page * size),
          total: matching.length,
          page,
          pageSize: size,
        });
      }
    }
  }

  beforeEach(() => {
    searches.length = 0;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideNzIconsTesting(),
        { provide: Clock, useValue: { now: signal(NOW) } },
        {
          provide: NOTIFIER,
          useValue: mockNotifier(() => jest.fn()),
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  const rowsShown = (el: HTMLElement) => [...el.querySelectorAll('[data-testid^="order-row-"]')].map((r) => r.getAttribute('data-testid'));
  const numbers = (from: number, to: number) => overdue.slice(from, to).map((o) => `order-row-${o.number}`);

  it('asks the server for the 积案 of N days in one paged query and shows its total and rows', async () => {
    const fixture = TestBed.createComponent(SupervisionPage);
    fixture.componentRef.setInput('tab', 'long');
    await serve();
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;

    expect(searches.map((s) => Object.fromEntries(s))).toEqual([
      {
        overdue: 'true',
        sort: 'handleDueAt',
        handleDueBefore: new Date(NOW - 30 * DAY).toISOString(),
        page: '1',
        pageSize: '20',
      },
    ]);
    expect(el.querySelector('[data-testid="long-total"]')?.textContent).toContain('共 230 件');
    expect(rowsShown(el)).toEqual(numbers(0, 20));

    // paging keeps the cutoff; the last page shows what the server sent
    const store = fixture.debugElement.injector.get(OrdersStore);
    searches.length = 0;
    void store.setPage(12);
    await serve();
    await fixture.whenStable();
    expect(searches.length).toBe(1);
    expect(searches[0].get('handleDueBefore')).toBe(new Date(NOW - 30 * DAY).toISOString());
    expect(searches[0].get('page')).toBe('12');
    expect(rowsShown(el)).toEqual(numbers(220, 230));
  });

  it('moves the cutoff with the chosen N and counts what the API counts', async () => {
    const fixture = TestBed.createComponent(SupervisionPage);
    fixture.componentRef.setInput('tab', 'long');
    await serve();
    searches.length = 0;

    fixture.componentInstance['setLongDays'](60);
    await serve();
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(searches.length).toBe(1);
    expect(searches[0].get('handleDueBefore')).toBe(new Date(NOW - 60 * DAY).toISOString());
    expect(searches[0].get('page')).toBe('1');
    expect(el.querySelector('[data-testid="long-total"]')?.textContent).toContain('共 117 件');
    expect(rowsShown(el)).toEqual(numbers(0, 20));
  });
});
