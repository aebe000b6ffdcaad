import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { ACTION_BODIES, ORDER_ACTIONS, ROLES, type ActionFieldSpec, type OrderAction, type OrderDetail, type Role } from '@hotline/contracts';
import { AUTHZ_RULES } from './authz-rules';
import { intake, startApi, type Api, type Client } from './harness';

/** Runs per route (`FUZZ_RUNS`); `npm test` keeps the default small, a deliberate run raises it. */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 8);
const SEED = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : undefined;
const MISSING_ID = '999999999';
const USERS: Record<Role, string> = {
  agent: 'agent',
  dispatcher: 'dispatcher',
  unit_handler: 'swjt',
  supervisor: 'supervisor',
  callback_agent: 'callback',
  leader: 'leader',
  admin: 'admin',
};
/** Routes whose body is not JSON (the import's raw upload: its query is fuzzed), or that never end (the event stream). */
const SKIP_BODY = new Set(['POST /api/imports']);
const SKIP = new Set(['GET /api/notifications/stream']);
/** Tables that a refused request may change: the login counters' audit of refused logins. */
const MAY_CHANGE = new Set(['audit_log']);

type Schema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};
interface Op {
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

/** Strings a careless or hostile client sends. */
const nastyStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\u0001\u0007',
  'a'.repeat(6000),
  '1e20',
  'NaN',
  '-1',
  '2020-02-30',
  '../../etc/passwd',
  '<script>',
  '😀',
  '__proto__',
  'null',
);
const nastyNumbers = fc.constantFrom(0, -1, 1e20, 2 ** 53 + 1, 0.5, -0, Number.MAX_SAFE_INTEGER, '1', '1e3', null);
const junk = fc.jsonValue({ maxDepth: 2 });

/** Values for a schema: mostly of its type (valid or near it), sometimes anything at all. */
function arb(schema: Schema | undefined, schemas: Record<string, Schema>, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return junk;
  if (schema.$ref) return arb(schemas[schema.$ref.split('/').pop() as string], schemas, depth + 1);
  const variants = schema.allOf ?? schema.oneOf ?? schema.anyOf;
  if (variants?.length) return fc.oneof(...variants.map((v) => arb(v, schemas, depth + 1)));
  const typed = (): fc.Arbitrary<unknown> => {
    if (schema.enum?.length) return fc.constantFrom(...schema.enum);
    switch (schema.type) {
      case 'string':
        return fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('2020-01-01', '2020-01-01T00:00:00Z', '13800001111'), nastyStrings);
      case 'integer':
      case 'number':
        return fc.oneof(fc.integer({ min: -5, max: 2000 }), fc.double(), nastyNumbers);
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(arb(schema.items, schemas, depth + 1), { maxLength: 4 });
      default:
        if (schema.properties) {
          const props = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, arb(v, schemas, depth + 1)]));
          return fc.record(props, { requiredKeys: [] });
        }
        return junk;
    }
  };
  return fc.oneof({ weight: 5, arbitrary: typed() }, { weight: 1, arbitrary: junk });
}

/** An order action's body from its contract: each field valid or not, a version that may be anything. */
function actionArb(action: OrderAction): fc.Arbitrary<unknown> {
  const field = (f: ActionFieldSpec): fc.Arbitrary<unknown> => {
    const typed: Record<ActionFieldSpec['kind'], fc.Arbitrary<unknown>> = {
      text: fc.oneof(fc.string({ maxLength: 30 }), nastyStrings),
      int: fc.oneof(fc.integer({ min: -2, max: 40 }), nastyNumbers),
      ids: fc.array(fc.oneof(fc.integer({ min: -1, max: 50 }), nastyNumbers), { maxLength: 12 }),
      satisfaction: fc.constantFrom('satisfied', 'dissatisfied', 'meh', ''),
      boolean: fc.oneof(fc.boolean(), junk),
      choice: fc.oneof(fc.constantFrom(...('options' in f ? f.options : ['x'])), fc.string({ maxLength: 12 })),
    };
    return fc.oneof({ weight: 4, arbitrary: typed[f.kind] }, { weight: 1, arbitrary: junk });
  };
  const props = Object.fromEntries(Object.entries(ACTION_BODIES[action] as Record<string, ActionFieldSpec>).map(([k, f]) => [k, field(f)]));
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ ...props, version: fc.oneof(fc.integer({ min: -1, max: 5 }), nastyNumbers) }, { requiredKeys: [] }) },
    { weight: 1, arbitrary: junk },
  );
}

/**
 * Issue 15: property-based fuzzing of every request DTO. Any body (and any query) is a 2xx or a 4xx with a code,
 * never a 500, and a refused request stores nothing (every table's checksum is unchanged).
 */
