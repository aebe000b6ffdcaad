import { CN_HOLIDAYS, formatChange, formatPercent, measuresOf, prng, WorkCalendar, type OrderFacts } from '@hotline/domain';
import { live, type Actor, type Actors } from './lifecycle';
import { cityMatrix, cityMatrix2020 } from './city-matrix';
import { planCity, type PlannedOrder } from './plan';
import { planDistrict } from './plan-district';
import { RefIndex } from './ref-index';
import { seedRefInfo } from './seed-ref';
import { DIRECT_METHOD_SHARES, directMethodGroup } from './direct-methods';
import { ALL_PLATFORMS, CATEGORY_MIX_2020, CITY_YEARS, HOT_YOY_2020, L2_2020, POLLUTION_BY_REGION_2020, priorCount, sumMix, TYPE_KEYS } from './targets';

const ix = new RefIndex(seedRefInfo());
const count = (os: PlannedOrder[], f: (o: PlannedOrder) => boolean) => os.reduce((n, o) => n + (f(o) ? 1 : 0), 0);
const l1Code = (id: number): string => {
  let c = ix.catById.get(id);
  while (c && c.parentId != null) c = ix.catById.get(c.parentId);
  return c?.code ?? '';
};
const l2Code = (id: number): string | null => {
  let c = ix.catById.get(id);
  while (c && c.level > 2) c = c.parentId != null ? ix.catById.get(c.parentId) : undefined;
  return c && c.level === 2 ? c.code : null;
};

describe('calibration targets', () => {
  it('solves prior-year counts that print the seed’s YoY', () => {
    expect(priorCount(868022, 28.4)).toBe(676030);
    expect(formatChange((868022 - priorCount(868022, 86.64)) / priorCount(868022, 86.64))).toBe('增长 86.64%');
    expect(formatChange((1224862 - ALL_PLATFORMS[2019]) / ALL_PLATFORMS[2019])).toBe('增长 35.11%');
    expect(formatChange((1224862 - ALL_PLATFORMS[2018]) / ALL_PLATFORMS[2018])).toBe('增长 83.87%');
    for (const [code, pct] of Object.entries(HOT_YOY_2020)) {
      const cur = sumMix(CATEGORY_MIX_2020[code]);
      expect(formatChange((cur - priorCount(cur, pct)) / priorCount(cur, pct))).toBe(`${pct > 0 ? '增长' : '下降'} ${Math.abs(pct).toFixed(2)}%`);
    }
  });

  it('holds the seed’s hot-category totals and their sub-categories', () => {
    const totals = Object.fromEntries(Object.entries(CATEGORY_MIX_2020).map(([k, m]) => [k, sumMix(m)]));
    expect(totals).toMatchObject({ srhj: 20408, sdqn: 17131, zfgl: 14359, wygl: 13525, wfjs: 11089, hjwr: 6795, zsrm: 6634 });
    for (const [l1, l2s] of Object.entries(L2_2020)) expect(Object.values(l2s).reduce((s, n) => s + n, 0)).toBe(totals[l1]);
  });

  it('expands table 1 to sub-categories with the seed’s region totals, sub-category totals and top three', () => {
    const regionTotal = (r: string) => Object.values(POLLUTION_BY_REGION_2020[r]).reduce((s, n) => s + n, 0);
    expect(['haizhou', 'ganyu', 'donghai', 'guannan', 'lianyun', 'kaifaqu', 'guanyun', 'xuwei', 'yuntaishan', 'city'].map(regionTotal)).toEqual([
      2670, 804, 624, 624, 462, 455, 294, 104, 42, 716,
    ]);
    const col = (c: string) => Object.values(POLLUTION_BY_REGION_2020).reduce((s, r) => s + (r[c] ?? 0), 0);
    expect([col('hjwr_yywr'), col('hjwr_gyfq'), col('hjwr_gyfs')]).toEqual([1830, 1150, 311]);
    for (const c of ['hjwr_fcwr', 'hjwr_yzwr', 'hjwr_shws']) expect(col(c)).toBeLessThan(311);
    const top3 = (r: string) =>
      Object.entries(POLLUTION_BY_REGION_2020[r])
        .filter(([c]) => c !== 'hjwr')
        .sort((a, b) => b[1] - a[1])
        .map(([c]) => c.slice(5));
    // seed table 1: 海州区 油烟、废气、粉尘 … 云台山景区 粉尘、养殖、废水 (strictly ahead of the fourth)
    expect(top3('haizhou').slice(0, 3)).toEqual(['yywr', 'gyfq', 'fcwr']);
    expect(top3('ganyu').slice(0, 3)).toEqual(['gyfq', 'fcwr', 'yywr']);
    expect(top3('donghai').slice(0, 3)).toEqual(['yywr', 'fcwr', 'yzwr']);
    expect(top3('guannan').slice(0, 3)).toEqual(['gyfq', 'yywr', 'fcwr']);
    expect(top3('lianyun').slice(0, 3)).toEqual(['yywr', 'gyfq', 'gyfs']);
    expect(top3('kaifaqu').slice(0, 3)).toEqual(['gyfq', 'yywr', 'gyfs']);
    expect(top3('guanyun').slice(0, 3)).toEqual(['yzwr', 'gyfq', 'gyfs']);
    expect(top3('xuwei').slice(0, 3)).toEqual(['gyfq', 'yzwr', 'fcwr']);
    expect(top3('yuntaishan').slice(0, 3)).toEqual(['fcwr', 'yzwr', 'gyfs']);
    for (const r of Object.keys(POLLUTION_BY_REGION_2020).filter((r) => r !== 'city')) {
      const v = Object.entries(POLLUTION_BY_REGION_2020[r])
        .filter(([c]) => c !== 'hjwr')
        .map(([, n]) => n)
        .sort((a, b) => b - a);
      expect(v[2]).toBeGreaterThan(v[3]);
    }
  });

  it('makes the seed’s seven the most complained-about categories, and its next seven come after them in order', () => {
    const m = cityMatrix2020();
    const problems = m.codes.map((c, i) => ({ c, n: m.rows[i].complaint + m.rows[i].report })).sort((a, b) => b.n - a.n);
    expect(new Set(problems.slice(0, 7).map((p) => p.c))).toEqual(new Set(['srhj', 'sdqn', 'zfgl', 'wygl', 'wfjs', 'hjwr', 'zsrm']));
    expect(problems.slice(7, 14).map((p) => p.c)).toEqual(['clgl', 'dljt', 'fdcjg', 'cxghjs', 'zagl', 'gtzy', 'xfwq']);
    expect(problems[13].n).toBeGreaterThan(problems[14].n);
  });

  it('fits prior years to their totals and consultations', () => {
    for (const y of [2019, 2018]) {
      const m = cityMatrix(y);
      const t = CITY_YEARS[y];
      expect(m.rows.reduce((s, r) => s + sumMix(r), 0)).toBe(t.public - t.praise - t.thanks);
      expect(m.rows.reduce((s, r) => s + r.consult, 0)).toBe(t.consultPublic);
    }
    const m19 = cityMatrix(2019);
    expect(sumMix(m19.rows[m19.codes.indexOf('srhj')])).toBe(priorCount(20408, 17.29));
  });
});

