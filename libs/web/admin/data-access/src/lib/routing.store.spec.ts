import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { RoutingModelView, RoutingRuleView } from '@hotline/contracts';
import { NOTIFIER, Notifier, mockNotifier } from '@hotline/web-core-data-access';
import { RoutingAdminStore } from './routing.store';

const serving: RoutingModelView = {
  status: 'serving',
  version: 3,
  samples: 1200,
  trainedAt: '2026-12-01T02:00:00.000Z',
  holdout: { top1: 0.71, top3: 0.9, n: 120, unitTop1: 0.8 },
  latest: null,
};

const rule: RoutingRuleView = {
  id: 7,
  categoryId: 11,
  categoryPath: '城乡建设 / 物业管理',
  regionId: null,
  regionName: null,
  unitId: 4,
  unitName: '市住建局',
  note: null,
  createdById: 1,
  createdByName: '系统管理员',
  createdAt: '2026-12-05T08:30:00.000Z',
  contradiction: null,
};

describe('RoutingAdminStore', () => {
  let http: HttpTestingController;
  let notifier: jest.Mocked<Notifier>;
  const store = () => TestBed.inject(RoutingAdminStore);

  beforeEach(() => {
    notifier = mockNotifier(() => jest.fn());
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), RoutingAdminStore, { provide: NOTIFIER, useValue: notifier }],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('counts a queued run beside the serving model as training, and a settled one as not', async () => {
    const loading = store().loadModel();
    http
      .expectOne('/api/admin/routing/model')
      .flush({ ...serving, latest: { version: 4, status: 'queued', error: null, holdout: { top1: null, top3: null } } });
    await loading;
    expect(store().training()).toBe(true);

    const again = store().loadModel(true);
    http
      .expectOne('/api/admin/routing/model')
      .flush({ ...serving, latest: { version: 4, status: 'rejected', error: '不如当前模型', holdout: { top1: 0.6, top3: 0.8 } } });
    await again;
    expect(store().training()).toBe(false);
    expect(store().modelState()).toBe('loaded');
  });

  it('posts a training request and shows the view the API answers with (202)', async () => {
    const done = store().train();
    const req = http.expectOne('/api/admin/routing/train');
    expect(req.request.method).toBe('POST');
    req.flush(
      { ...serving, latest: { version: 4, status: 'queued', error: null, holdout: { top1: null, top3: null } } },
      { status: 202, statusText: 'Accepted' },
    );
    await expect(done).resolves.toMatchObject({ version: 3 });
    expect(store().model()?.latest?.status).toBe('queued');
    expect(store().training()).toBe(true);
    expect(store().busy()).toBe(false);
  });

  it('loads the catalogue with who added each rule and when', async () => {
    const loading = store().loadRules();
    http.expectOne('/api/admin/routing/rules').flush([rule, { ...rule, id: 8, regionId: 3, regionName: '海州区', createdById: null, createdByName: null }]);
    await loading;
    expect(store().rulesState()).toBe('loaded');
    expect(
      store()
        .rules()
        .map((r) => [r.id, r.createdByName, r.createdAt]),
    ).toEqual([
      [7, '系统管理员', '2026-12-05T08:30:00.000Z'],
      [8, null, '2026-12-05T08:30:00.000Z'],
    ]);
  });

  it('adds a rule to the list, and removes it again', async () => {
    const adding = store().addRule({ categoryId: 11, unitId: 4 });
    const post = http.expectOne('/api/admin/routing/rules');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ categoryId: 11, unitId: 4 });
    post.flush(rule);
    await adding;
    expect(store().rules()).toEqual([rule]);

    const removing = store().removeRule(7);
    const del = http.expectOne('/api/admin/routing/rules/7');
    expect(del.request.method).toBe('DELETE');
    del.flush(null, { status: 204, statusText: 'No Content' });
    await expect(removing).resolves.toBe(true);
    expect(store().rules()).toEqual([]);
  });

  it('tells a duplicate by its Chinese message and its code, keeps it beside the form, and re-reads the catalogue', async () => {
    const adding = store().addRule({ categoryId: 11, unitId: 4 });
    http
      .expectOne((r) => r.method === 'POST' && r.url === '/api/admin/routing/rules')
      .flush({ statusCode: 409, code: 'DUPLICATE', message: '该分类（及区域）已有派单规则' }, { status: 409, statusText: 'Conflict' });
    await expect(adding).resolves.toBeNull();
    expect(notifier.error).toHaveBeenCalledWith(expect.stringContaining('DUPLICATE'));
    expect(notifier.error).toHaveBeenCalledWith(expect.stringContaining('该分类（及区域）已有派单规则'));
    // the toast goes after a few seconds; the refusal stays until the next attempt
    expect(store().addError()).toContain('DUPLICATE');
    expect(store().addError()).toContain('该分类（及区域）已有派单规则');
    // the rule in the way may be one another admin added since the page loaded: the list is read again
    http.expectOne((r) => r.method === 'GET' && r.url === '/api/admin/routing/rules').flush([rule]);
    await Promise.resolve();
    expect(store().rules()).toEqual([rule]);
    expect(store().busy()).toBe(false);

    const again = store().addRule({ categoryId: 12, unitId: 4 });
    expect(store().addError()).toBeNull();
    http.expectOne((r) => r.method === 'POST' && r.url === '/api/admin/routing/rules').flush({ ...rule, id: 9, categoryId: 12 });
    await again;
    expect(store().addError()).toBeNull();
    expect(
      store()
        .rules()
        .map((r) => r.id),
    ).toEqual([7, 9]);
  });

  it('keeps any other refusal beside the form too, without re-reading the list; clearAddError drops it', async () => {
    const adding = store().addRule({ categoryId: 11, unitId: 999 });
    http
      .expectOne('/api/admin/routing/rules')
      .flush({ statusCode: 422, code: 'UNKNOWN_REFERENCE', message: 'unit 999', details: { field: 'unitId' } }, { status: 422, statusText: 'Unprocessable' });
    await expect(adding).resolves.toBeNull();
    expect(store().addError()).toContain('UNKNOWN_REFERENCE');
    expect(store().rules()).toEqual([]);
    store().clearAddError();
    expect(store().addError()).toBeNull();
  });
});
