import { ChangeDetectionStrategy, Component, afterNextRender, computed, inject, input, viewChild, ElementRef } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { AuthStore, callError, isReturnUrlAllowed } from '@hotline/web-core-data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';

@Component({
  selector: 'hl-login-page',
  imports: [ReactiveFormsModule, NzAlertModule, NzButtonModule, NzCardModule, NzFormModule, NzIconModule, NzInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <nz-card class="card" nzTitle="12345 政务服务便民热线 · 工单系统">
        <form nz-form [formGroup]="form" (ngSubmit)="submit()" data-testid="login-form">
          <nz-form-item>
            <nz-form-control nzErrorTip="请输入用户名">
              <nz-input-wrapper>
                <nz-icon nzInputPrefix nzType="user" />
                <input #username nz-input formControlName="username" placeholder="用户名" autocomplete="username" data-testid="login-username" />
              </nz-input-wrapper>
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-control nzErrorTip="请输入密码">
              <nz-input-wrapper>
                <nz-icon nzInputPrefix nzType="lock" />
                <input nz-input type="password" formControlName="password" placeholder="密码" autocomplete="current-password" data-testid="login-password" />
              </nz-input-wrapper>
            </nz-form-control>
          </nz-form-item>
          @if (error(); as message) {
            <nz-alert nzType="error" nzShowIcon [nzMessage]="message" data-testid="login-error" />
          }
          <button nz-button nzType="primary" nzBlock type="submit" [nzLoading]="auth.callState() === 'loading'" data-testid="login-submit">登录</button>
        </form>
      </nz-card>
    </div>
  `,
  styles: `
    .page {
      min-height: 100vh;
      display: flex;
      align-items: center;
      justify-content: center;
      background: #f0f2f5;
    }
    .card {
      width: 380px;
    }
    nz-alert {
      margin-bottom: 12px;
    }
  `,
})
export class LoginPage {
  /** Query parameter: where the user was going before the session ran out. */
  readonly returnUrl = input<string | undefined>(undefined);

  protected readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly usernameInput = viewChild<ElementRef<HTMLInputElement>>('username');
  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', Validators.required],
    password: ['', Validators.required],
  });
  protected readonly error = computed(() => callError(this.auth.callState()));

  constructor() {
    afterNextRender(() => this.usernameInput()?.nativeElement.focus());
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      Object.values(this.form.controls).forEach((c) => {
        c.markAsDirty();
        c.updateValueAndValidity();
      });
      return;
    }
    const { username, password } = this.form.getRawValue();
    if (!(await this.auth.login(username.trim(), password))) {
      this.form.controls.password.reset();
      return;
    }
    const role = this.auth.role();
    const target = role && isReturnUrlAllowed(role, this.returnUrl()) ? (this.returnUrl() as string) : this.auth.landingRoute();
    await this.router.navigateByUrl(target);
  }
}
