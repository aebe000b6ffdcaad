import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  NOTIFIER,
  Notifier,
  ReferenceStore,
} from '@hotline/web-core-data-access';
import {
  ADMIN_STALE_MESSAGE,
  AdminStore,
  NO_VERSION_MESSAGE,
  UserForm,
} from './admin.store';

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('AdminStore', () => {
  let http: HttpTestingController;
  let store: InstanceType<typeof AdminStore>;
  let notifier: jest.Mocked<Notifier>;
  let reload: jest.Mock;

  beforeEach(() => {
    notifier = {
      success: jest.fn(),
      info: jest.fn(),
      warning: jest.fn(),
      error: jest.fn(),
    };
    reload = jest.fn().mockResolvedValue(undefined);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        AdminStore,
        { provide: NOTIFIER, useValue: notifier },
        { provide: ReferenceStore, useValue: { load: reload } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(AdminStore);
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
    const done = store.loadUsers();
    http
      .expectOne('/api/admin/users')
      .flush({
        items: [{ id: 1, username: 'a' }],
        total: 1,
        page: 1,
        pageSize: 20,
      });
    await done;
    expect(store.users().length).toBe(1);
    expect(store.usersState()).toBe('loaded');
  });

  it('creates a unit with its identifying fields only, then refreshes the list and the reference data', async () => {
    const done = store.saveUnit(null, {
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
    const done = store.saveUser(existing, { ...user, password: '' });
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
    const done = store.saveUser(existing, user);
    http
      .expectOne('/api/admin/users/3')
      .flush(
        { statusCode: 409, code: 'STALE_VERSION', message: 'x' },
        { status: 409, statusText: 'x' },
      );
    await settle();
    http.expectOne('/api/admin/users').flush([]);
    await expect(done).resolves.toBe(false);
    expect(notifier.warning).toHaveBeenCalledWith(ADMIN_STALE_MESSAGE);
  });

  it('refuses to edit a row the API listed without a version', async () => {
    const done = store.saveTopic(
      { id: 1, code: 'epidemic', name: '疫情', active: true },
      { code: 'epidemic', name: '疫情防控', active: true },
    );
    await expect(done).resolves.toBe(false);
    expect(notifier.error).toHaveBeenCalledWith(NO_VERSION_MESSAGE);
  });

  it('keeps the form open on a save error with the mapped message', async () => {
    const done = store.saveTopic(null, {
      code: 'epidemic',
      name: '疫情',
      active: true,
    });
    const req = http.expectOne('/api/admin/topics');
    expect(req.request.body).toEqual({ code: 'epidemic', name: '疫情' });
    req.flush(
      { statusCode: 409, code: 'DUPLICATE', message: 'dup' },
      { status: 409, statusText: 'x' },
    );
    await expect(done).resolves.toBe(false);
    expect(notifier.error).toHaveBeenCalledWith('数据已存在，请勿重复提交');
  });

  it('loads holidays per year, sorted', async () => {
    const done = store.loadHolidays(2020);
    const req = http.expectOne((r) => r.url === '/api/admin/holidays');
    expect(req.request.params.get('year')).toBe('2020');
    req.flush([
      { date: '2020-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2020-01-01', kind: 'holiday', name: '元旦' },
    ]);
    await done;
    expect(store.holidays().map((h) => h.name)).toEqual(['元旦', '国庆节']);
  });

  it('reads a 404 probe as "not open yet"', async () => {
    const done = store.probe('/admin/time-limits');
    http
      .expectOne('/api/admin/time-limits')
      .flush(
        { statusCode: 404, code: 'NOT_FOUND', message: 'x' },
        { status: 404, statusText: 'x' },
      );
    await expect(done).resolves.toEqual({ status: 'unavailable' });
  });
});
