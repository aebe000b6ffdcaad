import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { DatePipe } from '@angular/common';
import { ACTION_LABELS, OrderAction, OrderDetail, SATISFACTION_LABELS } from '@hotline/contracts';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzDividerModule } from 'ng-zorro-antd/divider';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { DANGER_ACTIONS, sortActions } from './action-forms';
import { DeadlineCountdown } from './deadline-countdown';
import { HistoryTimeline } from './history-timeline';
import { BASIC_LOOKUPS, OrderLookups } from './lookups';
import { StatusTag } from './status-tag';

/**
 * Everything about one order on one screen: facts, pending requests, replies, the buttons the API
 * allows this user now (`allowedActions`), and the full history.
 */
@Component({
  selector: 'hl-order-detail',
  imports: [DatePipe, NzAlertModule, NzButtonModule, NzDescriptionsModule, NzDividerModule, NzTagModule, StatusTag, DeadlineCountdown, HistoryTimeline],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let o = order();
    <div class="head" data-testid="order-detail" [attr.data-order-number]="o.number">
      <span class="number" data-testid="order-number">{{ o.number }}</span>
      <hl-status-tag [status]="o.status" />
      @if (o.urgent) {
        <nz-tag nzColor="red">紧急</nz-tag>
      }
      @if (o.overdue) {
        <nz-tag nzColor="volcano">已超期</nz-tag>
      }
      @if (o.caller.confidential) {
        <nz-tag>保密</nz-tag>
      }
      @if (o.reworkCount) {
        <nz-tag nzColor="magenta">重办 {{ o.reworkCount }} 次</nz-tag>
      }
      @if (o.urgeCount) {
        <nz-tag nzColor="orange">催办 {{ o.urgeCount }} 次</nz-tag>
      }
      @if (o.superviseCount) {
        <nz-tag nzColor="red">督办 {{ o.superviseCount }} 次</nz-tag>
      }
    </div>

    <div class="actions" data-testid="order-actions">
      @for (a of actions(); track a; let first = $first) {
        <button
          nz-button
          nzSize="small"
          [nzType]="first ? 'primary' : 'default'"
          [nzDanger]="isDanger(a)"
          [nzLoading]="busy() && pendingAction() === a"
          [disabled]="busy()"
          [attr.data-testid]="'action-' + a"
          (click)="action.emit(a)"
        >
          {{ label(a) }}
        </button>
      } @empty {
        <span class="muted">当前无可执行的操作</span>
      }
    </div>

    @if (o.pendingReturn; as r) {
      <nz-alert
        nzType="warning"
        nzShowIcon
        [nzMessage]="'退单申请：' + r.reason"
        [nzDescription]="'申请时间 ' + (r.requestedAt | date: 'yyyy-MM-dd HH:mm')"
        data-testid="pending-return"
      />
    }
    @if (o.pendingExtension; as e) {
      <nz-alert
        nzType="warning"
        nzShowIcon
        [nzMessage]="'延期申请：' + e.days + ' 个工作日，' + e.reason"
        [nzDescription]="'申请时间 ' + (e.requestedAt | date: 'yyyy-MM-dd HH:mm')"
        data-testid="pending-extension"
      />
    }
    @if (o.mergedIntoId) {
      <nz-alert nzType="info" nzShowIcon [nzMessage]="'已并入工单 #' + o.mergedIntoId" />
    }

    <nz-descriptions nzBordered nzSize="small" [nzColumn]="3" class="facts">
      <nz-descriptions-item nzTitle="来源渠道">{{ lookups().channelName(o.channel) }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="诉求类型">{{ lookups().appealTypeName(o.appealType) }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="受理时间">{{ o.createdAt | date: 'yyyy-MM-dd HH:mm' }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="问题分类" [nzSpan]="2">{{ o.categoryPath }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="区域">{{ lookups().regionName(o.regionId) || '—' }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="来电人">{{ o.caller.name || '—' }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="来电号码">{{ o.caller.phone || '—' }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="地址">{{ o.address || '—' }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="承办单位">{{ o.mainUnitName || '—' }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="协办单位" [nzSpan]="2">
        @for (c of o.coUnits; track c.unitId; let last = $last) {
          {{ c.unitName }}{{ c.repliedAt ? '（已回复）' : '' }}{{ last ? '' : '、' }}
        } @empty {
          —
        }
      </nz-descriptions-item>
      <nz-descriptions-item nzTitle="签收时限"><hl-deadline [dueAt]="o.signedAt ? null : o.signDueAt" label="签收时限" /></nz-descriptions-item>
      <nz-descriptions-item nzTitle="办理时限"><hl-deadline [dueAt]="o.repliedAt ? null : o.handleDueAt" label="办理时限" /></nz-descriptions-item>
      <nz-descriptions-item nzTitle="回访时限"><hl-deadline [dueAt]="o.callback ? null : o.callbackDueAt" label="回访时限" /></nz-descriptions-item>
      @if (o.topics.length) {
        <nz-descriptions-item nzTitle="专题" [nzSpan]="3">
          @for (t of o.topics; track t) {
            <nz-tag nzColor="blue">{{ lookups().topicName(t) }}</nz-tag>
          }
        </nz-descriptions-item>
      }
      <nz-descriptions-item nzTitle="诉求内容" [nzSpan]="3"
        ><div class="text" data-testid="order-content">
          {{ o.content }}
        </div></nz-descriptions-item
      >
      @if (o.directAnswer) {
        <nz-descriptions-item nzTitle="直接答复" [nzSpan]="3"
          ><div class="text">{{ o.directAnswer }}</div></nz-descriptions-item
        >
      }
      @if (o.reply) {
        <nz-descriptions-item nzTitle="办理结果" [nzSpan]="3">
          <div class="text" data-testid="order-reply">{{ o.reply }}</div>
          @if (o.repliedAt) {
            <div class="muted">
              {{ o.repliedAt | date: 'yyyy-MM-dd HH:mm' }}
            </div>
          }
        </nz-descriptions-item>
      }
      @for (c of coReplies(); track c.unitId) {
        <nz-descriptions-item [nzTitle]="'协办回复 · ' + c.unitName" [nzSpan]="3"
          ><div class="text">{{ c.reply }}</div></nz-descriptions-item
        >
      }
      @if (o.callback; as cb) {
        <nz-descriptions-item nzTitle="回访结果" [nzSpan]="3" data-testid="callback-result">
          {{ satisfaction(cb.satisfaction) }}，{{ cb.solved ? '已解决' : '未解决' }}
          @if (cb.comment) {
            ——{{ cb.comment }}
          }
          <span class="muted">（{{ cb.at | date: 'yyyy-MM-dd HH:mm' }}）</span>
        </nz-descriptions-item>
      }
    </nz-descriptions>

    <nz-divider nzOrientation="left" nzText="流转记录" />
    <hl-history-timeline [history]="o.history" [lookups]="lookups()" />
  `,
  styles: `
    :host {
      display: block;
    }
    .head {
      display: flex;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
      margin-bottom: 8px;
    }
    .number {
      font-size: 16px;
      font-weight: 600;
      font-family: ui-monospace, monospace;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      margin-bottom: 8px;
    }
    nz-alert {
      margin-bottom: 8px;
    }
    .facts {
      margin-top: 4px;
    }
    .text {
      white-space: pre-wrap;
      word-break: break-word;
    }
    .muted {
      color: rgba(0, 0, 0, 0.45);
    }
  `,
})
export class OrderDetailPanel {
  readonly order = input.required<OrderDetail>();
  readonly lookups = input<OrderLookups>(BASIC_LOOKUPS);
  readonly busy = input(false);
  /** The action being submitted, so its button shows the spinner. */
  readonly pendingAction = input<OrderAction | null>(null);

  readonly action = output<OrderAction>();

  protected readonly actions = computed(() => sortActions(this.order().allowedActions ?? []));
  protected readonly coReplies = computed(() => this.order().coUnits.filter((c) => !!c.reply));

  protected label(a: OrderAction): string {
    return ACTION_LABELS[a] ?? a;
  }
  protected isDanger(a: OrderAction): boolean {
    return DANGER_ACTIONS.includes(a);
  }
  protected satisfaction(s: keyof typeof SATISFACTION_LABELS): string {
    return SATISFACTION_LABELS[s] ?? s;
  }
}
