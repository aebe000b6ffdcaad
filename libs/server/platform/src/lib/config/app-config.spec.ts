import { loadConfig } from './app-config';

describe('loadConfig', () => {
  it('has working local defaults', () => {
    const c = loadConfig({});
    expect(c.DATABASE_URL).toBe('mysql://root@127.0.0.1:3306/hotline');
    expect(c.PORT).toBe(3000);
  });

  it('converts and validates values from the environment', () => {
    expect(loadConfig({ PORT: '8080', DATABASE_URL: 'mysql://u:p@db:3306/x' }).PORT).toBe(8080);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x/y' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });

  it('refuses the development JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET must be set/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-real-secret-of-enough-length' }).NODE_ENV).toBe('production');
  });
});
