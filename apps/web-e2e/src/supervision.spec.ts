import { expect, test } from '@playwright/test';
import { login, shot } from './support';

// A fresh database has no order 7+ days past its handling deadline (the cutoff is calendar days, which
// a drill policy cannot shorten); this checks the 积案 tab's server-side count and paging against the
// real search API. The counting itself is covered by supervision-page.spec.ts against 450 fake orders.
test('the supervisor’s 积案 tab counts on the server and shows none on a fresh database', async ({ page }, info) => {
  const searches: URL[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname === '/api/orders') searches.push(url);
  });
  await login(page, 'supervisor');
  await page.waitForTimeout(500); // the landing tab (超期看板) loads its own overdue pages first
  searches.length = 0;
  await page.goto('/supervision?tab=long');
  await expect(page.getByTestId('long-total')).toContainText('共 0 件');
  await expect(page.getByText('暂无积案')).toBeVisible();
  await expect(page.locator('nz-alert')).toHaveCount(0);
  const long = searches.filter((u) => u.searchParams.get('sort') === 'handleDueAt' && u.searchParams.get('overdue') === 'true');
  expect(long.length).toBeGreaterThan(0);
  expect(long.every((u) => Number(u.searchParams.get('pageSize')) <= 20)).toBe(true);
  await shot(page, info, 'supervision-long');
});
