import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { UserView } from '@hotline/contracts';
import { AuthStore, TOKEN_KEY, USER_KEY } from './auth.store';

const user: UserView = {
  id: 1,
  username: 'agent1',
  displayName: '张三',
  role: 'agent',
  unitId: null,
  unitName: null,
};

describe('AuthStore', () => {
  let http: HttpTestingController;

  function setup() {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    return TestBed.inject(AuthStore);
  }

  beforeEach(() => localStorage.clear());
  afterEach(() => http.verify());

  it('logs in, keeps token and user in localStorage and computes the landing route', async () => {
    const store = setup();
    const done = store.login('agent1', 'pw');
    const req = http.expectOne('/api/auth/login');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ username: 'agent1', password: 'pw' });
    req.flush({ accessToken: 'tok', user });
    await expect(done).resolves.toBe(true);
    expect(store.isLoggedIn()).toBe(true);
    expect(store.landingRoute()).toBe('/intake');
    expect(localStorage.getItem(TOKEN_KEY)).toBe('tok');
    expect(JSON.parse(localStorage.getItem(USER_KEY) as string)).toEqual(user);
  });

  it('restores the session from localStorage', () => {
    localStorage.setItem(TOKEN_KEY, 'tok');
    localStorage.setItem(USER_KEY, JSON.stringify({ ...user, role: 'unit_handler' }));
    const store = setup();
    expect(store.isLoggedIn()).toBe(true);
    expect(store.role()).toBe('unit_handler');
    expect(store.landingRoute()).toBe('/unit');
  });

  it('maps a failed login to a Chinese message in the error branch', async () => {
    const store = setup();
    const done = store.login('agent1', 'bad');
    http.expectOne('/api/auth/login').flush(
      {
        statusCode: 401,
        code: 'INVALID_CREDENTIALS',
        message: 'Invalid credentials',
      },
      { status: 401, statusText: 'Unauthorized' },
    );
    await expect(done).resolves.toBe(false);
    expect(store.callState()).toEqual({ error: '用户名或密码错误' });
    expect(store.isLoggedIn()).toBe(false);
  });

  it('tells the user to wait after too many failed logins', async () => {
    const store = setup();
    const done = store.login('agent1', 'bad');
    http
      .expectOne('/api/auth/login')
      .flush({ statusCode: 429, code: 'TOO_MANY_REQUESTS', message: 'Too many' }, { status: 429, statusText: 'Too Many Requests' });
    await done;
    expect(store.callState()).toEqual({
      error: '登录失败次数过多，请稍后再试',
    });
  });

  it('clears the session', () => {
    localStorage.setItem(TOKEN_KEY, 'tok');
    localStorage.setItem(USER_KEY, JSON.stringify(user));
    const store = setup();
    store.clearSession();
    expect(store.isLoggedIn()).toBe(false);
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
  });
});
