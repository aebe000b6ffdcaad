import { expect, test } from '@playwright/test';
import { login, PASSWORD, shot } from './support';

/** Creates an order and dispatches it to a unit (and co-units) through the API, as the center would. */
async function dispatchedOrder(
  request: import('@playwright/test').APIRequestContext,
  unitCode: string,
  coUnitCodes: string[] = [],
): Promise<{ id: number; number: string }> {
  const token = async (username: string) =>
    (await (await request.post('/api/auth/login', { data: { username, password: PASSWORD } })).json()).accessToken as string;
  const [agent, dispatcher] = [await token('agent'), await token('dispatcher')];
  const auth = (t: string) => ({ authorization: `Bearer ${t}` });
  const cats = await (await request.get('/api/categories', { headers: auth(agent) })).json();
  const leaf = cats[0].children[0].children[0];
  const order = await (
    await request.post('/api/orders', {
      headers: auth(agent),
      data: { channel: 'phone', appealType: 'report', categoryId: leaf.id, caller: { phone: '13812340009' }, content: '有人在小区门口聚众赌博。' },
    })
  ).json();
  const units: { id: number; code: string }[] = await (await request.get('/api/units', { headers: auth(dispatcher) })).json();
  const idOf = (code: string) => units.find((u) => u.code === code)?.id;
  const data = { version: order.version, unitId: idOf(unitCode), ...(coUnitCodes.length ? { coUnitIds: coUnitCodes.map(idOf) } : {}) };
  const r = await request.post(`/api/orders/${order.id}/actions/dispatch`, { headers: auth(dispatcher), data });
  expect(r.status()).toBe(200);
  return { id: order.id, number: order.number };
}

/** Creates an order and dispatches it to the police (市公安局). */
async function policeOrder(request: import('@playwright/test').APIRequestContext): Promise<number> {
  return (await dispatchedOrder(request, 'gaj')).id;
}

test('a unit user cannot open another unit’s order by URL', async ({ page }, info) => {
  const foreignId = await policeOrder(page.request);
  await login(page, 'swjt');
  await page.goto(`/orders/${foreignId}`);
  await expect(page.getByText('工单不存在或无权查看')).toBeVisible();
  await expect(page.getByTestId('order-content')).toHaveCount(0);
  await shot(page, info, 'foreign-order-refused');
});

test('a co-unit sees the order on its 协办 tab, not among the orders to sign', async ({ page }, info) => {
  const { number } = await dispatchedOrder(page.request, 'swjt', ['gaj']);
  await login(page, 'gaj');
  await expect(page).toHaveURL(/\/unit/);
  await page.getByTestId('tab-co').click();
  await expect(page.getByTestId(`order-row-${number}`).first()).toBeVisible();
  await shot(page, info, 'co-unit-tab');
  // the list keeps its rows until the next answer replaces them: the row going means 待签收 left it out
  await page.getByTestId('tab-dispatched').click();
  await expect(page.getByTestId(`order-row-${number}`)).toHaveCount(0);
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
