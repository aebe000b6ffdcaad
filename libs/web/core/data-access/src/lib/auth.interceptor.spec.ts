import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth.interceptor';
import { AuthStore, TOKEN_KEY, USER_KEY } from './auth.store';

describe('authInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;

  beforeEach(() => {
    localStorage.setItem(TOKEN_KEY, 'tok');
    localStorage.setItem(
      USER_KEY,
      JSON.stringify({
        id: 1,
        username: 'a',
        displayName: 'A',
        role: 'agent',
        unitId: null,
        unitName: null,
      }),
    );
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
  });
  afterEach(() => {
    http.verify();
    localStorage.clear();
  });

  it('adds the bearer to API calls', () => {
    void firstValueFrom(client.get('/api/orders'));
    expect(http.expectOne('/api/orders').request.headers.get('Authorization')).toBe('Bearer tok');
  });

  it('does not send the bearer to the login call or outside the API', () => {
    void firstValueFrom(client.post('/api/auth/login', {}));
    void firstValueFrom(client.get('/assets/x.json'));
    expect(http.expectOne('/api/auth/login').request.headers.has('Authorization')).toBe(false);
    expect(http.expectOne('/assets/x.json').request.headers.has('Authorization')).toBe(false);
  });

  it('ends the session and goes to login on 401', async () => {
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    const call = firstValueFrom(client.get('/api/orders'));
    http.expectOne('/api/orders').flush({ code: 'UNAUTHENTICATED' }, { status: 401, statusText: 'Unauthorized' });
    await expect(call).rejects.toBeTruthy();
    expect(TestBed.inject(AuthStore).isLoggedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/login'], expect.anything());
  });

  it('leaves a failed login to the login form', async () => {
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate');
    const call = firstValueFrom(client.post('/api/auth/login', {}));
    http.expectOne('/api/auth/login').flush({ code: 'INVALID_CREDENTIALS' }, { status: 401, statusText: 'Unauthorized' });
    await expect(call).rejects.toBeTruthy();
    expect(navigate).not.toHaveBeenCalled();
    expect(TestBed.inject(AuthStore).isLoggedIn()).toBe(true);
  });
});
