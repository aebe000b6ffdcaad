import { expect, test } from '@playwright/test';
import { login, PASSWORD, shot } from './support';

interface CategoryNode {
  id: number;
  children: CategoryNode[];
}

test('an intake’s 受理回执 reaches the SMS log through the worker; templates, webhooks, Open311 keys and dead letters in the admin frame', async ({
  page,
  request,
}, info) => {
  // an order taken over the API: the worker's stream reader sends the receipt (SMS_DRIVER=log stores it)
  const { accessToken } = await (await request.post('/api/auth/login', { data: { username: 'agent', password: PASSWORD } })).json();
  const headers = { authorization: `Bearer ${accessToken}` };
  const tree: CategoryNode[] = await (await request.get('/api/categories', { headers })).json();
  const leaf = tree[0].children[0].children[0] ?? tree[0].children[0];
  const phone = `139${String(Date.now()).slice(-8)}`;
  const made = await request.post('/api/orders', {
    headers,
    data: { channel: 'phone', appealType: 'consult', categoryId: leaf.id, caller: { name: '测试市民', phone }, content: '端到端：短信受理回执。' },
  });
  expect(made.status()).toBe(201);
  const order = await made.json();

  await login(page, 'admin');
  await page.goto('/admin/sms');
  await expect(page.getByTestId('sms-template-receipt')).toBeVisible();
  await page.getByTestId('sms-phone').fill(phone);
  await expect(async () => {
    await page.getByTestId('sms-search').click();
    await expect(page.getByTestId('sms-messages')).toContainText(order.number, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId('sms-messages')).toContainText('已发送');
  await shot(page, info, 'admin-sms-log');

  await page.getByTestId('admin-nav-webhooks').click();
  await page.getByTestId('webhook-url').fill('http://127.0.0.1:9/e2e-hook');
  await page.getByTestId('webhook-secret').fill('e2e-webhook-secret-0123');
  await page.getByTestId('webhook-add').click();
  await expect(page.getByTestId('webhooks-table')).toContainText('http://127.0.0.1:9/e2e-hook');
  await page.getByTestId('webhooks-table').getByText('删除').last().click();
  await page.locator('.ant-popover .ant-btn-primary').click();
  await expect(page.getByTestId('webhooks-table')).not.toContainText('e2e-hook');

  await page.getByTestId('admin-nav-open311').click();
  await page.getByTestId('open311-name').fill('端到端测试APP');
  await page.getByTestId('open311-issue').click();
  await expect(page.getByTestId('open311-issued-key')).toContainText('o311_');
  await expect(page.getByTestId('open311-keys')).toContainText('端到端测试APP');
  await shot(page, info, 'admin-open311-key');

  await page.getByTestId('admin-nav-dead-letters').click();
  await expect(page.getByTestId('dead-letters-table')).toBeVisible();
});
