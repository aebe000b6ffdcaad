import { apiDocsEnabled, loadConfig, trustedProxies } from './app-config';

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

  it('trusts no proxy unless TRUST_PROXY names addresses or CIDRs', () => {
    expect(trustedProxies(loadConfig({}))).toEqual([]);
    expect(trustedProxies(loadConfig({ TRUST_PROXY: ' 10.0.0.5, 10.1.0.0/16,loopback ,::1 ' }))).toEqual(['10.0.0.5', '10.1.0.0/16', 'loopback', '::1']);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '*' })).toThrow(/TRUST_PROXY/);
  });

  it('serves the API docs outside production, and in production only with API_DOCS=true', () => {
    expect(apiDocsEnabled(loadConfig({}))).toBe(true);
    expect(apiDocsEnabled(loadConfig({ API_DOCS: 'false' }))).toBe(false);
    const prod = { NODE_ENV: 'production', JWT_SECRET: 'a-real-secret-of-enough-length' };
    expect(apiDocsEnabled(loadConfig(prod))).toBe(false);
    expect(apiDocsEnabled(loadConfig({ ...prod, API_DOCS: 'true' }))).toBe(true);
    expect(() => loadConfig({ API_DOCS: 'yes' })).toThrow(/API_DOCS/);
  });
});
