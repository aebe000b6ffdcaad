import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APPEAL_TYPES, CHANNELS, SATISFACTION_LEVELS, type OrderAction, type OrderDetail } from '@hotline/contracts';
import type { AuthUser } from '@hotline/server-identity';
import { Clock, OrdersService, type ActionBody } from '@hotline/server-orders';
import { CATEGORIES, ReferenceService, type CategorySeed } from '@hotline/server-reference-data';
import { pick, prng, weighted } from '@hotline/domain';
import { DIRECT_METHOD_SHARES, directMethodGroup } from './generator/direct-methods';

/** Where each demo order's life stops, so the demo shows every status and every queue. */
const ENDINGS = {
  registered: 4,
  direct: 30,
  dispatched: 6,
  handling: 10,
  extension: 3,
  returning: 3,
  suspended: 2,
  replied: 5,
  callback_pending: 7,
  closed: 24,
  reworked: 3,
  merged: 3,
} as const;

const SAMPLE_NAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'];

/**
 * Creates `count` orders over the last `days` days and walks each one through the real OrdersService
 * (so history, versions and deadlines are exactly what users would have produced).
 */
export async function seedDemoOrders(
  app: INestApplicationContext,
  count: number,
  opts: { days?: number; seed?: number } = {},
): Promise<Record<string, number>> {
  const ds = app.get(DataSource);
  const orders = app.get(OrdersService);
  const clock = app.get(Clock);
  const ref = app.get(ReferenceService);
  const rnd = prng(opts.seed ?? 12345);
  const days = opts.days ?? 30;

  const users: AuthUser[] = (await ds.query('SELECT id, username, display_name AS displayName, role, unit_id AS unitId FROM app_user WHERE active = 1')).map(
    (u: AuthUser) => ({ ...u }),
  );
  const staff = (username: string) => {
    const u = users.find((x) => x.username === username);
    if (!u) throw new Error(`demo user ${username} missing: run the account seed first`);
    return u;
  };
  const agent = staff('agent');
  const dispatcher = staff('dispatcher');
  const callback = staff('callback');
  const supervisor = staff('supervisor');
  const leader = staff('leader');
  const handlerOf = (unitId: number) => users.find((u) => u.role === 'unit_handler' && u.unitId === unitId) as AuthUser;

  const snap = await ref.snapshot();
  const leaves: { id: number; samples: string[]; defaultUnitId: number | null }[] = [];
  const codeToId = new Map(snap.categories.map((c) => [c.code, c]));
  const walk = (nodes: CategorySeed[], samples: string[]) => {
    for (const n of nodes) {
      const s = n.samples?.length ? n.samples : samples;
      const row = codeToId.get(n.code);
      if (!n.children?.length && row)
        leaves.push({ id: row.id, samples: s, defaultUnitId: row.defaultUnitId ?? snap.categories.find((c) => c.id === row.parentId)?.defaultUnitId ?? null });
      walk(n.children ?? [], s);
    }
  };
  walk(CATEGORIES, ['关于市民生活的诉求，请相关部门处理。']);
  const topUnits = snap.units.filter((u) => u.kind !== 'town' && u.active);
  const parentOf = new Map(snap.categories.map((c) => [c.id, c.parentId]));
  const within = (id: number | null, ancestor: number): boolean => id != null && (id === ancestor || within(parentOf.get(id) ?? null, ancestor));
  const answers: DirectAnswers = {
    articles: await servingArticles(ds),
    leavesUnder: (categoryId) => leaves.filter((l) => within(l.id, categoryId)),
    unitFor: (leaf) => leaf.defaultUnitId ?? pick(rnd, topUnits).id,
    unitName: (id) => snap.units.find((u) => u.id === id)?.name ?? '相关单位',
  };
  const regions = snap.regions;
  const tally: Record<string, number> = {};
  const start = Date.now() - days * 86400_000;

  try {
    for (let i = 0; i < count; i++) {
      // spread intake over the period in time order, during the day (China time 07:00–22:00)
      const dayOffset = Math.floor((i / count) * days);
      let t = start + dayOffset * 86400_000 + Math.floor((7 + rnd() * 15) * 3600_000) - ((start + 8 * 3600_000) % 86400_000);
      t = Math.min(t, Date.now() - 3600_000);
      const at = () => new Date(t);
      const later = (minutes: number) => {
        t = Math.min(t + minutes * 60_000 * (0.5 + rnd()), Date.now() - 60_000);
        clock.set(at());
      };
      clock.set(at());

      const ending = weighted(rnd, ENDINGS);
      let leaf = pick(rnd, leaves);
      const collector = rnd() < 0.3;
      const appealType =
        ending === 'direct'
          ? rnd() < 0.85
            ? 'consult'
            : 'help'
          : pick(rnd, ['help', 'complaint', 'complaint', 'report', 'suggestion', 'consult', 'praise'] as const);
      // an appeal answered from the knowledge base is about what its article covers
      const direct = ending === 'direct' ? directAnswer(rnd, { collector, appealType }, leaf, answers) : null;
      if (direct) leaf = direct.leaf;
      const phone = `1${pick(rnd, ['38', '39', '51', '58', '87', '89'])}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`;
      const order = await orders.create(agent, {
        channel: collector
          ? pick(rnd, ['patrol', 'video'])
          : pick(
              rnd,
              CHANNELS.filter((c) => c.group === 'public')
                .map((c) => c.code)
                .concat(['phone', 'phone', 'phone', 'phone']),
            ),
        appealType: APPEAL_TYPES.some((a) => a.code === appealType) ? appealType : 'other',
        categoryId: leaf.id,
        regionId: pick(rnd, regions).id,
        caller: collector ? {} : { name: `${pick(rnd, SAMPLE_NAMES)}先生`, phone, confidential: rnd() < 0.08 },
        address:
          pick(rnd, ['海州区通灌北路', '连云区墟沟', '赣榆区青口镇', '东海县牛山街道', '开发区猴嘴', '海州区苍梧路', '灌云县伊山镇']) +
          `${1 + Math.floor(rnd() * 300)}号`,
        content: pick(rnd, leaf.samples),
        topics: rnd() < 0.12 ? ['epidemic'] : collector && rnd() < 0.5 ? ['civilization'] : [],
        urgent: rnd() < 0.05,
      });
      let cur: OrderDetail = order;
      const act = async (user: AuthUser, action: OrderAction, body: Omit<ActionBody, 'version'> = {}, minutes = 30) => {
        later(minutes);
        cur = await orders.act(user, cur.id, action, { version: cur.version, ...body } as ActionBody);
      };

      if (ending === 'registered') {
        tally[ending] = (tally[ending] ?? 0) + 1;
        continue;
      }
      if (direct) {
        await act(agent, 'direct-answer', direct.body, 5);
      } else if (ending === 'merged') {
        const master = await orders.search(dispatcher, { status: ['handling', 'dispatched'], pageSize: 1 });
        if (master.items[0]) await act(agent, 'merge', { masterId: master.items[0].id }, 3);
      } else {
        const unitId = leaf.defaultUnitId ?? pick(rnd, topUnits).id;
        const handler = handlerOf(unitId);
        const co =
          rnd() < 0.1
            ? [
                pick(
                  rnd,
                  topUnits.filter((u) => u.id !== unitId),
                ).id,
              ]
            : [];
        await act(dispatcher, 'dispatch', { unitId, coUnitIds: co }, 20);
        if (ending !== 'dispatched') {
          if (ending === 'returning') {
            await act(handler, 'return', { reason: '该事项不属于我单位职责范围，建议改派属地政府。' }, 60);
          } else {
            await act(handler, 'sign', {}, 40);
            if (rnd() < 0.15) await act(supervisor, 'urge', { comment: '请抓紧办理' }, 600);
            if (ending === 'extension') await act(handler, 'request-extension', { days: 5, reason: '需协调多个部门现场核查' }, 300);
            else if (ending === 'suspended') await act(handler, 'suspend', { reason: '等待市民提供补充材料' }, 200);
            else if (ending !== 'handling') {
              await act(handler, 'reply', { content: '经现场核查，已安排人员处理完毕，并与市民沟通。' }, 60 * 24);
              if (ending === 'reworked') await act(dispatcher, 'send-back', { reason: '回复内容不完整，请补充处理结果' }, 120);
              else if (ending !== 'replied') {
                await act(dispatcher, 'accept-reply', {}, 120);
                if (ending === 'closed') {
                  const satisfaction = weighted(rnd, {
                    very_satisfied: 40,
                    satisfied: 40,
                    basically_satisfied: 15,
                    dissatisfied: 4,
                    very_dissatisfied: 1,
                  } as Record<(typeof SATISFACTION_LEVELS)[number], number>);
                  await act(callback, 'callback', { satisfaction, solved: satisfaction !== 'dissatisfied' && satisfaction !== 'very_dissatisfied' }, 60 * 20);
                  await act(callback, 'close', {}, 5);
                  if (rnd() < 0.03) await act(leader, 'instruct', { content: '此类问题请相关部门举一反三。' }, 60);
                }
              }
            }
          }
        }
      }
      tally[ending] = (tally[ending] ?? 0) + 1;
    }
  } finally {
    clock.set(null);
  }
  return tally;
}

