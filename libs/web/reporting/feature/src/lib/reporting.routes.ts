import { Route } from '@angular/router';
import { workspaceGuard } from '@hotline/web-core-data-access';

/**
 * The leadership screens. Each is its own lazy chunk (and ECharts comes only with the ones that draw), so this
 * file is all the shell loads up front.
 */
export const reportingRoutes: Route[] = [
  {
    path: 'dashboard',
    title: '领导看板 · 12345',
    canMatch: [workspaceGuard('dashboard')],
    loadComponent: () => import('./dashboard/dashboard-page').then((m) => m.DashboardPage),
  },
  {
    path: 'reports',
    title: '分析报告 · 12345',
    canMatch: [workspaceGuard('reports')],
    loadComponent: () => import('./reports/reports-page').then((m) => m.ReportsPage),
  },
  {
    path: 'assessment',
    title: '单位考核 · 12345',
    canMatch: [workspaceGuard('assessment')],
    loadComponent: () => import('./assessment/assessment-page').then((m) => m.AssessmentPage),
  },
  {
    path: 'surges',
    title: '激增预警 · 12345',
    canMatch: [workspaceGuard('surges')],
    loadComponent: () => import('./surges/surges-page').then((m) => m.SurgesPage),
  },
  {
    path: 'meetings',
    title: '协调会议 · 12345',
    canMatch: [workspaceGuard('meetings')],
    loadComponent: () => import('./meetings/meetings-page').then((m) => m.MeetingsPage),
  },
  {
    path: 'imports',
    title: '历史数据导入 · 12345',
    canMatch: [workspaceGuard('imports')],
    loadComponent: () => import('./imports/imports-page').then((m) => m.ImportsPage),
  },
];
