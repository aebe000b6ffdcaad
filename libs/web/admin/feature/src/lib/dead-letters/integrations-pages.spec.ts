import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { DeadLetterView } from '@hotline/contracts';
import { IntegrationsStore } from '@hotline/web-admin-data-access';
import { NOTIFIER, mockNotifier } from '@hotline/web-core-data-access';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';
import { Open311Page } from '../open311/open311-page';
import { DeadLettersPage } from './dead-letters-page';

const settle = () => new Promise((r) => setTimeout(r));
const letter = (id: number, status: DeadLetterView['status']): DeadLetterView => ({
  id,
  subscriber: 'webhook-1',
  outboxId: 100 + id,
  topic: 'order.create',
  orderId: 7,
  error: 'webhook 1: http://x answered 503',
  attempts: 6,
  status,
  eventAt: '2026-12-05T00:00:00Z',
  createdAt: '2026-12-05T00:00:01Z',
  replayedAt: null,
});

function setup() {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNzIconsTesting(),
      IntegrationsStore,
      { provide: NOTIFIER, useValue: mockNotifier(() => jest.fn()) },
    ],
  });
  return TestBed.inject(HttpTestingController);
}

describe('integration admin pages', () => {
  it('lists dead letters and replays a parked one; the answer marks it (and those behind it) as replaying', async () => {
    const http = setup();
    const fixture = TestBed.createComponent(DeadLettersPage);
    await fixture.whenStable();
    http.expectOne('/api/admin/events/dead-letters').flush([letter(1, 'parked'), letter(2, 'replayed')]);
    await settle();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="dead-letter-1"]')?.textContent).toContain('待处理');
    expect(el.querySelector('[data-testid="replay-2"]')).toBeNull();
    (el.querySelector('[data-testid="replay-1"]') as HTMLButtonElement).click();
    const req = http.expectOne('/api/admin/events/dead-letters/1/replay');
    expect(req.request.method).toBe('POST');
    req.flush([letter(1, 'replay')]);
    await settle();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="dead-letter-1"]')?.textContent).toContain('重放中');
    expect(el.querySelector('[data-testid="replay-1"]')).toBeNull();
  });

  it('shows an Open311 key once, when issued, and lists keys by prefix', async () => {
    const http = setup();
    const fixture = TestBed.createComponent(Open311Page);
    await fixture.whenStable();
    http.expectOne('/api/admin/open311/keys').flush([]);
    await settle();
    const store = TestBed.inject(IntegrationsStore);
    const issuing = store.issueKey('市民通APP');
    http
      .expectOne('/api/admin/open311/keys')
      .flush({ id: 3, name: '市民通APP', prefix: 'o311_abcd', createdAt: '2026-12-05T00:00:00Z', revokedAt: null, apiKey: 'o311_abcdSECRET' });
    await issuing;
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="open311-issued-key"]')?.textContent).toContain('o311_abcdSECRET');
    expect(el.querySelector('[data-testid="open311-keys"]')?.textContent).toContain('o311_abcd…');
    expect(store.keys()[0]).not.toHaveProperty('apiKey');
  });
});
