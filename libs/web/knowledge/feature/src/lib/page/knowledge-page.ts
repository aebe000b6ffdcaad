import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { DatePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { KNOWLEDGE_STATUS_LABELS, KnowledgeArticleSummary, KnowledgeFlagView, KnowledgeSearchHit, KnowledgeStatus } from '@hotline/contracts';
import { AuthStore, ReferenceStore, callError } from '@hotline/web-core-data-access';
import { KnowledgeArticlesStore, KnowledgeSearchStore } from '@hotline/web-knowledge-data-access';
import { PageBar } from '@hotline/web-ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ArticleDrawer } from './article-drawer';
import { DictionaryTab } from './dictionary-tab';
import { ImportTab } from './import-tab';
import { CENTER_ROLES, EDITOR_ROLES, Viewer, defaultTab, tabsFor } from './article-rules';

/**
 * /knowledge — 知识库: keyword search with highlighted matches; the articles by status (草稿 … 已归档) with use count,
 * last use, open flags and 本月到期; an article in a drawer (versions, flags, history, editor, workflow buttons by
 * role); for admins the import and the search dictionary. A unit handler sees only its own unit's articles (the API
 * scopes them), so this page is also the unit's workspace for its articles. `?article=ID` opens one (links from
 * orders), `&edit=1` in the editor (沉淀为知识).
 */
@Component({
  selector: 'hl-knowledge-page',
  imports: [
    DatePipe,
    FormsModule,
    PageBar,
    NzAlertModule,
    NzBadgeModule,
    NzButtonModule,
    NzCheckboxModule,
    NzDrawerModule,
    NzInputModule,
    NzPaginationModule,
    NzRadioModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
    ArticleDrawer,
    ImportTab,
    DictionaryTab,
  ],
  providers: [KnowledgeArticlesStore, KnowledgeSearchStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './knowledge-page.html',
  styleUrl: './knowledge-page.css',
})
export class KnowledgePage {
  /** Query parameters (withComponentInputBinding). */
  readonly article = input<string>();
  readonly edit = input<string>();

  protected readonly store = inject(KnowledgeArticlesStore);
  protected readonly search = inject(KnowledgeSearchStore);
  protected readonly reference = inject(ReferenceStore);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  protected readonly viewer = computed<Viewer>(() => ({ role: this.auth.role(), unitId: this.auth.user()?.unitId ?? null }));
  protected readonly isAdmin = computed(() => this.auth.role() === 'admin');
  protected readonly canCreate = computed(() => {
    const role = this.auth.role();
    return !!role && EDITOR_ROLES.includes(role);
  });
  protected readonly isCenter = computed(() => {
    const role = this.auth.role();
    return !!role && CENTER_ROLES.includes(role);
  });
  protected readonly tabs = computed(() => tabsFor(this.viewer()));
  protected readonly labels = KNOWLEDGE_STATUS_LABELS;

  protected readonly status = signal<KnowledgeStatus>('published');
  protected readonly expiring = signal(false);
  protected readonly ownerUnitId = signal<number | null>(null);
  protected readonly keywords = signal('');
  protected readonly drawerOpen = signal(false);
  protected readonly startEditing = signal(false);
  protected readonly listError = computed(() => callError(this.store.listState()));
  protected readonly searchError = computed(() => callError(this.search.state()));

  constructor() {
    void this.reference.load();
    this.status.set(defaultTab(this.viewer()));
    this.reload();
    // what agents flagged as wrong on the articles this user maintains (a unit's own; the API scopes them)
    if (this.canCreate()) void this.store.loadOpenFlags();
    effect(() => {
      const id = Number(this.article());
      const edit = this.edit() === '1';
      untracked(() => {
        if (Number.isInteger(id) && id > 0) void this.openArticle(id, edit);
      });
    });
  }

  protected reload(page = 1): void {
    void this.store.search({
      status: this.status(),
      expiring: this.expiring() ? 'month' : undefined,
      ownerUnitId: this.ownerUnitId() ?? undefined,
      page,
    });
  }

  protected pickStatus(status: KnowledgeStatus): void {
    this.status.set(status);
    this.reload();
  }

  protected toggleExpiring(on: boolean): void {
    this.expiring.set(on);
    // 本月到期 is about published articles
    if (on) this.status.set('published');
    this.reload();
  }

  protected runSearch(): void {
    void this.search.search(this.keywords());
  }

  protected clearSearch(): void {
    this.keywords.set('');
    this.search.clear();
  }

  protected async openArticle(id: number, edit = false): Promise<void> {
    this.startEditing.set(edit);
    this.drawerOpen.set(true);
    await this.store.open(id);
  }

  protected openRow(row: KnowledgeArticleSummary | KnowledgeSearchHit): void {
    void this.openArticle(row.id);
  }

  protected resolveFlag(flag: KnowledgeFlagView): void {
    void this.store.resolveFlag(flag);
  }

  protected newArticle(): void {
    this.store.close();
    this.startEditing.set(true);
    this.drawerOpen.set(true);
  }

  protected closeDrawer(): void {
    this.drawerOpen.set(false);
    this.store.close();
    if (this.article()) void this.router.navigate([], { queryParams: {} });
  }

  protected unitName(id: number | null): string {
    return id === null ? '—' : this.reference.unitName(id);
  }
}
