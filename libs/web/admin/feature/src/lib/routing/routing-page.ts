import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { RoutingModelStatus, RoutingModelView, RoutingRuleView } from '@hotline/contracts';
import { RoutingAdminStore } from '@hotline/web-admin-data-access';
import { ReferenceStore, callError, flattenCategories } from '@hotline/web-core-data-access';
import { OptionSelect, PageBar } from '@hotline/web-ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

/** How often the model view is re-read while a training run is queued or running. */
export const ROUTING_POLL_MS = 3_000;

export const MODEL_STATUS_LABELS: Record<RoutingModelStatus, string> = {
  none: '尚未训练',
  queued: '排队中',
  training: '训练中',
  serving: '服务中',
  rejected: '未采用',
  failed: '训练失败',
  retired: '已停用',
};

const STATUS_COLORS: Partial<Record<RoutingModelStatus, string>> = {
  serving: 'green',
  queued: 'blue',
  training: 'processing',
  rejected: 'orange',
  failed: 'red',
};

/** 派单模型: the learned model's state and holdout accuracy, retraining, and the dispatch catalogue it defers to. */
@Component({
  selector: 'hl-routing-page',
  imports: [
    PageBar,
    DatePipe,
    FormsModule,
    OptionSelect,
    NzAlertModule,
    NzButtonModule,
    NzDescriptionsModule,
    NzInputModule,
    NzPopconfirmModule,
    NzTableModule,
    NzTagModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './routing-page.html',
  styles: `
    h3 {
      font-size: 14px;
      margin: 16px 0 8px;
    }
    .add {
      display: grid;
      grid-template-columns: 2fr 1fr 1.5fr 1.5fr auto;
      gap: 8px;
      margin-bottom: 12px;
    }
    .sub {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
    nz-alert {
      margin-bottom: 8px;
    }
  `,
})
export class RoutingPage {
  protected readonly store = inject(RoutingAdminStore);
  protected readonly ref = inject(ReferenceStore);
  protected readonly modelError = computed(() => callError(this.store.modelState()));
  protected readonly rulesError = computed(() => callError(this.store.rulesState()));
  protected readonly statusLabels = MODEL_STATUS_LABELS;
  protected readonly statusColors = STATUS_COLORS;

  /** Every category with its full path (一级 / 二级 / 三级), searchable by any part of it. */
  protected readonly categoryOptions = computed(() => {
    const byId = this.ref.categoryById();
    const path = (id: number): string => {
      const names: string[] = [];
      for (let c = byId.get(id); c; c = c.parentId ? byId.get(c.parentId) : undefined) names.unshift(c.name);
      return names.join(' / ');
    };
    return flattenCategories(this.ref.categories())
      .filter((c) => c.active !== false)
      .map((c) => ({ value: c.id, label: path(c.id) }));
  });

  protected categoryId: number | null = null;
  protected regionId: number | null = null;
  protected unitId: number | null = null;
  protected note = '';

  constructor() {
    this.store.clearAddError(); // the store outlives the page (the admin frame provides it): an old refusal is not news
    void this.store.loadModel();
    void this.store.loadRules();
    // re-read the model while a run is queued or training, and stop once it settles
    let timer: ReturnType<typeof setInterval> | null = null;
    const stop = () => {
      if (timer) clearInterval(timer);
      timer = null;
    };
    effect(() => {
      if (this.store.training() && !timer) timer = setInterval(() => void this.store.loadModel(true), ROUTING_POLL_MS);
      else if (!this.store.training()) stop();
    });
    inject(DestroyRef).onDestroy(stop);
  }

  protected percent(v: number | null): string {
    return v == null ? '—' : `${(v * 100).toFixed(1)}%`;
  }

  protected runDetail(run: NonNullable<RoutingModelView['latest']>): string {
    if (run.error) return `原因：${run.error}`;
    return run.holdout.top1 === null ? '' : `留出集 Top1 ${this.percent(run.holdout.top1)} / Top3 ${this.percent(run.holdout.top3)}`;
  }

  protected canAdd(): boolean {
    return this.categoryId !== null && this.unitId !== null;
  }

  protected contradiction(r: RoutingRuleView): string | null {
    const c = r.contradiction;
    if (!c) return null;
    const unit = c.mostCommonUnitId ? this.ref.unitName(c.mostCommonUnitId) : '其他单位';
    return `历史多派往 ${unit}（占 ${Math.round(c.otherUnitShare * 100)}%）`;
  }

  protected async add(): Promise<void> {
    if (this.categoryId == null || this.unitId == null) return;
    const note = this.note.trim();
    const rule = await this.store.addRule({
      categoryId: this.categoryId,
      unitId: this.unitId,
      ...(this.regionId != null ? { regionId: this.regionId } : {}),
      ...(note ? { note } : {}),
    });
    if (rule) {
      this.categoryId = null;
      this.regionId = null;
      this.unitId = null;
      this.note = '';
    }
  }
}
