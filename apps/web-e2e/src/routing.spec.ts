import { expect, test, type APIRequestContext } from '@playwright/test';
import { login, logout, PASSWORD, shot } from './support';

// A small history the center's model learns from: two matters, each with its words and unit.
const HISTORY = [
  { path: ['水电气暖', '供水', '突发停水'], unit: 'swjt', texts: ['小区突然停水没有通知', '自来水管爆裂家里停水', '整栋楼停水一整天了', '供水中断请尽快恢复'] },
  {
    path: ['噪声扰民', '民用生活噪声', '广场舞噪声'],
    unit: 'gaj',
    texts: ['广场舞音响声音太大', '晚上跳广场舞音乐扰民', '楼下广场舞大喇叭很吵', '广场舞噪音影响老人休息'],
  },
];
const PLACES = ['海州区', '连云区', '赣榆区', '东海县'];

interface CategoryNode {
  id: number;
  name: string;
  children: CategoryNode[];
}

async function seedAndTrain(request: APIRequestContext): Promise<{ openNumber: string }> {
  const token = async (username: string) =>
    (await (await request.post('/api/auth/login', { data: { username, password: PASSWORD } })).json()).accessToken as string;
  const [agent, dispatcher, admin] = [await token('agent'), await token('dispatcher'), await token('admin')];
  const auth = (t: string) => ({ authorization: `Bearer ${t}` });
  const tree: CategoryNode[] = await (await request.get('/api/categories', { headers: auth(agent) })).json();
  const find = (path: string[]) => path.reduce<CategoryNode | undefined>((node, name) => (node ? node.children : tree).find((c) => c.name === name), undefined);
  const units: { id: number; code: string }[] = await (await request.get('/api/units', { headers: auth(dispatcher) })).json();
  let seq = 0;
  for (const matter of HISTORY) {
    const categoryId = (find(matter.path) as CategoryNode).id;
    for (const text of matter.texts) {
      for (const place of PLACES) {
        const order = await (
          await request.post('/api/orders', {
            headers: auth(agent),
            data: {
              channel: 'phone',
              appealType: 'complaint',
              categoryId,
              caller: { phone: `1390000${String(1000 + ++seq)}` },
              content: `${place}居民反映${text}`,
            },
          })
        ).json();
        const r = await request.post(`/api/orders/${order.id}/actions/dispatch`, {
          headers: auth(dispatcher),
          data: { version: order.version, unitId: units.find((u) => u.code === matter.unit)?.id },
        });
        expect(r.status()).toBe(200);
      }
    }
  }
  // an open appeal by the caller who will call again
  const open = await (
    await request.post('/api/orders', {
      headers: auth(agent),
      data: {
        channel: 'phone',
        appealType: 'complaint',
        categoryId: (find(HISTORY[1].path) as CategoryNode).id,
        caller: { phone: '13955550001' },
        content: '幸福小区广场舞音响每晚吵到十点',
      },
    })
  ).json();
  const train = await request.post('/api/admin/routing/train', { headers: auth(admin) });
  expect(train.status()).toBe(202);
  // the worker trains it
  await expect
    .poll(async () => (await (await request.get('/api/admin/routing/model', { headers: auth(admin) })).json()).status, { timeout: 60_000 })
    .toBe('serving');
  return { openNumber: open.number };
}

