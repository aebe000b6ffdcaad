import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { DeadlineOpsView } from '@hotline/contracts';
import { DeadlineOpsStore } from '@hotline/web-admin-data-access';
import { NOTIFIER, mockNotifier } from '@hotline/web-core-data-access';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';
import { QUEUES_REFRESH_MS, QueuesPage } from './queues-page';

const settle = () => new Promise((r) => setTimeout(r));

const ops: DeadlineOpsView = {
  queues: [
    { name: 'deadline-timers', counts: { waiting: 2, failed: 1 } },
    { name: 'deadline-sweeps', counts: { delayed: 1 } },
  ],
  failedJobs: [
    {
      queue: 'deadline-timers',
      id: '42',
      name: 'fire',
      failedReason: 'boom',
      attemptsMade: 3,
      failedAt: '2026-01-01T00:00:00Z',
    },
  ],
  timers: { pending: 5, dueUnfired: 1, nextDueAt: null },
  outboxPending: 0,
  reconciler: { lastTickAt: null, lastTick: null, lastRepair: null },
  generatedAt: '2026-01-01T00:00:00Z',
};

describe('QueuesPage', () => {
  afterEach(() => jest.useRealTimers());

  it('shows the ops view and refreshes every 10 s until destroyed', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzIconsTesting(),
        DeadlineOpsStore,
        {
          provide: NOTIFIER,
          useValue: mockNotifier(() => jest.fn()),
        },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const spy = jest.spyOn(window, 'setInterval');
    const clear = jest.spyOn(window, 'clearInterval');
    const fixture = TestBed.createComponent(QueuesPage);
    await fixture.whenStable();
    http.expectOne('/api/admin/deadlines').flush(ops);
    await settle();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="queues-panel"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="queue-row-deadline-timers"]')?.textContent).toContain('deadline-timers');
    expect(el.querySelector('[data-testid="failed-job-42"]')?.textContent).toContain('boom');
    expect(el.querySelector('[data-testid="timers-pending"]')?.textContent).toContain('5');
    expect(spy).toHaveBeenCalledWith(expect.any(Function), QUEUES_REFRESH_MS);
    fixture.destroy();
    expect(clear).toHaveBeenCalled();
    http.verify();
  });
});
