import { Route } from '@angular/router';
import { workspaceGuard } from '@hotline/web-core-data-access';
import { CALLBACK_TABS, DISPATCH_TABS, UNIT_TABS } from './queue/queue-tabs';

/**
 * The order workspaces. Each screen is its own lazy chunk (relative dynamic imports), so a role
 * downloads only the screens it opens; this file is all the shell loads up front.
 */
export const ordersRoutes: Route[] = [
  {
    path: 'intake',
    title: '受理登记 · 12345',
    canMatch: [workspaceGuard('intake')],
    loadComponent: () => import('./intake/intake-page').then((m) => m.IntakePage),
  },
  {
    path: 'dispatch',
    title: '派单审核 · 12345',
    canMatch: [workspaceGuard('dispatch')],
    data: { heading: '派单审核', tabs: DISPATCH_TABS, routing: true },
    loadComponent: () => import('./queue/queue-page').then((m) => m.QueuePage),
  },
  {
    path: 'unit',
    title: '单位办理 · 12345',
    canMatch: [workspaceGuard('unit')],
    data: { heading: '单位办理', tabs: UNIT_TABS },
    loadComponent: () => import('./queue/queue-page').then((m) => m.QueuePage),
  },
  {
    path: 'callback',
    title: '回访 · 12345',
    canMatch: [workspaceGuard('callback')],
    data: { heading: '回访', tabs: CALLBACK_TABS },
    loadComponent: () => import('./queue/queue-page').then((m) => m.QueuePage),
  },
  {
    path: 'supervision',
    title: '督查督办 · 12345',
    canMatch: [workspaceGuard('supervision')],
    loadComponent: () => import('./supervision/supervision-page').then((m) => m.SupervisionPage),
  },
  {
    path: 'search',
    title: '工单查询 · 12345',
    canMatch: [workspaceGuard('search')],
    loadComponent: () => import('./search/search-page').then((m) => m.SearchPage),
  },
  {
    path: 'orders/:id',
    title: '工单详情 · 12345',
    loadComponent: () => import('./order-page/order-page').then((m) => m.OrderPage),
  },
];
