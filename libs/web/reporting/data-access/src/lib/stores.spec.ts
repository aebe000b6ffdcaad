import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AssessmentWeights, DashboardData, ImportJobView, MeetingView, SurgeAlertView } from '@hotline/contracts';
import { NOTIFIER, Notifier, mockNotifier } from '@hotline/web-core-data-access';
import { AssessmentStore, fullScore } from './assessment.store';
import { DashboardStore } from './dashboard.store';
import { IMPORT_POLL_MS, ImportsStore, importContentType } from './imports.store';
import { MeetingsStore, meetingBody, parseOrderRefs } from './meetings.store';
import { presetPeriod } from './period';
import { ReportsStore, SAVE_FILE, reportQuery } from './reports.store';
import { SurgesStore, sortAlerts } from './surges.store';

const settle = () => new Promise((resolve) => setTimeout(resolve));

let http: HttpTestingController;
let notifier: jest.Mocked<Notifier>;
let saveFile: jest.Mock;

beforeEach(() => {
  notifier = mockNotifier(() => jest.fn());
  saveFile = jest.fn();
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      DashboardStore,
      ReportsStore,
      AssessmentStore,
      SurgesStore,
      MeetingsStore,
      ImportsStore,
      { provide: NOTIFIER, useValue: notifier },
      { provide: SAVE_FILE, useValue: saveFile },
      { provide: IMPORT_POLL_MS, useValue: 0 },
    ],
  });
  http = TestBed.inject(HttpTestingController);
});
afterEach(() => http.verify());

const path = (url: string) => (req: { url: string }) => req.url === url;

describe('DashboardStore', () => {
  it('loads this month of the city platform by default, then any preset and the whole city', async () => {
    const store = TestBed.inject(DashboardStore);
    const month = presetPeriod('month');
    let done = store.load();
    const req = http.expectOne(path('/api/stats/dashboard'));
    expect(req.request.params.get('from')).toBe(month.from);
    expect(req.request.params.get('to')).toBe(month.to);
    expect(req.request.params.get('platform')).toBe('city');
    expect(store.callState()).toBe('loading');
    req.flush({ kpis: { accepted: { value: 3 } } } as unknown as DashboardData);
    await done;
    expect(store.callState()).toBe('loaded');
    expect(store.data()?.kpis.accepted.value).toBe(3);

    done = store.choose('lastYear');
    const last = http.expectOne(path('/api/stats/dashboard'));
    expect(last.request.params.get('from')).toBe(presetPeriod('lastYear').from);
    last.flush({} as DashboardData);
    await done;

    done = store.setPlatform('all');
    expect(http.expectOne(path('/api/stats/dashboard')).request.params.get('platform')).toBe('all');
    http.match(path('/api/stats/dashboard'));
    await settle();
  });

  it('takes a custom period as given', async () => {
    const store = TestBed.inject(DashboardStore);
    const done = store.choose('custom', { from: '2020-01-01', to: '2020-12-31' });
    const req = http.expectOne(path('/api/stats/dashboard'));
    expect(req.request.params.get('to')).toBe('2020-12-31');
    req.flush({} as DashboardData);
    await done;
    expect(store.preset()).toBe('custom');
  });

  it('shows the error in Chinese, and drops an answer overtaken by a newer request', async () => {
    const store = TestBed.inject(DashboardStore);
    const first = store.load();
    const second = store.choose('year');
    const [a, b] = http.match(path('/api/stats/dashboard'));
    b.flush({ kpis: { accepted: { value: 9 } } } as unknown as DashboardData);
    await second;
    a.flush({ kpis: { accepted: { value: 1 } } } as unknown as DashboardData);
    await first;
    expect(store.data()?.kpis.accepted.value).toBe(9);

    const failing = store.load();
    http.expectOne(path('/api/stats/dashboard')).flush({ code: 'FORBIDDEN_ROLE', message: 'no' }, { status: 403, statusText: 'Forbidden' });
    await failing;
    const state = store.callState();
    expect(typeof state === 'object' && state.error).toBeTruthy();
  });
});

