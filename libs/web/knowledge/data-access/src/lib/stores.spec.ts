import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { KnowledgeArticleDetail, KnowledgeImportSummary, KnowledgeVersionView } from '@hotline/contracts';
import { NOTIFIER, Notifier, mockNotifier } from '@hotline/web-core-data-access';
import { ARTICLE_STALE_MESSAGE, KnowledgeArticlesStore, articleQueryParams } from './articles.store';
import { KnowledgeDictionaryStore, splitWords } from './dictionary.store';
import { KNOWLEDGE_IMPORT_POLL_MS, KnowledgeImportStore } from './import.store';
import { KnowledgeSearchStore } from './search.store';
import { KnowledgeSuggestStore, suggestBody } from './suggest.store';

const settle = () => new Promise((resolve) => setTimeout(resolve));

let http: HttpTestingController;
let notifier: jest.Mocked<Notifier>;

beforeEach(() => {
  notifier = mockNotifier(() => jest.fn());
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      KnowledgeArticlesStore,
      KnowledgeSuggestStore,
      KnowledgeSearchStore,
      KnowledgeImportStore,
      KnowledgeDictionaryStore,
      { provide: NOTIFIER, useValue: notifier },
      { provide: KNOWLEDGE_IMPORT_POLL_MS, useValue: 0 },
    ],
  });
  http = TestBed.inject(HttpTestingController);
});
afterEach(() => http.verify());

const article = (over: Partial<KnowledgeArticleDetail> = {}) =>
  ({ id: 7, version: 3, title: '公积金提取', status: 'published', ...over }) as KnowledgeArticleDetail;

describe('KnowledgeArticlesStore', () => {
  it('lists a status tab with paging and drops empty filters', async () => {
    expect(articleQueryParams({ status: 'review', q: '  ', expiring: 'month' })).toEqual({
      status: 'review',
      q: undefined,
      ownerUnitId: undefined,
      categoryId: undefined,
      expiring: 'month',
      page: 1,
      pageSize: 20,
    });
    const store = TestBed.inject(KnowledgeArticlesStore);
    const done = store.search({ status: 'draft' });
    const req = http.expectOne((r) => r.url === '/api/knowledge/articles');
    expect(req.request.params.get('status')).toBe('draft');
    req.flush({ items: [article()], total: 1, page: 1, pageSize: 20 });
    await done;
    expect(store.items().length).toBe(1);
    expect(store.listState()).toBe('loaded');
  });

  it('saves with the version the user saw, and on 409 reloads the article and says so', async () => {
    const store = TestBed.inject(KnowledgeArticlesStore);
    const opened = store.open(7);
    http.expectOne('/api/knowledge/articles/7').flush(article());
    await opened;
    const saving = store.update({ title: '新标题', answer: '<p>答</p>' });
    const put = http.expectOne('/api/knowledge/articles/7');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ title: '新标题', answer: '<p>答</p>', version: 3 });
    put.flush({ statusCode: 409, code: 'STALE_VERSION', message: 'stale' }, { status: 409, statusText: 'Conflict' });
    await settle();
    http.expectOne('/api/knowledge/articles/7').flush(article({ version: 4 }));
    const outcome = await saving;
    expect(outcome).toMatchObject({ ok: false, stale: true });
    expect(store.detail()?.version).toBe(4);
    expect(notifier.warning).toHaveBeenCalledWith(ARTICLE_STALE_MESSAGE);
    expect(store.saving()).toBe(false);
  });

  it('runs a workflow action with the version and an optional remark', async () => {
    const store = TestBed.inject(KnowledgeArticlesStore);
    const opened = store.open(7);
    http.expectOne('/api/knowledge/articles/7').flush(article({ status: 'review' }));
    await opened;
    const acting = store.act('reject', ' 答案不全 ');
    const req = http.expectOne('/api/knowledge/articles/7/reject');
    expect(req.request.body).toEqual({ version: 3, remark: '答案不全' });
    req.flush(article({ status: 'draft', version: 4 }));
    expect(await acting).toMatchObject({ ok: true });
    expect(store.detail()?.status).toBe('draft');
    expect(notifier.success).toHaveBeenCalledWith('退回修改成功');
  });

  it('lists the open flags and drops one once resolved', async () => {
    const store = TestBed.inject(KnowledgeArticlesStore);
    const loading = store.loadOpenFlags();
    const req = http.expectOne((r) => r.url === '/api/knowledge/flags');
    expect(req.request.params.get('open')).toBe('true');
    const flag = { id: 3, articleId: 7, articleTitle: '公积金提取', reason: '电话已变更', status: 'open' as const };
    req.flush({ items: [flag], total: 1, page: 1, pageSize: 10 });
    await loading;
    expect(store.openFlagsTotal()).toBe(1);
    const resolving = store.resolveFlag(flag as never);
    http.expectOne('/api/knowledge/flags/3/resolve').flush({ ...flag, status: 'resolved' });
    expect(await resolving).toBe(true);
    expect(store.openFlags()).toEqual([]);
    expect(store.openFlagsTotal()).toBe(0);
  });

  it('makes a draft from a closed order', async () => {
    const store = TestBed.inject(KnowledgeArticlesStore);
    const making = store.fromOrder(42);
    const req = http.expectOne('/api/knowledge/from-order/42');
    expect(req.request.method).toBe('POST');
    req.flush(article({ id: 9, status: 'draft' }));
    expect(await making).toMatchObject({ ok: true, article: { id: 9 } });
  });
});