describe('planCity at scale 1 (2020) reproduces the seed’s counts', () => {
  const orders = planCity(ix, 2020, 1, prng(7));
  const epidemic = ix.topic.get('epidemic') as number;
  const civ = ix.topic.get('civilization') as number;
  const pub = orders.filter((o) => !o.collector);
  const col = orders.filter((o) => o.collector);
  const epi = orders.filter((o) => o.topicIds.includes(epidemic));

  it('intake', () => {
    expect(orders.length).toBe(868022);
    expect(pub.length).toBe(577102);
    expect(col.length).toBe(290920);
    expect(count(orders, (o) => o.type === 'consult')).toBe(271973);
    expect(formatPercent(count(pub, (o) => o.type === 'consult') / pub.length)).toBe('47.12%');
    expect(count(orders, (o) => ['web', 'wechat', 'app', 'email', 'mayor_mailbox'].includes(o.channel))).toBe(38947);
    expect(count(orders, (o) => o.channel === 'haochaping')).toBe(417);
    expect(count(orders, (o) => o.channel === 'state_council')).toBe(108);
    // 国务院大督查整改工单 5, 省督办单 3: provincial transfers, dispatched and finished on time
    const handedDown = (code: string) => orders.filter((o) => o.topicIds.includes(ix.topic.get(code) as number));
    expect(handedDown('sc_inspection')).toHaveLength(5);
    expect(handedDown('province_supervision')).toHaveLength(3);
    for (const o of [...handedDown('sc_inspection'), ...handedDown('province_supervision')])
      expect([o.channel, o.direct, o.late]).toEqual(['province', false, 0]);
    expect(count(col, (o) => o.topicIds.includes(civ))).toBe(152544);
    expect(count(orders, (o) => o.type === 'praise' || o.type === 'thanks')).toBe(359);
    expect(new Set(orders.filter((o) => o.type === 'praise' || o.type === 'thanks').map((o) => o.unitId)).size).toBe(42);
  });

  it('handling', () => {
    const consult = orders.filter((o) => o.type === 'consult');
    expect(count(orders, (o) => o.direct)).toBe(487120);
    expect(count(consult, (o) => o.direct)).toBe(264466);
    const dispatched = orders.filter((o) => !o.direct);
    expect(dispatched.length).toBe(380902);
    expect(count(dispatched, (o) => o.late === 0)).toBe(369856);
    expect(count(orders, (o) => o.callback >= 0)).toBe(16963);
    expect(count(orders, (o) => o.callback >= 0 && o.callback < 3)).toBe(16427);
    expect(count(orders, (o) => (o.flags & 128) !== 0)).toBe(765);
    const supervised = orders.filter((o) => (o.flags & 64) !== 0);
    expect(supervised.length).toBe(23);
    expect(new Set(supervised.map((o) => o.unitId)).size).toBe(13);
    expect(count(orders, (o) => o.late >= 2)).toBe(119);
  });

  it('gives every direct answer a method, in the documented shares of its group', () => {
    expect(count(orders, (o) => o.direct !== (o.method != null))).toBe(0);
    for (const group of ['consult', 'public', 'collector'] as const) {
      const direct = orders.filter((o) => o.direct && directMethodGroup(o) === group);
      for (const [method, share] of Object.entries(DIRECT_METHOD_SHARES[group]))
        expect(Math.abs(count(direct, (o) => o.method === method) - share * direct.length)).toBeLessThanOrEqual(1);
    }
    // a three-way call names a unit; the collectors never read an article out
    expect(count(orders, (o) => o.method === 'three-way' && !ix.unitById.has(o.unitId))).toBe(0);
    expect(count(orders, (o) => o.collector && o.method === 'knowledge')).toBe(0);
  });

  it('the epidemic', () => {
    expect(epi.length).toBe(73226);
    expect(formatPercent(epi.length / pub.length)).toBe('12.69%');
    expect(formatPercent(count(epi, (o) => o.direct) / epi.length)).toBe('66.71%');
    const help = epi.filter((o) => o.type === 'help' && !o.direct);
    expect(formatPercent(count(help, (o) => o.late === 0) / help.length)).toBe('98.34%');
    const consult = epi.filter((o) => o.type === 'consult');
    expect(consult.length).toBe(48987);
    expect(formatPercent(count(consult, (o) => o.direct) / consult.length)).toBe('98.35%');
  });

  it('hot categories, their sub-categories and table 1', () => {
    const hot = (code: string) => count(pub, (o) => l1Code(o.categoryId) === code);
    expect(['srhj', 'sdqn', 'zfgl', 'wygl', 'wfjs', 'hjwr', 'zsrm'].map(hot)).toEqual([20408, 17131, 14359, 13525, 11089, 6795, 6634]);
    const l2 = (code: string) => count(pub, (o) => l2Code(o.categoryId) === code);
    expect(
      ['sdqn_gs', 'sdqn_gd', 'sdqn_gq', 'sdqn_gn', 'wfjs_yjcwj', 'wfjs_xzzjwj', 'zsrm_mysh', 'zsrm_jzsg', 'hjwr_yywr', 'hjwr_gyfq', 'hjwr_gyfs'].map(l2),
    ).toEqual([11399, 3061, 2492, 179, 7801, 3288, 2160, 2064, 1830, 1150, 311]);
    const region = (code: string) => ix.region.get(code);
    expect(count(pub, (o) => l1Code(o.categoryId) === 'hjwr' && o.regionId === region('haizhou'))).toBe(2670);
    expect(count(pub, (o) => l1Code(o.categoryId) === 'hjwr' && o.regionId === region('yuntaishan'))).toBe(42);
  });

  it('keeps every type × category count of the matrix', () => {
    const m = cityMatrix2020();
    const i = m.codes.indexOf('zsrm');
    for (const k of TYPE_KEYS) expect(count(pub, (o) => l1Code(o.categoryId) === 'zsrm' && o.type === k && !o.topicIds.includes(epidemic))).toBe(m.rows[i][k]);
  });
});

