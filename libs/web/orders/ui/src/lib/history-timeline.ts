import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DatePipe } from '@angular/common';
import { ACTION_LABELS, HistoryEntry, ROLE_LABELS, Role, STATUS_LABELS } from '@hotline/contracts';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { describeHistoryData, historyColor } from './history';
import { BASIC_LOOKUPS, OrderLookups } from './lookups';

interface TimelineRow {
  entry: HistoryEntry;
  label: string;
  actor: string;
  transition: string | null;
  lines: string[];
  color: string;
}

@Component({
  selector: 'hl-history-timeline',
  imports: [DatePipe, NzTimelineModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-timeline data-testid="history-timeline">
      @for (row of rows(); track row.entry.id) {
        <nz-timeline-item [nzColor]="row.color">
          <div data-testid="timeline-item" [attr.data-action]="row.entry.action" class="item">
            <div class="head">
              <strong>{{ row.label }}</strong>
              <span class="time">{{ row.entry.createdAt | date: 'yyyy-MM-dd HH:mm' }}</span>
              <span class="actor">{{ row.actor }}</span>
              @if (row.transition) {
                <span class="transition">{{ row.transition }}</span>
              }
            </div>
            @if (row.entry.comment) {
              <div class="comment">{{ row.entry.comment }}</div>
            }
            @for (line of row.lines; track $index) {
              <div class="line">{{ line }}</div>
            }
          </div>
        </nz-timeline-item>
      } @empty {
        <div class="empty">暂无流转记录</div>
      }
    </nz-timeline>
  `,
  styles: `
    .item {
      font-size: 13px;
      line-height: 1.6;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: baseline;
    }
    .time,
    .actor,
    .transition {
      color: rgba(0, 0, 0, 0.45);
    }
    .comment {
      white-space: pre-wrap;
    }
    .line {
      color: rgba(0, 0, 0, 0.65);
      white-space: pre-wrap;
    }
    .empty {
      color: rgba(0, 0, 0, 0.45);
    }
  `,
})
export class HistoryTimeline {
  readonly history = input<readonly HistoryEntry[]>([]);
  readonly lookups = input<OrderLookups>(BASIC_LOOKUPS);

  protected readonly rows = computed<TimelineRow[]>(() =>
    this.history().map((entry) => {
      const role = entry.actorRole === 'system' ? '系统' : (ROLE_LABELS[entry.actorRole as Role] ?? entry.actorRole);
      const unit = entry.actorUnitId ? this.lookups().unitName(entry.actorUnitId) : '';
      const who = entry.actorName ? `${entry.actorName}（${[unit, role].filter(Boolean).join(' · ')}）` : role;
      const transition =
        entry.fromStatus && entry.toStatus && entry.fromStatus !== entry.toStatus
          ? `${STATUS_LABELS[entry.fromStatus]} → ${STATUS_LABELS[entry.toStatus]}`
          : null;
      return {
        entry,
        label: ACTION_LABELS[entry.action] ?? entry.action,
        actor: who,
        transition,
        lines: describeHistoryData(entry, this.lookups()),
        color: historyColor(entry),
      };
    }),
  );
}
