import { expect, test } from '@playwright/test';
import { login, shot } from './support';

// A fresh database has no order 7+ days past its handling deadline (the cutoff is calendar days, which
// a drill policy cannot shorten); this checks that the 积案 tab asks the real search API for them in one
// paged query (handleDueBefore = now − N days) and shows its total. The rows and paging are covered by
// supervision-page.spec.ts against 450 fake orders.
test('the supervisor’s 积案 tab asks the server for the orders N days overdue and shows none on a fresh database', async ({ page }, info) => {
  const searches: URL[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname === '/api/orders') searches.push(url);
  });
  const cutoffNear = (u: URL, days: number) =>
    Math.abs(Date.parse(u.searchParams.get('handleDueBefore') ?? '') - (Date.now() - days * 86_400_000)) < 5 * 60_000;
  await login(page, 'supervisor');
  await page.waitForTimeout(500); // the landing tab (超期看板) loads its own overdue pages first
  searches.length = 0;
  await page.goto('/supervision?tab=long');
  await expect(page.getByTestId('long-total')).toContainText('共 0 件');
  await expect(page.getByText('暂无积案')).toBeVisible();
  await expect(page.locator('nz-alert')).toHaveCount(0);
  const long = searches.filter((u) => u.searchParams.has('handleDueBefore'));
  expect(long).toHaveLength(1);
  expect(long[0].searchParams.get('overdue')).toBe('true');
  expect(long[0].searchParams.get('sort')).toBe('handleDueAt');
  expect(long[0].searchParams.get('pageSize')).toBe('20');
  expect(cutoffNear(long[0], 30)).toBe(true);

  searches.length = 0;
  await page.getByTestId('long-days').click();
  await page.getByText('7 天以上', { exact: true }).click();
  await expect.poll(() => searches.length).toBe(1);
  expect(cutoffNear(searches[0], 7)).toBe(true);
  await expect(page.getByTestId('long-total')).toContainText('共 0 件（办理时限已过 7 天以上');
  await shot(page, info, 'supervision-long');
});