describe('planCity at a small scale, and the district platforms', () => {
  it('scales every count and stays consistent', () => {
    const orders = planCity(ix, 2019, 0.01, prng(1));
    // each block is scaled on its own, so the sum may be off by a rounding or two
    expect(Math.abs(orders.length - Math.round(CITY_YEARS[2019].total * 0.01))).toBeLessThanOrEqual(3);
    expect(count(orders, (o) => o.collector)).toBe(Math.round(CITY_YEARS[2019].collector * 0.01));
    expect(count(orders, (o) => o.type === 'consult' && !o.collector)).toBe(Math.round(CITY_YEARS[2019].consultPublic * 0.01));
    // proportionally: 7 and 4 at scale 1 round to 0 at 1%, and at 30% to 2 and 1
    expect(count(orders, (o) => o.topicIds.includes(ix.topic.get('sc_inspection') as number))).toBe(0);
    const big = planCity(ix, 2019, 0.3, prng(2));
    expect(count(big, (o) => o.topicIds.includes(ix.topic.get('sc_inspection') as number))).toBe(2);
    expect(count(big, (o) => o.topicIds.includes(ix.topic.get('province_supervision') as number))).toBe(1);
  });

  it('plans a district platform’s own intake in its region', () => {
    const orders = planDistrict(ix, 'haizhou', 2020, 500, prng(3));
    expect(orders).toHaveLength(500);
    expect(new Set(orders.map((o) => o.regionId))).toEqual(new Set([ix.region.get('haizhou')]));
    expect(orders.every((o) => o.direct || o.unitId > 0)).toBe(true);
  });
});

