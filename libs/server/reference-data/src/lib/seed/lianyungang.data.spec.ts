import { CATEGORIES, PLATFORMS, REGIONS, TOPICS, UNITS } from './lianyungang.data';
import type { CategorySeed } from './seed-types';

const RESERVED = ['admin', 'agent', 'dispatcher', 'supervisor', 'callback', 'leader'];
const CODE_RE = /^[a-z][a-z0-9_]{2,31}$/;

/** Regions of table 1 of the 2020 report, verbatim. */
const TABLE1_REGIONS = ['海州区', '赣榆区', '东海县', '灌南县', '连云区', '开发区', '灌云县', '徐圩新区', '云台山景区'];

/** Hot categories of the report, with the sub-categories it itemises. */
const REPORT_CATEGORIES: Record<string, string[]> = {
  市容环境: ['垃圾清理', '占道经营', '下水道堵塞漫溢', '道路积水积雪结冰', '车辆违停'],
  水电气暖: ['供水', '供电', '供气', '供暖'],
  住房管理: ['房屋质量', '拆迁补偿', '拆迁规划'],
  物业管理: ['乱收费', '车辆无序停放', '强制购买车位', '电梯故障'],
  违法建设: ['已建成违建', '新增在建违建'],
  环境污染: ['油烟污染', '工业废气', '工业废水', '粉尘污染', '养殖污染', '生活污水'],
  噪声扰民: ['民用生活噪声', '建筑施工噪声'],
  车辆管理: [],
  道路交通: [],
  房地产监管: [],
  城乡规划建设: [],
  治安管理: [],
  国土资源: [],
  消费维权: [],
};

/** Third levels the report names under 水电气暖. */
const REPORT_LEVEL3: Record<string, string[]> = {
  供水: ['突发停水', '爆管', '水质差', '水压低'],
  供电: ['突发停电', '电压不稳定', '供电设施安全'],
  供气: ['燃气安装不及时', '燃气表计量收费错误', '突发停气'],
  供暖: ['供暖温度不达标', '报修处置不及时'],
};

function walk(nodes: CategorySeed[], depth = 1, out: Array<{ node: CategorySeed; depth: number }> = []) {
  for (const node of nodes) {
    out.push({ node, depth });
    if (node.children) walk(node.children, depth + 1, out);
  }
  return out;
}

const allCategories = walk(CATEGORIES);
const unitCodes = new Set(UNITS.map((u) => u.code));
const regionCodes = new Set(REGIONS.map((r) => r.code));

