import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject } from '@angular/core';
import { QueueStatusView, ReconcilerRunView } from '@hotline/contracts';
import { DeadlineOpsStore } from '@hotline/web-admin-data-access';
import { callError } from '@hotline/web-core-data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { PageBar } from '@hotline/web-ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

export const QUEUES_REFRESH_MS = 10_000;

/** BullMQ job states, in the order an operator reads them. */
const COUNT_KEYS = ['waiting', 'active', 'delayed', 'completed', 'failed', 'paused'];
const COUNT_LABELS: Record<string, string> = {
  waiting: '等待',
  active: '执行中',
  delayed: '延迟',
  completed: '完成',
  failed: '失败',
  paused: '暂停',
  'waiting-children': '等待子任务',
  prioritized: '优先',
};

/** 队列状态: the deadline machinery's health — queues, failed jobs, timers, outbox and the reconciler. */
@Component({
  selector: 'hl-queues-page',
  imports: [PageBar, DatePipe, NzAlertModule, NzButtonModule, NzCardModule, NzDescriptionsModule, NzIconModule, NzSpinModule, NzTableModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './queues-page.html',
  styles: `
    h3 {
      font-size: 14px;
      margin: 16px 0 8px;
    }
    .sub {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
    .reason {
      word-break: break-all;
    }
    nz-alert {
      margin-bottom: 8px;
    }
  `,
})
export class QueuesPage {
  protected readonly store = inject(DeadlineOpsStore);
  protected readonly error = computed(() => callError(this.store.callState()));
  /** The usual BullMQ states first, then any other the API reports. */
  protected readonly countKeys = computed(() => {
    const extra = new Set<string>();
    for (const q of this.store.ops()?.queues ?? []) for (const k of Object.keys(q.counts)) if (!COUNT_KEYS.includes(k)) extra.add(k);
    return [...COUNT_KEYS, ...[...extra].sort()];
  });

  constructor() {
    void this.store.load();
    const timer = setInterval(() => void this.store.load(true), QUEUES_REFRESH_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected count(q: QueueStatusView, k: string): number {
    return q.counts[k] || 0;
  }

  protected countLabel(k: string): string {
    return COUNT_LABELS[k] ?? k;
  }

  protected runSummary(r: ReconcilerRunView): string {
    const parts = [r.fullScan ? '全量' : '增量', `补触发 ${r.fired}`, `重新入队 ${r.requeued}`, `补建定时器 ${r.backfilled}`];
    if (r.note) parts.push(r.note);
    return parts.join(' · ');
  }
}
