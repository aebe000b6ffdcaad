import { ChangeDetectionStrategy, Component, computed, inject, input, model, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import {
  KNOWLEDGE_ACTION_LABELS,
  KNOWLEDGE_STATUS_LABELS,
  KnowledgeAction,
  KnowledgeArticleInput,
  KnowledgeFlagView,
  KnowledgeHistoryEntry,
} from '@hotline/contracts';
import { ReferenceStore, callError } from '@hotline/web-core-data-access';
import { KnowledgeArticlesStore } from '@hotline/web-knowledge-data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { ArticleEditor } from './article-editor';
import { CENTER_ROLES, Viewer, articleActions, canEdit, revisionState } from './article-rules';

const HISTORY_LABELS: Record<KnowledgeHistoryEntry['action'], string> = {
  ...KNOWLEDGE_ACTION_LABELS,
  create: '创建',
  edit: '编辑',
  flag: '标记有误',
  'resolve-flag': '处理反馈',
  remind: '到期提醒',
  import: '导入',
  use: '答复引用',
};

/** Reject and the end states ask for a reason (kept in the history); the others run on a click. */
const NEEDS_REMARK: readonly KnowledgeAction[] = ['reject'];

/** One article in the page's drawer: the working copy, versions, flags, history, the editor and the workflow buttons. */
@Component({
  selector: 'hl-kb-article-drawer',
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzDescriptionsModule,
    NzInputModule,
    NzSpinModule,
    NzTableModule,
    NzTagModule,
    NzTimelineModule,
    ArticleEditor,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './article-drawer.html',
  styleUrl: './article-drawer.css',
})
export class ArticleDrawer {
  readonly viewer = input.required<Viewer>();
  /** The editor is open (a new article when none is loaded). */
  readonly editing = model(false);

  protected readonly store = inject(KnowledgeArticlesStore);
  protected readonly reference = inject(ReferenceStore);
  protected readonly statusLabels = KNOWLEDGE_STATUS_LABELS;
  protected readonly actionLabels = KNOWLEDGE_ACTION_LABELS;
  protected readonly historyLabels = HISTORY_LABELS;

  protected readonly a = computed(() => this.store.detail());
  protected readonly error = computed(() => callError(this.store.detailState()));
  protected readonly actions = computed(() => {
    const a = this.a();
    return a ? articleActions(a, this.viewer(), revisionState(a, a.history)) : [];
  });
  protected readonly editable = computed(() => {
    const a = this.a();
    return !!a && canEdit(a, this.viewer());
  });
  protected readonly canResolve = computed(() => this.editable() || (!!this.viewer().role && CENTER_ROLES.includes(this.viewer().role as never)));
  protected readonly categoryNames = computed(() => {
    const byId = this.reference.categoryById();
    return (this.a()?.categoryIds ?? []).map((id) => byId.get(id)?.name ?? `分类#${id}`);
  });
  protected readonly regionNames = computed(() => (this.a()?.regionIds ?? []).map((id) => this.reference.regionName(id) || `区域#${id}`));

  /** The action waiting for its remark (退回修改). */
  protected readonly remarkFor = signal<KnowledgeAction | null>(null);
  protected readonly remark = signal('');

  protected async run(action: KnowledgeAction): Promise<void> {
    if (NEEDS_REMARK.includes(action) && this.remarkFor() !== action) {
      this.remarkFor.set(action);
      this.remark.set('');
      return;
    }
    const outcome = await this.store.act(action, this.remarkFor() === action ? this.remark() : undefined);
    if (outcome.ok) this.remarkFor.set(null);
  }

  protected async save(input: KnowledgeArticleInput): Promise<void> {
    const outcome = this.a() ? await this.store.update(input) : await this.store.create(input);
    if (outcome.ok) this.editing.set(false);
  }

  protected resolve(flag: KnowledgeFlagView): void {
    void this.store.resolveFlag(flag);
  }
}