describe('ReportsStore', () => {
  it('asks for a whole year as year=, any other period as from/to', () => {
    expect(reportQuery({ from: '2020-01-01', to: '2020-12-31' }, 'city')).toEqual({ year: 2020, platform: 'city' });
    expect(reportQuery({ from: '2020-02-01', to: '2020-02-07' }, 'all')).toEqual({ from: '2020-02-01', to: '2020-02-07', platform: 'all' });
  });

  it('loads the annual report, a 快报 from /reports/express, and the issued register', async () => {
    const store = TestBed.inject(ReportsStore);
    let done = store.select('annual', { from: '2020-01-01', to: '2020-12-31' }, 'city');
    const annual = http.expectOne(path('/api/reports/annual'));
    expect(annual.request.params.get('year')).toBe('2020');
    annual.flush({ title: '2020年运行情况综合分析报告', sections: [], charts: [], tables: [] });
    await done;
    expect(store.report()?.title).toContain('2020');

    done = store.select('express', { from: '2020-02-01', to: '2020-02-07' }, 'city');
    const express = http.expectOne(path('/api/reports/express'));
    expect(express.request.params.get('kind')).toBe('express');
    expect(express.request.params.get('from')).toBe('2020-02-01');
    express.flush({ title: '快报' });
    await done;

    done = store.loadIssues({ from: '2020-01-01', to: '2020-12-31' });
    http.expectOne(path('/api/reports/issues')).flush([{ id: 1, kind: 'express', title: '快报' }]);
    await done;
    expect(store.issues().length).toBe(1);
  });

  it('downloads the DOCX with the server’s file name', async () => {
    const store = TestBed.inject(ReportsStore);
    const done = store.export('docx');
    const req = http.expectOne(path('/api/reports/annual.docx'));
    expect(req.request.responseType).toBe('blob');
    req.flush(new Blob(['PK']), {
      headers: { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('报告.docx')}` },
    });
    expect(await done).toBe(true);
    expect(saveFile).toHaveBeenCalledWith(expect.any(Blob), '报告.docx');
  });

  it('refuses to issue an annual report for part of a year, and issues a 快报 then reloads the register', async () => {
    const store = TestBed.inject(ReportsStore);
    let loading = store.select('annual', { from: '2020-01-01', to: '2020-06-30' }, 'city');
    http.expectOne(path('/api/reports/annual')).flush({});
    await loading;
    expect(await store.issue()).toBe(false);
    expect(notifier.warning).toHaveBeenCalled();

    loading = store.select('express', { from: '2020-02-01', to: '2020-02-07' }, 'city');
    http.expectOne(path('/api/reports/express')).flush({});
    await loading;
    const done = store.issue('疫情快报');
    const post = http.expectOne(path('/api/reports/issues'));
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ kind: 'express', from: '2020-02-01', to: '2020-02-07', platform: 'city', title: '疫情快报' });
    post.flush({ id: 3 });
    await settle();
    http.expectOne((r) => r.url === '/api/reports/issues' && r.method === 'GET').flush([]);
    expect(await done).toBe(true);
    expect(notifier.success).toHaveBeenCalledWith('报告已签发');
  });
});

describe('AssessmentStore', () => {
  const weights: AssessmentWeights = {
    normal: { signOnTime: 20, onTime: 30, satisfaction: 30, returns: 10, rework: 10 },
    county: { signOnTime: 30, onTime: 45, satisfaction: 45, returns: 15, rework: 15 },
    blackBelow: 60,
    redCount: 3,
  };

  it('sums the full score from the weights', () => {
    expect(fullScore(weights.normal)).toBe(100);
    expect(fullScore(weights.county)).toBe(150);
  });

  it('loads a month and saves weights, then re-ranks', async () => {
    const store = TestBed.inject(AssessmentStore);
    let done = store.setMonth('2020-06');
    const req = http.expectOne(path('/api/assessment'));
    expect(req.request.params.get('month')).toBe('2020-06');
    req.flush({ month: '2020-06', weights, rows: [{ unitId: 1, rank: 1 }] });
    await done;
    expect(store.view()?.rows.length).toBe(1);
    expect(store.weights()).toEqual(weights);

    done = store.saveWeights(weights).then(() => undefined);
    const put = http.expectOne(path('/api/assessment/weights'));
    expect(put.request.method).toBe('PUT');
    put.flush(weights);
    await settle();
    http.expectOne(path('/api/assessment')).flush({ month: '2020-06', weights, rows: [] });
    await done;
    expect(notifier.success).toHaveBeenCalled();
  });

  it('says why a save was refused', async () => {
    const store = TestBed.inject(AssessmentStore);
    const done = store.saveWeights(weights);
    http.expectOne(path('/api/assessment/weights')).flush({ code: 'FORBIDDEN_ROLE' }, { status: 403, statusText: 'Forbidden' });
    expect(await done).toBe(false);
    expect(notifier.error).toHaveBeenCalled();
  });
});

describe('SurgesStore', () => {
  const alert = (id: number, day: string, ratio: number | null, count = 5) => ({ id, day, ratio, count }) as SurgeAlertView;

  it('sorts newest day first, then the biggest jump', () => {
    expect(sortAlerts([alert(1, '2020-06-01', 3), alert(2, '2020-06-02', 2), alert(3, '2020-06-02', 5)]).map((a) => a.id)).toEqual([3, 2, 1]);
  });

  it('scans a day and reloads', async () => {
    const store = TestBed.inject(SurgesStore);
    const done = store.scan('2020-06-18');
    const post = http.expectOne(path('/api/surge-alerts/scan'));
    expect(post.request.body).toEqual({ day: '2020-06-18' });
    post.flush([alert(1, '2020-06-18', 4)]);
    await settle();
    http.expectOne(path('/api/surge-alerts')).flush([alert(1, '2020-06-18', 4)]);
    expect(await done).toHaveLength(1);
    expect(store.alerts()).toHaveLength(1);
    expect(notifier.success).toHaveBeenCalledWith('扫描完成，发现 1 条激增预警');
  });
});

describe('MeetingsStore', () => {
  it('reads order numbers and ids from one field', () => {
    expect(parseOrderRefs('20201201000012, #7 7、abc')).toEqual({ ids: [7], numbers: ['20201201000012'], invalid: ['abc'] });
  });

  it('leaves empty optional fields out of the body', () => {
    expect(meetingBody({ heldOn: '2020-06-18', title: ' 停水协调 ', summary: ' ', unitIds: [], orderIds: [] })).toEqual({
      heldOn: '2020-06-18',
      title: '停水协调',
    });
  });

  it('resolves order numbers to ids, records the meeting and lists it', async () => {
    const store = TestBed.inject(MeetingsStore);
    const done = store.create({
      heldOn: store.period().from,
      title: '停水协调',
      summary: '',
      unitIds: [4, 4],
      orderIds: [2],
      orderNumbers: ['20201201000012'],
    });
    const search = http.expectOne(path('/api/orders'));
    expect(search.request.params.get('number')).toBe('20201201000012');
    search.flush({ items: [{ id: 12, number: '20201201000012' }], total: 1, page: 1, pageSize: 5 });
    await settle();
    const post = http.expectOne(path('/api/meetings'));
    expect(post.request.body).toEqual({ heldOn: store.period().from, title: '停水协调', unitIds: [4], orderIds: [2, 12] });
    post.flush({ id: 1, heldOn: store.period().from, title: '停水协调' } as MeetingView);
    await settle();
    http
      .expectOne((r) => r.url === '/api/meetings' && r.method === 'GET')
      .flush([{ id: 1, heldOn: store.period().from, orderIds: [2, 12], orderNumbers: ['20201201000002', '20201201000012'] }]);
    await settle();
    expect(await done).toMatchObject({ id: 1 });
    expect(store.meetings()).toEqual([expect.objectContaining({ orderIds: [2, 12], orderNumbers: ['20201201000002', '20201201000012'] })]);
    // the list carries the numbers: no request per order
    http.expectNone((r) => /^\/api\/orders\/\d+$/.test(r.url));
    http.verify();
  });

  it('stops on an unknown order number', async () => {
    const store = TestBed.inject(MeetingsStore);
    const done = store.create({ heldOn: '2020-06-18', title: 't', summary: '', unitIds: [], orderIds: [], orderNumbers: ['20201201999999'] });
    http.expectOne(path('/api/orders')).flush({ items: [], total: 0, page: 1, pageSize: 5 });
    expect(await done).toBeNull();
    expect(notifier.error).toHaveBeenCalledWith('工单编号不存在：20201201999999');
  });
});

describe('ImportsStore', () => {
  const job = (over: Partial<ImportJobView>): ImportJobView => ({
    id: 5,
    kind: 'orders',
    fileName: 'a.csv',
    status: 'queued',
    processedRows: 0,
    insertedRows: 0,
    skippedRows: 0,
    errorRows: 0,
    progress: 0,
    message: null,
    createdAt: '2020-01-01T00:00:00Z',
    finishedAt: null,
    errors: [],
    ...over,
  });

  it('sends a file with the type the API takes', () => {
    expect(importContentType('旧系统.CSV')).toBe('text/csv');
    expect(importContentType('a.xlsx')).toContain('spreadsheetml');
  });

  it('uploads the file as the body, polls until done, then loads the row errors', async () => {
    const store = TestBed.inject(ImportsStore);
    const file = new File(['工单编号\n1'], 'a.csv', { type: 'application/vnd.ms-excel' });
    const done = store.upload(file, 'orders');
    const up = http.expectOne(path('/api/imports'));
    expect(up.request.method).toBe('POST');
    expect(up.request.params.get('kind')).toBe('orders');
    expect(up.request.params.get('fileName')).toBe('a.csv');
    expect(up.request.headers.get('Content-Type')).toBe('text/csv');
    up.flush(job({}));
    await done;
    await settle();
    http.match((r) => r.url === '/api/imports' && r.method === 'GET').forEach((r) => r.flush([]));

    http.expectOne(path('/api/imports/5')).flush(job({ status: 'running', progress: 0.5 }));
    await settle();
    expect(store.current()?.progress).toBe(0.5);
    await settle();
    http.expectOne(path('/api/imports/5')).flush(job({ status: 'done', progress: 1, insertedRows: 3, errorRows: 1 }));
    await settle();
    http.expectOne(path('/api/imports/5/errors')).flush({ items: [{ row: 5, column: '受理时间', reason: '不是日期' }], total: 1, page: 1, pageSize: 20 });
    http.expectOne((r) => r.url === '/api/imports' && r.method === 'GET').flush([job({ status: 'done' })]);
    await settle();
    expect(store.current()?.status).toBe('done');
    expect(store.errors()?.items[0].column).toBe('受理时间');
    expect(notifier.success).toHaveBeenCalledWith('导入完成：新增 3 条，跳过 0 条，错误 1 行');
  });

  it('keeps polling through a failed poll and stops when told', async () => {
    const store = TestBed.inject(ImportsStore);
    void store.watch(job({ status: 'running' }));
    http.expectOne(path('/api/imports/5')).flush({}, { status: 502, statusText: 'Bad Gateway' });
    await settle();
    expect(typeof store.currentState()).toBe('object');
    await settle();
    http.expectOne(path('/api/imports/5'));
    store.stop();
    await settle();
    http.verify();
  });
});
