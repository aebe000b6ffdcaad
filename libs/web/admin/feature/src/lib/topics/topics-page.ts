import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AdminStore, AdminTopicView, TopicForm } from '@hotline/web-admin-data-access';
import { ReferenceStore } from '@hotline/web-core-data-access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { ADMIN_CRUD, injectAdminEditor } from './crud';

interface TopicEdit extends TopicForm {
  existing: AdminTopicView | null;
}

@Component({
  selector: 'hl-topics-page',
  imports: [NzButtonModule, ADMIN_CRUD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <hl-admin-crud-page
      heading="专题（如疫情、文明创建）"
      noun="专题"
      entity="topic"
      tableId="topics-table"
      [columns]="columns"
      [rows]="reference.topics()"
      [rowKey]="rowKey"
      [editor]="editor"
      (create)="create()"
    >
      <ng-template [hlAdminRow]="reference.topics()" let-x>
        <td>{{ x.code }}</td>
        <td>{{ x.name }}</td>
        <td>
          <hl-active-tag [active]="x.active" />
        </td>
        <td>
          <button nz-button nzType="link" nzSize="small" (click)="edit(x)" [attr.data-testid]="'topic-edit-' + x.code">编辑</button>
        </td>
      </ng-template>
      <ng-template [hlAdminForm]="editor" let-e>
        <hl-admin-input
          [editor]="editor"
          field="code"
          label="编码"
          required
          extra="小写字母开头，可含数字和下划线；创建后不可修改"
          [disabled]="!!e.existing"
          testid="topic-code"
        />
        <hl-admin-input [editor]="editor" field="name" label="名称" required testid="topic-name" />
        @if (e.existing) {
          <hl-admin-switch [editor]="editor" field="active" label="启用" />
        }
      </ng-template>
    </hl-admin-crud-page>
  `,
})
export class TopicsPage {
  private readonly admin = inject(AdminStore);
  protected readonly reference = inject(ReferenceStore);
  protected readonly columns = [{ title: '编码', width: '160px' }, { title: '名称' }, { title: '状态', width: '80px' }, { title: '操作', width: '80px' }];
  protected readonly rowKey = (t: AdminTopicView) => t.code;
  protected readonly editor = injectAdminEditor<TopicEdit>({
    problem: (e) => (!e.code.trim() || !e.name.trim() ? '请填写编码和名称' : null),
    save: (e) =>
      this.admin.saveTopic(e.existing, {
        code: e.code.trim(),
        name: e.name.trim(),
        active: e.active,
      }),
  });

  protected create(): void {
    this.editor.open({ existing: null, code: '', name: '', active: true });
  }

  protected edit(t: AdminTopicView): void {
    this.editor.open({
      existing: t,
      code: t.code,
      name: t.name,
      active: t.active,
    });
  }
}