type Leaf = { id: number; samples: string[]; defaultUnitId: number | null };

/** A published article a demo appeal can be answered from: the version now serving and the categories it covers. */
export interface ServingArticle {
  id: number;
  version: number;
  title: string;
  categoryIds: number[];
}

interface DirectAnswers {
  articles: ServingArticle[];
  leavesUnder(categoryId: number): Leaf[];
  unitFor(leaf: Leaf): number;
  unitName(unitId: number): string;
}

/** The published articles with their categories (the demo's own, seeded before the orders, or whatever the base holds). */
async function servingArticles(ds: DataSource): Promise<ServingArticle[]> {
  const rows: { id: number | string; version: number | string; title: string; categoryId: number | string }[] = await ds.query(
    `SELECT a.id, a.published_version_n AS version, a.title, c.category_id AS categoryId
       FROM knowledge_article a JOIN knowledge_article_category c ON c.article_id = a.id
      WHERE a.status = 'published' AND a.published_version_n IS NOT NULL ORDER BY a.id, c.category_id`,
  );
  const byId = new Map<number, ServingArticle>();
  for (const r of rows) {
    const id = Number(r.id);
    const a = byId.get(id) ?? { id, version: Number(r.version), title: r.title, categoryIds: [] };
    a.categoryIds.push(Number(r.categoryId));
    byId.set(id, a);
  }
  return [...byId.values()];
}

