import { addresseeQuery, addresseesOf, notificationChannel } from './notification-writer';

describe('notice addressees', () => {
  it('unit notices reach the active handlers of those units', () => {
    expect(addresseeQuery({ unitIds: [12, 13] })).toEqual({
      sql: "SELECT id, role, unit_id FROM app_user WHERE active = 1 AND ((role = 'unit_handler' AND unit_id IN (?, ?))) ORDER BY id",
      params: [12, 13],
    });
  });

  it('units and roles together: one query, either condition', () => {
    const q = addresseeQuery({ unitIds: [3], roles: ['supervisor', 'callback_agent'] });
    expect(q?.sql).toContain("(role = 'unit_handler' AND unit_id IN (?)) OR role IN (?, ?)");
    expect(q?.params).toEqual([3, 'supervisor', 'callback_agent']);
  });

  it('nobody addressed, no query', () => {
    expect(addresseeQuery({ unitIds: [], roles: [] })).toBeNull();
    expect(addresseeQuery({})).toBeNull();
  });

  it('each draft reaches its own unit and roles, every user once', () => {
    const users = [
      { id: 1, role: 'unit_handler' as const, unit_id: 3 },
      { id: 2, role: 'unit_handler' as const, unit_id: 4 },
      { id: 3, role: 'supervisor' as const, unit_id: null },
      { id: 4, role: 'callback_agent' as const, unit_id: null },
    ];
    expect(addresseesOf({ unitId: 3, roles: ['supervisor'] }, users)).toEqual([
      { userId: 1, viaUnit: true },
      { userId: 3, viaUnit: false },
    ]);
    expect(addresseesOf({ roles: ['callback_agent'] }, users)).toEqual([{ userId: 4, viaUnit: false }]);
    expect(addresseesOf({ unitId: 9 }, users)).toEqual([]);
  });

  it('publishes under the deployment prefix', () => {
    expect(notificationChannel('hotline')).toBe('hotline:notifications');
  });
});