test.describe('routing suggestions on intake', () => {
  test('shows learned categories, units and similar orders as the appeal is typed; the keyboard accepts them', async ({ page }, info) => {
    test.setTimeout(180_000); // seeds a history and waits for the worker to train on it
    const { openNumber } = await seedAndTrain(page.request);
    await login(page, 'agent');
    await expect(page).toHaveURL(/\/intake/);
    await page.getByTestId('intake-phone').fill('13955550001');
    await page.getByTestId('appeal-complaint').click();
    await page.getByTestId('intake-content').fill('晚上广场舞的音响声音太大了');
    const panel = page.getByTestId('routing-panel');
    await expect(panel.getByTestId('routing-category-0')).toContainText('广场舞噪声');
    await expect(panel.getByTestId('routing-unit-0')).toContainText('市公安局');
    await expect(panel.getByTestId(`routing-similar-${openNumber}`)).toContainText('同一来电号码');
    await expect(panel.getByTestId(`routing-merge-${openNumber}`)).toBeVisible();
    await shot(page, info, 'routing-01-suggestions');

    // Ctrl+Alt+1 takes the first category, Ctrl+Alt+Shift+1 the first unit
    await page.getByTestId('intake-content').press('Control+Alt+1');
    await expect(page.getByTestId('intake-category')).toContainText('广场舞噪声');
    await page.getByTestId('intake-content').press('Control+Alt+Shift+1');
    await expect(page.getByTestId('intake-unit')).toContainText('市公安局');
    await shot(page, info, 'routing-02-accepted');

    // 并单: the call joins the open order
    await page.getByTestId(`routing-merge-${openNumber}`).click();
    await expect(page.getByText(`已并入 ${openNumber}`)).toBeVisible();
    await expect(page.getByTestId('intake-content')).toHaveValue('');
  });

  test('the dispatcher queue suggests a unit per order and groups likely duplicates; the leader sees hot clusters and the accuracy', async ({ page }, info) => {
    test.setTimeout(180_000);
    const token = async (username: string) =>
      (await (await page.request.post('/api/auth/login', { data: { username, password: PASSWORD } })).json()).accessToken as string;
    const [agent, admin] = [await token('agent'), await token('admin')];
    const auth = (t: string) => ({ authorization: `Bearer ${t}` });
    // the model of the first test, or one trained here when this test runs alone
    const status = (await (await page.request.get('/api/admin/routing/model', { headers: auth(admin) })).json()).status;
    if (status !== 'serving') await seedAndTrain(page.request);
    const tree: CategoryNode[] = await (await page.request.get('/api/categories', { headers: auth(agent) })).json();
    const noise = HISTORY[1].path.reduce<CategoryNode | undefined>((node, name) => (node ? node.children : tree).find((c) => c.name === name), undefined);
    // three calls about one address, waiting in the queue
    const address = `海州区朝阳东路${100 + Math.floor(Math.random() * 800)}号`;
    const orders: { id: number; number: string }[] = [];
    for (const [i, content] of ['小区广场的舞蹈音响开得震天响', '跳舞的音箱放到深夜孩子没法写作业', '广场音箱很吵家里老人失眠'].entries()) {
      const r = await page.request.post('/api/orders', {
        headers: auth(agent),
        data: { channel: 'phone', appealType: 'complaint', categoryId: noise?.id, caller: { phone: `1395556${String(1000 + i)}` }, address, content },
      });
      expect(r.status()).toBe(201);
      orders.push(await r.json());
    }

    await login(page, 'dispatcher');
    await expect(page).toHaveURL(/\/dispatch/);
    for (const o of orders) await expect(page.getByTestId(`suggest-${o.number}`)).toContainText('市公安局');
    await expect(page.getByTestId(`suggest-${orders[0].number}`)).toContainText('广场舞噪声');
    const panel = page.getByTestId('queue-clusters');
    const cluster = panel.locator('.cluster', { hasText: address });
    await expect(cluster).toContainText('同一地址');
    for (const o of orders) await expect(cluster.getByTestId(`cluster-order-${o.number}`)).toBeVisible();
    await shot(page, info, 'routing-03-queue');

    // 采纳: the dispatch dialog opens with the suggested unit; the dispatcher confirms it
    await page.getByTestId(`take-suggestion-${orders[0].number}`).click();
    const dialog = page.getByTestId('action-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('field-unitId')).toContainText('市公安局');
    await shot(page, info, 'routing-04-taken');
    await page.getByTestId('action-submit').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId(`order-row-${orders[0].number}`)).toHaveCount(0);
    // the two still waiting stay a group; the dispatched one has left it
    await expect(cluster.getByTestId(`cluster-order-${orders[0].number}`)).toHaveCount(0);
    await expect(cluster.getByTestId(`cluster-order-${orders[1].number}`)).toBeVisible();
    // a number in a group opens that order beside the queue (its 并单 is there); the dispatched one's drawer closes first
    await page.keyboard.press('Escape');
    await expect(page.locator('.ant-drawer-mask')).toBeHidden();
    await cluster.getByTestId(`cluster-order-${orders[1].number}`).click();
    await expect(page.getByTestId('action-merge')).toBeVisible();

    // the worker records that the suggestion was taken: the dashboard's 派单准确率 has this month
    const leader = await token('leader');
    await expect
      .poll(
        async () => {
          const months: { accuracy: number | null }[] = await (await page.request.get('/api/stats/routing-accuracy', { headers: auth(leader) })).json();
          return months.at(-1)?.accuracy ?? null;
        },
        { timeout: 30_000 },
      )
      .not.toBeNull();
    await page.keyboard.press('Escape');
    await expect(page.locator('.ant-drawer-mask')).toBeHidden();
    await logout(page);
    await login(page, 'leader');
    await page.goto('/dashboard');
    const hot = page.getByTestId('hot-clusters');
    const place = hot.locator('.cluster', { hasText: address });
    await expect(place).toContainText('同一地址');
    // the dispatched one still counts: it is an appeal about the place
    for (const o of orders) await expect(place.getByTestId(`hot-order-${o.number}`)).toBeVisible();
    // the history's same words from four places are one thing too
    await expect(hot.locator('.cluster', { hasText: '内容相似' }).first()).toBeVisible();
    await expect(page.getByTestId('routing-accuracy-latest')).toContainText('%');
    await shot(page, info, 'routing-05-dashboard');
    await place.getByTestId(`hot-order-${orders[2].number}`).click();
    await expect(page).toHaveURL(new RegExp(`/orders/${orders[2].id}$`));
  });
});
