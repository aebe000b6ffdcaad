import { request } from 'node:http';
import { sign } from 'jsonwebtoken';
import type { LoginResponse } from '@hotline/contracts';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp, loadConfig } from '@hotline/server-platform';
import { intake, startApi, type Api, type Client } from './harness';
import { testEnv } from './test-env';

/** Issue 15, "Hardening: what a probe found": each defect the probe found, shown fixed over HTTP. */
describe('hardening (issue 15)', () => {
  let api: Api;
  let admin: Client, agent: Client;

  beforeAll(async () => {
    api = await startApi();
    [admin, agent] = await Promise.all([api.as('admin'), api.as('agent')]);
  });
  afterAll(() => api.close());

  /** A login sent from a given loopback address (Linux answers on all of 127/8), with optional extra headers. */
  const loginFrom = (from: string, username: string, password: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: unknown }>((resolve, reject) => {
      const body = JSON.stringify({ username, password });
      const url = new URL(`${api.base}/api/auth/login`);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          localAddress: from,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
        },
        (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : null }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  /** The same API behind a proxy named in TRUST_PROXY (this test's loopback address). */
  const behindProxy = async (): Promise<{ app: NestFastifyApplication; base: string }> => {
    const { AppModule } = await import('../src/app/app.module');
    const app = await createHttpApp(AppModule, { logger: false, config: loadConfig({ ...process.env, TRUST_PROXY: '127.0.0.1' }) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    return { app, base: `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}` };
  };

  const newUser = async (username: string) => {
    const r = await admin.post('/api/admin/users', { username, password: 'Passw0rd!', displayName: username, role: 'leader' });
    expect(r.status).toBe(201);
  };

  describe('1. tokens', () => {
    it('refuses a correctly signed token without exp', async () => {
      const me = (await admin.get('/api/auth/me')).body;
      const forever = sign({ sub: me.id, username: 'admin', role: 'admin' }, testEnv().JWT_SECRET, { algorithm: 'HS256' });
      expect(await api.anon.req('GET', '/api/auth/me', undefined, { authorization: `Bearer ${forever}` })).toMatchObject({
        status: 401,
        body: { code: 'UNAUTHENTICATED' },
      });
      const expiring = sign({ sub: me.id, username: 'admin', role: 'admin' }, testEnv().JWT_SECRET, { algorithm: 'HS256', expiresIn: 60 });
      expect((await api.anon.req('GET', '/api/auth/me', undefined, { authorization: `Bearer ${expiring}` })).status).toBe(200);
    });
  });

  describe('2. login lockout', () => {
    it('ignores X-Forwarded-For from a client that is not a configured proxy', async () => {
      await newUser('xff_victim');
      for (let i = 0; i < 5; i++) expect((await loginFrom('127.0.0.1', 'xff_victim', `wrong${i}`, { 'x-forwarded-for': `10.9.8.${i}` })).status).toBe(401);
      const r = await loginFrom('127.0.0.1', 'xff_victim', 'Passw0rd!', { 'x-forwarded-for': '10.9.8.200' });
      expect(r).toMatchObject({ status: 429, body: { code: 'TOO_MANY_REQUESTS' } });
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('behind a proxy named in TRUST_PROXY, counts per forwarded client and sends HSTS for forwarded https', async () => {
      await newUser('proxy_victim');
      const proxied = await behindProxy();
      try {
        const login = (xff: string, password: string) =>
          fetch(`${proxied.base}/api/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': xff },
            body: JSON.stringify({ username: 'proxy_victim', password }),
          });
        for (let i = 0; i < 5; i++) expect((await login('10.7.7.1', 'wrong')).status).toBe(401);
        expect((await login('10.7.7.1', 'Passw0rd!')).status).toBe(429);
        expect((await login('10.7.7.2', 'Passw0rd!')).status).toBe(200);
        const tls = await fetch(`${proxied.base}/api/health`, { headers: { 'x-forwarded-proto': 'https' } });
        expect(tls.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      } finally {
        await proxied.app.close();
      }
      // the same header from a client that is no configured proxy is not believed
      expect((await fetch(`${api.base}/api/health`, { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toBeNull();
    });

    it('counts "agent ", "AGENT" and "agent" as one account, and they log in as it', async () => {
      await newUser('pad_victim');
      const spellings = ['pad_victim', 'pad_victim ', ' PAD_VICTIM', 'Pad_Victim  ', 'pad_victim\t'];
      for (const u of spellings) expect((await loginFrom('127.0.0.1', u, 'wrong')).status).toBe(401);
      expect((await loginFrom('127.0.0.1', 'pad_victim   ', 'Passw0rd!')).status).toBe(429);
      expect((await loginFrom('127.0.0.1', 'PAD_VICTIM', 'Passw0rd!')).status).toBe(429);

      await newUser('case_user');
      const ok = await loginFrom('127.0.0.1', ' Case_User ', 'Passw0rd!');
      expect(ok).toMatchObject({ status: 200, body: { user: { username: 'case_user' } } });
    });

    it('locks an account after repeated failures from many addresses, and sends Retry-After', async () => {
      await newUser('spray_victim');
      // four failures from each of five addresses: no single address reaches its own limit of five
      for (let a = 2; a <= 6; a++) for (let i = 0; i < 4; i++) expect((await loginFrom(`127.0.0.${a}`, 'spray_victim', `x${i}`)).status).toBe(401);
      const r = await loginFrom('127.0.0.7', 'spray_victim', 'Passw0rd!');
      expect(r).toMatchObject({ status: 429, body: { code: 'TOO_MANY_REQUESTS' } });
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      // other accounts from the same addresses are unaffected
      expect((await loginFrom('127.0.0.7', 'leader', 'Demo@12345')).status).toBe(200);
    });
  });

  describe('3. ?access_token=', () => {
    it('is refused on ordinary routes and accepted on the event stream', async () => {
      expect(await api.anon.get(`/api/auth/me?access_token=${agent.token}`)).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
      expect((await api.anon.get(`/api/orders?access_token=${agent.token}`)).status).toBe(401);
      const ctrl = new AbortController();
      const res = await fetch(`${api.base}/api/notifications/stream?access_token=${agent.token}`, { signal: ctrl.signal });
      expect(res.status).toBe(200);
      ctrl.abort();
    });
  });

  describe('4. security headers', () => {
    it('sends CSP without inline script, frame protection, nosniff and a referrer policy; no HSTS over plain HTTP', async () => {
      const r = await fetch(`${api.base}/api/health`);
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('strict-transport-security')).toBeNull();
      // errors carry them too
      expect((await fetch(`${api.base}/api/orders`)).headers.get('x-content-type-options')).toBe('nosniff');
    });
  });

  describe('5. paging and deep bodies', () => {
    it.each(['/api/orders', '/api/notifications', '/api/admin/audit', '/api/imports/1/errors'])('%s?page=1e20 is a 400 naming page', async (path) => {
      for (const page of ['1e20', '1e400', '9007199254740993'])
        expect(await admin.get(`${path}?page=${page}`)).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', details: [{ field: 'page' }] } });
    });

    it('refuses JSON nested deeper than 32 levels with a 400 before validation', async () => {
      const deep = '{"a":'.repeat(3000) + '1' + '}'.repeat(3000);
      expect(await agent.req('POST', '/api/orders', deep)).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      const arrays = '['.repeat(3000) + ']'.repeat(3000);
      expect((await admin.req('POST', '/api/admin/users', arrays)).status).toBe(400);
      // an ordinary nested body still works
      expect((await agent.post('/api/orders', intake(api))).status).toBe(201);
    });
  });

  describe('6. control characters', () => {
    it('are refused in names and text on every route, naming the field; tab and newline are kept', async () => {
      expect(await admin.post('/api/admin/users', { username: 'ctl_user', password: 'Passw0rd!', displayName: '张\u0001三', role: 'leader' })).toMatchObject({
        status: 400,
        body: { code: 'VALIDATION_FAILED', details: [{ field: 'displayName' }] },
      });
      expect(await agent.post('/api/orders', intake(api, { caller: { name: '李\u0007四', phone: '13800001111', confidential: false } }))).toMatchObject({
        status: 400,
        body: { code: 'VALIDATION_FAILED', details: [{ field: 'caller.name' }] },
      });
      expect(await agent.post('/api/orders', intake(api, { content: `停水\u000b三天` }))).toMatchObject({
        status: 400,
        body: { details: [{ field: 'content' }] },
      });
      const ok = await agent.post<LoginResponse>('/api/orders', intake(api, { content: '第一行\n第二行\t缩进\r\n第三行' }));
      expect(ok.status).toBe(201);
    });
  });
});
