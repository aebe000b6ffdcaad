import { signal } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { OrderSummary } from '@hotline/contracts';
import { NOTIFIER } from '@hotline/web-core-data-access';
import { OrdersStore } from '@hotline/web-orders-data-access';
import { Clock } from '@hotline/web-ui';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';
import { SupervisionPage } from './supervision-page';

const settle = () => new Promise((r) => setTimeout(r));
const NOW = Date.parse('2020-06-01T00:00:00Z');
const DAY = 24 * 3600 * 1000;

/**
 * 450 overdue orders as the API sorts them (`sort=handleDueAt`): the first 230 are 30+ days past
 * their handling deadline, the rest less.
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
  handleDueAt: new Date(
    NOW - (i < 230 ? 80 - i * 0.2 : 29 - (i - 230) * 0.1) * DAY,
  ).toISOString(),
  callbackDueAt: null,
  overdue: true,
}));

describe('SupervisionPage 积案', () => {
  let http: HttpTestingController;
  const searches: URLSearchParams[] = [];

  /** Answers every pending request like the API would, until none is left. */
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
        expect(p.get('overdue')).toBe('true');
        expect(p.get('sort')).toBe('handleDueAt');
        const page = Number(p.get('page'));
        const size = Number(p.get('pageSize'));
        req.flush({
          items: overdue.slice((page - 1) * size, page * size),
          total: overdue.length,
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
          useValue: {
            success: jest.fn(),
            info: jest.fn(),
            warning: jest.fn(),
            error: jest.fn(),
          },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  it('counts 积案 on the server’s sort with a few one-row probes and pages them from the server', async () => {
    const fixture = TestBed.createComponent(SupervisionPage);
    fixture.componentRef.setInput('tab', 'long');
    await serve();
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;

    expect(
      el.querySelector('[data-testid="long-total"]')?.textContent,
    ).toContain('共 230 件');
    const probes = searches.filter((s) => s.get('pageSize') === '1');
    // one for the total, then a binary search over 450 rows
    expect(probes.length).toBeLessThanOrEqual(1 + Math.ceil(Math.log2(451)));
    expect(searches.some((s) => Number(s.get('pageSize')) > 20)).toBe(false);
    expect(el.querySelectorAll('[data-testid^="order-row-"]').length).toBe(20);

    // the last page holds 10 积案; the orders after them on that server page are not shown
    const store = fixture.debugElement.injector.get(OrdersStore);
    void store.setPage(12);
    await serve();
    await fixture.whenStable();
    const rows = el.querySelectorAll('[data-testid^="order-row-"]');
    expect(rows.length).toBe(10);
    expect(rows[9].getAttribute('data-testid')).toBe(
      `order-row-${overdue[229].number}`,
    );
  });
});
