import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, output } from '@angular/core';
import { KnowledgeImportStore } from '@hotline/web-knowledge-data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzTableModule } from 'ng-zorro-antd/table';

const STATUS_LABELS = { queued: '排队中', running: '导入中', done: '已完成', failed: '失败' } as const;

/** 知识导入 (the center and units; an admin's rows are published, the others' are drafts): a CSV/XLSX with 标题, 答案 and the optional columns; the summary and each bad row with its column. */
@Component({
  selector: 'hl-kb-import-tab',
  imports: [NzAlertModule, NzButtonModule, NzTableModule],
  providers: [KnowledgeImportStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="hint">
      表头：<b>标题</b>、<b>答案</b>，可选 问题/同义问法（每行一个）、分类（路径，如 住房保障/公积金）、责任单位、有效期至（YYYY-MM-DD）、关键词。
      同一标题与责任单位再次导入时更新原文章；管理员导入的文章直接发布，其他角色导入为草稿（单位只能导入本单位的文章）。
    </p>
    <label class="file">
      <input type="file" accept=".csv,.xlsx" (change)="pick($event)" [disabled]="store.uploading()" data-testid="kb-import-file" />
    </label>
    @if (store.uploading()) {
      <span>上传中…</span>
    }
    @if (store.error(); as message) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="message" data-testid="kb-import-error" />
    }
    @if (store.summary(); as s) {
      <div class="summary" data-testid="kb-import-summary">
        {{ s.fileName }} · {{ labels[s.status] }} · 新增 <b>{{ s.imported }}</b> 篇 · 更新 <b>{{ s.updated }}</b> 篇 · 未变 <b>{{ s.unchanged }}</b> 篇 · 错误
        <b>{{ s.failed }}</b> 行
        @if (s.message) {
          <div class="message" data-testid="kb-import-message">{{ s.message }}</div>
        }
      </div>
      @if (s.errors.length) {
        <nz-table #t nzSize="small" [nzData]="rows()" [nzPageSize]="20" data-testid="kb-import-errors">
          <thead>
            <tr>
              <th nzWidth="80px">行</th>
              <th nzWidth="140px">列</th>
              <th>原因</th>
            </tr>
          </thead>
          <tbody>
            @for (e of t.data; track $index) {
              <tr data-testid="kb-import-error-row">
                <td>{{ e.row }}</td>
                <td>{{ e.column }}</td>
                <td>{{ e.reason }}</td>
              </tr>
            }
          </tbody>
        </nz-table>
      }
    }
  `,
  styles: `
    .hint {
      color: rgba(0, 0, 0, 0.65);
    }
    .summary {
      margin: 12px 0;
    }
    .message {
      color: #cf1322;
    }
  `,
})
export class ImportTab {
  protected readonly store = inject(KnowledgeImportStore);
  protected readonly labels = STATUS_LABELS;
  protected readonly rows = computed(() => this.store.summary()?.errors ?? []);
  /** Fires when an import finished with articles stored (the list reloads). */
  readonly imported = output<void>();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.store.stop());
  }

  protected async pick(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    await this.store.upload(file);
    input.value = '';
    const s = this.store.summary();
    if (s && (s.imported || s.updated)) this.imported.emit();
  }
}
