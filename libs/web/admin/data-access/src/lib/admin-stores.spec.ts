import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { NOTIFIER, Notifier, ReferenceStore, mockNotifier } from '@hotline/web-core-data-access';
import { ADMIN_STALE_MESSAGE, NO_VERSION_MESSAGE } from './admin-crud';
import { DeadlineOpsStore } from './deadline-ops.store';
import { HolidaysStore } from './holidays.store';
import { DEFAULT_POLICY_UNDELETABLE, TimeLimitForm, TimeLimitsStore, timeLimitBody } from './time-limits.store';
import { TopicsStore } from './topics.store';
import { UnitsStore } from './units.store';
import { UserForm, UsersStore } from './users.store';

const STORES = [UnitsStore, UsersStore, TopicsStore, HolidaysStore, TimeLimitsStore, DeadlineOpsStore];
const units = () => TestBed.inject(UnitsStore);
const users = () => TestBed.inject(UsersStore);
const topics = () => TestBed.inject(TopicsStore);
const holidays = () => TestBed.inject(HolidaysStore);
const timeLimits = () => TestBed.inject(TimeLimitsStore);
const deadlineOps = () => TestBed.inject(DeadlineOpsStore);

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('admin stores', () => {
  let http: HttpTestingController;
  let notifier: jest.Mocked<Notifier>;
  let reload: jest.Mock;

  beforeEach(() => {
    notifier = mockNotifier(() => jest.fn());
    reload = jest.fn().mockResolvedValue(undefined);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        ...STORES,
        { provide: NOTIFIER, useValue: notifier },
        { provide: ReferenceStore, useValue: { load: reload } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  const user: UserForm = {
    username: 'zhang',
    password: 'longenough',
    displayName: '张三',
    role: 'unit_handler',
    unitId: 4,
    active: true,
  };

  it('loads users from a plain array or a page', async () => {
    const done = users().load();
    http.expectOne('/api/admin/users').flush({
      items: [{ id: 1, username: 'a' }],
      total: 1,
      page: 1,
      pageSize: 20,
    });
    await done;
    expect(users().items().length).toBe(1);
    expect(users().callState()).toBe('loaded');
  });

  it('creates a unit with its identifying fields only, then refreshes the list and the reference data', async () => {
    const done = units().save(null, {
      code: 'zj',
      name: '市住建局',
      kind: 'bureau',
      parentId: null,
      regionId: null,
      active: true,
    });
    const req = http.expectOne('/api/admin/units');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({
      code: 'zj',
      name: '市住建局',
      kind: 'bureau',
      parentId: null,
      regionId: null,
    });
    req.flush({ id: 9 });
    await settle();
    http.expectOne('/api/admin/units').flush([]);
    await expect(done).resolves.toBe(true);
    expect(reload).toHaveBeenCalledWith(true);
    expect(notifier.success).toHaveBeenCalledWith('单位已创建');
  });

  it('edits a user with the version it showed, without username and an empty password', async () => {
    const existing = {
      id: 3,
      username: 'zhang',
      displayName: '张',
      role: 'agent' as const,
      unitId: null,
      unitName: null,
      version: 7,
    };
    const done = users().save(existing, { ...user, password: '' });
    const req = http.expectOne('/api/admin/users/3');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({
      version: 7,
      displayName: '张三',
      role: 'unit_handler',
      unitId: 4,
      active: true,
    });
    req.flush({});
    await settle();
    http.expectOne('/api/admin/users').flush([]);
    await expect(done).resolves.toBe(true);
  });

  it('reloads and asks to edit again when someone else saved first', async () => {
    const existing = {
      id: 3,
      username: 'zhang',
      displayName: '张',
      role: 'agent' as const,
      unitId: null,
      unitName: null,
      version: 7,
    };
    const done = users().save(existing, user);
    http.expectOne('/api/admin/users/3').flush({ statusCode: 409, code: 'STALE_VERSION', message: 'x' }, { status: 409, statusText: 'x' });
    await settle();
    http.expectOne('/api/admin/users').flush([]);
    await expect(done).resolves.toBe(false);
    expect(notifier.warning).toHaveBeenCalledWith(ADMIN_STALE_MESSAGE);
  });

  it('refuses to edit a row the API listed without a version', async () => {
    const done = topics().save({ id: 1, code: 'epidemic', name: '疫情', active: true }, { code: 'epidemic', name: '疫情防控', active: true });
    await expect(done).resolves.toBe(false);
    expect(notifier.error).toHaveBeenCalledWith(NO_VERSION_MESSAGE);
  });

  it('keeps the form open on a save error with the mapped message', async () => {
    const done = topics().save(null, {
      code: 'epidemic',
      name: '疫情',
      active: true,
    });
    const req = http.expectOne('/api/admin/topics');
    expect(req.request.body).toEqual({ code: 'epidemic', name: '疫情' });
    req.flush({ statusCode: 409, code: 'DUPLICATE', message: 'dup' }, { status: 409, statusText: 'x' });
    await expect(done).resolves.toBe(false);
    expect(notifier.error).toHaveBeenCalledWith('数据已存在，请勿重复提交');
  });

  it('keeps the error of a failed save for the form to mark the field it names', async () => {
    const done = users().save(null, user);
    http.expectOne('/api/admin/users').flush(
      {
        statusCode: 409,
        code: 'DUPLICATE',
        message: 'username zhang is taken',
        details: { field: 'username' },
      },
      { status: 409, statusText: 'x' },
    );
    await expect(done).resolves.toBe(false);
    expect(users().lastSaveError()).toMatchObject({
      code: 'DUPLICATE',
      details: { field: 'username' },
    });
    const again = users().save(null, { ...user, username: 'zhang2' });
    expect(users().lastSaveError()).toBeNull();
    http.expectOne('/api/admin/users').flush({ id: 5 });
    await settle();
    http.expectOne('/api/admin/users').flush([]);
    await expect(again).resolves.toBe(true);
  });

  it('loads holidays per year, sorted', async () => {
    const done = holidays().load(2020);
    const req = http.expectOne((r) => r.url === '/api/admin/holidays');
    expect(req.request.params.get('year')).toBe('2020');
    req.flush([
      { date: '2020-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2020-01-01', kind: 'holiday', name: '元旦' },
    ]);
    await done;
    expect(
      holidays()
        .items()
        .map((h) => h.name),
    ).toEqual(['元旦', '国庆节']);
  });

  const policy = {
    id: 7,
    appealType: 'complaint',
    urgent: false,
    clock: 'working' as const,
    dayLength: null,
    signLimit: '2h',
    handleLimit: '5d',
    callbackLimit: '2d',
    feedbackLimit: '3d',
    prewarnPercent: 80,
    longOverdueAfter: '5d',
    version: 3,
    updatedAt: '2026-01-01T00:00:00Z',
  };
  const policyForm: TimeLimitForm = {
    appealType: 'complaint',
    urgent: false,
    clock: 'working',
    dayLength: '1h',
    signLimit: ' 2h ',
    handleLimit: '4d',
    callbackLimit: '2d',
    feedbackLimit: '3d',
    prewarnPercent: 80,
    longOverdueAfter: '5d',
  };

  it('loads time limits with the default rows first', async () => {
    const done = timeLimits().load();
    http.expectOne('/api/admin/time-limits').flush([
      { ...policy, id: 2, appealType: 'complaint', urgent: true },
      { ...policy, id: 1, appealType: '*', urgent: false },
      { ...policy, id: 3, appealType: 'complaint', urgent: false },
    ]);
    await done;
    expect(
      timeLimits()
        .items()
        .map((r) => r.id),
    ).toEqual([1, 3, 2]);
    expect(timeLimits().callState()).toBe('loaded');
  });

  it('patches a time limit with its version and the limits only (no day length on the working clock)', async () => {
    const done = timeLimits().save(policy, policyForm);
    const req = http.expectOne('/api/admin/time-limits/7');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({
      version: 3,
      clock: 'working',
      dayLength: null,
      signLimit: '2h',
      handleLimit: '4d',
      callbackLimit: '2d',
      feedbackLimit: '3d',
      prewarnPercent: 80,
      longOverdueAfter: '5d',
    });
    req.flush(policy);
    await settle();
    http.expectOne('/api/admin/time-limits').flush([policy]);
    await expect(done).resolves.toBe(true);
    expect(notifier.success).toHaveBeenCalledWith('时限策略已保存');
  });

  it('creates a time limit with its appeal type and urgency', () => {
    expect(timeLimitBody(null, { ...policyForm, clock: 'natural', urgent: true })).toMatchObject({
      appealType: 'complaint',
      urgent: true,
      clock: 'natural',
      dayLength: '1h',
    });
  });

  it('reloads the time limits on a stale version', async () => {
    const done = timeLimits().save(policy, policyForm);
    http.expectOne('/api/admin/time-limits/7').flush({ statusCode: 409, code: 'STALE_VERSION', message: 'stale' }, { status: 409, statusText: 'x' });
    await settle();
    http.expectOne('/api/admin/time-limits').flush([policy]);
    await expect(done).resolves.toBe(false);
    expect(notifier.warning).toHaveBeenCalledWith(ADMIN_STALE_MESSAGE);
  });

  it('says the default rows cannot be deleted', async () => {
    const done = timeLimits().remove({ ...policy, appealType: '*' });
    const req = http.expectOne('/api/admin/time-limits/7');
    expect(req.request.method).toBe('DELETE');
    req.flush({ statusCode: 409, code: 'PRECONDITION_FAILED', message: 'x' }, { status: 409, statusText: 'x' });
    await expect(done).resolves.toBe(false);
    expect(notifier.error).toHaveBeenCalledWith(DEFAULT_POLICY_UNDELETABLE);
  });

  it('loads the deadline ops view and keeps it when a refresh fails', async () => {
    const ops = {
      queues: [{ name: 'deadline-timers', counts: { waiting: 1 } }],
      failedJobs: [],
      timers: { pending: 4, dueUnfired: 0, nextDueAt: null },
      outboxPending: 0,
      reconciler: { lastTickAt: null, lastTick: null, lastRepair: null },
      generatedAt: '2026-01-01T00:00:00Z',
    };
    let done = deadlineOps().load();
    http.expectOne('/api/admin/deadlines').flush(ops);
    await done;
    expect(deadlineOps().ops()).toEqual(ops);
    done = deadlineOps().load(true);
    http.expectOne('/api/admin/deadlines').flush({ statusCode: 500, code: 'INTERNAL', message: 'x' }, { status: 500, statusText: 'x' });
    await done;
    expect(deadlineOps().ops()).toEqual(ops);
    expect(typeof deadlineOps().callState()).toBe('object');
  });

  it('asks for a reconcile, then refreshes the ops view', async () => {
    const done = deadlineOps().reconcileNow();
    const req = http.expectOne('/api/admin/deadlines/reconcile');
    expect(req.request.method).toBe('POST');
    req.flush({ queued: true }, { status: 202, statusText: 'Accepted' });
    await settle();
    http.expectOne('/api/admin/deadlines').flush({
      queues: [],
      failedJobs: [],
      timers: { pending: 0, dueUnfired: 0, nextDueAt: null },
      outboxPending: 0,
      reconciler: { lastTickAt: null, lastTick: null, lastRepair: null },
      generatedAt: '2026-01-01T00:00:00Z',
    });
    await expect(done).resolves.toBe(true);
    expect(deadlineOps().reconciling()).toBe(false);
  });
});
