import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthStore } from '@hotline/web-core-data-access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzResultModule } from 'ng-zorro-antd/result';

@Component({
  selector: 'hl-not-found-page',
  imports: [RouterLink, NzButtonModule, NzResultModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-result nzStatus="404" nzTitle="页面不存在" nzSubTitle="地址有误，或该页面不对当前角色开放">
      <div nz-result-extra>
        <a nz-button nzType="primary" [routerLink]="auth.landingRoute()">回到工作台</a>
      </div>
    </nz-result>
  `,
})
export class NotFoundPage {
  protected readonly auth = inject(AuthStore);
}
