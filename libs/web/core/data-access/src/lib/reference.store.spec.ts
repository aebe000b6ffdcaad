import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CategoryNode, UnitView } from '@hotline/contracts';
import { ReferenceStore } from './reference.store';
import { buildUnitTree, categoryPathIds, defaultUnitFor, descendantUnits, flattenCategories, toCascaderOptions } from './reference.utils';

const unit = (id: number, name: string, parentId: number | null): UnitView => ({
  id,
  code: `u${id}`,
  name,
  kind: parentId ? 'town' : 'region_gov',
  parentId,
  regionId: null,
  active: true,
});
const units = [unit(1, '海州区政府', null), unit(2, '新南街道', 1), unit(3, '新南社区', 2), unit(4, '市住建局', null)];

const cat = (
  id: number,
  name: string,
  level: 1 | 2 | 3,
  parentId: number | null,
  defaultUnitId: number | null,
  children: CategoryNode[] = [],
): CategoryNode => ({
  id,
  code: `c${id}`,
  name,
  level,
  parentId,
  defaultUnitId,
  children,
});
const categories = [cat(10, '水电气暖', 1, null, 4, [cat(11, '供水', 2, 10, null, [cat(12, '突发停水', 3, 11, null)])])];

describe('reference utils', () => {
  it('nests units by parentId', () => {
    const tree = buildUnitTree(units);
    expect(tree.map((n) => n.item.name)).toEqual(['海州区政府', '市住建局']);
    expect(tree[0].children[0].children[0].item.name).toBe('新南社区');
  });

  it('lists all sub-units of a district', () => {
    expect(descendantUnits(units, 1).map((u) => u.id)).toEqual([2, 3]);
    expect(descendantUnits(units, 4)).toEqual([]);
  });

  it('inherits the default unit from the nearest ancestor category', () => {
    const byId = new Map(flattenCategories(categories).map((c) => [c.id, c]));
    expect(defaultUnitFor(byId, 12)).toBe(4);
    expect(defaultUnitFor(byId, null)).toBeNull();
    expect(categoryPathIds(byId, 12)).toEqual([10, 11, 12]);
  });

  it('builds cascader options with leaves marked', () => {
    expect(toCascaderOptions(categories)).toEqual([
      {
        value: 10,
        label: '水电气暖',
        children: [
          {
            value: 11,
            label: '供水',
            children: [{ value: 12, label: '突发停水', isLeaf: true }],
          },
        ],
      },
    ]);
  });
});

describe('ReferenceStore', () => {
  let http: HttpTestingController;
  let store: InstanceType<typeof ReferenceStore>;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(ReferenceStore);
  });
  afterEach(() => http.verify());

  function flushAll(fail: string[] = []) {
    const bodies: Record<string, unknown> = {
      '/api/regions': [{ id: 1, code: 'hz', name: '海州区', kind: 'district' }],
      '/api/units': units,
      '/api/categories': categories,
      '/api/channels': [{ code: 'phone', name: '电话', group: 'public' }],
      '/api/appeal-types': [{ code: 'consult', name: '咨询' }],
      '/api/topics': [{ id: 1, code: 'epidemic', name: '疫情', active: true }],
      '/api/platforms': [],
    };
    for (const [url, body] of Object.entries(bodies)) {
      const req = http.expectOne(url);
      if (fail.includes(url)) req.flush({ code: 'INTERNAL', message: 'x', statusCode: 500 }, { status: 500, statusText: 'err' });
      else req.flush(body as object);
    }
  }

  it('loads every list once and shares the request between callers', async () => {
    const a = store.load();
    const b = store.load();
    flushAll();
    await Promise.all([a, b]);
    expect(store.loaded()).toBe(true);
    expect(store.unitName(2)).toBe('新南街道');
    expect(store.regionName(1)).toBe('海州区');
    expect(store.topicName('epidemic')).toBe('疫情');
    expect(store.subUnitsOf(1).map((u) => u.name)).toEqual(['新南街道', '新南社区']);
    expect(store.defaultUnitFor(12)).toBe(4);
    await store.load(); // cached: no new request
  });

  it('keeps the contract channels when the channel list fails, but reports a failed essential list', async () => {
    const done = store.load();
    flushAll(['/api/channels', '/api/units']);
    await done;
    expect(store.channelName('wechat')).toBe('微信');
    expect(store.callState()).toEqual({
      error: expect.stringContaining('基础数据加载失败'),
    });
  });
});
