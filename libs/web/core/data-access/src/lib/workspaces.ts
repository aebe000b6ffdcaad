import { Role } from '@hotline/contracts';

/** A top-level screen of the app, and who may open it. The shell's menu and the route guards share this. */
export interface Workspace {
  key: WorkspaceKey;
  path: string;
  label: string;
  roles: readonly Role[];
}

export type WorkspaceKey =
  | 'intake'
  | 'dispatch'
  | 'unit'
  | 'supervision'
  | 'callback'
  | 'dashboard'
  | 'reports'
  | 'assessment'
  | 'surges'
  | 'meetings'
  | 'wallboard'
  | 'imports'
  | 'search'
  | 'knowledge'
  | 'admin';

/** Who steers with the statistics (the reporting API also lets dispatchers read them; their menu stays short). */
const LEADERSHIP: readonly Role[] = ['leader', 'supervisor', 'admin'];

const ALL_ROLES: readonly Role[] = ['agent', 'dispatcher', 'unit_handler', 'supervisor', 'callback_agent', 'leader', 'admin'];

export const WORKSPACES: Record<WorkspaceKey, Workspace> = {
  intake: {
    key: 'intake',
    path: '/intake',
    label: '受理登记',
    roles: ['agent', 'dispatcher', 'admin'],
  },
  dispatch: {
    key: 'dispatch',
    path: '/dispatch',
    label: '派单审核',
    roles: ['dispatcher'],
  },
  unit: {
    key: 'unit',
    path: '/unit',
    label: '单位办理',
    roles: ['unit_handler'],
  },
  supervision: {
    key: 'supervision',
    path: '/supervision',
    label: '督查督办',
    roles: ['supervisor', 'dispatcher', 'leader'],
  },
  callback: {
    key: 'callback',
    path: '/callback',
    label: '回访',
    roles: ['callback_agent'],
  },
  dashboard: {
    key: 'dashboard',
    path: '/dashboard',
    label: '领导看板',
    roles: LEADERSHIP,
  },
  reports: {
    key: 'reports',
    path: '/reports',
    label: '分析报告',
    roles: LEADERSHIP,
  },
  assessment: {
    key: 'assessment',
    path: '/assessment',
    label: '单位考核',
    roles: LEADERSHIP,
  },
  surges: {
    key: 'surges',
    path: '/surges',
    label: '激增预警',
    roles: LEADERSHIP,
  },
  meetings: {
    key: 'meetings',
    path: '/meetings',
    label: '协调会议',
    roles: LEADERSHIP,
  },
  wallboard: {
    key: 'wallboard',
    path: '/wallboard',
    label: '坐席监控',
    roles: LEADERSHIP,
  },
  search: {
    key: 'search',
    path: '/search',
    label: '工单查询',
    roles: ALL_ROLES,
  },
  knowledge: {
    key: 'knowledge',
    path: '/knowledge',
    label: '知识库',
    roles: ['agent', 'dispatcher', 'unit_handler', 'supervisor', 'admin'],
  },
  imports: {
    key: 'imports',
    path: '/imports',
    label: '历史导入',
    roles: ['admin'],
  },
  admin: { key: 'admin', path: '/admin', label: '系统管理', roles: ['admin'] },
};

/** Where each role lands after login: the screen it works in all day. */
export const ROLE_HOME: Record<Role, WorkspaceKey> = {
  agent: 'intake',
  dispatcher: 'dispatch',
  unit_handler: 'unit',
  supervisor: 'supervision',
  callback_agent: 'callback',
  leader: 'dashboard',
  admin: 'admin',
};

export function landingRouteFor(role: Role | null | undefined): string {
  return role ? WORKSPACES[ROLE_HOME[role]].path : '/login';
}

export function canOpen(role: Role | null | undefined, key: WorkspaceKey): boolean {
  return !!role && WORKSPACES[key].roles.includes(role);
}

/** The menu for a role: its home first, then the others it may open, in a fixed order. */
export function workspacesFor(role: Role | null | undefined): Workspace[] {
  if (!role) return [];
  const home = WORKSPACES[ROLE_HOME[role]];
  const rest = Object.values(WORKSPACES).filter((w) => w.key !== home.key && w.roles.includes(role));
  return [home, ...rest];
}

/**
 * Whether a URL someone was sent away from (returnUrl) is worth going back to for this role;
 * a leftover URL from another user's session must not bounce the new user into a forbidden screen.
 */
export function isReturnUrlAllowed(role: Role, url: string | null | undefined): url is string {
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/login')) return false;
  if (url.startsWith('/orders/')) return true;
  const ws = Object.values(WORKSPACES).find((w) => url === w.path || url.startsWith(w.path + '/') || url.startsWith(w.path + '?'));
  return !!ws && ws.roles.includes(role);
}
