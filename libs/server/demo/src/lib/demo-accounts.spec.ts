import type { DataSource } from 'typeorm';
import { DEMO_STAFF, seedDemoAccounts } from './demo-accounts';

describe('demo accounts', () => {
  it('are never created in production mode, before touching the database', async () => {
    const query = jest.fn();
    await expect(seedDemoAccounts({ query } as unknown as DataSource, { NODE_ENV: 'production' })).rejects.toThrow(/never created in production/);
    expect(query).not.toHaveBeenCalled();
  });

  it('cover every center role the README lists', () => {
    expect(DEMO_STAFF.map((s) => s.username)).toEqual(['admin', 'agent', 'dispatcher', 'supervisor', 'callback', 'leader']);
    expect(new Set(DEMO_STAFF.map((s) => s.role)).size).toBe(DEMO_STAFF.length);
  });
});
