import type { TimeLimitPolicyView, TopicView } from '@hotline/contracts';
import { CalendarProvider, TimeLimitsProvider } from '@hotline/server-orders';
import { startApi, until, type Api, type Client } from './harness';

/**
 * Two API instances on one database and Redis, as a deployment runs them: an admin's change made through one is
 * seen by the other at once (over Redis pub/sub), not after its caches expire (30 s – 5 min).
 */
describe('admin changes reach every process at once (two API instances, real MariaDB + Redis)', () => {
  let a: Api, b: Api;
  let adminA: Client, adminB: Client;

  beforeAll(async () => {
    a = await startApi();
    b = await startApi();
    [adminA, adminB] = await Promise.all([a.as('admin'), b.as('admin')]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('reference data: a topic added through A is offered by B', async () => {
    expect((await adminB.get<TopicView[]>('/api/topics')).body.map((t) => t.code)).not.toContain('bus_topic_check'); // B has cached the list now
    const made = await adminA.post('/api/admin/topics', { code: 'bus_topic_check', name: '跨进程同步检查' });
    expect(made.status).toBe(201);
    await until('B to offer the new topic', async () => (await adminB.get<TopicView[]>('/api/topics')).body.some((t) => t.code === 'bus_topic_check'), 2000);
  });

  it('holidays: a day made a holiday through A is no working day in B', async () => {
    const day = '2026-12-09'; // a Wednesday
    const noon = new Date(`${day}T12:00:00+08:00`);
    const calB = b.app.get(CalendarProvider);
    expect((await calB.calendar()).isWorkingDay(noon)).toBe(true);
    expect((await adminA.req('PUT', `/api/admin/holidays/${day}`, { kind: 'holiday', name: '临时调休' })).status).toBe(200);
    await until('B to see the holiday', async () => !(await calB.calendar()).isWorkingDay(noon), 2000);
    expect((await adminA.req('DELETE', `/api/admin/holidays/${day}`)).status).toBe(204);
    await until('B to see it removed', async () => (await calB.calendar()).isWorkingDay(noon), 2000);
  });

  it('time limits: an edit through A is in force in B, and leaves an audit row', async () => {
    const limitsB = b.app.get(TimeLimitsProvider);
    const row = (await adminA.get<TimeLimitPolicyView[]>('/api/admin/time-limits')).body.find(
      (p) => p.appealType === 'suggestion' && !p.urgent,
    ) as TimeLimitPolicyView;
    expect(row).toBeDefined();
    await limitsB.policies(); // cached in B
    const edited = await adminA.req<TimeLimitPolicyView>('PATCH', `/api/admin/time-limits/${row.id}`, {
      version: row.version,
      prewarnPercent: row.prewarnPercent === 70 ? 75 : 70,
    });
    expect(edited.status).toBe(200);
    await until(
      'B to use the edited policy',
      async () => (await limitsB.policies()).some((p) => p.appealType === 'suggestion' && !p.urgent && p.prewarnPercent === edited.body.prewarnPercent),
      2000,
    );
    const trail = await adminB.get(`/api/admin/audit?entity=time-limit&entityId=${row.id}`);
    expect(trail.body.items[0]).toMatchObject({ action: 'update', actorRole: 'admin', data: { prewarnPercent: edited.body.prewarnPercent } });
    // the other tests of the run share this database: put the policy back
    expect((await adminB.req('PATCH', `/api/admin/time-limits/${row.id}`, { version: edited.body.version, prewarnPercent: row.prewarnPercent })).status).toBe(
      200,
    );
  });
});
