import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AdminStore } from '@hotline/web-admin-data-access';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';
import { ProbePage } from './probe-page';

const settle = () => new Promise((r) => setTimeout(r));

describe('ProbePage', () => {
  it('says 尚未开放 while the endpoint answers 404', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzIconsTesting(),
        AdminStore,
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ProbePage);
    fixture.componentRef.setInput('heading', '时限策略');
    fixture.componentRef.setInput('endpoint', '/admin/time-limit-policies');
    await fixture.whenStable();
    http
      .expectOne('/api/admin/time-limit-policies')
      .flush(
        { statusCode: 404, code: 'NOT_FOUND', message: 'x' },
        { status: 404, statusText: 'x' },
      );
    await settle();
    await fixture.whenStable();
    expect(
      (fixture.nativeElement as HTMLElement).querySelector(
        '[data-testid="not-open"]',
      )?.textContent,
    ).toContain('尚未开放');
  });
});
