import { CATEGORIES, type CategorySeed } from '@hotline/server-reference-data';
import type { Rnd } from './fit';
import type { Texts } from './lifecycle';
import type { PlannedOrder } from './plan';
import type { RefIndex } from './ref-index';

/** What the generated orders say: the reference data's sample appeals, with callers, addresses and replies. */

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const STREETS: Record<string, string[]> = {
  city: ['海连中路', '朝阳东路', '通灌北路', '郁州南路', '苍梧路'],
  haizhou: ['解放东路', '建国路', '人民路', '巨龙南路', '幸福路', '孔望山路'],
  lianyun: ['海棠北路', '中山中路', '连云港大道', '港城大道'],
  ganyu: ['华中路', '青口大街', '海州湾大道', '金海路'],
  donghai: ['和平路', '晶都大道', '牛山北路', '西双湖路'],
  guanyun: ['伊山路', '振兴路', '陡沟路', '人民中路'],
  guannan: ['人民路', '长江路', '新安大道', '淮河路'],
  kaifaqu: ['猴嘴路', '黄河路', '长江路', '江宁工业城路'],
  xuwei: ['港前大道', '徐圩大道', '石化大道'],
  yuntaishan: ['云台山路', '宿城路', '东磊路'],
};
const ENDINGS = ['', '请相关部门尽快处理。', '希望有关部门予以解决。', '已多次反映，问题仍未解决。', '请尽快给予答复。'];
/** Whom a three-way call reaches at the unit. */
const TITLES = ['科长', '主任', '副科长', '值班员'];
const PLACES = ['小区', '路口', '公交站台旁', '菜市场附近', '学校门口', '商业街'];

export class OrderTexts implements Texts {
  private readonly samples = new Map<number, string[]>();

  constructor(
    private readonly ix: RefIndex,
    private readonly rnd: Rnd,
  ) {
    const walk = (nodes: CategorySeed[], inherited: string[]) => {
      for (const n of nodes) {
        const s = n.samples?.length ? n.samples : inherited;
        const c = ix.cat.get(n.code);
        if (c) this.samples.set(c.id, s);
        walk(n.children ?? [], s);
      }
    };
    walk(CATEGORIES, ['关于市民生活的诉求，请相关部门处理。']);
  }

  private categoryName(id: number): string {
    const c = this.ix.catById.get(id);
    return (c && CATEGORY_NAMES.get(c.code)) ?? '该事项';
  }

  content(o: PlannedOrder): string {
    const pool = this.samples.get(o.categoryId) ?? ['关于市民生活的诉求，请相关部门处理。'];
    const base = pool[Math.floor(this.rnd() * pool.length)];
    const end = ENDINGS[Math.floor(this.rnd() * ENDINGS.length)];
    if (o.collector) return `【${o.channel === 'video' ? '视频监控发现' : '巡查发现'}】${base}`;
    if (o.type === 'consult') return `市民咨询：${base.replace(/[，。]?请.*$/, '')}，想了解相关政策和办理流程。`;
    if (o.type === 'praise' || o.type === 'thanks')
      return `市民来电${o.type === 'praise' ? '表扬' : '感谢'}：工作人员办事认真负责、热情周到，问题很快得到解决，特此${o.type === 'praise' ? '表扬' : '致谢'}。`;
    return end ? `${base}${end}` : base;
  }

  address(o: PlannedOrder): string | null {
    const code = (o.regionId != null ? this.ix.regionCode.get(o.regionId) : undefined) ?? 'city';
    const streets = STREETS[code] ?? STREETS['city'];
    if (o.type === 'consult' && this.rnd() < 0.7) return null;
    return `${streets[Math.floor(this.rnd() * streets.length)]}${1 + Math.floor(this.rnd() * 300)}号${PLACES[Math.floor(this.rnd() * PLACES.length)]}`;
  }

  caller(o: PlannedOrder, serial: number): { name: string | null; phone: string | null; confidential: boolean } {
    if (o.collector) return { name: `采集员${String(1 + (serial % 180)).padStart(3, '0')}`, phone: null, confidential: false };
    const name = `${SURNAMES[Math.floor(this.rnd() * SURNAMES.length)]}${this.rnd() < 0.55 ? '先生' : '女士'}`;
    const phone = `1${'3456789'[Math.floor(this.rnd() * 7)]}${String(Math.floor(this.rnd() * 1e9)).padStart(9, '0')}`;
    return { name, phone, confidential: this.rnd() < 0.05 };
  }

  /** The answer says how it was made, as the method recorded with it. */
  directAnswer(o: PlannedOrder): string {
    const what = this.categoryName(o.categoryId);
    if (o.method === 'knowledge') return `已根据知识库就“${what}”相关政策和办理流程向市民作出解答，市民表示清楚。`;
    if (o.method === 'three-way') {
      const unit = this.ix.unitById.get(o.unitId)?.name ?? '相关单位';
      return `经三方通话联系${unit}，已就“${what}”问题当场协调解决，市民表示认可。`;
    }
    if (o.collector) return `采集员现场协调处置完毕，“${what}”问题已整改。`;
    return `已就“${what}”问题向市民解释说明，并告知办理渠道，市民表示认可。`;
  }

  threeWayPerson(): string {
    return `${SURNAMES[Math.floor(this.rnd() * SURNAMES.length)]}${TITLES[Math.floor(this.rnd() * TITLES.length)]}`;
  }

  reply(o: PlannedOrder): string {
    const what = this.categoryName(o.categoryId);
    if (o.type === 'praise' || o.type === 'thanks') return '已收悉，感谢市民的肯定，我们将继续做好服务工作。';
    return `经核实，市民反映的“${what}”问题属实。我单位已安排人员现场处理，问题已解决，并已与市民沟通说明处理情况。`;
  }
}

/** Names of categories by code, from the seed (the reference rows carry the same names). */
const CATEGORY_NAMES = new Map<string, string>();
(function index(nodes: CategorySeed[]) {
  for (const n of nodes) {
    CATEGORY_NAMES.set(n.code, n.name);
    index(n.children ?? []);
  }
})(CATEGORIES);
