import {
  ChangeDetectionStrategy,
  Component,
  inject,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import {
  AdminStore,
  AdminTopicView,
  TopicForm,
} from '@hotline/web-admin-data-access';
import { NOTIFIER, ReferenceStore } from '@hotline/web-core-data-access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

interface TopicEdit extends TopicForm {
  existing: AdminTopicView | null;
}

@Component({
  selector: 'hl-topics-page',
  imports: [
    FormsModule,
    NzButtonModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzSwitchModule,
    NzTableModule,
    NzTagModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bar">
      <h2>专题（如疫情、文明创建）</h2>
      <button
        nz-button
        nzType="primary"
        (click)="create()"
        data-testid="topic-create"
      >
        <nz-icon nzType="plus" />新建专题
      </button>
    </div>
    <nz-table
      #t
      nzSize="small"
      [nzData]="reference.topics()"
      [nzPageSize]="50"
      data-testid="topics-table"
    >
      <thead>
        <tr>
          <th nzWidth="160px">编码</th>
          <th>名称</th>
          <th nzWidth="80px">状态</th>
          <th nzWidth="80px">操作</th>
        </tr>
      </thead>
      <tbody>
        @for (x of t.data; track x.id) {
          <tr [attr.data-testid]="'topic-row-' + x.code">
            <td>{{ x.code }}</td>
            <td>{{ x.name }}</td>
            <td>
              @if (x.active) {
                <nz-tag nzColor="green">启用</nz-tag>
              } @else {
                <nz-tag>停用</nz-tag>
              }
            </td>
            <td>
              <button
                nz-button
                nzType="link"
                nzSize="small"
                (click)="edit(x)"
                [attr.data-testid]="'topic-edit-' + x.code"
              >
                编辑
              </button>
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
    <nz-modal
      [nzVisible]="editing() !== null"
      [nzTitle]="editing()?.existing ? '编辑专题' : '新建专题'"
      (nzOnCancel)="editing.set(null)"
      (nzOnOk)="save()"
      [nzOkLoading]="admin.saving()"
      nzOkText="保存"
    >
      <ng-container *nzModalContent>
        @if (editing(); as e) {
          <form
            nz-form
            nzLayout="vertical"
            (ngSubmit)="save()"
            data-testid="topic-form"
          >
            <nz-form-item>
              <nz-form-label nzRequired>编码</nz-form-label>
              <nz-form-control
                nzExtra="小写字母开头，可含数字和下划线；创建后不可修改"
              >
                <input
                  nz-input
                  name="code"
                  [disabled]="!!e.existing"
                  [ngModel]="e.code"
                  (ngModelChange)="patch({ code: $event })"
                  data-testid="topic-code"
                />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzRequired>名称</nz-form-label>
              <nz-form-control
                ><input
                  nz-input
                  name="name"
                  [ngModel]="e.name"
                  (ngModelChange)="patch({ name: $event })"
                  data-testid="topic-name"
              /></nz-form-control>
            </nz-form-item>
            @if (e.existing) {
              <nz-form-item>
                <nz-form-label>启用</nz-form-label>
                <nz-form-control
                  ><nz-switch
                    name="active"
                    [ngModel]="e.active"
                    (ngModelChange)="patch({ active: $event })"
                /></nz-form-control>
              </nz-form-item>
            }
          </form>
        }
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .bar {
      display: flex;
      justify-content: space-between;
      align-items: center;
      margin-bottom: 8px;
    }
    h2 {
      font-size: 16px;
      margin: 0;
    }
    nz-form-item {
      margin-bottom: 10px;
    }
  `,
})
export class TopicsPage {
  protected readonly admin = inject(AdminStore);
  protected readonly reference = inject(ReferenceStore);
  private readonly notifier = inject(NOTIFIER);
  protected readonly editing = signal<TopicEdit | null>(null);

  protected create(): void {
    this.editing.set({ existing: null, code: '', name: '', active: true });
  }

  protected edit(t: AdminTopicView): void {
    this.editing.set({
      existing: t,
      code: t.code,
      name: t.name,
      active: t.active,
    });
  }

  protected patch(change: Partial<TopicEdit>): void {
    this.editing.update((e) => (e ? { ...e, ...change } : e));
  }

  protected async save(): Promise<void> {
    const e = this.editing();
    if (!e) return;
    if (!e.code.trim() || !e.name.trim()) {
      this.notifier.warning('请填写编码和名称');
      return;
    }
    if (
      await this.admin.saveTopic(e.existing, {
        code: e.code.trim(),
        name: e.name.trim(),
        active: e.active,
      })
    )
      this.editing.set(null);
  }
}
