import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormGroup } from '@angular/forms';
import { DatePipe, PercentPipe } from '@angular/common';
import { SIMILAR_REASON_LABELS, type OrderDetail, type SimilarOrder, type SuggestResponse } from '@hotline/contracts';
import { ApiClient, NOTIFIER, ReferenceStore, categoryPathIds, errorMessage } from '@hotline/web-core-data-access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { debounceTime, merge } from 'rxjs';

/** How long typing must pause before suggestions are asked for. */
export const ROUTING_DEBOUNCE_MS = 400;
/** Fewer characters than this say too little to suggest from. */
export const ROUTING_MIN_CHARS = 4;

/**
 * 智能分派: while the agent types the appeal, the three likeliest categories and units (learned from the center's
 * history; the dispatch catalogue's unit first) and similar recent orders (same caller, same address, same matter),
 * open ones first. Ctrl+Alt+1..3 takes a category, Ctrl+Alt+Shift+1..3 a unit (Alt+digit alone belongs to the
 * knowledge suggestions beside it); 并单 registers the call into an open order.
 * Reads and fills the intake form it is given (content, region, address, phone → category, unit).
 */
@Component({
  selector: 'hl-routing-panel',
  imports: [DatePipe, PercentPipe, NzButtonModule, NzCardModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'onKey($event)' },
  template: `
    <nz-card nzSize="small" nzTitle="智能分派" data-testid="routing-panel">
      @if (!result()) {
        <div class="hint">输入诉求内容后显示推荐分类、承办单位和相似工单</div>
      } @else {
        @if (result()!.modelVersion === null) {
          <div class="hint" data-testid="routing-no-model">尚未训练分派模型</div>
        }
        @if (result()!.categories.length) {
          <div class="label">推荐分类 <span class="keys">Ctrl+Alt+1~3</span></div>
          @for (c of result()!.categories; track c.id; let i = $index) {
            <button nz-button nzSize="small" nzType="dashed" class="pick" (click)="takeCategory(i)" [attr.data-testid]="'routing-category-' + i">
              {{ i + 1 }}. {{ c.path }} <span class="score">{{ c.score | percent: '1.0-0' }}</span>
            </button>
          }
        }
        @if (result()!.units.length) {
          <div class="label">推荐承办单位 <span class="keys">Ctrl+Alt+Shift+1~3</span></div>
          @for (u of result()!.units; track u.id; let i = $index) {
            <button nz-button nzSize="small" nzType="dashed" class="pick" (click)="takeUnit(i)" [attr.data-testid]="'routing-unit-' + i">
              {{ i + 1 }}. {{ u.name }}
              @if (u.source === 'rule') {
                <nz-tag nzColor="blue">派单目录</nz-tag>
              } @else {
                <span class="score">{{ u.score | percent: '1.0-0' }}</span>
              }
            </button>
          }
        }
        <div class="label">相似工单（近 90 天）</div>
        @for (s of result()!.similar; track s.orderId) {
          <div class="similar" [attr.data-testid]="'routing-similar-' + s.number">
            <div class="line">
              <span class="number">{{ s.number }}</span>
              <nz-tag [nzColor]="s.open ? 'orange' : 'default'">{{ s.open ? '在办' : '已办结' }}</nz-tag>
              <span class="muted">{{ reasonLabel[s.reason] }} · {{ s.createdAt | date: 'MM-dd HH:mm' }}</span>
            </div>
            <div class="ellipsis">{{ s.content }}</div>
            @if (s.open) {
              <button
                nz-button
                nzSize="small"
                nzType="link"
                [nzLoading]="merging() === s.orderId"
                (click)="mergeInto(s)"
                [attr.data-testid]="'routing-merge-' + s.number"
              >
                并单（并入此单）
              </button>
            }
          </div>
        } @empty {
          <div class="hint">无相似工单</div>
        }
      }
    </nz-card>
  `,
  styles: `
    .label {
      margin: 8px 0 4px;
      font-weight: 500;
    }
    .keys,
    .muted,
    .score {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
    .pick {
      display: block;
      margin-bottom: 4px;
      max-width: 100%;
      overflow: hidden;
      text-overflow: ellipsis;
      text-align: left;
    }
    .hint {
      color: rgba(0, 0, 0, 0.45);
    }
    .similar {
      border-top: 1px solid #f0f0f0;
      padding: 4px 0;
    }
    .line {
      display: flex;
      gap: 6px;
      align-items: center;
    }
    .number {
      font-family: monospace;
    }
    .ellipsis {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `,
})
export class RoutingPanel {
  /** the intake form (controls content, regionId, address, phone, category, unitId, mode, and the intake body's fields) */
  readonly form = input.required<FormGroup>();
  private readonly api = inject(ApiClient);
  private readonly reference = inject(ReferenceStore);
  private readonly notifier = inject(NOTIFIER);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly result = signal<SuggestResponse | null>(null);
  protected readonly merging = signal<number | null>(null);
  protected readonly reasonLabel = SIMILAR_REASON_LABELS;
  private readonly hasResult = computed(() => this.result() !== null);
  private seq = 0;

