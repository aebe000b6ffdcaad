import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject } from '@angular/core';
import { QueueStatusView, ReconcilerRunView } from '@hotline/contracts';
import { AdminStore } from '@hotline/web-admin-data-access';
import { callError } from '@hotline/web-core-data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
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
  imports: [DatePipe, NzAlertModule, NzButtonModule, NzCardModule, NzDescriptionsModule, NzIconModule, NzSpinModule, NzTableModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bar">
      <h2>队列状态</h2>
      @if (admin.deadlineOps(); as ops) {
        <span class="sub" data-testid="queues-generated-at">数据时间 {{ ops.generatedAt | date: 'yyyy-MM-dd HH:mm:ss' }} · 每 10 秒自动刷新</span>
      }
      <button nz-button nzSize="small" [nzLoading]="admin.deadlineOpsState() === 'loading'" (click)="admin.loadDeadlineOps()" data-testid="queues-refresh">
        <nz-icon nzType="reload" />刷新
      </button>
      <button nz-button nzType="primary" nzSize="small" [nzLoading]="admin.reconciling()" (click)="admin.reconcileNow()" data-testid="reconcile-now">
        立即对账
      </button>
    </div>
    @if (error(); as message) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="message" data-testid="queues-error" />
    }
    @if (admin.deadlineOps(); as ops) {
      <div class="panel" data-testid="queues-panel">
        <nz-descriptions nzBordered nzSize="small" [nzColumn]="4" nzTitle="定时器与发件箱" data-testid="queues-timers">
          <nz-descriptions-item nzTitle="待触发定时器">
            <span data-testid="timers-pending">{{ ops.timers.pending }}</span>
          </nz-descriptions-item>
          <nz-descriptions-item nzTitle="已到期未触发">
            <span data-testid="timers-due-unfired">
              @if (ops.timers.dueUnfired > 0) {
                <nz-tag nzColor="red">{{ ops.timers.dueUnfired }}</nz-tag>
              } @else {
                0
              }
            </span>
          </nz-descriptions-item>
          <nz-descriptions-item nzTitle="下一个到期">
            {{ ops.timers.nextDueAt ? (ops.timers.nextDueAt | date: 'yyyy-MM-dd HH:mm:ss') : '—' }}
          </nz-descriptions-item>
          <nz-descriptions-item nzTitle="发件箱积压">
            <span data-testid="outbox-pending">
              @if (ops.outboxPending > 0) {
                <nz-tag nzColor="orange">{{ ops.outboxPending }}</nz-tag>
              } @else {
                0
              }
            </span>
          </nz-descriptions-item>
        </nz-descriptions>

        <h3>队列</h3>
        <nz-table #q nzSize="small" [nzData]="ops.queues" [nzShowPagination]="false" nzNoResult="无队列" data-testid="queues-table">
          <thead>
            <tr>
              <th>队列</th>
              @for (k of countKeys(); track k) {
                <th nzWidth="80px">{{ countLabel(k) }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (x of q.data; track x.name) {
              <tr [attr.data-testid]="'queue-row-' + x.name">
                <td>{{ x.name }}</td>
                @for (k of countKeys(); track k) {
                  <td>
                    @if (k === 'failed' && count(x, k) > 0) {
                      <nz-tag nzColor="red">{{ x.counts[k] }}</nz-tag>
                    } @else {
                      {{ count(x, k) }}
                    }
                  </td>
                }
              </tr>
            }
          </tbody>
        </nz-table>

        <h3>对账</h3>
        <nz-descriptions nzBordered nzSize="small" [nzColumn]="1" data-testid="reconciler">
          <nz-descriptions-item nzTitle="最近巡检">
            {{ ops.reconciler.lastTickAt ? (ops.reconciler.lastTickAt | date: 'yyyy-MM-dd HH:mm:ss') : '尚未运行' }}
            @if (ops.reconciler.lastTick; as r) {
              <span class="sub"> · {{ runSummary(r) }}</span>
            }
          </nz-descriptions-item>
          <nz-descriptions-item nzTitle="最近修复">
            <span data-testid="reconciler-last-repair">
              @if (ops.reconciler.lastRepair; as r) {
                {{ r.finishedAt | date: 'yyyy-MM-dd HH:mm:ss' }} ·
                {{ runSummary(r) }}
              } @else {
                无
              }
            </span>
          </nz-descriptions-item>
        </nz-descriptions>

        <h3>失败任务</h3>
        <nz-table
          #f
          nzSize="small"
          [nzData]="ops.failedJobs"
          [nzPageSize]="20"
          [nzHideOnSinglePage]="true"
          nzNoResult="没有失败任务"
          data-testid="failed-jobs-table"
        >
          <thead>
            <tr>
              <th nzWidth="140px">队列</th>
              <th nzWidth="100px">任务</th>
              <th nzWidth="160px">名称</th>
              <th>失败原因</th>
              <th nzWidth="70px">尝试</th>
              <th nzWidth="160px">失败时间</th>
            </tr>
          </thead>
          <tbody>
            @for (j of f.data; track j.queue + '/' + j.id) {
              <tr [attr.data-testid]="'failed-job-' + j.id">
                <td>{{ j.queue }}</td>
                <td>{{ j.id }}</td>
                <td>{{ j.name }}</td>
                <td class="reason">{{ j.failedReason }}</td>
                <td>{{ j.attemptsMade }}</td>
                <td>
                  {{ j.failedAt ? (j.failedAt | date: 'yyyy-MM-dd HH:mm:ss') : '—' }}
                </td>
              </tr>
            }
          </tbody>
        </nz-table>
      </div>
    } @else if (!error()) {
      <nz-spin nzSimple />
    }
  `,
  styles: `
    .bar {
      display: flex;
      gap: 12px;
      align-items: center;
      margin-bottom: 8px;
    }
    h2 {
      font-size: 16px;
      margin: 0;
      flex: 1;
    }
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
  protected readonly admin = inject(AdminStore);
  protected readonly error = computed(() => callError(this.admin.deadlineOpsState()));
  /** The usual BullMQ states first, then any other the API reports. */
  protected readonly countKeys = computed(() => {
    const extra = new Set<string>();
    for (const q of this.admin.deadlineOps()?.queues ?? []) for (const k of Object.keys(q.counts)) if (!COUNT_KEYS.includes(k)) extra.add(k);
    return [...COUNT_KEYS, ...[...extra].sort()];
  });

  constructor() {
    void this.admin.loadDeadlineOps();
    const timer = setInterval(() => void this.admin.loadDeadlineOps(true), QUEUES_REFRESH_MS);
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
