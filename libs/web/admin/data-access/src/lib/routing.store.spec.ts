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

  it('tells a 4xx by its Chinese message and its code, and keeps the list as it was', async () => {
    const adding = store().addRule({ categoryId: 11, unitId: 4 });
    http
      .expectOne('/api/admin/routing/rules')
      .flush({ statusCode: 409, code: 'DUPLICATE', message: '该分类（及区域）已有派单规则' }, { status: 409, statusText: 'Conflict' });
    await expect(adding).resolves.toBeNull();
    expect(notifier.error).toHaveBeenCalledWith(expect.stringContaining('DUPLICATE'));
    expect(notifier.error).toHaveBeenCalledWith(expect.stringContaining('该分类（及区域）已有派单规则'));
    expect(store().rules()).toEqual([]);
  });
});
