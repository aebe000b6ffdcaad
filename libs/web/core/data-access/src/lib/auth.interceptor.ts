import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { API_BASE } from './api-client';
import { AuthStore } from './auth.store';

const LOGIN_URL = `${API_BASE}/auth/login`;

/** Adds the bearer to API calls; a 401 anywhere but the login call ends the session. */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const auth = inject(AuthStore);
  const router = inject(Router);
  const isApi = req.url.startsWith(API_BASE + '/');
  const isLogin = req.url.startsWith(LOGIN_URL);
  const token = auth.token();
  const outgoing = isApi && !isLogin && token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;

  return next(outgoing).pipe(
    catchError((err: unknown) => {
      if (err instanceof HttpErrorResponse && err.status === 401 && isApi && !isLogin) {
        auth.clearSession();
        const current = router.url;
        if (!current.startsWith('/login')) {
          void router.navigate(['/login'], {
            queryParams: current && current !== '/' ? { returnUrl: current } : {},
          });
        }
      }
      return throwError(() => err);
    }),
  );
};