describe(`DTO fuzzing (fast-check, ${RUNS} runs per route; FUZZ_RUNS to change)`, () => {
  let api: Api;
  let ds: DataSource;
  let clients: Record<Role, Client>;
  let own: OrderDetail;
  let doc: { paths: Record<string, Record<string, Op>>; components: { schemas: Record<string, Schema> } };
  let tables: string[];

  beforeAll(async () => {
    api = await startApi();
    ds = api.app.get(DataSource);
    clients = Object.fromEntries(await Promise.all(ROLES.map(async (r) => [r, await api.as(USERS[r])] as const))) as Record<Role, Client>;
    const o = (await clients.agent.post<OrderDetail>('/api/orders', intake(api))).body;
    own = await clients.dispatcher.act(o, 'dispatch', { unitId: api.ref.unit('swjt').id });
    doc = (await clients.admin.get('/api/docs-json')).body;
    tables = (await ds.query("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'"))
      .map((r: { t: string }) => r.t)
      .filter((t: string) => !MAY_CHANGE.has(t) && t !== 'migrations');
  });
  afterAll(() => api.close());

  const fingerprint = async () =>
    JSON.stringify((await ds.query(`CHECKSUM TABLE ${tables.map((t) => `\`${t}\``).join(', ')}`)).map((r: { Checksum: unknown }) => r.Checksum));

  /** Who calls a route: admin when the rule lets it through, else the first role that gets through. */
  function caller(key: string): { role: Role; orderRoute: boolean } | null {
    const rule = (AUTHZ_RULES[key] ?? '').split(/\s+/).filter((w) => w && w !== 'public' && w !== 'none');
    if (!rule.length) return null;
    const role = (rule.includes('admin') ? 'admin' : rule[0].replace(':own', '')) as Role;
    return { role, orderRoute: key.includes('/api/orders/{id}') };
  }

  it('answers every fuzzed body and query with a 2xx or a 4xx with a code, and stores nothing when it refuses', async () => {
    const failures: string[] = [];
    let calls = 0;
    const tally = new Map<string, number>();
    const cases: { key: string; method: string; path: string; body?: fc.Arbitrary<unknown>; query?: fc.Arbitrary<Record<string, unknown>> }[] = [];
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [m, op] of Object.entries(ops)) {
        const method = m.toUpperCase();
        const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
        const query = queryParams.length
          ? fc.record(Object.fromEntries(queryParams.map((p) => [p.name, arb(p.schema, doc.components.schemas)])), { requiredKeys: [] })
          : undefined;
        const bodySchema = op.requestBody?.content?.['application/json']?.schema;
        if (path.includes('{action}')) {
          for (const a of ORDER_ACTIONS)
            cases.push({ key: `${method} ${path.replace('{action}', a)}`, method, path: path.replace('{action}', a), body: actionArb(a) });
          continue;
        }
        const key = `${method} ${path}`;
        if (SKIP.has(key)) continue;
        const body =
          method === 'GET' || method === 'DELETE' || SKIP_BODY.has(key)
            ? undefined
            : fc.oneof({ weight: 4, arbitrary: arb(bodySchema, doc.components.schemas) }, { weight: 1, arbitrary: junk });
        if (body || query) cases.push({ key, method, path, body, query });
      }

    for (const c of cases) {
      const who = caller(c.key);
      if (!who) continue;
      const client = clients[who.role];
      const url = c.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
        name === 'id' && who.orderRoute ? String(own.id) : name === 'date' ? '2030-01-01' : MISSING_ID,
      );
      const input = fc.record({ body: c.body ?? fc.constant(undefined), query: c.query ?? fc.constant({}) });
      await fc
        .assert(
          fc.asyncProperty(input, async ({ body, query }) => {
            const qs = new URLSearchParams();
            for (const [k, v] of Object.entries(query as Record<string, unknown>))
              if (v !== undefined) qs.append(k, typeof v === 'string' ? v : JSON.stringify(v));
            const before = await fingerprint();
            const target = qs.size ? `${url}?${qs}` : url;
            const r =
              c.method === 'GET' || c.method === 'DELETE' || body === undefined
                ? await client.req(c.method, target)
                : await client.req(c.method, target, JSON.stringify(body));
            calls++;
            tally.set(`${c.key} ${r.status}`, (tally.get(`${c.key} ${r.status}`) ?? 0) + 1);
            const shown = `${c.key} ${JSON.stringify({ query, body }).slice(0, 300)} → ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`;
            if (r.status >= 500) return fail(shown);
            if (r.status >= 400) {
              if (typeof r.body?.code !== 'string') return fail(`${shown} (no code)`);
              if ((await fingerprint()) !== before) return fail(`${shown} (refused, yet a table changed)`);
            }
            return true;
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        )
        .catch((e: Error) => failures.push(`${c.key}\n${e.message.split('\n').slice(0, 12).join('\n')}`));
    }
    function fail(what: string): boolean {
      throw new Error(what);
    }
    if (process.env['FUZZ_VERBOSE']) console.info([...tally].map(([k, n]) => `${k}: ${n}`).join('\n'));
    if (failures.length) throw new Error(`${failures.length} routes failed the fuzzing (after ${calls} calls):\n\n${failures.join('\n\n')}`);
    expect(calls).toBeGreaterThan(cases.length);
  });
});