describe('Lianyungang reference data', () => {
  describe('regions', () => {
    it('has the nine table-1 regions plus 市直', () => {
      const names = REGIONS.map((r) => r.name);
      for (const name of TABLE1_REGIONS) expect(names).toContain(name);
      expect(REGIONS.find((r) => r.name === '市直')).toMatchObject({
        code: 'city',
        kind: 'city',
      });
      expect(REGIONS).toHaveLength(10);
    });

    it('has the right kinds', () => {
      const kindOf = (name: string) => REGIONS.find((r) => r.name === name)?.kind;
      for (const n of ['海州区', '连云区', '赣榆区']) expect(kindOf(n)).toBe('district');
      for (const n of ['东海县', '灌云县', '灌南县']) expect(kindOf(n)).toBe('county');
      for (const n of ['开发区', '徐圩新区', '云台山景区']) expect(kindOf(n)).toBe('zone');
    });

    it('has unique codes, names and sort keys', () => {
      expect(regionCodes.size).toBe(REGIONS.length);
      expect(new Set(REGIONS.map((r) => r.name)).size).toBe(REGIONS.length);
      expect(new Set(REGIONS.map((r) => r.sort)).size).toBe(REGIONS.length);
    });
  });

  describe('units', () => {
    it('has at least 42 member units besides towns', () => {
      expect(UNITS.filter((u) => u.kind !== 'town').length).toBeGreaterThanOrEqual(42);
    });

    it('names the units the report and the domain doc name', () => {
      const names = UNITS.map((u) => u.name);
      for (const n of ['市公安局', '市市场监督管理局', '市住房和城乡建设局', '市城市管理局', '市生态环境局']) {
        expect(names).toContain(n);
      }
    });

    it('has valid, unique, non-reserved codes', () => {
      expect(unitCodes.size).toBe(UNITS.length);
      for (const u of UNITS) {
        expect(u.code).toMatch(CODE_RE);
        expect(RESERVED).not.toContain(u.code);
      }
    });

    it('has unique names among siblings', () => {
      const keys = UNITS.map((u) => `${u.parentCode ?? ''}|${u.name}`);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it('resolves every parentCode and regionCode', () => {
      for (const u of UNITS) {
        expect(u.regionCode).toBeDefined();
        expect(regionCodes.has(u.regionCode as string)).toBe(true);
        if (u.parentCode !== undefined) {
          expect(unitCodes.has(u.parentCode)).toBe(true);
          expect(u.parentCode).not.toBe(u.code);
        }
      }
    });

    it('has one government per region (except 市直), counties flagged', () => {
      const govs = UNITS.filter((u) => u.kind === 'region_gov');
      expect(govs).toHaveLength(9);
      for (const r of REGIONS.filter((r) => r.kind !== 'city')) {
        const gov = govs.filter((g) => g.regionCode === r.code);
        expect(gov).toHaveLength(1);
        expect(gov[0].county === true).toBe(r.kind === 'county');
      }
    });

    it('has bureaus and utilities at city level', () => {
      for (const u of UNITS.filter((u) => u.kind === 'bureau' || u.kind === 'utility')) {
        expect(u.regionCode).toBe('city');
        expect(u.parentCode).toBeUndefined();
      }
      expect(UNITS.filter((u) => u.kind === 'bureau').length).toBeGreaterThanOrEqual(30);
      expect(UNITS.filter((u) => u.kind === 'utility').length).toBeGreaterThanOrEqual(6);
    });

    it('has at least 3 towns under every region government, in its region', () => {
      const byCode = new Map(UNITS.map((u) => [u.code, u]));
      for (const gov of UNITS.filter((u) => u.kind === 'region_gov')) {
        const towns = UNITS.filter((u) => u.kind === 'town' && u.parentCode === gov.code);
        expect(towns.length).toBeGreaterThanOrEqual(3);
        for (const t of towns) expect(t.regionCode).toBe(gov.regionCode);
      }
      for (const t of UNITS.filter((u) => u.kind === 'town')) {
        expect(byCode.get(t.parentCode as string)?.kind).toBe('region_gov');
      }
    });
  });

  describe('categories', () => {
    it('is three levels deep everywhere', () => {
      for (const { node, depth } of allCategories) {
        if (depth < 3) {
          expect(node.children?.length ?? 0).toBeGreaterThan(0);
        } else {
          expect(depth).toBe(3);
          expect(node.children ?? []).toHaveLength(0);
        }
      }
    });

    it('has 2-8 level-2 nodes per level 1 and 2-5 level-3 nodes per level 2', () => {
      for (const l1 of CATEGORIES) {
        const l2s = l1.children ?? [];
        expect(l2s.length).toBeGreaterThanOrEqual(2);
        expect(l2s.length).toBeLessThanOrEqual(8);
        for (const l2 of l2s) {
          const l3s = l2.children ?? [];
          expect(l3s.length).toBeGreaterThanOrEqual(2);
          expect(l3s.length).toBeLessThanOrEqual(5);
        }
      }
    });

    it('has every hot category and sub-category of the report at the right level', () => {
      for (const [l1name, l2names] of Object.entries(REPORT_CATEGORIES)) {
        const l1 = CATEGORIES.find((c) => c.name === l1name);
        expect(l1).toBeDefined();
        const childNames = (l1?.children ?? []).map((c) => c.name);
        for (const n of l2names) expect(childNames).toContain(n);
      }
    });

    it('has the third levels the report names under 水电气暖', () => {
      const sdqn = CATEGORIES.find((c) => c.name === '水电气暖');
      for (const [l2name, l3names] of Object.entries(REPORT_LEVEL3)) {
        const l2 = sdqn?.children?.find((c) => c.name === l2name);
        const names = (l2?.children ?? []).map((c) => c.name);
        for (const n of l3names) expect(names).toContain(n);
      }
    });

    it('has the other level-1 categories a city hotline needs', () => {
      const names = CATEGORIES.map((c) => c.name);
      for (const n of ['医疗卫生', '教育', '劳动保障', '社会保障', '民政服务', '疫情防控', '其他']) {
        expect(names).toContain(n);
      }
    });

    it('has codes unique across the tree and valid', () => {
      const codes = allCategories.map(({ node }) => node.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const c of codes) expect(c).toMatch(/^[a-z][a-z0-9_]{1,63}$/);
    });

    it('has no / in names and unique names among siblings', () => {
      const check = (nodes: CategorySeed[]) => {
        const names = nodes.map((n) => n.name);
        expect(new Set(names).size).toBe(names.length);
        for (const n of nodes) {
          expect(n.name).not.toContain('/');
          expect(n.name.trim()).toBe(n.name);
          expect(n.name.length).toBeGreaterThan(0);
          if (n.children) check(n.children);
        }
      };
      check(CATEGORIES);
    });

    it('gives every level-2 node a resolvable default unit and 3 samples', () => {
      for (const { node, depth } of allCategories) {
        if (depth === 2) {
          expect(node.defaultUnitCode).toBeDefined();
          expect(unitCodes.has(node.defaultUnitCode as string)).toBe(true);
          expect(node.samples).toHaveLength(3);
          for (const s of node.samples ?? []) expect(s.length).toBeGreaterThanOrEqual(8);
        } else if (node.defaultUnitCode !== undefined) {
          expect(unitCodes.has(node.defaultUnitCode)).toBe(true);
        }
      }
    });

    it('routes the obvious ones to the obvious units', () => {
      const l2 = (l1name: string, l2name: string) => CATEGORIES.find((c) => c.name === l1name)?.children?.find((c) => c.name === l2name);
      const unitName = (code?: string) => UNITS.find((u) => u.code === code)?.name;
      expect(unitName(l2('水电气暖', '供水')?.defaultUnitCode)).toBe('连云港水务集团');
      expect(unitName(l2('水电气暖', '供电')?.defaultUnitCode)).toBe('国网连云港供电公司');
      expect(unitName(l2('市容环境', '车辆违停')?.defaultUnitCode)).toBe('市交警支队');
      expect(unitName(l2('物业管理', '乱收费')?.defaultUnitCode)).toBe('市住房和城乡建设局');
    });
  });

  describe('topics', () => {
    it('has 疫情防控 and 文明创建 with fixed codes and unique codes/names', () => {
      expect(TOPICS).toContainEqual({ code: 'epidemic', name: '疫情防控' });
      expect(TOPICS).toContainEqual({ code: 'civilization', name: '文明创建' });
      expect(TOPICS.length).toBeGreaterThanOrEqual(7);
      expect(new Set(TOPICS.map((t) => t.code)).size).toBe(TOPICS.length);
      expect(new Set(TOPICS.map((t) => t.name)).size).toBe(TOPICS.length);
    });
  });

  describe('platforms', () => {
    it('has the city platform and one per region government', () => {
      expect(PLATFORMS).toContainEqual({
        code: 'city',
        name: '市级平台',
        regionCode: null,
      });
      const regional = PLATFORMS.filter((p) => p.regionCode !== null);
      const nonCity = REGIONS.filter((r) => r.kind !== 'city');
      expect(regional).toHaveLength(nonCity.length);
      for (const r of nonCity) {
        const p = regional.find((x) => x.regionCode === r.code);
        expect(p).toBeDefined();
        expect(p?.code).toBe(r.code);
        expect(p?.name.startsWith(r.name)).toBe(true);
      }
      expect(new Set(PLATFORMS.map((p) => p.code)).size).toBe(PLATFORMS.length);
    });
  });
});
