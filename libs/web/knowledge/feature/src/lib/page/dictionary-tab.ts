import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { KnowledgeDictionaryEntry } from '@hotline/contracts';
import { callError } from '@hotline/web-core-data-access';
import { KnowledgeDictionaryStore, splitWords } from '@hotline/web-knowledge-data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

/** 检索词典 (admin): words the segmenter must keep whole (地名、单位名) and synonym groups (公积金 / 住房公积金). */
@Component({
  selector: 'hl-kb-dictionary-tab',
  imports: [DatePipe, FormsModule, NzAlertModule, NzButtonModule, NzInputModule, NzPopconfirmModule, NzRadioModule, NzTableModule, NzTagModule],
  providers: [KnowledgeDictionaryStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="add">
      <nz-radio-group [ngModel]="kind()" (ngModelChange)="kind.set($event)" nzSize="small" data-testid="kb-dict-kind">
        <label nz-radio-button nzValue="word">词语</label>
        <label nz-radio-button nzValue="synonyms">同义词组</label>
      </nz-radio-group>
      <input
        nz-input
        [placeholder]="kind() === 'word' ? '一个词，如：海州区' : '两个以上的词，用逗号分隔，如：公积金，住房公积金'"
        [ngModel]="text()"
        (ngModelChange)="text.set($event)"
        (keydown.enter)="add()"
        aria-label="词语"
        data-testid="kb-dict-words"
      />
      <button nz-button nzType="primary" [nzLoading]="store.saving()" (click)="add()" data-testid="kb-dict-add">添加</button>
    </div>
    @if (problem(); as message) {
      <nz-alert nzType="warning" [nzMessage]="message" />
    }
    @if (loadError(); as message) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="message" />
    }
    <nz-table #t nzSize="small" [nzData]="store.items()" [nzPageSize]="20" [nzLoading]="store.state() === 'loading'" data-testid="kb-dict-list">
      <thead>
        <tr>
          <th nzWidth="100px">类型</th>
          <th>词语</th>
          <th nzWidth="140px">添加时间</th>
          <th nzWidth="80px"></th>
        </tr>
      </thead>
      <tbody>
        @for (e of t.data; track e.id) {
          <tr data-testid="kb-dict-row">
            <td>{{ e.kind === 'word' ? '词语' : '同义词组' }}</td>
            <td>
              @for (w of e.words; track w) {
                <nz-tag>{{ w }}</nz-tag>
              }
            </td>
            <td>{{ e.createdAt | date: 'yyyy-MM-dd HH:mm' }}</td>
            <td>
              <a nz-popconfirm nzPopconfirmTitle="删除这一条？" (nzOnConfirm)="remove(e)">删除</a>
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
  `,
  styles: `
    .add {
      display: flex;
      gap: 8px;
      margin-bottom: 12px;
      max-width: 720px;
    }
  `,
})
export class DictionaryTab {
  protected readonly store = inject(KnowledgeDictionaryStore);
  protected readonly kind = signal<'word' | 'synonyms'>('synonyms');
  protected readonly text = signal('');
  protected readonly problem = signal<string | null>(null);
  protected readonly loadError = () => callError(this.store.state());

  constructor() {
    void this.store.load();
  }

  protected async add(): Promise<void> {
    const words = splitWords(this.text());
    const kind = this.kind();
    if (kind === 'word' ? words.length !== 1 : words.length < 2) {
      this.problem.set(kind === 'word' ? '请输入一个词' : '同义词组至少两个词');
      return;
    }
    this.problem.set(null);
    if (await this.store.add({ kind, words })) this.text.set('');
  }

  protected remove(e: KnowledgeDictionaryEntry): void {
    void this.store.remove(e);
  }
}
