import { expect, test, type Page } from '@playwright/test';
import { choose, login, logout, shot } from './support';

/** Fills the article editor (the center also names the owner unit). */
async function writeArticle(page: Page, a: { title: string; questions: string; answer: string; owner?: string }): Promise<void> {
  await page.getByTestId('kb-editor-title').fill(a.title);
  await page.getByTestId('kb-editor-questions').fill(a.questions);
  await page.getByTestId('kb-editor-answer').fill(a.answer);
  if (a.owner) await choose(page, 'kb-editor-owner', a.owner);
  await page.getByTestId('kb-editor-save').click();
  await expect(page.getByTestId('kb-editor')).toBeHidden();
  await expect(page.getByTestId('kb-article-title')).toHaveText(a.title);
}

async function runAction(page: Page, action: string, status: string): Promise<void> {
  await page.getByTestId(`kb-action-${action}`).click();
  await expect(page.getByTestId('kb-article-status')).toHaveText(status);
}

/** Closes the article drawer (it covers the header's logout) and logs out. */
async function leave(page: Page): Promise<void> {
  const close = page.locator('.ant-drawer-open .ant-drawer-close');
  if (await close.count()) await close.first().click();
  await expect(page.locator('.ant-drawer-open')).toHaveCount(0);
  await logout(page);
}

/** Opens an article from a status tab of the list by its title. */
async function openFromList(page: Page, tab: string, title: string): Promise<void> {
  await page.goto('/knowledge');
  await page.getByTestId(`kb-status-${tab}`).click();
  await page.getByTestId('kb-row').filter({ hasText: title }).getByTestId('kb-row-title').click();
  await expect(page.getByTestId('kb-article-title')).toHaveText(title);
}

test.describe('knowledge base', () => {
  // several users log in and out in each test
  test.describe.configure({ timeout: 180_000 });

  test('the center publishes an article, an agent finds it while typing and answers the call from it', async ({ page }, info) => {
    const title = `小区停水多久恢复供水 ${Date.now() % 100000}`;
    await login(page, 'dispatcher');
    await page.goto('/knowledge');
    await page.getByTestId('kb-new').click();
    await writeArticle(page, {
      title,
      questions: '家里停水了什么时候来水\n突发停水怎么办\n停水后多久能恢复供水',
      answer: '突发停水一般在 4 小时内恢复供水。\n可拨打水务集团 24 小时热线 96889 查询抢修进度。',
      owner: '水务集团',
    });
    await expect(page.getByTestId('kb-article-status')).toHaveText('草稿');
    await runAction(page, 'submit', '待审核');
    await runAction(page, 'publish', '已发布');
    await shot(page, info, 'kb-01-published');
    await leave(page);

    // the agent: the published article is searchable (the index follows a publish within seconds)
    await login(page, 'agent');
    await page.goto('/knowledge');
    await page.getByTestId('kb-search-input').fill('停水 恢复供水');
    await expect(async () => {
      await page.getByTestId('kb-search').click();
      await expect(page.getByTestId('kb-hit').filter({ hasText: title })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByTestId('kb-hit').filter({ hasText: title }).locator('em').first()).toBeVisible();

    // on the intake screen the suggestions follow the appeal as it is typed
    await page.goto('/intake');
    await page.getByTestId('intake-phone').fill('13812340077');
    await page.getByTestId('appeal-consult').click();
    await page.getByTestId('intake-category').click();
    await page.keyboard.type('突发停水');
    await page.locator('.ant-cascader-menu-item').filter({ hasText: '突发停水' }).first().click();
    await page.getByTestId('intake-content').click();
    await page.keyboard.type('家里突然停水了，想问一下停水后多久能恢复供水？');
    const first = page.getByTestId('kb-suggestion').first();
    await expect(first).toContainText(title);
    await shot(page, info, 'kb-02-suggestions');

    // Alt+1 opens it, Alt+I puts its answer into the direct answer
    await page.keyboard.press('Alt+1');
    await expect(page.getByTestId('kb-drawer-answer')).toContainText('4 小时内恢复供水');
    await page.keyboard.press('Alt+i');
    await expect(page.getByTestId('kb-drawer-answer')).toBeHidden();
    await expect(page.getByTestId('intake-answer')).toHaveValue(/4 小时内恢复供水/);
    await expect(page.getByTestId('answer-method-knowledge')).toHaveClass(/ant-radio-button-wrapper-checked/);
    await expect(page.getByTestId('answer-article')).toContainText(title);
    await shot(page, info, 'kb-03-answer-inserted');
    await page.getByTestId('intake-submit').click();
    const link = page.getByTestId('intake-result-number');
    await expect(link).toBeVisible();
    await expect(page.getByTestId('intake-result')).toContainText('直接办结');

    // the order says how it was answered and which article (and version) was read out
    await link.click();
    await expect(page.getByTestId('order-answer-method')).toContainText('知识库');
    await expect(page.getByTestId('order-answer-article')).toBeVisible();
    await expect(page.getByTestId('order-answer-method')).toContainText(/第 \d+ 版/);
    await shot(page, info, 'kb-04-order');
    await page.getByTestId('order-answer-article').click();
    await expect(page.getByTestId('kb-article-title')).toHaveText(title);
  });

  test('a unit drafts and revises its article; the center publishes each version', async ({ page }, info) => {
    const title = `管网抢修期间如何临时取水 ${Date.now() % 100000}`;
    // the unit writes a draft of its own and submits it
    await login(page, 'swjt');
    await page.goto('/knowledge');
    await page.getByTestId('kb-new').click();
    await expect(page.getByTestId('kb-editor-owner')).toHaveCount(0); // a unit's articles are its own
    await writeArticle(page, { title, questions: '抢修停水去哪里打水', answer: '抢修期间在小区门口设临时供水点。' });
    await runAction(page, 'submit', '待审核');
    await expect(page.getByTestId('kb-action-publish')).toHaveCount(0); // the center reviews
    await leave(page);

    await login(page, 'dispatcher');
    await openFromList(page, 'review', title);
    await runAction(page, 'publish', '已发布');
    await leave(page);

    // the unit revises it: the published text keeps serving until the revision is published
    await login(page, 'swjt');
    await openFromList(page, 'published', title);
    await page.getByTestId('kb-edit').click();
    await page.getByTestId('kb-editor-answer').fill('抢修期间在小区门口设临时供水点，并安排送水车。');
    await page.getByTestId('kb-editor-save').click();
    await expect(page.getByTestId('kb-article-revision')).toBeVisible();
    await expect(page.getByTestId('kb-article-status')).toHaveText('已发布');
    await page.getByTestId('kb-action-submit').click();
    await expect(page.getByTestId('kb-article-revision')).toBeVisible();
    await shot(page, info, 'kb-05-revision-submitted');
    await leave(page);

    await login(page, 'dispatcher');
    await openFromList(page, 'published', title);
    await expect(page.getByTestId('kb-article-revision')).toBeVisible();
    await page.getByTestId('kb-action-publish').click();
    await expect(page.getByTestId('kb-article-revision')).toBeHidden();
    await expect(page.getByTestId('kb-article-answer')).toContainText('送水车');
    await expect(page.getByTestId('kb-version')).toHaveCount(2);
    await shot(page, info, 'kb-06-revision-published');
  });
});
