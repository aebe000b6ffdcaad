import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { KnowledgeArticleDetail, Role } from '@hotline/contracts';
import { TOKEN_KEY, USER_KEY } from '@hotline/web-core-data-access';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';
import { KnowledgePage } from './knowledge-page';

const settle = () => new Promise((resolve) => setTimeout(resolve));
const page = (items: unknown[] = []) => ({ items, total: items.length, page: 1, pageSize: 20 });

function as(role: Role, unitId: number | null = null): void {
  localStorage.setItem(TOKEN_KEY, 't');
  localStorage.setItem(USER_KEY, JSON.stringify({ id: 1, username: 'u', displayName: 'U', role, unitId, unitName: null }));
}

async function render() {
  TestBed.configureTestingModule({
    imports: [KnowledgePage],
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideNzIconsTesting(), provideNoopAnimations()],
  });
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(KnowledgePage);
  await fixture.whenStable();
  // the reference data requests (unit and region names) stay unanswered: the page shows ids meanwhile
  return { http, fixture, el: fixture.nativeElement as HTMLElement };
}

afterEach(() => localStorage.clear());

describe('KnowledgePage', () => {
  it('shows an agent the published articles only, with nothing to write', async () => {
    as('agent');
    const { http, fixture, el } = await render();
    const list = http.expectOne((r) => r.url === '/api/knowledge/articles');
    expect(list.request.params.get('status')).toBe('published');
    list.flush(
      page([
        {
          id: 1,
          title: '住房公积金提取',
          status: 'published',
          useCount: 12,
          openFlags: 0,
          validTo: null,
          updatedAt: '2026-12-01T00:00:00Z',
          hasRevision: false,
        },
      ]),
    );
    http.expectNone('/api/knowledge/flags');
    await settle();
    await fixture.whenStable();
    expect(el.querySelectorAll('label[data-testid^="kb-status-"]').length).toBe(1);
    expect(el.querySelector('[data-testid="kb-new"]')).toBeNull();
    expect(el.querySelector('[data-testid="kb-row-uses"]')?.textContent?.trim()).toBe('12');
  });

  it('opens a unit on its drafts with the flags on its articles, and an article named in the link', async () => {
    as('unit_handler', 4);
    const { http, fixture, el } = await render();
    fixture.componentRef.setInput('article', '7');
    expect(http.expectOne((r) => r.url === '/api/knowledge/articles').request.params.get('status')).toBe('draft');
    http
      .expectOne((r) => r.url === '/api/knowledge/flags')
      .flush(
        page([
          {
            id: 3,
            articleId: 7,
            articleTitle: '停水报修',
            reason: '热线号码已变更',
            status: 'open',
            createdByName: '话务员',
            createdAt: '2026-12-05T01:00:00Z',
          },
        ]),
      );
    await fixture.whenStable();
    const article = {
      id: 7,
      title: '停水报修',
      status: 'published',
      ownerUnitId: 4,
      hasRevision: false,
      questions: [],
      answer: '<p>拨打 96889</p>',
      keywords: [],
      categoryIds: [],
      regionIds: [],
      versions: [],
      flags: [],
      history: [],
    };
    http.expectOne('/api/knowledge/articles/7').flush(article as unknown as KnowledgeArticleDetail);
    await settle();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="kb-open-flags"]')?.textContent).toContain('热线号码已变更');
    expect(el.querySelector('[data-testid="kb-new"]')).not.toBeNull();
    // the drawer renders into the overlay: the unit may revise its own published article but not publish it
    expect(document.querySelector('[data-testid="kb-article-title"]')?.textContent).toContain('停水报修');
    expect(document.querySelector('[data-testid="kb-edit"]')?.textContent).toContain('修订');
    expect(document.querySelector('[data-testid="kb-action-publish"]')).toBeNull();
  });
});
