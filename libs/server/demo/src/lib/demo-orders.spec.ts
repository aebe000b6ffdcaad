import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, OrdersService } from '@hotline/server-orders';
import { ReferenceService } from '@hotline/server-reference-data';
import { seedDemoOrders, type ServingArticle } from './demo-orders';
import { seedRefInfo } from './generator/seed-ref';

/**
 * The demo orders' direct answers, as the live direct-answer action receives them: seedDemoOrders against stand-ins
 * for the database, the reference data and the orders service, which record what they are asked.
 */
describe('demo orders answered on the spot', () => {
  const ref = seedRefInfo();
  const parentOf = new Map(ref.categories.map((c) => [c.id, c.parentId]));
  const within = (id: number | null, ancestor: number): boolean => id != null && (id === ancestor || within(parentOf.get(id) ?? null, ancestor));
  // an article on a level-2 category with leaves below it, and one on a single leaf
  const l2 = ref.categories.find((c) => c.level === 2 && ref.categories.some((x) => x.parentId === c.id)) as (typeof ref.categories)[number];
  const leaf = ref.categories.find((c) => c.level === 3 && c.parentId !== l2.id) as (typeof ref.categories)[number];
  const ARTICLES: ServingArticle[] = [
    { id: 7, version: 3, title: '住房公积金提取条件及办理材料', categoryIds: [l2.id] },
    { id: 9, version: 1, title: '停电报修与计划停电查询', categoryIds: [leaf.id] },
  ];

  async function run(articles: ServingArticle[]) {
    const users = [
      ...['agent', 'dispatcher', 'callback', 'supervisor', 'leader'].map((username, i) => ({
        id: i + 1,
        username,
        displayName: username,
        role: username,
        unitId: null,
      })),
      ...ref.units.map((u) => ({ id: 100 + u.id, username: u.code, displayName: u.name, role: 'unit_handler', unitId: u.id })),
    ];
    const query = jest.fn(async (sql: string) => {
      if (sql.includes('FROM app_user')) return users;
      if (sql.includes('FROM knowledge_article'))
        return articles.flatMap((a) => a.categoryIds.map((categoryId) => ({ id: String(a.id), version: String(a.version), title: a.title, categoryId })));
      throw new Error(`unexpected query ${sql}`);
    });
    const categoryOf = new Map<number, number>();
    const acts: { id: number; action: string; body: Record<string, unknown> }[] = [];
    const orders = {
      create: async (_user: unknown, body: { categoryId: number }) => {
        const id = categoryOf.size + 1;
        categoryOf.set(id, body.categoryId);
        return { id, version: 1 };
      },
      act: async (_user: unknown, id: number, action: string, body: Record<string, unknown>) => {
        acts.push({ id, action, body });
        return { id, version: (body['version'] as number) + 1 };
      },
      search: async () => ({ items: [] }),
    };
    const snapshot = { categories: ref.categories.map((c) => ({ ...c, path: '' })), units: ref.units, regions: ref.regions };
    const services = new Map<unknown, unknown>([
      [DataSource, { query }],
      [OrdersService, orders],
      [Clock, { set: () => undefined }],
      [ReferenceService, { snapshot: async () => snapshot }],
    ]);
    await seedDemoOrders({ get: (token: unknown) => services.get(token) } as unknown as INestApplicationContext, 200, { seed: 3 });
    return { answers: acts.filter((a) => a.action === 'direct-answer'), categoryOf };
  }

  it('record how each was made: an article that covers the appeal and its serving version, or the unit called', async () => {
    const { answers, categoryOf } = await run(ARTICLES);
    expect(answers.length).toBeGreaterThan(30);
    const byMethod = (m: string) => answers.filter((a) => a.body['method'] === m);
    expect(byMethod('knowledge').length + byMethod('three-way').length + byMethod('other').length).toBe(answers.length);
    expect(byMethod('knowledge').length).toBeGreaterThan(answers.length / 3);
    expect(byMethod('three-way').length * byMethod('other').length).toBeGreaterThan(0);
    for (const { id, body } of byMethod('knowledge')) {
      const article = ARTICLES.find((a) => a.id === body['articleId']) as ServingArticle;
      expect(body).toMatchObject({ articleVersion: article.version });
      expect(article.categoryIds.some((c) => within(categoryOf.get(id) as number, c))).toBe(true);
      expect(body['threeWayUnitId']).toBeUndefined();
    }
    for (const { body } of byMethod('three-way')) {
      expect(ref.units.some((u) => u.id === body['threeWayUnitId'])).toBe(true);
      expect(body['threeWayPerson']).toEqual(expect.any(String));
      expect(body['articleId']).toBeUndefined();
    }
    for (const { body } of byMethod('other')) expect(Object.keys(body).sort()).toEqual(['answer', 'method', 'version']);
  });

  it('call the unit instead when the knowledge base has no published article', async () => {
    const { answers } = await run([]);
    expect(answers.filter((a) => a.body['method'] === 'knowledge')).toEqual([]);
    expect(answers.filter((a) => a.body['method'] === 'three-way').length).toBeGreaterThan(answers.length / 3);
  });
});
