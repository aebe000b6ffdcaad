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

/** An API listening somewhere: in this process (`startApi`) or in its own (`startApiProcess`). */
export interface ApiEndpoint {
  base: string;
  anon: Client;
  as(username: string): Promise<Client>;
  ref: Ref;
  close(): Promise<void>;
}

/** The API in the test process, whose providers a test may reach through `app`. */
export interface Api extends ApiEndpoint {
  app: NestFastifyApplication;
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
  return { app, ...(await connectApi(`http://127.0.0.1:${addr.port}`, () => app.close())) };
}

/** Clients and reference data of the API at `base` (logins are made once per user and kept). */
async function connectApi(base: string, close: () => Promise<void>): Promise<ApiEndpoint> {
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
  const walk = (nodes: CategoryNode[], prefix: string) =>
    nodes.forEach((n) => (flat.push({ ...n, path: prefix + n.name }), walk(n.children, `${prefix}${n.name}/`)));
  walk(categories, '');
  const ref: Ref = {
    units,
    unit: (code) => units.find((u) => u.code === code) ?? fail(`unit ${code}`),
    categories,
    category: (path) => flat.find((c) => c.path === path) ?? fail(`category ${path}`),
    regionId: (name) => regions.find((r) => r.name === name)?.id ?? fail(`region ${name}`),
  };
  return { base, anon, as, ref, close };
}

function fail(what: string): never {
  throw new Error(`test fixture missing: ${what}`);
}

let seq = 0;
/** A valid intake body; tests override what they care about. */
export function intake(api: Pick<ApiEndpoint, 'ref'>, overrides: Record<string, unknown> = {}) {
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

// ---------------------------------------------------------------- processes for the deadline tests (added)

/** A free loopback TCP port. */
export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Polls until fn returns something truthy; throws with `what` after timeoutMs. */
export async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 15_000, stepMs = 100): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface ChildProcessHandle {
  pid: number;
  /** stdout + stderr so far, for failure messages. */
  output(): string;
  /** Sends the signal and waits for the process to end. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

async function spawnChild(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<ChildProcessHandle & { exited: Promise<number | null> }> {
  const { spawn } = await import('node:child_process');
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d) => (out = (out + d).slice(-20_000)));
  child.stderr?.on('data', (d) => (out = (out + d).slice(-20_000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    pid: child.pid as number,
    exited,
    output: () => out,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** A private Redis server (nothing on disk) so a test may FLUSHALL without touching anyone else's data; `onPort` restarts one. */
export async function startRedis(onPort?: number): Promise<ChildProcessHandle & { url: string }> {
  const port = onPort ?? (await freePort());
  const proc = await spawnChild('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], process.env);
  const Redis = (await import('ioredis')).default;
  const probe = new Redis(`redis://127.0.0.1:${port}`, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await until(
      'redis-server to answer',
      async () =>
        probe
          .connect()
          .then(() => probe.ping())
          .catch(() => null),
      10_000,
      50,
    );
  } finally {
    probe.disconnect();
  }
  return { ...proc, url: `redis://127.0.0.1:${port}` };
}

/**
 * An app of this repository as its own process, from source (ts-node, no type check), with the test environment plus
 * `env`. Resolves once `healthUrl` answers 200 (database and Redis up); rejects with the output if it dies first.
 */
async function startNodeApp(
  app: 'api' | 'worker',
  env: Record<string, string>,
  healthUrl: string,
): Promise<ChildProcessHandle & { exited: Promise<number | null> }> {
  const { join } = await import('node:path');
  const root = join(__dirname, '../../..');
  const proc = await spawnChild(process.execPath, ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', join(root, `apps/${app}/src/main.ts`)], {
    ...process.env,
    ...testEnv(),
    LOG_LEVEL: 'warn',
    ...env,
    TS_NODE_PROJECT: join(root, `apps/${app}/tsconfig.app.json`),
    TS_NODE_TRANSPILE_ONLY: 'true',
  });
  // (Promise.race handles a later rejection of the loser: a process killed after start-up raises nothing here)
  const died = proc.exited.then((code) => Promise.reject(new Error(`${app} exited (${code}) while starting:\n${proc.output()}`)));
  try {
    await Promise.race([
      died,
      until(
        `the ${app} process to report healthy`,
        async () =>
          fetch(healthUrl)
            .then((r) => r.status === 200)
            .catch(() => false),
        Number(process.env['IT_WORKER_START_MS'] ?? 120_000), // ts-node compiles the app: slow on a loaded machine
        200,
      ),
    ]);
  } catch (e) {
    await proc.stop('SIGKILL'); // one that did not come up in time is not left running
    throw e;
  }
  return proc;
}

/** The worker as its own process (see startNodeApp); `port` serves its /health. */
export async function startWorker(env: Record<string, string> = {}): Promise<ChildProcessHandle & { port: number }> {
  const port = await freePort();
  const proc = await startNodeApp('worker', { ...env, WORKER_PORT: String(port) }, `http://127.0.0.1:${port}/health`);
  return { ...proc, port };
}

/**
 * The API as its own OS process (see startNodeApp), as `node dist/apps/api/main.js` runs it in production: its own
 * pools, Redis clients and event-stream subscriber. `close()` is a SIGTERM; `stop('SIGKILL')` a crash.
 */
export async function startApiProcess(env: Record<string, string> = {}): Promise<ApiEndpoint & ChildProcessHandle & { port: number }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const proc = await startNodeApp('api', { ...env, PORT: String(port) }, `${base}/api/health`);
  try {
    return { ...proc, ...(await connectApi(base, () => proc.stop())), port };
  } catch (e) {
    await proc.stop('SIGKILL');
    throw e;
  }
}

export interface ServerEvent {
  type: string;
  id: string | null;
  /** The JSON payload; text that is not JSON arrives as { text }. */
  data: Record<string, unknown>;
}

/** Reads a server-sent-event stream the way EventSource does (token in the query, Last-Event-ID to resume). */
export async function openEventStream(client: Client, path: string, lastEventId?: string): Promise<{ events: ServerEvent[]; close(): void }> {
  const ctrl = new AbortController();
  const sep = path.includes('?') ? '&' : '?';
  const res = await fetch(`${client.base}${path}${sep}access_token=${client.token}`, {
    headers: lastEventId ? { 'last-event-id': lastEventId } : {},
    signal: ctrl.signal,
  });
  if (res.status !== 200 || !res.body) throw new Error(`event stream ${path} → ${res.status}`);
  const events: ServerEvent[] = [];
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    let buf = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buf += decoder.decode(value, { stream: true });
        for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const ev: ServerEvent = { type: 'message', id: null, data: {} };
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) ev.type = line.slice(7);
            else if (line.startsWith('id: ')) ev.id = line.slice(4);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          const text = data.join('\n');
          try {
            ev.data = text ? JSON.parse(text) : {};
          } catch {
            ev.data = { text };
          }
          events.push(ev);
        }
      }
    } catch {
      /* aborted */
    }
  })();
  return { events, close: () => ctrl.abort() };
}
