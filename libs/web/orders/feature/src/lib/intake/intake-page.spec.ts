import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { NOTIFIER, mockNotifier } from '@hotline/web-core-data-access';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';
import { IntakePage } from './intake-page';

const settle = () => new Promise((r) => setTimeout(r));

/** The order the API answers a registration with: only what the store reads back. */
const registered = { id: 7, number: '20261206000007', version: 1 };

describe('IntakePage: a confidential caller’s SMS consent (保密来电人 · 同意接收短信)', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<IntakePage>;
  let el: HTMLElement;
  const posts: TestRequest[] = [];

  /** Answers the page's lookups (reference data, history, suggestions) with nothing, and keeps the registrations. */
  async function serve(): Promise<void> {
    for (let round = 0; round < 20; round++) {
      await settle();
      fixture.detectChanges();
      const pending = http.match(() => true);
      if (!pending.length) return;
      for (const req of pending) {
        if (req.request.method === 'POST' && req.request.url === '/api/orders') {
          posts.push(req);
          req.flush(registered);
        } else req.flush([]);
      }
    }
  }

  const consent = () => el.querySelector<HTMLElement>('[data-testid="intake-sms-consent"]');
  const tick = async (testid: string) => {
    el.querySelector<HTMLInputElement>(`[data-testid="${testid}"] input[type="checkbox"]`)?.click();
    await serve();
  };

  /** A consultation left for a dispatcher ('register'): the fewest fields a submit needs. */
  async function submitRegistration(): Promise<Record<string, unknown>> {
    const page = fixture.componentInstance as unknown as { form: IntakePage['form']; submit(): Promise<void> };
    page.form.patchValue({ phone: '13800001111', appealType: 'complaint', category: [1], content: '楼下噪音扰民。', mode: 'register' });
    const done = page.submit();
    await serve();
    await done;
    expect(posts).toHaveLength(1);
    return posts[0].request.body.caller;
  }

  beforeEach(async () => {
    posts.length = 0;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideNoopAnimations(),
        provideNzIconsTesting(),
        { provide: NOTIFIER, useValue: mockNotifier(() => jest.fn()) },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(IntakePage);
    el = fixture.nativeElement;
    await serve();
  });

  it('asks for the consent only once the caller is marked confidential', async () => {
    expect(consent()).toBeNull();
    await tick('intake-confidential');
    expect(consent()?.textContent).toContain('同意接收短信');
    await tick('intake-confidential');
    expect(consent()).toBeNull();
  });

  it('sends the consent with the order of a confidential caller who gave it', async () => {
    await tick('intake-confidential');
    await tick('intake-sms-consent');
    expect(await submitRegistration()).toMatchObject({ phone: '13800001111', confidential: true, smsConsent: true });
  });

  it('sends a confidential caller’s refusal as such', async () => {
    await tick('intake-confidential');
    expect(await submitRegistration()).toMatchObject({ confidential: true, smsConsent: false });
  });

  it('forgets a consent when the confidentiality is withdrawn, and sends none for a caller who is not confidential', async () => {
    await tick('intake-confidential');
    await tick('intake-sms-consent');
    await tick('intake-confidential');
    const caller = await submitRegistration();
    expect(caller['confidential']).toBe(false);
    expect(caller).not.toHaveProperty('smsConsent');
  });
});