/**
 * How a demo order is answered on the spot, in the generator's shares (generator/direct-methods.ts), as the agent
 * records it: a knowledge-base answer names an article that covers the appeal's category and the version it serves
 * (the appeal's category is moved under it); a three-way call the unit of the category and the person reached. With
 * no article to read from, a knowledge-base answer becomes a three-way call.
 */
function directAnswer(
  rnd: () => number,
  o: { collector: boolean; appealType: string },
  leaf: Leaf,
  answers: DirectAnswers,
): { leaf: Leaf; body: Omit<ActionBody, 'version'> } {
  let method = weighted(rnd, DIRECT_METHOD_SHARES[directMethodGroup({ collector: o.collector, type: o.appealType })]);
  if (method === 'knowledge') {
    const usable = answers.articles.map((a) => ({ a, leaves: a.categoryIds.flatMap((c) => answers.leavesUnder(c)) })).filter((x) => x.leaves.length);
    if (usable.length) {
      const { a, leaves } = pick(rnd, usable);
      const answer = `已根据知识库“${a.title}”向市民作出解答，市民表示清楚。`;
      return { leaf: pick(rnd, leaves), body: { answer, method, articleId: a.id, articleVersion: a.version } };
    }
    method = 'three-way';
  }
  if (method === 'three-way') {
    const unitId = answers.unitFor(leaf);
    const person = `${pick(rnd, SAMPLE_NAMES)}${pick(rnd, ['科长', '主任', '值班员'])}`;
    const answer = `经三方通话联系${answers.unitName(unitId)}${person}，已当场答复市民，市民表示认可。`;
    return { leaf, body: { answer, method, threeWayUnitId: unitId, threeWayPerson: person } };
  }
  const answer = o.collector ? '采集员现场协调处置完毕，问题已整改。' : '已向市民解释说明相关规定，并告知办理渠道，市民表示清楚。';
  return { leaf, body: { answer, method } };
}