  constructor() {
    effect((onCleanup) => {
      const f = this.form();
      const c = f.controls;
      const sub = merge(c['content'].valueChanges, c['regionId'].valueChanges, c['address'].valueChanges, c['phone'].valueChanges)
        .pipe(debounceTime(ROUTING_DEBOUNCE_MS), takeUntilDestroyed(this.destroyRef))
        .subscribe(() => void this.refresh());
      onCleanup(() => sub.unsubscribe());
    });
  }

  private async refresh(): Promise<void> {
    const v = this.form().getRawValue();
    const content = String(v.content ?? '').trim();
    const seq = ++this.seq;
    if (content.length < ROUTING_MIN_CHARS) {
      this.result.set(null);
      return;
    }
    try {
      const body = {
        content,
        ...(v.regionId ? { regionId: v.regionId } : {}),
        ...(String(v.address ?? '').trim() ? { address: String(v.address).trim() } : {}),
        ...(/^[0-9+\-() ]{3,32}$/.test(String(v.phone ?? '').trim()) ? { phone: String(v.phone).trim() } : {}),
      };
      const r = await this.api.post<SuggestResponse>('/routing/suggest', body);
      // an answer to older text must not replace the answer to newer text
      if (seq === this.seq) this.result.set(r);
    } catch {
      if (seq === this.seq) this.result.set(null);
    }
  }

  protected onKey(e: KeyboardEvent): void {
    if (!e.altKey || !e.ctrlKey || e.metaKey || !this.hasResult() || !/^Digit[1-3]$/.test(e.code)) return;
    const i = Number(e.code.slice(5)) - 1;
    e.preventDefault();
    if (e.shiftKey) this.takeUnit(i);
    else this.takeCategory(i);
  }

  protected takeCategory(i: number): void {
    const c = this.result()?.categories[i];
    if (!c) return;
    this.form().controls['category'].setValue(categoryPathIds(this.reference.categoryById(), c.id));
    this.form().controls['category'].markAsDirty();
  }

  protected takeUnit(i: number): void {
    const u = this.result()?.units[i];
    if (!u) return;
    this.form().controls['mode'].setValue('dispatch');
    this.form().controls['unitId'].setValue(u.id);
    this.form().controls['unitId'].markAsDirty();
  }

  /** 并单: registers this call and merges it into the open order, so its caller is called back with that one. */
  protected async mergeInto(master: SimilarOrder): Promise<void> {
    const v = this.form().getRawValue();
    const category: number[] = v.category ?? [];
    if (!v.appealType || !category.length || !String(v.content ?? '').trim()) {
      this.notifier.warning('并单前请先填写诉求类型、问题分类和诉求内容');
      return;
    }
    this.merging.set(master.orderId);
    try {
      const order = await this.api.post<OrderDetail>('/orders', {
        channel: v.channel,
        appealType: v.appealType,
        categoryId: category[category.length - 1],
        ...(v.regionId ? { regionId: v.regionId } : {}),
        caller: { name: v.callerName || undefined, phone: v.phone || undefined, confidential: !!v.confidential },
        ...(String(v.address ?? '').trim() ? { address: String(v.address).trim() } : {}),
        content: String(v.content).trim(),
        ...(v.topics?.length ? { topics: v.topics } : {}),
        urgent: !!v.urgent,
      });
      await this.api.post(`/orders/${order.id}/actions/merge`, { version: order.version, masterId: master.orderId });
      this.notifier.success(`工单 ${order.number} 已并入 ${master.number}`);
      const channel = v.channel;
      this.form().reset();
      this.form().controls['channel'].setValue(channel);
      this.result.set(null);
    } catch (err) {
      this.notifier.error(`并单失败：${errorMessage(err)}`);
    } finally {
      this.merging.set(null);
    }
  }
}
