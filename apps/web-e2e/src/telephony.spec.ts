import { expect, test, type APIRequestContext } from '@playwright/test';
import { PASSWORD, login, logout, shot } from './support';

async function token(request: APIRequestContext, username: string): Promise<string> {
  const r = await request.post('/api/auth/login', { data: { username, password: PASSWORD } });
  expect(r.status()).toBe(200);
  return (await r.json()).accessToken;
}

test.describe('telephony', () => {
  test('a simulated call pops on the agent’s screen with the number filled in; the order made is linked to the call', async ({ page, request }, info) => {
    const admin = { Authorization: `Bearer ${await token(request, 'admin')}` };
    const endpoint = new URL((await (await request.get('/api/admin/telephony', { headers: admin })).json()).endpoint).pathname;
    const callId = `e2e-${Date.now()}`;
    const phone = `1397${String(Date.now()).slice(-7)}`;
    const push = async (event: string, extra: Record<string, string> = {}) => {
      // form-encoded, as Zammad's bridges send it
      const r = await request.post(endpoint, { form: { event, callId, from: phone, to: '12345', direction: 'in', queue: '市民热线', ...extra } });
      expect(r.status()).toBe(200);
    };

    await login(page, 'agent');
    await page.getByTestId('agent-state-free').click();
    // the agent is elsewhere when the call comes: the pop brings the intake up
    const streamOpen = page.waitForResponse((r) => r.url().includes('/api/notifications/stream'));
    await page.goto('/search');
    await expect(page.getByTestId('agent-desk')).toBeVisible();
    await streamOpen;
    await push('newCall', { 'user[]': 'agent' });
    await push('answer', { answeringNumber: 'agent' });
    await expect(page).toHaveURL(/\/intake/, { timeout: 3000 });
    await expect(page.getByTestId('intake-phone')).toHaveValue(phone);
    await expect(page.getByTestId('call-pop')).toBeVisible();
    await expect(page.getByTestId('call-pop-number')).toHaveText(phone);
    await expect(page.getByTestId('call-pop-first')).toBeVisible();
    await expect(page.getByTestId('agent-live-state')).toHaveText('通话中');
    await shot(page, info, 'telephony-01-pop');

    await page.getByTestId('appeal-consult').click();
    await page.getByTestId('intake-category').click();
    await page.keyboard.type('突发停水');
    await page.locator('.ant-cascader-menu-item').filter({ hasText: '突发停水' }).first().click();
    await page.getByTestId('intake-content').fill('来电咨询小区停水何时恢复。');
    await page.getByTestId('mode-register').click();
    await page.keyboard.press('Control+Enter');
    const link = page.getByTestId('intake-result-number');
    await expect(link).toBeVisible();
    const orderId = Number((await link.getAttribute('href'))?.split('/').pop());
    await expect(page.getByTestId('call-pop')).toBeHidden();
    await push('hangup', { cause: 'normalClearing' });

    const calls = await (await request.get(`/api/calls?callId=${callId}`, { headers: admin })).json();
    expect(calls.items[0]).toMatchObject({ callId, orderId, linkPurpose: 'intake', answered: true });
    await logout(page);
  });

  test('the wallboard shows waiting calls, agents and today’s rates; admins see the CTI endpoint', async ({ page, request }, info) => {
    const admin = { Authorization: `Bearer ${await token(request, 'admin')}` };
    const endpoint = new URL((await (await request.get('/api/admin/telephony', { headers: admin })).json()).endpoint).pathname;
    const callId = `e2e-wait-${Date.now()}`;
    // one call answered and over, one still waiting
    const done = { callId: `${callId}-done`, from: '13970000002', to: '12345', direction: 'in' };
    for (const event of ['newCall', 'answer', 'hangup']) await request.post(endpoint, { data: { ...done, event, answeringNumber: 'agent' } });
    await request.post(endpoint, { data: { event: 'newCall', callId, from: '13970000001', to: '12345', direction: 'in' } });

    await login(page, 'supervisor');
    await page.getByTestId('nav-wallboard').click();
    await expect(page).toHaveURL(/\/wallboard/);
    await expect(page.getByTestId('tile-waiting')).not.toContainText('排队等待0');
    await expect(page.getByTestId('tile-answer-rate')).toContainText('%');
    await shot(page, info, 'telephony-02-wallboard');
    await request.post(endpoint, { data: { event: 'hangup', callId, from: '13970000001', to: '12345', direction: 'in', cause: 'cancel' } });
    await logout(page);

    await login(page, 'admin');
    await page.goto('/wallboard');
    await page.getByText('话务接入设置').click();
    await expect(page.getByTestId('cti-endpoint')).toContainText('/api/cti/');
    await shot(page, info, 'telephony-03-settings');
  });
});
