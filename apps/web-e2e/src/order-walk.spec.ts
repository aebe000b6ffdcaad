import { expect, test } from '@playwright/test';
import { act, choose, login, logout, shot } from './support';

test.describe('one order through every role', () => {
  test('agent intake → dispatcher → unit signs and replies → accept → callback → closed', async ({ page }, info) => {
    // agent registers the call and leaves it for the dispatcher
    await login(page, 'agent');
    await expect(page).toHaveURL(/\/intake/);
    await shot(page, info, '01-intake-empty');
    await page.getByTestId('intake-phone').fill('13812340001');
    await page.getByTestId('intake-caller-name').fill('王先生');
    await page.getByTestId('appeal-complaint').click();
    await page.getByTestId('intake-category').click();
    await page.keyboard.type('突发停水');
    await page.locator('.ant-cascader-menu-item').filter({ hasText: '突发停水' }).first().click();
    await choose(page, 'intake-region', '海州区');
    await page.getByTestId('intake-address').fill('海州区朐阳街道幸福小区3栋');
    await page.getByTestId('intake-content').fill('幸福小区从早上八点开始停水，至今没有通知何时恢复。');
    await page.getByTestId('mode-register').click();
    await shot(page, info, '02-intake-filled');
    await page.keyboard.press('Control+Enter');
    const link = page.getByTestId('intake-result-number');
    await expect(link).toBeVisible();
    const number = (await link.textContent())?.trim() ?? '';
    expect(number).toMatch(/^\d{14}$/);
    const orderId = Number((await link.getAttribute('href'))?.split('/').pop());
    expect(orderId).toBeGreaterThan(0);
    await logout(page);

    // dispatcher finds it in the queue and dispatches it to the water company
    await login(page, 'dispatcher');
    await expect(page.getByTestId(`order-row-${number}`).first()).toBeVisible();
    await shot(page, info, '03-dispatcher-queue');
    await act(page, orderId, 'dispatch', (p) => choose(p, 'field-unitId', '水务集团'));
    await expect(page.getByTestId('status-tag').first()).toContainText('待签收');
    await logout(page);

    // the unit signs, then replies
    await login(page, 'swjt');
    await expect(page.getByTestId(`order-row-${number}`).first()).toBeVisible();
    await shot(page, info, '04-unit-inbox');
    await act(page, orderId, 'sign');
    await expect(page.getByTestId('status-tag').first()).toContainText('办理中');
    await act(page, orderId, 'reply', (p) => p.getByTestId('field-content').fill('已派抢修队更换阀门，下午两点恢复供水。'));
    await expect(page.getByTestId('status-tag').first()).toContainText('待审核');
    await shot(page, info, '05-unit-replied');
    await logout(page);

    // the dispatcher accepts the reply
    await login(page, 'dispatcher');
    await act(page, orderId, 'accept-reply');
    await expect(page.getByTestId('status-tag').first()).toContainText('待回访');
    await logout(page);

    // the callback agent calls the citizen back and closes the order
    await login(page, 'callback');
    await expect(page.getByTestId(`order-row-${number}`).first()).toBeVisible();
    await shot(page, info, '06-callback-queue');
    await act(page, orderId, 'callback', async (p) => {
      await p.getByTestId('satisfaction-satisfied').click();
      await p.getByTestId('solved-yes').click();
    });
    await act(page, orderId, 'close');
    await expect(page.getByTestId('status-tag').first()).toContainText('已办结');

    // its timeline shows each step
    const timeline = page.getByTestId('timeline-item');
    await expect(timeline).toHaveCount(7);
    const text = (await page.getByTestId('history-timeline').textContent()) ?? '';
    for (const step of ['受理登记', '派单', '签收', '办结回复', '审核通过', '回访', '办结归档']) expect(text).toContain(step);
    await shot(page, info, '07-closed-timeline');
  });
});
