import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ROLES, Role } from '@hotline/contracts';
import { TOKEN_KEY, USER_KEY, landingRouteFor } from '@hotline/web-core-data-access';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';
import { appRoutes } from './app.routes';

async function urlAfterNavigating(role: Role | null, url: string): Promise<string> {
  localStorage.clear();
  if (role) {
    localStorage.setItem(TOKEN_KEY, 't');
    localStorage.setItem(
      USER_KEY,
      JSON.stringify({
        id: 1,
        username: 'u',
        displayName: 'U',
        role,
        unitId: 3,
        unitName: '市住建局',
      }),
    );
  }
  TestBed.resetTestingModule();
  TestBed.configureTestingModule({
    providers: [provideRouter(appRoutes), provideHttpClient(), provideHttpClientTesting(), provideNzIconsTesting()],
  });
  const router = TestBed.inject(Router);
  await router.navigateByUrl(url);
  return router.url;
}

describe('app routes', () => {
  afterEach(() => localStorage.clear());

  it.each(ROLES)('lands %s on its own workspace', async (role) => {
    // admin lands on the first admin page under /admin
    expect(await urlAfterNavigating(role, '/')).toMatch(new RegExp(`^${landingRouteFor(role)}(/|$)`));
  });

  it('sends a logged-out user to login', async () => {
    expect(await urlAfterNavigating(null, '/unit')).toBe('/login?returnUrl=%2Funit');
  });

  it('keeps a unit handler out of the admin screens', async () => {
    expect(await urlAfterNavigating('unit_handler', '/admin/users')).toBe('/unit');
  });

  it('opens an order by link for any role', async () => {
    expect(await urlAfterNavigating('unit_handler', '/orders/42')).toBe('/orders/42');
  });
});
