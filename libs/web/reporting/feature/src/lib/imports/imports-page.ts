import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { callError } from '@hotline/web-core-data-access';
import { ERRORS_PAGE_SIZE, IMPORT_STATUS_LABELS, ImportKind, ImportsStore, isFinished } from '@hotline/web-reporting-data-access';
import type { ImportJobView } from '@hotline/contracts';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

const STATUS_COLORS: Record<ImportJobView['status'], string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
};

/** 历史数据导入: the legacy system's export (CSV or XLSX), run by the worker, followed live until done. */
@Component({
  selector: 'hl-imports-page',
  imports: [
    DatePipe,
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzIconModule,
    NzProgressModule,
    NzRadioModule,
    NzTableModule,
    NzTagModule,
  ],
  providers: [ImportsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './imports-page.html',
  styles: `
    h2 {
      font-size: 16px;
      margin: 0 0 12px;
    }
    .layout {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 16px;
      align-items: start;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      margin-bottom: 12px;
    }
    .hint {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
      line-height: 1.7;
    }
    .file {
      color: rgba(0, 0, 0, 0.65);
    }
    nz-card {
      margin-bottom: 16px;
    }
    tr.pick {
      cursor: pointer;
    }
    tr.active td {
      background: #e6f4ff;
    }
  `,
})
export class ImportsPage {
  protected readonly store = inject(ImportsStore);
  protected readonly kind = signal<ImportKind>('orders');
  protected readonly file = signal<File | null>(null);
  protected readonly statusLabels = IMPORT_STATUS_LABELS;
  protected readonly statusColors = STATUS_COLORS;
  protected readonly pageSize = ERRORS_PAGE_SIZE;
  protected readonly job = this.store.current;
  protected readonly percent = computed(() => {
    const j = this.job();
    if (!j) return 0;
    return j.status === 'done' ? 100 : Math.floor(j.progress * 100);
  });
  protected readonly progressStatus = computed(() => {
    const j = this.job();
    if (!j) return 'normal';
    return j.status === 'failed' ? 'exception' : j.status === 'done' ? 'success' : 'active';
  });
  protected readonly pollError = computed(() => callError(this.store.currentState()));
  protected readonly errorsError = computed(() => callError(this.store.errorsState()));
  protected readonly isFinished = isFinished;

  constructor() {
    void this.store.loadJobs();
    inject(DestroyRef).onDestroy(() => this.store.stop());
  }

  protected pickFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.file.set(input.files?.[0] ?? null);
  }

  protected async upload(input: HTMLInputElement): Promise<void> {
    const f = this.file();
    if (!f) return;
    const job = await this.store.upload(f, this.kind());
    if (job) {
      input.value = '';
      this.file.set(null);
    }
  }

  protected open(job: ImportJobView): void {
    void this.store.watch(job);
  }
}
