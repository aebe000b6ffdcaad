import { expect, type Page, type TestInfo } from '@playwright/test';

export const PASSWORD = 'Demo@12345';

/** Logs in through the login screen and waits for the role's workspace. */
export async function login(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByTestId('current-user')).toBeVisible();
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login/);
}

/** Actions without fields run on the click; the others open a dialog. */
const NO_DIALOG = new Set(['sign']);

/** Opens an order's page, runs one action (through its dialog when it has fields) and waits until it is done. */
export async function act(page: Page, orderId: number, action: string, fill?: (page: Page) => Promise<void>): Promise<void> {
  await page.goto(`/orders/${orderId}`);
  await expect(page.getByTestId('timeline-item').first()).toBeVisible(); // every order has at least its intake
  const steps = await page.getByTestId('timeline-item').count();
  await page.getByTestId(`action-${action}`).click();
  if (NO_DIALOG.has(action)) {
    await expect(page.getByTestId('timeline-item')).toHaveCount(steps + 1);
    return;
  }
  const dialog = page.getByTestId('action-dialog');
  await expect(dialog).toBeVisible();
  if (fill) await fill(page);
  await page.getByTestId('action-submit').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('timeline-item')).toHaveCount(steps + 1);
}

/** Picks an option of an nz-select by typing part of its label. */
export async function choose(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator('nz-option-item').filter({ hasText: text }).first().click();
}

/** A named full-page screenshot, kept as a file in the test's output folder and attached to the report. */
export async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await info.attach(name, { path, contentType: 'image/png' });
}
