import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterOutlet } from '@angular/router';
import {
  CategoriesStore,
  DeadlineOpsStore,
  HolidaysStore,
  IntegrationsStore,
  RoutingAdminStore,
  TimeLimitsStore,
  TopicsStore,
  UnitsStore,
  UsersStore,
} from '@hotline/web-admin-data-access';
import { ReferenceStore } from '@hotline/web-core-data-access';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMenuModule } from 'ng-zorro-antd/menu';

const PAGES = [
  { path: 'units', label: '单位', icon: 'apartment' },
  { path: 'users', label: '用户与角色', icon: 'team' },
  { path: 'categories', label: '问题分类', icon: 'cluster' },
  { path: 'topics', label: '专题', icon: 'tags' },
  { path: 'holidays', label: '节假日', icon: 'calendar' },
  { path: 'time-limits', label: '时限策略', icon: 'field-time' },
  { path: 'routing', label: '派单模型', icon: 'branches' },
  { path: 'queues', label: '队列状态', icon: 'monitor' },
  { path: 'sms', label: '短信通知', icon: 'send' },
  { path: 'webhooks', label: 'Webhook', icon: 'bell' },
  { path: 'open311', label: 'Open311', icon: 'lock' },
  { path: 'dead-letters', label: '事件死信', icon: 'alert' },
];

@Component({
  selector: 'hl-admin-layout',
  imports: [RouterLink, RouterOutlet, NzIconModule, NzMenuModule],
  // one store per resource, kept for the admin session so a page shows its rows again at once
  providers: [UnitsStore, UsersStore, CategoriesStore, TopicsStore, HolidaysStore, TimeLimitsStore, DeadlineOpsStore, IntegrationsStore, RoutingAdminStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="admin">
      <ul nz-menu nzMode="inline" class="side">
        @for (p of pages; track p.path) {
          <li nz-menu-item nzMatchRouter [attr.data-testid]="'admin-nav-' + p.path">
            <a [routerLink]="p.path"><nz-icon [nzType]="p.icon" />{{ p.label }}</a>
          </li>
        }
      </ul>
      <section class="main"><router-outlet /></section>
    </div>
  `,
  styles: `
    .admin {
      display: flex;
      gap: 16px;
      align-items: flex-start;
    }
    .side {
      width: 168px;
      flex-shrink: 0;
    }
    .main {
      flex: 1;
      min-width: 0;
    }
  `,
})
export class AdminLayout {
  protected readonly pages = PAGES;

  constructor() {
    void inject(ReferenceStore).load();
  }
}
