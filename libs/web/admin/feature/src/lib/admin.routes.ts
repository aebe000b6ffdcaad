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
        path: 'routing',
        title: '派单模型 · 12345',
        loadComponent: () => import('./routing/routing-page').then((m) => m.RoutingPage),
      },
      {
        path: 'queues',
        title: '队列状态 · 12345',
        loadComponent: () => import('./queues/queues-page').then((m) => m.QueuesPage),
      },
      { path: 'sms', title: '短信通知 · 12345', loadComponent: () => import('./sms/sms-page').then((m) => m.SmsPage) },
      { path: 'webhooks', title: 'Webhook 订阅 · 12345', loadComponent: () => import('./webhooks/webhooks-page').then((m) => m.WebhooksPage) },
      { path: 'open311', title: 'Open311 密钥 · 12345', loadComponent: () => import('./open311/open311-page').then((m) => m.Open311Page) },
      {
        path: 'dead-letters',
        title: '事件死信 · 12345',
        loadComponent: () => import('./dead-letters/dead-letters-page').then((m) => m.DeadLettersPage),
      },
    ],
  },
];
