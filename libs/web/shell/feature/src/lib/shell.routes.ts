import { Route } from '@angular/router';
import { authGuard, guestGuard, redirectToLanding } from '@hotline/web-core-data-access';

/**
 * The app's frame: the login page, and the logged-in layout around the given workspaces.
 * An unknown URL inside the layout shows a 404 page; any URL while logged out goes to login.
 */
export function shellRoutes(workspaces: Route[]): Route[] {
  return [
    {
      path: 'login',
      title: '登录 · 12345 工单系统',
      canMatch: [guestGuard],
      loadComponent: () => import('./login/login-page').then((m) => m.LoginPage),
    },
    {
      path: '',
      canMatch: [authGuard],
      loadComponent: () => import('./layout/shell-layout').then((m) => m.ShellLayout),
      children: [
        { path: '', pathMatch: 'full', redirectTo: redirectToLanding },
        ...workspaces,
        {
          path: '**',
          title: '页面不存在 · 12345',
          loadComponent: () => import('./not-found/not-found-page').then((m) => m.NotFoundPage),
        },
      ],
    },
    { path: '**', redirectTo: 'login' },
  ];
}
