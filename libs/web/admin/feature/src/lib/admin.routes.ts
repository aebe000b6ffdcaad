import { Route } from '@angular/router';
import { workspaceGuard } from '@hotline/web-core-data-access';

/** 系统管理: one lazy chunk per page under the admin frame. */
export const adminRoutes: Route[] = [
  {
    path: 'admin',
    canMatch: [workspaceGuard('admin')],
    loadComponent: () => import('./admin-layout').then((m) => m.AdminLayout),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'units' },
      {
        path: 'units',
        title: '单位管理 · 12345',
        loadComponent: () => import('./units/units-page').then((m) => m.UnitsPage),
      },
      {
        path: 'users',
        title: '用户管理 · 12345',
        loadComponent: () => import('./users/users-page').then((m) => m.UsersPage),
      },
      {
        path: 'categories',
        title: '分类管理 · 12345',
        loadComponent: () => import('./categories/categories-page').then((m) => m.CategoriesPage),
      },
      {
        path: 'topics',
        title: '专题管理 · 12345',
        loadComponent: () => import('./topics/topics-page').then((m) => m.TopicsPage),
      },
      {
        path: 'holidays',
        title: '节假日 · 12345',
        loadComponent: () => import('./holidays/holidays-page').then((m) => m.HolidaysPage),
      },
      {
        path: 'time-limits',
        title: '时限策略 · 12345',
        loadComponent: () => import('./time-limits/time-limits-page').then((m) => m.TimeLimitsPage),
      },
      {
        path: 'queues',
        title: '队列状态 · 12345',
        loadComponent: () => import('./queues/queues-page').then((m) => m.QueuesPage),
      },
    ],
  },
];
