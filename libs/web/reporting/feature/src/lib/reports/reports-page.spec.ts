import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { AnnualReport, ChartData } from '@hotline/contracts';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';
import { ReportChart } from './report-chart';
import { ReportsPage } from './reports-page';

/** jsdom has no canvas: a figure stand-in that shows which chart it was given. */
@Component({ selector: 'hl-report-chart', template: `<div class="fig">{{ chart().id }}</div>` })
class ReportChartStub {
  readonly chart = input.required<ChartData>();
}

const settle = () => new Promise((resolve) => setTimeout(resolve));

const report: AnnualReport = {
  kind: 'annual',
  title: '2025年市12345在线服务平台运行情况综合分析报告',
  issuer: '连云港市12345政府公共服务中心',
  issuedOn: '2026-01-05',
  platform: 'city',
  period: { from: '2025-01-01', to: '2025-12-31', days: 365 },
  previousPeriod: { from: '2024-01-01', to: '2024-12-31', days: 366 },
  sections: [
    {
      no: '一',
      title: '诉求受理情况',
      blocks: [{ no: '（一）', lead: '诉求受理总量稳步增长。', text: '全年共受理诉求 868,022 件。', chartIds: ['volume'], tableIds: [] }],
    },
    { no: '二', title: '诉求办理情况', blocks: [{ no: '', lead: '', text: '按期办结率 97.10%。', chartIds: [], tableIds: [] }] },
    {
      no: '三',
      title: '热点诉求剖析',
      blocks: [{ no: '（六）', lead: '环境污染。', text: '共受理 6,795 件。', chartIds: [], tableIds: ['pollution-regions'] }],
    },
  ],
  tables: [{ id: 'pollution-regions', no: 1, title: '环境污染类诉求区域分布', columns: ['区域', '数量', '占比'], rows: [['海州区', 2670, '39.29%']] }],
  charts: [
    { id: 'volume', no: 1, title: '近三年受理量对比', kind: 'bar', categories: ['2023年', '2024年', '2025年'], series: [{ name: '受理量', data: [1, 2, 3] }] },
  ],
  figures: {},
  generatedInMs: 12,
};

describe('ReportsPage', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ReportsPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNzIconsTesting(), provideNoopAnimations()],
    });
    TestBed.overrideComponent(ReportsPage, { remove: { imports: [ReportChart] }, add: { imports: [ReportChartStub] } });
  });

  it('renders last year’s report: sections in order, figures and table 1 under the text that cites them', async () => {
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ReportsPage);
    await fixture.whenStable();
    const req = http.expectOne((r) => r.url === '/api/reports/annual');
    expect(req.request.params.get('year')).toBe(String(new Date().getFullYear() - 1));
    req.flush(report);
    http.expectOne((r) => r.url === '/api/reports/issues').flush([]);
    await settle();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="report-title"]')?.textContent).toContain('2025年');
    const sections = [...el.querySelectorAll('[data-testid^="report-section-"]')];
    expect(sections.map((s) => s.querySelector('h3')?.textContent?.trim())).toEqual(['一、诉求受理情况', '二、诉求办理情况', '三、热点诉求剖析']);
    expect(sections[0].querySelector('.lead')?.textContent).toBe('（一）诉求受理总量稳步增长。');
    expect(sections[0].querySelector('.fig')?.textContent).toBe('volume');
    expect(sections[2].querySelector('[data-testid="report-table-pollution-regions"]')?.textContent).toContain('2,670');
    expect(el.querySelector('[data-testid="export-docx"]')).not.toBeNull();
    expect((el.querySelector('[data-testid="issue-submit"]') as HTMLButtonElement).disabled).toBe(false);
    http.verify();
  });
});
