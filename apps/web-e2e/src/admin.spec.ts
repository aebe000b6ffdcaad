import { expect, type Page, test } from '@playwright/test';
import { login, shot } from './support';

/** The message shown under the admin form control with this test id (empty when none). */
const fieldError = (page: Page, testId: string) => page.locator('nz-form-item', { has: page.getByTestId(testId) }).locator('.ant-form-item-explain-error');

const save = (page: Page) => page.locator('.ant-modal-footer .ant-btn-primary').click();

test('a topic: the API’s field error is marked under the field in Chinese, then it is created and edited', async ({ page }, info) => {
  await login(page, 'admin');
  await page.goto('/admin/topics');
  await expect(page.getByTestId('topics-table')).toBeVisible();

  await page.getByTestId('topic-create').click();
  await page.getByTestId('topic-code').fill('Flood Season');
  await page.getByTestId('topic-name').fill('汛期排涝');
  await save(page);
  await expect(fieldError(page, 'topic-code')).toHaveText('编码须以小写字母开头，只含小写字母、数字和下划线');
  await expect(page.locator('nz-form-item.ant-form-item-has-error')).toHaveCount(1);
  await expect(page.getByTestId('topic-code')).toHaveValue('Flood Season');
  await expect(page.getByTestId('topic-name')).toHaveValue('汛期排涝');
  await shot(page, info, 'admin-topic-field-error');

  // correcting the field clears the mark; the save closes the dialog
  await page.getByTestId('topic-code').fill('flood_e2e');
  await expect(fieldError(page, 'topic-code')).toHaveCount(0);
  await save(page);
  await expect(page.getByTestId('topic-form')).toBeHidden();
  await expect(page.getByTestId('topic-row-flood_e2e')).toContainText('汛期排涝');

  // the same code again: the API's DUPLICATE names the field (from the unique key), so the code field is marked
  await page.getByTestId('topic-create').click();
  await page.getByTestId('topic-code').fill('flood_e2e');
  await page.getByTestId('topic-name').fill('另一个防汛专题');
  await save(page);
  await expect(fieldError(page, 'topic-code')).toHaveText('编码已存在');
  await expect(page.getByTestId('topic-name')).toHaveValue('另一个防汛专题');
  await page.locator('.ant-modal-footer .ant-btn').first().click(); // 取消
  await expect(page.getByTestId('topic-form')).toBeHidden();

  await page.getByTestId('topic-edit-flood_e2e').click();
  await expect(page.getByTestId('topic-code')).toBeDisabled();
  await page.getByTestId('topic-name').fill('汛期排涝专项');
  await save(page);
  await expect(page.getByTestId('topic-row-flood_e2e')).toContainText('汛期排涝专项');
});

test('a duplicate username is marked on the username field, what was typed is kept', async ({ page }, info) => {
  await login(page, 'admin');
  await page.goto('/admin/users');
  await expect(page.getByTestId('user-row-agent')).toBeVisible();
  await page.getByTestId('user-create').click();
  await page.getByTestId('user-username').fill('agent');
  await page.getByTestId('user-password').fill('Longenough1');
  await page.getByTestId('user-display-name').fill('重名的坐席');
  await save(page);
  await expect(fieldError(page, 'user-username')).toHaveText('用户名已存在');
  await expect(page.getByTestId('user-display-name')).toHaveValue('重名的坐席');
  await expect(page.getByTestId('user-username')).toHaveValue('agent');
  await shot(page, info, 'admin-user-duplicate');

  await page.getByTestId('user-username').fill('agent_e2e');
  await save(page);
  await expect(page.getByTestId('user-form')).toBeHidden();
  await page.getByTestId('user-filter').fill('agent_e2e'); // the list has more than one page
  await expect(page.getByTestId('user-row-agent_e2e')).toContainText('重名的坐席');
});

test('units, categories and holidays: create or edit through the shared dialog', async ({ page }, info) => {
  await login(page, 'admin');

  await page.goto('/admin/units');
  await expect(page.getByTestId('unit-row-gaj')).toBeVisible();
  await page.getByTestId('unit-create').click();
  await page.getByTestId('unit-name').fill('市测试局');
  await page.getByTestId('unit-code').fill('e2e_unit');
  await save(page);
  await expect(page.getByTestId('unit-row-e2e_unit')).toContainText('市测试局');
  await page.getByTestId('unit-edit-e2e_unit').click();
  await page.getByTestId('unit-name').fill('市测试管理局');
  await save(page);
  await expect(page.getByTestId('unit-row-e2e_unit')).toContainText('市测试管理局');
  await shot(page, info, 'admin-units');

  await page.goto('/admin/categories');
  await expect(page.getByTestId('categories-table')).toBeVisible();
  await page.getByTestId('category-create').click();
  await page.getByTestId('category-name').fill('测试一级分类');
  await page.getByTestId('category-code').fill('e2e_cat');
  await save(page);
  await expect(page.getByTestId('category-row-e2e_cat')).toContainText('测试一级分类');

  await page.goto('/admin/holidays');
  const first = page.locator('[data-testid^="holiday-row-"]').first();
  await expect(first).toBeVisible();
  await first.getByRole('button', { name: /编\s*辑/ }).click();
  await expect(page.getByTestId('holiday-form')).toBeVisible();
  await page.getByTestId('holiday-name').fill('测试假日');
  await save(page);
  await expect(page.getByTestId('holiday-form')).toBeHidden();
  await expect(first).toContainText('测试假日');
  await shot(page, info, 'admin-holidays');
});
