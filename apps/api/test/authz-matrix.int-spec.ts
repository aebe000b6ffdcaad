import {
  ACTION_BODIES,
  KNOWLEDGE_ACTIONS,
  ORDER_ACTIONS,
  ROLES,
  type ActionFieldSpec,
  type OrderAction,
  type OrderDetail,
  type Role,
} from '@hotline/contracts';
import { AUTHZ_RULES } from './authz-rules';
import { intake, startApi, type Api, type Client } from './harness';

/** The user of each role the matrix calls as; the unit handler is the water group's (`swjt`). */
const USERS: Record<Role, string> = {
  agent: 'agent',
  dispatcher: 'dispatcher',
  unit_handler: 'swjt',
  supervisor: 'supervisor',
  callback_agent: 'callback',
  leader: 'leader',
  admin: 'admin',
};
/** Values for path parameters that are not an order's id: ids that do not exist, so an allowed call is a 404, never a change. */
const PARAM_SAMPLES: Record<string, string> = { year: '2020', code: 'nosuchcode', kind: 'annual' };
const MISSING_ID = '999999999';

interface Route {
  method: string;
  path: string;
  /** the path with `{action}` expanded, the key in AUTHZ_RULES */
  key: string;
}

/** A call's outcome, reduced to what the rules speak of. */
type Outcome = { status: number; code?: string };

/**
 * Issue 15: every route of the OpenAPI document × every role × an order of the caller's own unit and of a foreign
 * one, against `authz-rules.ts`. No call may be a 500; a route without a rule fails and prints its line.
 */
describe('authorization matrix (every route × every role × own and foreign order)', () => {
  let api: Api;
  let clients: Record<Role, Client>;
  let own: OrderDetail, foreign: OrderDetail;
  let routes: Route[];

  beforeAll(async () => {
    api = await startApi();
    clients = Object.fromEntries(await Promise.all(ROLES.map(async (r) => [r, await api.as(USERS[r])] as const))) as Record<Role, Client>;
    const make = async (unit: string) => {
      const o = (await clients.agent.post<OrderDetail>('/api/orders', intake(api))).body;
      return clients.dispatcher.act(o, 'dispatch', { unitId: api.ref.unit(unit).id });
    };
    [own, foreign] = [await make('swjt'), await make('gaj')];
    const doc = (await clients.admin.get('/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    routes = [];
    for (const [path, ops] of Object.entries(doc.paths))
      for (const method of Object.keys(ops).map((m) => m.toUpperCase()))
        if (path.includes('{action}'))
          for (const a of path.startsWith('/api/knowledge/') ? KNOWLEDGE_ACTIONS : ORDER_ACTIONS)
            routes.push({ method, path, key: `${method} ${path.replace('{action}', a)}` });
        else routes.push({ method, path, key: `${method} ${path}` });
  });
  afterAll(() => api.close());

  /** One call; the body is read only when it is JSON (the event stream never ends). */
  async function call(client: Client | null, method: string, url: string): Promise<Outcome> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (client?.token) headers['authorization'] = `Bearer ${client.token}`;
    const ctrl = new AbortController();
    const res = await fetch(api.base + url, {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : JSON.stringify(bodyFor(url)),
      signal: ctrl.signal,
    });
    let code: string | undefined;
    if ((res.headers.get('content-type') ?? '').includes('json')) code = ((await res.json().catch(() => ({}))) as { code?: string }).code;
    ctrl.abort();
    return { status: res.status, code };
  }

  const isOrderRoute = (path: string) => path.startsWith('/api/orders/{id}');
  const urlFor = (r: Route, order: OrderDetail) =>
    r.key
      .slice(r.method.length + 1)
      .replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'id' && isOrderRoute(r.path) ? String(order.id) : (PARAM_SAMPLES[name] ?? MISSING_ID)));
  const through = (o: Outcome, orderRoute: boolean) => o.status !== 401 && o.status !== 403 && !(orderRoute && o.status === 404);

  it('covers every route with a rule, and every call is as the rule says (never a 500)', async () => {
    const missing: string[] = [];
    const wrong: string[] = [];
    const errors: string[] = [];
    for (const r of routes) {
      const orderRoute = isOrderRoute(r.path);
      const observed: string[] = [];
      const anon = await call(null, r.method, urlFor(r, own));
      if (anon.status >= 500) errors.push(`${r.key} anonymous → ${anon.status}`);
      if (anon.status !== 401) observed.push('public');
      for (const role of ROLES) {
        const a = await call(clients[role], r.method, urlFor(r, own));
        const b = orderRoute ? await call(clients[role], r.method, urlFor(r, foreign)) : a;
        for (const [o, which] of [
          [a, 'own'],
          [b, 'foreign'],
        ] as const)
          if (o.status >= 500) errors.push(`${r.key} as ${role} (${which} order) → ${o.status} ${o.code ?? ''}`);
        const [inOwn, inForeign] = [through(a, orderRoute), through(b, orderRoute)];
        if (inOwn && inForeign) observed.push(role);
        else if (inOwn) observed.push(`${role}:own`);
        else if (inForeign) errors.push(`${r.key} as ${role}: through on a foreign unit's order, not on its own`);
      }
      const line = `  '${r.key}': '${observed.join(' ') || 'none'}',`;
      const rule = AUTHZ_RULES[r.key];
      if (rule === undefined) missing.push(line);
      else if (normalise(rule) !== normalise(observed.join(' ') || 'none'))
        wrong.push(`${r.key}\n    rule:     ${rule}\n    observed: ${observed.join(' ') || 'none'}`);
    }
    const stale = Object.keys(AUTHZ_RULES).filter((k) => !routes.some((r) => r.key === k));
    const report = [
      missing.length ? `routes without a rule: add these lines to apps/api/test/authz-rules.ts (as observed — check them):\n${missing.join('\n')}` : '',
      wrong.length ? `routes that do not keep their rule:\n${wrong.join('\n')}` : '',
      errors.length ? `server errors or inverted scope:\n${errors.join('\n')}` : '',
      stale.length ? `rules for routes that no longer exist (remove them):\n${stale.join('\n')}` : '',
    ].filter(Boolean);
    if (report.length) throw new Error(report.join('\n\n'));
    expect(routes.length).toBeGreaterThan(40);
  });
});

/**
 * The body of a call: for an order action a valid one with a stale version (so the scope and role checks are what
 * answers, and a call that gets through is a 409 that changes nothing); for any other route an empty object.
 */
function bodyFor(url: string): Record<string, unknown> {
  const action = /\/actions\/([a-z-]+)$/.exec(url)?.[1] as OrderAction | undefined;
  if (!action || !(action in ACTION_BODIES)) return {};
  const sample = (f: ActionFieldSpec): unknown =>
    ({ text: '测试', int: 'min' in f ? f.min : 1, ids: [], satisfaction: 'satisfied', boolean: false, choice: 'options' in f ? f.options[0] : '' })[f.kind];
  const fields = Object.entries(ACTION_BODIES[action] as Record<string, ActionFieldSpec>).filter(([, f]) => f.required);
  return { version: 1, ...Object.fromEntries(fields.map(([k, f]) => [k, sample(f)])) };
}

function normalise(rule: string): string {
  return rule.split(/\s+/).filter(Boolean).sort().join(' ');
}
