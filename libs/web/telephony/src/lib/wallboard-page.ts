import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject } from '@angular/core';
import { DatePipe, DecimalPipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { AGENT_STATE_LABELS, type AgentLiveState, type CallKpis } from '@hotline/contracts';
import { formatPercent } from '@hotline/domain';
import { AuthStore, callError } from '@hotline/web-core-data-access';
import { PageBar } from '@hotline/web-ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { WallboardStore } from './wallboard.store';

/** How often the wallboard reads the center's state again. */
export const WALLBOARD_REFRESH_MS = 5000;

const STATE_COLORS: Record<AgentLiveState, string> = { 'on-call': 'red', 'wrap-up': 'orange', free: 'green', busy: 'default', offline: 'default' };

/** 坐席监控: calls waiting, agents on call / free / wrap-up, today's 接通率 and 15 秒接通率, refreshed live. */
@Component({
  selector: 'hl-wallboard-page',
  imports: [DatePipe, DecimalPipe, FormsModule, PageBar, NzAlertModule, NzButtonModule, NzCardModule, NzInputModule, NzTableModule, NzTabsModule, NzTagModule],
  providers: [WallboardStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './wallboard-page.html',
  styleUrl: './wallboard-page.css',
})
export class WallboardPage {
  protected readonly store = inject(WallboardStore);
  private readonly auth = inject(AuthStore);
  protected readonly isAdmin = computed(() => this.auth.role() === 'admin');
  protected readonly error = computed(() => callError(this.store.callState()));
  protected readonly labels = AGENT_STATE_LABELS;
  protected readonly colors = STATE_COLORS;
  protected readonly pct = formatPercent;
  protected readonly tiles = computed(() => {
    const b = this.store.board();
    if (!b) return [];
    const t = b.today;
    return [
      { key: 'waiting', label: '排队等待', value: String(b.waiting), hint: b.waiting ? `最长 ${b.longestWaitSeconds} 秒` : '' },
      { key: 'on-call', label: '通话中', value: String(b.counts['on-call']), hint: '' },
      { key: 'free', label: '示闲', value: String(b.counts.free), hint: '' },
      { key: 'wrap-up', label: '话后整理', value: String(b.counts['wrap-up']), hint: '' },
      { key: 'busy', label: '示忙', value: String(b.counts.busy), hint: '' },
      { key: 'answer-rate', label: '今日接通率', value: formatPercent(t.answerRate), hint: `${t.answered} / ${t.offered}` },
      { key: 'in15', label: '15 秒接通率', value: formatPercent(t.answeredIn15sRate), hint: `${t.answeredIn15s} 通` },
      { key: 'abandon', label: '放弃率', value: formatPercent(t.abandonRate), hint: `${t.abandoned} 通` },
      { key: 'wait', label: '平均等待', value: secs(t.avgWaitSeconds), hint: '' },
      { key: 'talk', label: '平均通话', value: secs(t.avgTalkSeconds), hint: '' },
    ];
  });

  constructor() {
    void this.store.refresh();
    if (this.isAdmin()) void this.store.loadAdmin();
    const timer = setInterval(() => void this.store.refresh(true), WALLBOARD_REFRESH_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected secs(v: number | null): string {
    return secs(v);
  }

  protected rate(k: CallKpis, f: keyof CallKpis): string {
    return formatPercent(k[f] as number | null);
  }

  protected copy(text: string): void {
    void navigator.clipboard?.writeText(text);
  }
}

function secs(v: number | null): string {
  return v == null ? '—' : `${Math.round(v)} 秒`;
}
