import { Route } from '@angular/router';
import { workspaceGuard } from '@hotline/web-core-data-access';

/** 坐席监控 (with the CTI settings for admins): a lazy chunk. */
export const telephonyRoutes: Route[] = [
  {
    path: 'wallboard',
    title: '坐席监控 · 12345',
    canMatch: [workspaceGuard('wallboard')],
    loadComponent: () => import('./wallboard-page').then((m) => m.WallboardPage),
  },
];
