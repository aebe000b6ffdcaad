import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { AssessmentView, AssessmentWeights, UnitAssessmentRow } from '@hotline/contracts';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';
import { AssessmentPage } from './assessment-page';

// jsdom lacks structuredClone, which the page uses to copy the weights into its form
globalThis.structuredClone ??= <T>(v: T): T => JSON.parse(JSON.stringify(v));

const settle = () => new Promise((resolve) => setTimeout(resolve));

const weights: AssessmentWeights = {
  normal: { signOnTime: 20, onTime: 35, satisfaction: 35, returns: 5, rework: 5 },
  county: { signOnTime: 30, onTime: 52.5, satisfaction: 52.5, returns: 7.5, rework: 7.5 },
  blackBelow: 85,
  redCount: 5,
};

const row = (over: Partial<UnitAssessmentRow>): UnitAssessmentRow => ({
  unitId: 1,
  unitName: '市自来水公司',
  county: false,
  fullScore: 100,
  received: 10,
  signOnTimeRate: 1,
  onTimeRate: 1,
  satisfactionRate: 1,
  returnRate: 0,
  reworkRate: 0,
  assessed: true,
  measured: ['signOnTime', 'onTime', 'satisfaction', 'returns', 'rework'],
  score: 100,
  rank: 1,
  list: 'red',
  ...over,
});

describe('AssessmentPage', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [AssessmentPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNzIconsTesting(), provideNoopAnimations()],
    });
  });

  it('shows a unit with nothing to measure as 未参评: no rank, no score, on neither list', async () => {
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(AssessmentPage);
    await fixture.whenStable();
    const view: AssessmentView = {
      month: '2020-06',
      weights,
      rows: [
        row({}),
        row({
          unitId: 2,
          unitName: '市住房和城乡建设局',
          score: 90.5,
          rank: 2,
          list: null,
          satisfactionRate: null,
          measured: ['signOnTime', 'onTime', 'returns', 'rework'],
        }),
        row({
          unitId: 3,
          unitName: '市民政局',
          received: 2,
          signOnTimeRate: null,
          onTimeRate: null,
          satisfactionRate: null,
          reworkRate: null,
          assessed: false,
          measured: [],
          score: null,
          rank: null,
          list: null,
        }),
      ],
    };
    http.expectOne((r) => r.url === '/api/assessment').flush(view);
    http.expectOne((r) => r.url === '/api/assessment/weights').flush(weights);
    await settle();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const rows = [...el.querySelectorAll('[data-testid="assessment-row"]')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual(['1', '市自来水公司', '10', '100.00%', '100.00%', '100.00%', '0.00%', '0.00%', '100.0 / 100', '红榜']);
    expect(rows[1][8]).toBe('90.5 / 100');
    expect(rows[2]).toEqual(['—', '市民政局', '2', '—', '—', '—', '0.00%', '—', '—', '未参评']);
    expect(el.querySelector('[data-testid="red-list"]')?.textContent).toContain('市自来水公司');
    expect(el.querySelector('[data-testid="red-list"]')?.textContent).not.toContain('市民政局');
    expect(el.querySelector('[data-testid="black-list"]')?.textContent).toContain('本月无');
    http.verify();
  });
});
