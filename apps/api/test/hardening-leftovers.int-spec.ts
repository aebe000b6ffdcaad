import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { ImportJobView } from '@hotline/contracts';
import { ImportJobsService } from '@hotline/server-legacy-import';
import { openEventStream, startApi, until, type Api, type Client } from './harness';

/** Issue 15, items 7 and 8: what was left of them (each test failed before its fix). */
describe('hardening (issue 15): import files, upload names, event-stream ids', () => {
  let api: Api;
  let admin: Client;
  let ds: DataSource;
  const dir = mkdtempSync(join(tmpdir(), 'hotline-hard-it-'));
  const previousDir = process.env['IMPORT_DIR'];

  beforeAll(async () => {
    process.env['IMPORT_DIR'] = dir;
    api = await startApi();
    admin = await api.as('admin');
    ds = api.app.get(DataSource);
  });
  afterAll(async () => {
    await ds.query("DELETE FROM import_job WHERE file_name LIKE 'hard-%'");
    await ds.query("DELETE FROM notification WHERE title LIKE 'hard-%'");
    if (previousDir === undefined) delete process.env['IMPORT_DIR'];
    else process.env['IMPORT_DIR'] = previousDir;
    rmSync(dir, { recursive: true, force: true });
    await api.close();
  });

  const upload = (fileName: string, body: string) =>
    fetch(`${api.base}/api/imports?kind=orders&fileName=${encodeURIComponent(fileName)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/csv' },
      body,
    });

  it('7. deletes the uploaded file of a job that fails (it holds callers’ phone numbers)', async () => {
    const res = await upload('hard-bad.csv', '\ufeff来电号码,诉求内容\r\n13800001111,没有必需的列\r\n');
    expect(res.status).toBe(202);
    const job = (await res.json()) as ImportJobView;
    expect(readdirSync(dir)).toHaveLength(1);
    const done = await api.app.get(ImportJobsService).run(job.id);
    expect(done.status).toBe('failed');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('7. refuses a file name with a path separator or NUL with a 400, storing no job', async () => {
    const before = Number((await ds.query('SELECT COUNT(*) AS n FROM import_job'))[0].n);
    for (const name of ['../hard-x.csv', 'a/hard-x.csv', 'a\\hard-x.csv', 'hard-x\u0000.csv', '/etc/hard.csv']) {
      const r = await upload(name, 'x');
      expect({ name, status: r.status }).toEqual({ name, status: 400 });
      expect(((await r.json()) as { code: string }).code).toBe('VALIDATION_FAILED');
    }
    expect(Number((await ds.query('SELECT COUNT(*) AS n FROM import_job'))[0].n)).toBe(before);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('8. a role that may never take an action hears 403 before its body is looked at', async () => {
    const agent = await api.as('agent');
    for (const body of [{}, { version: 'x' }, []]) {
      const r = await agent.post('/api/orders/1/actions/sign', body);
      expect({ body, status: r.status, code: r.body.code }).toEqual({ body, status: 403, code: 'FORBIDDEN_ROLE' });
    }
  });

  it('8. ready carries a notice id, so a reconnect with its Last-Event-ID replays nothing old', async () => {
    const callback = await api.as('callback');
    const [{ id: userId }] = await ds.query("SELECT id FROM app_user WHERE username = 'callback'");
    for (let i = 0; i < 3; i++)
      await ds.query("INSERT INTO notification (user_id, kind, title, created_at) VALUES (?, 'overdue', ?, NOW(3))", [userId, `hard-${i}`]);
    const first = await openEventStream(callback, '/api/notifications/stream');
    const ready = await until('ready', async () => first.events.find((e) => e.type === 'ready'));
    first.close();
    expect(ready.id).not.toBeNull();
    // what EventSource does on a dropped connection: send back the last id it saw
    const again = await openEventStream(callback, '/api/notifications/stream', ready.id as string);
    try {
      await until('ready again', async () => again.events.some((e) => e.type === 'ready'));
      await new Promise((r) => setTimeout(r, 300));
      expect(again.events.filter((e) => e.type === 'notification')).toEqual([]);
      expect(again.events.find((e) => e.type === 'ready')?.id).toBe(ready.id);
    } finally {
      again.close();
    }
  });
  it('8. a reconnect that missed more than 200 notices gets the newest 200, oldest first, and ready says how many it left out', async () => {
    const callback = await api.as('callback');
    const [{ id: userId }] = await ds.query("SELECT id FROM app_user WHERE username = 'callback'");
    const first = await openEventStream(callback, '/api/notifications/stream');
    const ready = await until('ready', async () => first.events.find((e) => e.type === 'ready'));
    first.close();
    const values = Array.from({ length: 205 }, (_, i) => `(${Number(userId)}, 'overdue', 'hard-missed-${i}', NOW(3))`).join(',');
    await ds.query(`INSERT INTO notification (user_id, kind, title, created_at) VALUES ${values}`);
    const again = await openEventStream(callback, '/api/notifications/stream', ready.id as string);
    try {
      const replayed = await until('the replay', async () => {
        const got = again.events.filter((e) => e.type === 'notification');
        return got.length >= 200 ? got : undefined;
      });
      await new Promise((r) => setTimeout(r, 300));
      const titles = again.events.filter((e) => e.type === 'notification').map((e) => (e.data as { title: string }).title);
      expect(titles).toHaveLength(200);
      expect(titles[0]).toBe('hard-missed-5');
      expect(titles[199]).toBe('hard-missed-204');
      expect(Number(replayed[199].id)).toBeGreaterThan(Number(replayed[0].id));
      expect(again.events.find((e) => e.type === 'ready')?.data).toMatchObject({ skipped: 5 });
    } finally {
      again.close();
    }
  });
});
