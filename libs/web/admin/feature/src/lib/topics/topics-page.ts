import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TopicsStore, AdminTopicView, TopicForm } from '@hotline/web-admin-data-access';
import { ReferenceStore } from '@hotline/web-core-data-access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { ADMIN_CRUD, AdminPageSpec, injectAdminEditor } from '../crud';

interface TopicEdit extends TopicForm {
  existing: AdminTopicView | null;
}

@Component({
  selector: 'hl-topics-page',
  imports: [NzButtonModule, ADMIN_CRUD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './topics-page.html',
})
export class TopicsPage {
  private readonly store = inject(TopicsStore);
  protected readonly reference = inject(ReferenceStore);
  protected readonly spec: AdminPageSpec<AdminTopicView> = {
    heading: '专题（如疫情、文明创建）',
    noun: '专题',
    entity: 'topic',
    tableId: 'topics-table',
    columns: [{ title: '编码', width: '160px' }, { title: '名称' }, { title: '状态', width: '80px' }, { title: '操作', width: '80px' }],
    rowKey: (t: AdminTopicView) => t.code,
  };
  protected readonly editor = injectAdminEditor<TopicEdit>(this.store, {
    problem: (e) => (!e.code.trim() || !e.name.trim() ? '请填写编码和名称' : null),
    save: (e) =>
      this.store.save(e.existing, {
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
