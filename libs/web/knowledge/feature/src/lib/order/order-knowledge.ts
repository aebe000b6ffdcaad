import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { DIRECT_ANSWER_METHOD_LABELS, OrderDetail, Role } from '@hotline/contracts';
import { AuthStore, ReferenceStore } from '@hotline/web-core-data-access';
import { KnowledgeArticlesStore } from '@hotline/web-knowledge-data-access';
import { OrdersStore } from '@hotline/web-orders-data-access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';

const FROM_ORDER_ROLES: readonly Role[] = ['dispatcher', 'supervisor', 'admin'];

/** 沉淀为知识 applies to a closed order with a reply or an answer, for the center or the unit that answered it. */
export function canMakeArticle(
  order: Pick<OrderDetail, 'status' | 'mainUnitId' | 'reply' | 'directAnswer'> | null,
  role: Role | null,
  unitId: number | null,
): boolean {
  if (!order || order.status !== 'closed' || !role) return false;
  if (!order.reply && !order.directAnswer) return false;
  if (FROM_ORDER_ROLES.includes(role)) return true;
  return role === 'unit_handler' && unitId !== null && order.mainUnitId === unitId;
}

/**
 * On the order page, under the order: how a direct answer was made (答复方式: the article and version read out, the
 * unit and person of a three-way call) and the 沉淀为知识 button, which turns the reply into a draft article and opens
 * it in the knowledge editor. Reads the page's OrdersStore.
 */
@Component({
  selector: 'hl-kb-order-knowledge',
  imports: [RouterLink, NzButtonModule, NzDescriptionsModule],
  providers: [KnowledgeArticlesStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (record(); as r) {
      <nz-descriptions nzSize="small" nzBordered [nzColumn]="3" class="record" data-testid="order-answer-method">
        <nz-descriptions-item nzTitle="答复方式">{{ r.method ? labels[r.method] : '未记录' }}</nz-descriptions-item>
        @if (r.articleId) {
          <nz-descriptions-item nzTitle="引用知识">
            <a [routerLink]="['/knowledge']" [queryParams]="{ article: r.articleId }" data-testid="order-answer-article">知识 #{{ r.articleId }}</a>
            @if (r.articleVersion) {
              （第 {{ r.articleVersion }} 版）
            }
          </nz-descriptions-item>
        }
        @if (r.method === 'three-way') {
          <nz-descriptions-item nzTitle="三方通话">{{ reference.unitName(r.threeWayUnitId) || '—' }} {{ r.threeWayPerson ?? '' }}</nz-descriptions-item>
        }
      </nz-descriptions>
    }
    @if (canMake()) {
      <button nz-button (click)="make()" [nzLoading]="articles.saving()" data-testid="order-to-knowledge">沉淀为知识</button>
    }
  `,
  styles: `
    :host {
      display: block;
      margin-top: 8px;
    }
    .record {
      margin-bottom: 8px;
    }
  `,
})
export class OrderKnowledge {
  private readonly orders = inject(OrdersStore);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  protected readonly articles = inject(KnowledgeArticlesStore);
  protected readonly reference = inject(ReferenceStore);
  protected readonly labels = DIRECT_ANSWER_METHOD_LABELS;

  protected readonly record = computed(() => {
    const o = this.orders.detail();
    return o?.resolution === 'direct' ? (o.directAnswerRecord ?? null) : null;
  });
  protected readonly canMake = computed(() => canMakeArticle(this.orders.detail(), this.auth.role(), this.auth.user()?.unitId ?? null));

  protected async make(): Promise<void> {
    const order = this.orders.detail();
    if (!order) return;
    const outcome = await this.articles.fromOrder(order.id);
    if (outcome.ok) void this.router.navigate(['/knowledge'], { queryParams: { article: outcome.article.id, edit: 1 } });
  }
}
