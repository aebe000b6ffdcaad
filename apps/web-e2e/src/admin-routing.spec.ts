import { expect, test } from '@playwright/test';
import { choose, login, shot } from './support';

test('派单模型: the model state, a catalogue rule added and deleted, and 重新训练 starting a run', async ({ page }, info) => {
  await login(page, 'admin');
  await page.goto('/admin/units');
  await page.getByTestId('admin-nav-routing').click();
  await expect(page).toHaveURL(/\/admin\/routing$/);
  await expect(page.getByTestId('routing-model-status')).toHaveText(/尚未训练|排队中|训练中|服务中|未采用|训练失败|已停用/);

  // a rule: 物业管理 in 海州区 goes to 市住建局; a note unique to this run finds its row
  const note = `端到端 ${Date.now()}`;
  await choose(page, 'rule-category', '物业管理');
  await choose(page, 'rule-region', '海州区');
  await choose(page, 'rule-unit', '市住房和城乡建设局');
  await page.getByTestId('rule-note').fill(note);
  await page.getByTestId('rule-add').click();
  const row = page.getByTestId('rules-table').locator('tr', { hasText: note });
  await expect(row).toContainText('物业管理');
  await expect(row).toContainText('海州区');
  await expect(row).toContainText('市住房和城乡建设局');
  await shot(page, info, 'admin-routing-rule');

  // the same category and region again: the API's 409 is told with its code
  await choose(page, 'rule-category', '物业管理');
  await choose(page, 'rule-region', '海州区');
  await choose(page, 'rule-unit', '市住房和城乡建设局');
  await page.getByTestId('rule-add').click();
  await expect(page.locator('.ant-message')).toContainText('DUPLICATE');

  // deleted after confirming, so no rule is left for other specs
  await row.getByText('删除').click();
  await page.locator('.ant-popover .ant-btn-primary').click();
  await expect(row).toHaveCount(0);

  // 重新训练: a new run appears (queued or training, or already settled by the worker under a newer version)
  const versionOf = async () => {
    const latest = page.getByTestId('routing-latest-run');
    const m = (await latest.count()) ? (await latest.textContent())?.match(/版本 (\d+)/) : null;
    return m ? Number(m[1]) : Number((await page.getByTestId('routing-model-version').textContent())?.trim()) || 0;
  };
  const before = await versionOf();
  await page.getByTestId('routing-train').click();
  await expect
    .poll(async () => {
      const status = (await page.getByTestId('routing-model-status').textContent()) ?? '';
      return /排队中|训练中/.test(status) || (await versionOf()) > before;
    })
    .toBe(true);
  await shot(page, info, 'admin-routing-train');
});
