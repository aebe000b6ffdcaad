import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';
import { LoginPage } from './login-page';

const settle = () => new Promise((r) => setTimeout(r));

describe('LoginPage', () => {
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIconsTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  });
  afterEach(() => localStorage.clear());

  async function login(returnUrl: string | undefined, role: string, status = 200) {
    const fixture = TestBed.createComponent(LoginPage);
    fixture.componentRef.setInput('returnUrl', returnUrl);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const user = el.querySelector<HTMLInputElement>('[data-testid="login-username"]') as HTMLInputElement;
    const pass = el.querySelector<HTMLInputElement>('[data-testid="login-password"]') as HTMLInputElement;
    user.value = ' unit1 ';
    user.dispatchEvent(new Event('input'));
    pass.value = 'secret';
    pass.dispatchEvent(new Event('input'));
    el.querySelector<HTMLButtonElement>('[data-testid="login-submit"]')?.click();
    const req = http.expectOne('/api/auth/login');
    expect(req.request.body).toEqual({ username: 'unit1', password: 'secret' });
    if (status === 200) {
      req.flush({
        accessToken: 't',
        user: {
          id: 1,
          username: 'unit1',
          displayName: '李',
          role,
          unitId: 3,
          unitName: '市住建局',
        },
      });
    } else {
      req.flush({ statusCode: status, code: 'INVALID_CREDENTIALS', message: 'bad' }, { status, statusText: 'x' });
    }
    await settle();
    await fixture.whenStable();
    return el;
  }

  it('goes to the role’s workspace after login', async () => {
    await login(undefined, 'unit_handler');
    expect(navigate).toHaveBeenCalledWith('/unit');
  });

  it('returns to the page the session ran out on, if the role may open it', async () => {
    await login('/orders/42', 'unit_handler');
    expect(navigate).toHaveBeenCalledWith('/orders/42');
  });

  it('ignores a return URL the role may not open', async () => {
    await login('/admin/users', 'unit_handler');
    expect(navigate).toHaveBeenCalledWith('/unit');
  });

  it('shows the mapped error and stays', async () => {
    const el = await login(undefined, 'agent', 401);
    expect(el.querySelector('[data-testid="login-error"]')?.textContent).toContain('用户名或密码错误');
    expect(navigate).not.toHaveBeenCalled();
  });
});
