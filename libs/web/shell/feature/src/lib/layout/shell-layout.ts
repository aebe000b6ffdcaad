import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject } from '@angular/core';
import { DatePipe } from '@angular/common';
import { Router, RouterLink, RouterOutlet } from '@angular/router';
import { ROLE_LABELS } from '@hotline/contracts';
import { AppNotification, AuthStore, NotificationsStore, ReferenceStore, workspacesFor } from '@hotline/web-core-data-access';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDropDownModule } from 'ng-zorro-antd/dropdown';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { AgentDesk, TelephonyStore } from '@hotline/web-telephony';

const WORKSPACE_ICONS: Record<string, string> = {
  intake: 'phone',
  dispatch: 'send',
  unit: 'inbox',
  supervision: 'alert',
  callback: 'customer-service',
  dashboard: 'dashboard',
  reports: 'file-text',
  assessment: 'trophy',
  surges: 'rise',
  meetings: 'team',
  wallboard: 'customer-service',
  imports: 'import',
  search: 'file-search',
  admin: 'setting',
};

/**
 * The logged-in frame: workspaces menu (Alt+1…9 jumps), who is logged in and for which unit,
 * the notification bell, logout.
 */
@Component({
  selector: 'hl-shell-layout',
  imports: [
    DatePipe,
    RouterLink,
    RouterOutlet,
    AgentDesk,
    NzBadgeModule,
    NzButtonModule,
    NzDropDownModule,
    NzEmptyModule,
    NzIconModule,
    NzLayoutModule,
    NzMenuModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'onKey($event)' },
  template: `
    <nz-layout class="layout">
      <nz-header class="header">
        <a class="brand" [routerLink]="auth.landingRoute()">12345 工单系统</a>
        <ul nz-menu nzMode="horizontal" nzTheme="dark" class="menu">
          @for (w of workspaces(); track w.key; let i = $index) {
            <li nz-menu-item nzMatchRouter [attr.data-testid]="'nav-' + w.key" [title]="'Alt+' + (i + 1)">
              <a [routerLink]="w.path"><nz-icon [nzType]="icon(w.key)" />{{ w.label }}</a>
            </li>
          }
        </ul>
        <div class="right">
          <hl-agent-desk />
          <a
            nz-dropdown
            [nzDropdownMenu]="bellMenu"
            nzTrigger="click"
            nzPlacement="bottomRight"
            class="bell"
            data-testid="notifications-bell"
            (nzVisibleChange)="$event || notifications.markAllRead()"
            title="通知"
          >
            <nz-badge [nzCount]="notifications.unreadCount()" nzSize="small" data-testid="notifications-count">
              <nz-icon nzType="bell" class="bell-icon" />
            </nz-badge>
          </a>
          <span class="user" data-testid="current-user">
            <nz-icon nzType="user" />
            {{ auth.user()?.displayName }} · {{ roleLabel() }}
            @if (auth.user()?.unitName; as unit) {
              · <span data-testid="current-unit">{{ unit }}</span>
            }
          </span>
          <button nz-button nzType="text" class="logout" (click)="logout()" data-testid="logout"><nz-icon nzType="logout" />退出</button>
        </div>
      </nz-header>
      <nz-content class="content">
        <router-outlet />
      </nz-content>
    </nz-layout>
    <nz-dropdown-menu #bellMenu="nzDropdownMenu">
      <div class="notifications" data-testid="notifications-panel">
        @for (n of notifications.items(); track n.id) {
          <div
            class="note"
            [class.unread]="!n.read"
            (click)="openNotification(n)"
            (keydown.enter)="openNotification(n)"
            tabindex="0"
            data-testid="notification-item"
          >
            <div class="note-title">{{ n.title }}</div>
            @if (n.body) {
              <div class="note-body">{{ n.body }}</div>
            }
            <div class="note-time">{{ n.at | date: 'MM-dd HH:mm' }}{{ n.orderNumber ? ' · ' + n.orderNumber : '' }}</div>
          </div>
        } @empty {
          <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="notifications.available() === false ? '通知服务尚未开放' : '暂无通知'" />
        }
      </div>
    </nz-dropdown-menu>
  `,
  styles: `
    .layout {
      min-height: 100vh;
    }
    .header {
      display: flex;
      align-items: center;
      gap: 16px;
      padding: 0 16px;
      height: 48px;
      line-height: 48px;
    }
    .brand {
      color: #fff;
      font-weight: 600;
      font-size: 15px;
      white-space: nowrap;
    }
    .menu {
      flex: 1;
      min-width: 0;
      line-height: 46px;
    }
    .right {
      display: flex;
      align-items: center;
      gap: 12px;
      color: rgba(255, 255, 255, 0.85);
      white-space: nowrap;
    }
    .bell {
      display: inline-flex;
      align-items: center;
    }
    .bell-icon {
      font-size: 18px;
      color: rgba(255, 255, 255, 0.85);
    }
    .logout {
      color: rgba(255, 255, 255, 0.85);
    }
    .content {
      padding: 12px 16px;
      background: #fff;
    }
    .notifications {
      width: 340px;
      max-height: 420px;
      overflow: auto;
      background: #fff;
      box-shadow: 0 6px 16px rgba(0, 0, 0, 0.12);
      border-radius: 6px;
      padding: 4px 0;
    }
    .note {
      padding: 8px 12px;
      cursor: pointer;
      border-bottom: 1px solid #f0f0f0;
      line-height: 1.5;
    }
    .note:hover,
    .note:focus {
      background: #f5f5f5;
      outline: none;
    }
    .note.unread .note-title {
      font-weight: 600;
    }
    .note-body,
    .note-time {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
  `,
})
export class ShellLayout {
  protected readonly auth = inject(AuthStore);
  protected readonly notifications = inject(NotificationsStore);
  private readonly reference = inject(ReferenceStore);
  private readonly router = inject(Router);
  private readonly telephony = inject(TelephonyStore);

  protected readonly workspaces = computed(() => workspacesFor(this.auth.role()));
  protected readonly roleLabel = computed(() => {
    const role = this.auth.role();
    return role ? ROLE_LABELS[role] : '';
  });

  constructor() {
    void this.reference.load();
    void this.auth.refreshUser();
    void this.notifications.connect();
    inject(DestroyRef).onDestroy(() => this.notifications.disconnect());
  }

  protected icon(key: string): string {
    return WORKSPACE_ICONS[key] ?? 'file-search';
  }

  protected onKey(event: KeyboardEvent): void {
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    const index = Number(event.key) - 1;
    const target = this.workspaces()[index];
    if (Number.isInteger(index) && target) {
      event.preventDefault();
      void this.router.navigateByUrl(target.path);
    }
  }

  protected openNotification(n: AppNotification): void {
    this.notifications.markRead(n.id);
    if (n.orderId) void this.router.navigate(['/orders', n.orderId]);
  }

  protected logout(): void {
    this.notifications.reset();
    this.telephony.reset();
    this.reference.clear();
    this.auth.clearSession();
    void this.router.navigateByUrl('/login');
  }
}
