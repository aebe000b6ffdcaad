import { ChangeDetectionStrategy, Component, computed, effect, inject, untracked } from '@angular/core';
import { Router } from '@angular/router';
import { AGENT_STATE_LABELS } from '@hotline/contracts';
import { AuthStore, NotificationsStore } from '@hotline/web-core-data-access';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { FormsModule } from '@angular/forms';
import { TelephonyStore, callPopOf } from './telephony.store';

const DESK_ROLES = ['agent', 'callback_agent'];

/**
 * The agent's phone desk in the header: 示闲 / 示忙, the live state (通话中 / 话后整理), and the call pop — an
 * answered call opens the intake with the caller's number, wherever the agent was.
 */
@Component({
  selector: 'hl-agent-desk',
  imports: [FormsModule, NzRadioModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (isAgent()) {
      <span class="desk" data-testid="agent-desk">
        @if (liveLabel(); as live) {
          <nz-tag [nzColor]="live === '通话中' ? 'red' : 'orange'" data-testid="agent-live-state">{{ live }}</nz-tag>
        }
        <nz-radio-group
          nzSize="small"
          nzButtonStyle="solid"
          [ngModel]="store.me()?.set ?? 'offline'"
          (ngModelChange)="store.setState($event)"
          [nzDisabled]="store.saving()"
          data-testid="agent-state"
        >
          <label nz-radio-button nzValue="free" data-testid="agent-state-free">示闲</label>
          <label nz-radio-button nzValue="busy" data-testid="agent-state-busy">示忙</label>
        </nz-radio-group>
      </span>
    }
  `,
  styles: `
    .desk {
      display: inline-flex;
      align-items: center;
      gap: 6px;
    }
  `,
})
export class AgentDesk {
  protected readonly store = inject(TelephonyStore);
  private readonly auth = inject(AuthStore);
  private readonly notifications = inject(NotificationsStore);
  private readonly router = inject(Router);

  protected readonly isAgent = computed(() => DESK_ROLES.includes(this.auth.role() ?? ''));
  protected readonly liveLabel = computed(() => {
    const s = this.store.me()?.state;
    return s === 'on-call' || s === 'wrap-up' ? AGENT_STATE_LABELS[s] : null;
  });

  constructor() {
    effect(() => {
      if (this.isAgent()) untracked(() => void this.store.loadMe());
    });
    effect(() => {
      const pop = callPopOf(this.notifications.signal());
      if (!pop) return;
      untracked(() => {
        void this.store.take(pop);
        void this.store.loadMe();
        if (!this.router.url.startsWith('/intake')) void this.router.navigateByUrl('/intake');
      });
    });
  }
}
