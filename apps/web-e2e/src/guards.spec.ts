import { expect, test } from '@playwright/test';
import { login, shot } from './support';

async function anOrderOf(page: import('@playwright/test').Page, unitCode: string): Promise<number> {
  // the API, with the UI's own token: find an order the unit has
  const token = await page.evaluate(() => Object.values(localStorage).find((v) => typeof v === 'string' && v.split('.').length === 3) ?? '');
  const res = await page.request.get(`/api/orders?pageSize=50&status=dispatched,handling`, { headers: { authorization: `Bearer ${token}` } });
  const body = await res.json();
  const units = await (await page.request.get('/api/units', { headers: { authorization: `Bearer ${token}` } })).json();
  const unit = units.find((u: { code: string }) => u.code === unitCode);
  const hit = body.items.find((o: { mainUnitId: number }) => o.mainUnitId !== unit.id);
  return hit.id;
}

test('a unit user cannot open another unit’s order by URL', async ({ page }, info) => {
  await login(page, 'dispatcher');
  const foreignId = await anOrderOf(page, 'swjt');
  await page.getByTestId('logout').click();
  await login(page, 'swjt');
  await page.goto(`/orders/${foreignId}`);
  await expect(page.getByText('工单不存在或无权查看')).toBeVisible();
  await expect(page.getByTestId('order-content')).toHaveCount(0);
  await shot(page, info, 'foreign-order-refused');
});

test('a validation error is shown and what was typed is kept', async ({ page }, info) => {
  await login(page, 'agent');
  await page.getByTestId('intake-phone').fill('13812340002');
  await page.getByTestId('intake-content').fill('内容已经填写，但没有选择诉求类型和分类。');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.ant-form-item-explain-error').first()).toBeVisible();
  await expect(page.locator('.ant-form-item-has-error')).not.toHaveCount(0);
  await expect(page.getByTestId('intake-content')).toHaveValue('内容已经填写，但没有选择诉求类型和分类。');
  await expect(page.getByTestId('intake-phone')).toHaveValue('13812340002');
  await expect(page.getByTestId('intake-result')).toHaveCount(0);
  await shot(page, info, 'intake-validation');
});

test('every role lands on its own workspace; screenshots of each screen', async ({ page }, info) => {
  const landings: [string, RegExp][] = [
    ['agent', /\/intake/],
    ['dispatcher', /\/dispatch/],
    ['gaj', /\/unit/],
    ['supervisor', /\/supervision/],
    ['callback', /\/callback/],
    ['leader', /\/dashboard/],
    ['admin', /\/admin/],
  ];
  for (const [user, url] of landings) {
    await login(page, user);
    await expect(page).toHaveURL(url);
    // the notifications stream keeps a request open, so wait for content rather than network idle
    await page.waitForTimeout(800);
    await shot(page, info, `landing-${user}`);
    await page.goto('/search');
    await expect(page.getByTestId('search-form')).toBeVisible();
    if (user === 'dispatcher') await shot(page, info, 'search');
    await page.getByTestId('logout').click();
  }
});

test('admin sees the time-limit policy and the queue health', async ({ page }, info) => {
  await login(page, 'admin');
  await page.goto('/admin/time-limits');
  await expect(page.getByTestId('time-limits-table')).toBeVisible();
  await expect(page.getByTestId('time-limits-table')).toContainText('默认');
  await shot(page, info, 'admin-time-limits');
  await page.goto('/admin/queues');
  await expect(page.getByTestId('queues-panel')).toBeVisible();
  await expect(page.getByTestId('queue-row-deadline-timers')).toBeVisible();
  await shot(page, info, 'admin-queues');
});
