import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Directive, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { NgxEchartsDirective } from 'ngx-echarts';
import { provideRouter } from '@angular/router';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { dashboard } from '../testing-fixtures';
import { DashboardPage } from './dashboard-page';
import { RoutingAccuracyCard } from './routing-accuracy-card';

/** jsdom has no canvas: the charts get a stand-in that keeps the option it was given. */
// eslint-disable-next-line @angular-eslint/directive-selector -- stands in for ngx-echarts' own selector
@Directive({ selector: '[echarts]', host: { '[attr.data-series]': 'options().series?.length' } })
class EchartsStub {
  readonly options = input<Record<string, unknown> & { series?: unknown[] }>({});
}

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('DashboardPage', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [DashboardPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideNzIconsTesting(), provideNoopAnimations()],
    });
    for (const c of [DashboardPage, RoutingAccuracyCard])
      TestBed.overrideComponent(c, {
        remove: { imports: [NgxEchartsDirective] },
        add: { imports: [EchartsStub] },
      });
  });

  it('shows the API’s figures in the cards, the hot categories and the heat table, and errors in Chinese', async () => {
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DashboardPage);
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/stats/dashboard').flush(dashboard());
    await settle();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const value = (key: string) => el.querySelector(`[data-testid="kpi-${key}"] [data-testid="kpi-value"]`)?.textContent?.trim();
    expect(value('accepted')).toBe('868,022');
    expect(value('on-time-rate')).toBe('97.10%');
    expect(el.querySelector('[data-testid="kpi-on-time-rate"]')?.textContent).toContain('+2.66 个百分点');
    // 好差评: the feedback the provincial exchange recorded, not the closures
    expect(el.querySelector('[data-testid="kpi-haochaping"] .kpi-sub')?.textContent).toContain('已反馈 400 / 417 件（省平台回传）');
    expect(el.querySelector('[data-testid="hot-categories"]')?.textContent).toContain('市容环境');
    expect(el.querySelector('[data-testid="heat-table"]')?.textContent).toContain('海州区');
    expect(el.querySelector('[data-testid="overdue-table"]')?.textContent).toContain('市公安局');
    expect(el.querySelector('[data-testid="trend-chart"]')?.getAttribute('data-series')).toBe('4');
    // the 知识库覆盖率 card asks for the period's direct answers once the cards are there
    http
      .expectOne((r) => r.url === '/api/stats/direct-answers')
      .flush({
        from: '',
        to: '',
        total: 10,
        byMethod: { knowledge: 6, 'three-way': 2, other: 1, unknown: 1 },
        coverage: 0.6,
        consultations: { total: 8, withArticle: 6, coverage: 0.75 },
      });
    await settle();
    await fixture.whenStable();
    expect(value('knowledge-coverage')).toBe('75.0%');
    // 派单准确率: the model's track record by month, headed by the newest month that has one
    http
      .expectOne((r) => r.url === '/api/stats/routing-accuracy')
      .flush([
        { month: '2026-10', orders: 40, categoryTaken: 0.875, unitTaken: 0.9, accuracy: 0.8333 },
        { month: '2026-11', orders: 12, categoryTaken: null, unitTaken: null, accuracy: null },
      ]);
    await settle();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="routing-accuracy-latest"]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('2026-10 83.3%');
    expect(el.querySelector('[data-testid="routing-accuracy-chart"]')?.getAttribute('data-series')).toBe('3');
    // 热点聚集: the period's groups, each with its orders linked, and a word when the period was read only in part
    const clusters = http.expectOne((r) => r.url === '/api/routing/clusters');
    expect(clusters.request.params.get('min')).toBe('3');
    clusters.flush({
      from: '2026-11-01',
      to: '2026-11-30',
      min: 3,
      scanned: 10000,
      truncated: true,
      clusters: [
        {
          key: 'a:海州区朝阳东路166号',
          label: '海州区朝阳东路166号',
          reason: 'address',
          count: 12,
          orders: Array.from({ length: 12 }, (_, i) => ({ id: 100 + i, number: `2026110${i}`, status: 'handling', createdAt: '', contentPreview: '停水' })),
        },
      ],
    });
    await settle();
    await fixture.whenStable();
    const hot = el.querySelector('[data-testid="hot-cluster-0"]') as HTMLElement;
    expect(hot.textContent).toContain('同一地址');
    expect(hot.textContent).toContain('海州区朝阳东路166号');
    expect(hot.querySelector('[data-testid="hot-cluster-count"]')?.textContent?.trim()).toBe('12 件');
    expect(hot.querySelectorAll('a')).toHaveLength(8);
    expect(hot.querySelector('a')?.getAttribute('href')).toBe('/orders/100');
    expect(el.querySelector('[data-testid="hot-clusters-truncated"]')?.textContent).toContain('10000');

    (el.querySelector('[data-testid="dashboard-refresh"]') as HTMLButtonElement).click();
    http.expectOne((r) => r.url === '/api/stats/dashboard').flush({ code: 'INTERNAL' }, { status: 500, statusText: 'Server Error' });
    await settle();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="dashboard-error"]')?.textContent).toContain('看板数据加载失败');
    http.verify();
  });
});
