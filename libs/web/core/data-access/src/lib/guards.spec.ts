import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { Router, provideRouter } from '@angular/router';
import { Role } from '@hotline/contracts';
import { TOKEN_KEY, USER_KEY } from './auth.store';
import { authGuard, guestGuard, redirectToLanding, workspaceGuard } from './guards';

@Component({ template: '' })
class Blank {}

function loginAs(role: Role | null) {
  localStorage.clear();
  if (role) {
    localStorage.setItem(TOKEN_KEY, 'tok');
    localStorage.setItem(
      USER_KEY,
      JSON.stringify({
        id: 1,
        username: 'u',
        displayName: 'U',
        role,
        unitId: null,
        unitName: null,
      }),
    );
  }
}

async function navigate(url: string): Promise<string> {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([
        { path: 'login', canMatch: [guestGuard], component: Blank },
        {
          path: '',
          canMatch: [authGuard],
          children: [
            { path: '', pathMatch: 'full', redirectTo: redirectToLanding },
            {
              path: 'intake',
              canMatch: [workspaceGuard('intake')],
              component: Blank,
            },
            {
              path: 'dispatch',
              canMatch: [workspaceGuard('dispatch')],
              component: Blank,
            },
            {
              path: 'unit',
              canMatch: [workspaceGuard('unit')],
              component: Blank,
            },
            {
              path: 'search',
              canMatch: [workspaceGuard('search')],
              component: Blank,
            },
          ],
        },
      ]),
    ],
  });
  const router = TestBed.inject(Router);
  await router.navigateByUrl(url);
  return router.url;
}

describe('route guards', () => {
  afterEach(() => localStorage.clear());

  it('sends an anonymous user to login and remembers where they were going', async () => {
    loginAs(null);
    expect(await navigate('/search')).toBe('/login?returnUrl=%2Fsearch');
  });

  it('lands each role on its workspace from the root', async () => {
    loginAs('unit_handler');
    expect(await navigate('/')).toBe('/unit');
  });

  it('turns a role away from another role’s workspace to its own', async () => {
    loginAs('unit_handler');
    expect(await navigate('/dispatch')).toBe('/unit');
  });

  it('lets a role into a shared workspace', async () => {
    loginAs('agent');
    expect(await navigate('/search')).toBe('/search');
  });

  it('keeps a logged-in user off the login page', async () => {
    loginAs('dispatcher');
    expect(await navigate('/login')).toBe('/dispatch');
  });
});
