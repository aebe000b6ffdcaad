import { inject } from '@angular/core';
import { CanMatchFn, RedirectFunction, Router, UrlSegment } from '@angular/router';
import { AuthStore } from './auth.store';
import { WorkspaceKey, canOpen } from './workspaces';

function attemptedUrl(segments: UrlSegment[]): string {
  return '/' + segments.map((s) => s.path).join('/');
}

/** Everything but the login page needs a session; the URL is remembered for after login. */
export const authGuard: CanMatchFn = (_route, segments) => {
  const auth = inject(AuthStore);
  if (auth.isLoggedIn()) return true;
  const url = attemptedUrl(segments);
  return inject(Router).createUrlTree(['/login'], {
    queryParams: url !== '/' ? { returnUrl: url } : {},
  });
};

/** A logged-in user who opens /login goes to their own workspace instead. */
export const guestGuard: CanMatchFn = () => {
  const auth = inject(AuthStore);
  return auth.isLoggedIn() ? inject(Router).parseUrl(auth.landingRoute()) : true;
};

/** A workspace opens only for the roles listed for it; anyone else lands on their own home. */
export function workspaceGuard(key: WorkspaceKey): CanMatchFn {
  return () => {
    const auth = inject(AuthStore);
    if (canOpen(auth.role(), key)) return true;
    return inject(Router).parseUrl(auth.landingRoute());
  };
}

/** `redirectTo` for the empty path: each role's landing screen. */
export const redirectToLanding: RedirectFunction = () => inject(AuthStore).landingRoute();
