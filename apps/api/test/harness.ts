import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { CategoryNode, OrderAction, OrderDetail, UnitView } from '@hotline/contracts';
import { createHttpApp } from '@hotline/server-platform';
import { testEnv } from './test-env';

export const PASSWORD = 'Demo@12345';

export interface Res<T = any> {
  status: number;
  body: T;
}

/** A logged-in HTTP client against the real API listening on a loopback port. */
export class Client {
  constructor(
    readonly base: string,
    readonly token?: string,
  ) {}

  async req<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.token) h['authorization'] = `Bearer ${this.token}`;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const r = await fetch(this.base + path, { method, headers: h, body: payload });
    const text = await r.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: r.status, body: parsed as T };
  }

  get<T = any>(path: string) {
    return this.req<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.req<T>('POST', path, body ?? {});
  }

  /** Runs an action with the order's current version and expects success. */
  async act(order: { id: number; version: number }, action: OrderAction, fields: Record<string, unknown> = {}): Promise<OrderDetail> {
    const r = await this.post<OrderDetail>(`/api/orders/${order.id}/actions/${action}`, { version: order.version, ...fields });
    if (r.status !== 200) throw new Error(`${action} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  tryAct(order: { id: number; version: number }, action: OrderAction, fields: Record<string, unknown> = {}) {
    return this.post(`/api/orders/${order.id}/actions/${action}`, { version: order.version, ...fields });
  }
}

export interface Api {
  app: NestFastifyApplication;
  base: string;
  anon: Client;
  as(username: string): Promise<Client>;
  ref: Ref;
  close(): Promise<void>;
}

export interface Ref {
  units: UnitView[];
  unit(code: string): UnitView;
  categories: CategoryNode[];
  category(path: string): CategoryNode;
  regionId(name: string): number;
}

export async function startApi(): Promise<Api> {
  Object.assign(process.env, testEnv());
  // imported after env is set: the module reads its config when first loaded
  const { AppModule } = await import('../src/app/app.module');
  const app = await createHttpApp(AppModule, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.getHttpServer().address() as { port: number };
  const base = `http://127.0.0.1:${addr.port}`;
  const anon = new Client(base);
  const tokens = new Map<string, string>();
  const as = async (username: string) => {
    if (!tokens.has(username)) {
      const r = await anon.post('/api/auth/login', { username, password: PASSWORD });
      if (r.status !== 200) throw new Error(`login ${username} → ${r.status} ${JSON.stringify(r.body)}`);
      tokens.set(username, r.body.accessToken);
    }
    return new Client(base, tokens.get(username));
  };
  const admin = await as('admin');
  const units: UnitView[] = (await admin.get('/api/units')).body;
  const categories: CategoryNode[] = (await admin.get('/api/categories')).body;
  const regions: { id: number; name: string }[] = (await admin.get('/api/regions')).body;
  const flat: (CategoryNode & { path: string })[] = [];
  const walk = (nodes: CategoryNode[], prefix: string) => nodes.forEach((n) => (flat.push({ ...n, path: prefix + n.name }), walk(n.children, `${prefix}${n.name}/`)));
  walk(categories, '');
  const ref: Ref = {
    units,
    unit: (code) => units.find((u) => u.code === code) ?? fail(`unit ${code}`),
    categories,
    category: (path) => flat.find((c) => c.path === path) ?? fail(`category ${path}`),
    regionId: (name) => regions.find((r) => r.name === name)?.id ?? fail(`region ${name}`),
  };
  return { app, base, anon, as, ref, close: () => app.close() };
}

function fail(what: string): never {
  throw new Error(`test fixture missing: ${what}`);
}

let seq = 0;
/** A valid intake body; tests override what they care about. */
export function intake(api: Api, overrides: Record<string, unknown> = {}) {
  seq++;
  return {
    channel: 'phone',
    appealType: 'complaint',
    categoryId: api.ref.category('水电气暖/供水/突发停水').id,
    regionId: api.ref.regionId('海州区'),
    caller: { name: '张先生', phone: `1380000${String(1000 + seq).slice(-4)}`, confidential: false },
    address: '海州区通灌北路88号',
    content: `小区突然停水，已经超过六小时，没有任何通知。(${seq})`,
    topics: [],
    ...overrides,
  };
}