describe('live: a planned order’s rows follow the lifecycle and count as planned', () => {
  const cal = new WorkCalendar(CN_HOLIDAYS);
  const actor = (role: Actor['role']): Actor => ({ id: 1, name: role, role, unitId: null });
  const actors: Actors = {
    agent: actor('agent'),
    dispatcher: actor('dispatcher'),
    callback: actor('callback_agent'),
    supervisor: actor('supervisor'),
    leader: actor('leader'),
    unit: (u) => ({ id: 2, name: 'u', role: 'unit_handler', unitId: u }),
  };
  const texts = { directAnswer: () => '答复', threeWayPerson: () => '王科长', reply: () => '已办理' };
  const orders = planCity(ix, 2020, 0.02, prng(11));
  const rnd = prng(5);

  it('every planned order lives through allowed transitions to the planned figures', () => {
    const start = Date.UTC(2020, 0, 1) - 8 * 3_600_000;
    const newYear = Date.UTC(2020, 11, 31, 16);
    const wrong: string[] = [];
    for (const [i, o] of orders.entries()) {
      const createdAt = new Date(start + o.day * 86_400_000 + 9 * 3_600_000 + Math.floor(rnd() * 8 * 3_600_000));
      const { state, history } = live(o, createdAt, 2020, cal, actors, texts, rnd);
      const fail = (what: string) => wrong.push(`order ${i}: ${what}`);
      if (history[0].action !== 'create') fail('does not start with create');
      for (let k = 1; k < history.length; k++) {
        if (history[k].from !== history[k - 1].to) fail(`${history[k].action} starts from ${history[k].from}, not ${history[k - 1].to}`);
        if (history[k].at < history[k - 1].at) fail(`${history[k].action} before ${history[k - 1].action}`);
      }
      if (state.status !== 'closed') fail(`ends ${state.status}`);
      const facts: OrderFacts = {
        ...state,
        createdAt,
        platformId: o.platformId,
        channel: o.channel,
        appealType: o.type,
        categoryId: o.categoryId,
        regionId: o.regionId,
        callbackSatisfaction: state.callbackSatisfaction as OrderFacts['callbackSatisfaction'],
      };
      const m = measuresOf(facts);
      if (m.direct !== (o.direct ? 1 : 0) || m.finished !== (o.direct ? 0 : 1)) fail('resolution');
      // the summary counts each direct answer under its method, and the history line records it as the live action does
      const byMethod = { knowledge: m.direct_knowledge, 'three-way': m.direct_three_way, other: m.direct_other };
      if (o.direct && (m.direct_knowledge + m.direct_three_way + m.direct_other !== 1 || byMethod[o.method ?? 'other'] !== 1)) fail(`method ${o.method}`);
      const answered = history.find((h) => h.action === 'direct-answer');
      if (o.direct && answered?.data?.['directAnswerMethod'] !== o.method) fail('direct-answer history without its method');
      if (o.method === 'three-way' && (state.threeWayUnitId !== o.unitId || !state.threeWayPerson)) fail('three-way call without its unit and person');
      if (m.late !== (!o.direct && o.late > 0 ? 1 : 0)) fail(`late ${m.late} planned ${o.late}`);
      if (m.callbacks !== (o.callback >= 0 ? 1 : 0)) fail('callback');
      if (m.instructions !== (o.flags & 128 ? 1 : 0)) fail('instruction');
      const replied = state.repliedAt?.getTime() ?? 0;
      if (o.late >= 2 && replied <= newYear) fail('carry-over finished in its own year');
      if (o.late === 1 && (state.handleDueAt?.getTime() ?? 0) < newYear && replied >= newYear) fail('late order left over the year end');
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });
});