describe('KnowledgeSuggestStore', () => {
  it('asks nothing for a few characters and caps the text at 5,000', () => {
    expect(suggestBody('  公积 ')).toBeNull();
    const body = suggestBody('住房公积金怎么提取'.repeat(700), 12, null);
    expect(body?.content.length).toBe(5000);
    expect(body).toMatchObject({ categoryId: 12 });
    expect(body).not.toHaveProperty('regionId');
  });

  it('keeps only the answer to the newest text', async () => {
    const store = TestBed.inject(KnowledgeSuggestStore);
    const first = store.suggest({ content: '公积金提取' });
    const second = store.suggest({ content: '公积金提取需要什么材料' });
    const [a, b] = http.match('/api/knowledge/suggest');
    b.flush({ items: [{ id: 2, version: 1, title: '新', snippet: '', score: 2 }] });
    a.flush({ items: [{ id: 1, version: 1, title: '旧', snippet: '', score: 1 }] });
    await Promise.all([first, second]);
    expect(store.items().map((i) => i.id)).toEqual([2]);
  });

  it('opens the version the suggestion named and flags an article', async () => {
    const store = TestBed.inject(KnowledgeSuggestStore);
    const opening = store.open({ id: 7, version: 2 });
    http.expectOne('/api/knowledge/articles/7/versions/2').flush({ articleId: 7, n: 2, title: 't', answerText: 'a' } as KnowledgeVersionView);
    await opening;
    expect(store.opened()?.n).toBe(2);
    const flagging = store.flag(7, ' 电话已变更 ');
    const req = http.expectOne('/api/knowledge/articles/7/flags');
    expect(req.request.body).toEqual({ reason: '电话已变更' });
    req.flush({});
    expect(await flagging).toBe(true);
  });
});

describe('KnowledgeSearchStore', () => {
  it('searches the keywords with the category and pages', async () => {
    const store = TestBed.inject(KnowledgeSearchStore);
    expect(await store.search('  ')).toBe(false);
    const done = store.search('公积金', 5);
    const req = http.expectOne((r) => r.url === '/api/knowledge/search');
    expect(req.request.params.get('q')).toBe('公积金');
    expect(req.request.params.get('categoryId')).toBe('5');
    req.flush({
      total: 1,
      page: 1,
      pageSize: 10,
      hits: [{ id: 1, version: 1, titleHtml: '<em>公积金</em>', snippetHtml: '', score: 1, categoryIds: [], updatedAt: '' }],
    });
    await done;
    expect(store.hits().length).toBe(1);
  });
});

describe('KnowledgeImportStore', () => {
  it('uploads the file as the body and polls a queued job until it is done', async () => {
    const store = TestBed.inject(KnowledgeImportStore);
    const file = new File(['标题,答案\n'], '知识.csv');
    const done = store.upload(file);
    const req = http.expectOne((r) => r.url === '/api/knowledge/import');
    expect(req.request.params.get('fileName')).toBe('知识.csv');
    expect(req.request.headers.get('Content-Type')).toBe('text/csv');
    req.flush(
      { jobId: 5, status: 'running', fileName: '知识.csv', imported: 0, updated: 0, unchanged: 0, failed: 0, message: null, errors: [] },
      { status: 202, statusText: 'Accepted' },
    );
    await done;
    await settle();
    const summary: KnowledgeImportSummary = {
      jobId: 5,
      status: 'done',
      fileName: '知识.csv',
      imported: 1,
      unchanged: 0,
      message: null,
      updated: 0,
      failed: 1,
      errors: [{ row: 3, column: '答案', reason: '不能为空' }],
    };
    http.expectOne('/api/knowledge/import/5').flush(summary);
    await settle();
    expect(store.summary()?.errors[0]).toEqual({ row: 3, column: '答案', reason: '不能为空' });
    expect(notifier.success).toHaveBeenCalled();
  });
});

describe('KnowledgeDictionaryStore', () => {
  it('splits typed words and adds an entry at the top', async () => {
    expect(splitWords('公积金，住房公积金、 公积金 /社保')).toEqual(['公积金', '住房公积金', '社保']);
    const store = TestBed.inject(KnowledgeDictionaryStore);
    const adding = store.add({ kind: 'synonyms', words: ['公积金', '住房公积金'] });
    http.expectOne('/api/admin/knowledge/dictionary').flush({ id: 1, kind: 'synonyms', words: ['公积金', '住房公积金'], createdAt: '' });
    expect(await adding).toBe(true);
    expect(store.items().length).toBe(1);
  });
});
