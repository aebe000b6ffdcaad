import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import { login, logout, PASSWORD, shot } from './support';

/** What the leadership screens show, checked against what the reporting API returns for the same question. */

const chinaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const count = (n: number) => n.toLocaleString('zh-CN');
const rate = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(2)}%`);

async function token(request: APIRequestContext, username: string): Promise<string> {
  const res = await request.post('/api/auth/login', { data: { username, password: PASSWORD } });
  return (await res.json()).accessToken as string;
}

async function api<T>(request: APIRequestContext, username: string, path: string): Promise<T> {
  const res = await request.get(path, { headers: { authorization: `Bearer ${await token(request, username)}` } });
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

interface Dashboard {
  kpis: Record<string, { value: number | null; numerator?: number }> & { accepted: { value: number } };
  hotCategories: { name: string; value: number }[];
  surges: unknown[];
  heat: { rows: unknown[] };
}

/**
 * This month's orders, made through the API as the center would (the e2e database has no demo orders):
 * consultations answered on the spot, complaints dispatched to a unit, a praise, in two regions.
 */
test.beforeAll(async ({ request }) => {
  const auth = async (u: string) => ({ authorization: `Bearer ${await token(request, u)}` });
  const [agent, dispatcher] = [await auth('agent'), await auth('dispatcher')];
  type Node = { id: number; name: string; children?: Node[] };
  const cats: Node[] = await (await request.get('/api/categories', { headers: agent })).json();
  const leaf = (n: Node): Node => (n.children?.length ? leaf(n.children[0]) : n);
  const regions: { id: number; name: string }[] = await (await request.get('/api/regions', { headers: agent })).json();
  const region = (name: string) => regions.find((r) => r.name === name)?.id;
  const units: { id: number; code: string }[] = await (await request.get('/api/units', { headers: dispatcher })).json();
  const swjt = units.find((u) => u.code === 'swjt')?.id;
  const plan = [
    { appealType: 'consult', cat: 0, region: '海州区', direct: true },
    { appealType: 'consult', cat: 1, region: '连云区', direct: true },
    { appealType: 'complaint', cat: 0, region: '海州区', direct: false },
    { appealType: 'complaint', cat: 1, region: '海州区', direct: false },
    { appealType: 'help', cat: 0, region: '连云区', direct: false },
    { appealType: 'praise', cat: 2, region: '海州区', direct: true },
  ];
  for (const [i, p] of plan.entries()) {
    const res = await request.post('/api/orders', {
      headers: agent,
      data: {
        channel: i % 2 ? 'wechat' : 'phone',
        appealType: p.appealType,
        categoryId: leaf(cats[p.cat % cats.length]).id,
        regionId: region(p.region),
        caller: { phone: `1381234${String(1000 + i)}` },
        content: `报表测试诉求 ${i + 1}：小区门口路灯不亮，夜间出行不便。`,
      },
    });
    expect(res.status()).toBe(201);
    const order = await res.json();
    const action = p.direct ? 'direct-answer' : 'dispatch';
    const who = p.direct ? agent : dispatcher;
    const body = p.direct ? { version: order.version, answer: '已按知识库答复市民。' } : { version: order.version, unitId: swjt };
    const r = await request.post(`/api/orders/${order.id}/actions/${action}`, { headers: who, data: body });
    expect(r.status(), `${action} ${await r.text()}`).toBe(200);
    // the water company signs for the first complaint: a unit is assessed on what it did (signing), not on being sent orders
    if (i === 2) {
      const signed = await request.post(`/api/orders/${order.id}/actions/sign`, { headers: await auth('swjt'), data: { version: (await r.json()).version } });
      expect(signed.status(), `sign ${await signed.text()}`).toBe(200);
    }
  }
});

const kpiValue = (page: Page, key: string) => page.getByTestId(`kpi-${key}`).getByTestId('kpi-value');

test('the leader’s dashboard shows what /api/stats/dashboard returns for the same period', async ({ page }, info) => {
  await login(page, 'leader');
  await expect(page).toHaveURL(/\/dashboard/);
  const today = chinaToday();
  const month = { from: `${today.slice(0, 7)}-01`, to: today };
  await expect(kpiValue(page, 'accepted')).toBeVisible();
  const d = await api<Dashboard>(page.request, 'leader', `/api/stats/dashboard?from=${month.from}&to=${month.to}&platform=city`);
  expect(d.kpis.accepted.value).toBeGreaterThan(0); // the demo orders are this month's
  await expect(kpiValue(page, 'accepted')).toHaveText(count(d.kpis.accepted.value));
  await expect(kpiValue(page, 'dispatched')).toHaveText(count(d.kpis['dispatched'].value ?? 0));
  await expect(kpiValue(page, 'direct-rate')).toHaveText(rate(d.kpis['directRate'].value));
  await expect(kpiValue(page, 'on-time-rate')).toHaveText(rate(d.kpis['onTimeRate'].value));
  await expect(kpiValue(page, 'satisfaction-rate')).toHaveText(rate(d.kpis['satisfactionRate'].value));
  await expect(kpiValue(page, 'sign-on-time-rate')).toHaveText(rate(d.kpis['signOnTimeRate'].value));
  await expect(page.getByTestId('hot-row')).toHaveCount(d.hotCategories.length);
  if (d.hotCategories.length) await expect(page.getByTestId('hot-row').first()).toContainText(d.hotCategories[0].name);
  await expect(page.getByTestId('trend-chart').locator('canvas').first()).toBeVisible();
  await expect(page.getByTestId('types-chart').locator('canvas').first()).toBeVisible();
  await expect(page.getByTestId('heat-table').or(page.getByText('本期无公众诉求'))).toBeVisible();
  await expect(page.getByText(`激增预警（${d.surges.length}）`)).toBeVisible();
  await page.waitForTimeout(300);
  await shot(page, info, 'reporting-01-dashboard-month');

  // 全市 over this year: the figures follow the period and the platform
  await page.getByTestId('preset-year').click();
  await page.getByTestId('platform-select').click();
  await page.locator('nz-option-item').filter({ hasText: '全市' }).click();
  const year = await api<Dashboard>(page.request, 'leader', `/api/stats/dashboard?from=${today.slice(0, 4)}-01-01&to=${today}&platform=all`);
  await expect(page.getByTestId('dashboard-period')).toContainText(`${today.slice(0, 4)}-01-01 至 ${today}`);
  await expect(kpiValue(page, 'accepted')).toHaveText(count(year.kpis.accepted.value));
  await expect(kpiValue(page, 'on-time-rate')).toHaveText(rate(year.kpis['onTimeRate'].value));
});

test('the annual report renders its sections and figures, exports a .docx, and a 快报 can be issued', async ({ page }, info) => {
  await login(page, 'leader');
  await page.getByTestId('nav-reports').click();
  await expect(page).toHaveURL(/\/reports/);
  await page.getByTestId('preset-year').click();
  await expect(page.getByTestId('report-title')).toContainText('报告');
  for (const no of ['一', '二', '三']) await expect(page.getByTestId(`report-section-${no}`)).toBeVisible();
  const year = chinaToday().slice(0, 4);
  const report = await api<{ charts: { id: string }[]; sections: unknown[]; tables: { id: string }[] }>(
    page.request,
    'leader',
    `/api/reports/annual?from=${year}-01-01&to=${chinaToday()}&platform=city`,
  );
  expect(report.charts.length).toBeGreaterThan(0);
  await expect(page.locator('[data-testid^="report-chart-"]')).toHaveCount(report.charts.length);
  await expect(page.locator('[data-testid^="report-chart-"] canvas').first()).toBeVisible();
  expect(await page.locator('[data-testid^="report-chart-"] canvas').count()).toBeGreaterThanOrEqual(report.charts.length);
  await expect(page.locator('[data-testid^="report-table-"]')).toHaveCount(report.tables.length);
  await page.waitForTimeout(300);
  await shot(page, info, 'reporting-02-annual-report');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const file = info.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  expect(statSync(file).size).toBeGreaterThan(1000);
  expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK'); // a zip, as every .docx is

  // a 快报 for this month, issued and listed
  await page.getByTestId('kind-express').click();
  await page.getByTestId('preset-month').click();
  await expect(page.getByTestId('report-title')).toBeVisible();
  await page.getByTestId('issue-title').fill('本月诉求快报（测试）');
  await page.getByTestId('issue-submit').click();
  await expect(page.getByTestId('issue-row').filter({ hasText: '本月诉求快报（测试）' })).toBeVisible();
  await expect(page.getByTestId('issue-row').filter({ hasText: '本月诉求快报（测试）' })).toContainText('快报');
  await shot(page, info, 'reporting-03-express-issued');
});

test('an admin imports a legacy CSV: progress to done, the imported count and the row error', async ({ page }, info) => {
  const headers = [
    '工单编号',
    '受理平台',
    '受理时间',
    '来源渠道',
    '诉求类型',
    '诉求分类',
    '所属区域',
    '专题',
    '来电号码',
    '诉求内容',
    '处理方式',
    '承办单位',
    '派单时间',
    '办理时限',
    '办结时间',
    '回访时间',
    '满意度',
    '是否解决',
  ];
  const stamp = Date.now().toString(36).toUpperCase();
  const y = Number(chinaToday().slice(0, 4)) - 1;
  const row = (i: number, over: Record<string, string> = {}) => {
    const base: Record<string, string> = {
      工单编号: `E2E${stamp}${i}`,
      受理平台: '市级',
      受理时间: `${y}-03-01 09:30:00`,
      来源渠道: '电话',
      诉求类型: '投诉',
      诉求分类: '水电气暖/供水/突发停水',
      所属区域: '海州区',
      专题: '',
      来电号码: '13800001111',
      诉求内容: '小区停水，已经六个小时，请尽快处理。',
      处理方式: '派单',
      承办单位: '连云港水务集团',
      派单时间: `${y}-03-01 09:40:00`,
      办理时限: `${y}-03-06 17:30:00`,
      办结时间: `${y}-03-03 10:00:00`,
      回访时间: `${y}-03-04 10:00:00`,
      满意度: '满意',
      是否解决: '是',
      ...over,
    };
    return headers.map((h) => base[h]).join(',');
  };
  const csv = [
    headers.join(','),
    row(1),
    row(2, {
      诉求类型: '咨询',
      处理方式: '直接办结',
      承办单位: '',
      派单时间: '',
      办理时限: '',
      办结时间: `${y}-03-01 09:35:00`,
      回访时间: '',
      满意度: '',
      是否解决: '',
    }),
    row(3),
    row(4, { 受理时间: `${y}-02-30 10:00:00` }),
  ].join('\n');

  await login(page, 'admin');
  await page.getByTestId('nav-imports').click();
  await expect(page).toHaveURL(/\/imports/);
  await page.getByTestId('import-file').setInputFiles({ name: `历史工单${stamp}.csv`, mimeType: 'text/csv', buffer: Buffer.from('\ufeff' + csv, 'utf8') });
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-job')).toBeVisible();
  await expect(page.getByTestId('import-status')).toHaveText('已完成', { timeout: 30_000 });
  await expect(page.getByTestId('import-percent')).toHaveText('进度 100%');
  await expect(page.getByTestId('import-inserted')).toHaveText('3');
  await expect(page.getByTestId('import-error-rows')).toHaveText('1');
  const err = page.getByTestId('import-error-row');
  await expect(err).toHaveCount(1);
  await expect(err.first()).toContainText('5'); // header is row 1, so the fourth order is row 5
  await expect(err.first()).toContainText('受理时间');
  await expect(err.first()).toContainText('no such date');
  await expect(page.getByTestId('import-job-row').first()).toContainText(`历史工单${stamp}.csv`);
  await shot(page, info, 'reporting-04-import-done');
});

test('assessment and surge alerts render; a supervisor scans today', async ({ page }, info) => {
  await login(page, 'leader');
  await page.goto('/assessment');
  await expect(page.getByTestId('assessment-table')).toBeVisible();
  await expect(page.getByTestId('weights-card')).toContainText('及时签收率');
  await expect(page.getByTestId('weights-save')).toHaveCount(0); // only admin edits the weights
  await expect(page.getByTestId('red-list')).toBeVisible();
  // this month: the complaint the water company signed for makes it a ranked unit, scored like the API scores it
  const month = chinaToday().slice(0, 7);
  const picker = page.getByTestId('assessment-month').locator('input');
  await picker.click();
  await picker.fill(month);
  await picker.press('Enter');
  const view = await api<{ rows: { unitName: string; rank: number | null; score: number | null; fullScore: number; assessed: boolean }[] }>(
    page.request,
    'leader',
    `/api/assessment?month=${month}&platform=city`,
  );
  expect(view.rows.length).toBeGreaterThan(0);
  expect(view.rows[0].assessed).toBe(true);
  await expect(page.getByTestId('assessment-row')).toHaveCount(view.rows.length);
  const first = page.getByTestId('assessment-row').first();
  await expect(first).toContainText(view.rows[0].unitName);
  await expect(first).toContainText(`${view.rows[0].score?.toFixed(1)} / ${view.rows[0].fullScore}`);
  // a unit with nothing to measure is shown 未参评, as the API says, and is on neither list
  const unassessed = view.rows.filter((r) => !r.assessed);
  await expect(page.getByTestId('unassessed')).toHaveCount(unassessed.length);
  for (const r of unassessed) {
    await expect(page.getByTestId('red-list')).not.toContainText(r.unitName);
    await expect(page.getByTestId('black-list')).not.toContainText(r.unitName);
  }
  await shot(page, info, 'reporting-05-assessment');
  await page.goto('/surges');
  await expect(page.getByTestId('surge-table')).toBeVisible();
  await expect(page.getByTestId('scan-now')).toHaveCount(0); // the API lets admin and supervisor scan
  await logout(page);

  await login(page, 'supervisor');
  await page.goto('/surges');
  await expect(page.getByTestId('surge-table')).toBeVisible();
  await page.getByTestId('scan-now').click();
  await expect(page.getByText(/扫描完成/)).toBeVisible();
  await shot(page, info, 'reporting-06-surges');
});

test('a supervisor records a coordination meeting on an order and a unit, and sees it listed', async ({ page }, info) => {
  const t = await token(page.request, 'supervisor');
  const orders = await (await page.request.get('/api/orders?pageSize=1', { headers: { authorization: `Bearer ${t}` } })).json();
  const order = orders.items[0] as { id: number; number: string };
  await login(page, 'supervisor');
  await page.getByTestId('nav-meetings').click();
  await expect(page).toHaveURL(/\/meetings/);
  const title = `供水问题专题协调会 ${Date.now().toString(36)}`;
  await page.getByTestId('meeting-title').fill(title);
  await page.getByTestId('meeting-units').click();
  await page.keyboard.type('水务');
  await page.locator('nz-option-item').filter({ hasText: '水务' }).first().click();
  await page.keyboard.press('Escape');
  await page.getByTestId('meeting-orders').fill(order.number);
  await page.getByTestId('meeting-summary').fill('明确由水务集团牵头，三日内完成管网抢修。');
  await page.getByTestId('meeting-submit').click();
  const row = page.getByTestId('meeting-row').filter({ hasText: title });
  await expect(row).toBeVisible();
  await expect(row).toContainText('水务');
  await expect(row.getByTestId('meeting-order')).toHaveText(order.number);
  await expect(row.getByTestId('meeting-order')).toHaveAttribute('href', `/orders/${order.id}`);
  await shot(page, info, 'reporting-07-meetings');
});
