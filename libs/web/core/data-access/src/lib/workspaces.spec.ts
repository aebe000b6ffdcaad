import { ROLES } from '@hotline/contracts';
import { ROLE_HOME, WORKSPACES, canOpen, isReturnUrlAllowed, landingRouteFor, workspacesFor } from './workspaces';

describe('role → landing route', () => {
  it.each([
    ['agent', '/intake'],
    ['dispatcher', '/dispatch'],
    ['unit_handler', '/unit'],
    ['supervisor', '/supervision'],
    ['callback_agent', '/callback'],
    ['leader', '/dashboard'],
    ['admin', '/admin'],
  ] as const)('%s lands on %s', (role, path) => {
    expect(landingRouteFor(role)).toBe(path);
  });

  it('sends an anonymous user to login', () => {
    expect(landingRouteFor(null)).toBe('/login');
  });

  it('lets every role open its own home and the order search', () => {
    for (const role of ROLES) {
      expect(canOpen(role, ROLE_HOME[role])).toBe(true);
      expect(canOpen(role, 'search')).toBe(true);
    }
  });

  it('keeps unit users out of the center screens', () => {
    expect(canOpen('unit_handler', 'dispatch')).toBe(false);
    expect(canOpen('unit_handler', 'admin')).toBe(false);
    expect(canOpen('unit_handler', 'intake')).toBe(false);
  });

  it('lists the home first in the menu', () => {
    expect(workspacesFor('dispatcher').map((w) => w.key)).toEqual(['dispatch', 'intake', 'supervision', 'search', 'knowledge']);
    expect(workspacesFor('unit_handler').map((w) => w.path)).toEqual([WORKSPACES.unit.path, WORKSPACES.search.path, WORKSPACES.knowledge.path]);
  });

  it('opens the reporting screens to leadership, and the legacy import to admin only', () => {
    expect(workspacesFor('leader').map((w) => w.key)).toEqual([
      'dashboard',
      'supervision',
      'reports',
      'assessment',
      'surges',
      'meetings',
      'wallboard',
      'search',
    ]);
    expect(canOpen('admin', 'imports')).toBe(true);
    expect(canOpen('leader', 'imports')).toBe(false);
    expect(canOpen('agent', 'reports')).toBe(false);
    expect(canOpen('unit_handler', 'assessment')).toBe(false);
  });

  it('only honours a return URL the role may open', () => {
    expect(isReturnUrlAllowed('agent', '/search')).toBe(true);
    expect(isReturnUrlAllowed('agent', '/orders/12')).toBe(true);
    expect(isReturnUrlAllowed('agent', '/admin/users')).toBe(false);
    expect(isReturnUrlAllowed('agent', '//evil.example')).toBe(false);
    expect(isReturnUrlAllowed('agent', '/login')).toBe(false);
  });
});
