import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { KnowledgeArticleInput } from '@hotline/contracts';
import { ReferenceService } from '@hotline/server-reference-data';

/** A demo article as written here: its category by path and its owner unit by code (resolved at seeding). */
interface DemoArticle {
  title: string;
  questions: string[];
  answer: string;
  category: string;
  unit: string | null;
  keywords: string[];
  /** months from today the article is valid; omitted = no end */
  months?: number;
}

/**
 * Knowledge articles of the kind a Lianyungang 12345 center answers from every day (illustrative demo text: the
 * procedures are described as a hotline would, not quoted from current regulations).
 */
export const DEMO_ARTICLES: DemoArticle[] = [
  {
    title: '住房公积金提取条件及办理材料',
    questions: ['公积金怎么取出来', '买房了能提公积金吗', '租房可以提取公积金吗'],
    answer:
      '<p>职工购买、建造、翻建、大修自住住房，偿还购房贷款本息，或租赁自住住房的，可以申请提取住房公积金。</p><ul><li>购房提取：身份证、购房合同或不动产权证书、购房发票。</li><li>租房提取：身份证、本人及配偶名下无房证明（可在线查询）。</li></ul><p>可通过“连云港公积金”微信公众号、手机APP线上办理，也可到市住房公积金管理中心各管理部窗口办理。</p>',
    category: '住房管理/住房公积金',
    unit: 'gjj',
    keywords: ['公积金', '提取', '租房'],
    months: 12,
  },
  {
    title: '住房公积金贷款申请流程',
    questions: ['公积金贷款怎么申请', '公积金能贷多少钱', '公积金贷款要交满多久'],
    answer:
      '<p>申请人须连续足额缴存住房公积金满6个月。贷款额度按缴存余额、还款能力和所购房屋价格综合核定，具体最高额度以公积金中心公布的现行政策为准。</p><p>办理流程：选定房屋 → 到受托银行或公积金中心提交申请 → 审批 → 签订借款合同 → 办理抵押 → 放款。</p>',
    category: '住房管理/住房公积金',
    unit: 'gjj',
    keywords: ['公积金', '贷款', '额度'],
    months: 12,
  },
  {
    title: '犬只登记（养犬登记）办理',
    questions: ['养狗要办证吗', '狗证在哪里办', '养犬登记需要什么材料'],
    answer:
      '<p>在市区限养区内饲养犬只，应当办理养犬登记。携带养犬人身份证、犬只狂犬病免疫证明、犬只照片，到所在地公安机关养犬登记窗口办理；登记后领取犬牌，每年按规定年检。</p><p>禁止饲养烈性犬、大型犬；出户遛犬应束犬链、及时清理犬只粪便。</p>',
    category: '治安管理/户籍证件',
    unit: 'gaj',
    keywords: ['养犬', '狗证', '犬只登记'],
  },
  {
    title: '居住证申领条件和办理地点',
    questions: ['外地人怎么办居住证', '居住证需要什么材料', '办居住证要住满多久'],
    answer:
      '<p>离开常住户口所在地，到本市居住半年以上，且有合法稳定就业、合法稳定住所、连续就读条件之一的，可以申领居住证。</p><p>材料：本人居民身份证、近期照片、居住地住址证明以及就业、就读等证明材料。到居住地派出所户籍窗口或社区警务室申领，也可通过“苏服办”线上申请。</p>',
    category: '治安管理/户籍证件',
    unit: 'gaj',
    keywords: ['居住证', '暂住证', '外地'],
  },
  {
    title: '突发停水报修及停水信息查询',
    questions: ['家里突然没水了找谁', '小区停水打什么电话', '停水什么时候恢复'],
    answer:
      '<p>发生停水、水压低、管道漏水，可拨打连云港水务集团24小时服务热线报修，说明详细地址和现象。计划停水信息会提前在水务集团公众号和小区公告栏公布。</p><p>如属小区内部管网或二次供水设施问题，请同时联系物业服务企业。</p>',
    category: '水电气暖/供水',
    unit: 'swjt',
    keywords: ['停水', '报修', '水压低'],
  },
  {
    title: '自来水开户、过户与水表报停',
    questions: ['新房子怎么开通自来水', '水表过户要什么材料', '房子空着水表能停吗'],
    answer: '<p>开户、过户需提供不动产权证书或购房合同、户主身份证；报停需结清水费。可到水务集团营业厅办理，部分业务可在水务集团微信公众号线上办理。</p>',
    category: '水电气暖/供水',
    unit: 'swjt',
    keywords: ['开户', '过户', '水表'],
  },
  {
    title: '停电报修与计划停电查询',
    questions: ['家里停电了打什么电话', '小区停电多久来电', '怎么查计划停电'],
    answer: '<p>故障停电可拨打95598供电服务热线报修。计划停电信息可在“网上国网”APP或供电公司公众号查询。如仅本户停电，请先检查户内空气开关和漏电保护器。</p>',
    category: '水电气暖/供电',
    unit: 'gdgs',
    keywords: ['停电', '报修', '95598'],
  },
  {
    title: '燃气泄漏应急处置与报修',
    questions: ['闻到煤气味怎么办', '天然气漏气找谁', '燃气表坏了怎么报修'],
    answer:
      '<p>闻到燃气异味：立即关闭燃气总阀，打开门窗通风，不要开关电器、不要使用明火和手机，到室外安全地点拨打燃气公司抢修电话或119。</p><p>燃气表、管道故障可联系燃气公司客服报修。</p>',
    category: '水电气暖/供气',
    unit: 'rqgs',
    keywords: ['燃气', '漏气', '煤气'],
  },
  {
    title: '冬季供暖温度不达标的处理',
    questions: ['暖气不热找谁', '供暖温度多少算达标'],
    answer:
      '<p>供暖期内卧室、起居室温度应达到供热标准。暖气不热可先检查户内阀门是否打开、是否需要排气；仍不达标的，请向供热企业客服报修，供热企业应在规定时间内上门检测。</p>',
    category: '水电气暖/供暖',
    unit: 'rlgs',
    keywords: ['供暖', '暖气不热'],
  },
  {
    title: '社会保障卡申领、补换和挂失',
    questions: ['社保卡丢了怎么办', '社保卡怎么补办', '第三代社保卡在哪里办'],
    answer:
      '<p>社保卡遗失应先挂失：可拨打12333、登录“江苏智慧人社”APP或到合作银行网点办理临时挂失。补换卡携带身份证到合作银行网点或人社服务窗口办理，部分网点可即时制卡。</p>',
    category: '社会保障/社保卡',
    unit: 'rsj',
    keywords: ['社保卡', '挂失', '补办'],
  },
  {
    title: '城乡居民医疗保险参保缴费',
    questions: ['居民医保怎么交', '医保每年什么时候缴费', '新生儿怎么参加医保'],
    answer:
      '<p>城乡居民基本医疗保险按年度缴费，集中缴费期一般在每年下半年，具体以医保部门公告为准。可通过“江苏医保云”、税务APP或银行渠道缴费。新生儿可在出生后按规定办理参保登记。</p>',
    category: '社会保障/医疗保险',
    unit: 'ybj',
    keywords: ['医保', '缴费', '居民医保'],
    months: 6,
  },
  {
    title: '异地就医备案办理',
    questions: ['在外地看病医保能报吗', '异地就医怎么备案'],
    answer:
      '<p>长期异地居住或临时外出就医的参保人员，可通过国家医保服务平台APP、“江苏医保云”或医保经办窗口办理异地就医备案，备案后在就医地联网定点医疗机构可直接结算。</p>',
    category: '社会保障/医疗保险',
    unit: 'ybj',
    keywords: ['异地就医', '备案', '医保报销'],
  },
  {
    title: '拖欠工资投诉渠道',
    questions: ['老板不给工资怎么办', '工地拖欠工资去哪投诉', '被欠薪了怎么维权'],
    answer:
      '<p>可携带身份证、劳动合同或工资条、考勤记录等证据，向用工单位所在地人力资源和社会保障部门劳动保障监察机构投诉，也可拨打12333咨询。涉及劳动争议的，可向劳动人事争议仲裁委员会申请仲裁。</p>',
    category: '劳动保障/拖欠工资',
    unit: 'rsj',
    keywords: ['欠薪', '拖欠工资', '劳动监察'],
  },
  {
    title: '中小学新生入学报名',
    questions: ['孩子上小学怎么报名', '学区怎么划分', '外地孩子在连云港上学要什么材料'],
    answer:
      '<p>义务教育阶段招生实行划片就近入学，每年招生政策和学区范围由教育部门于春季公布。报名一般通过网上报名系统进行，需提供户口簿、房产证明等材料；随迁子女还需提供居住证和务工证明。</p>',
    category: '教育/招生入学',
    unit: 'jyj',
    keywords: ['入学', '报名', '学区'],
    months: 6,
  },
  {
    title: '公交线路、IC卡及老年卡咨询',
    questions: ['公交卡怎么充值', '老年人坐公交免费吗', '公交卡丢了怎么办'],
    answer:
      '<p>公交IC卡可在公交公司服务网点、自助充值点或手机APP充值。符合条件的老年人可凭身份证申办老年优待卡，按规定免费或优惠乘车。线路和首末班时间可在“连云港公交”公众号查询。</p>',
    category: '公共交通/公交运营',
    unit: 'gjjt',
    keywords: ['公交', 'IC卡', '老年卡'],
  },
  {
    title: '出租车、网约车投诉',
    questions: ['出租车拒载怎么投诉', '的士绕路', '网约车乱收费找谁'],
    answer:
      '<p>请记下车牌号、乘车时间、上下车地点，保留付款凭证，向交通运输部门投诉。网约车问题也可先通过平台客服投诉。遗失物品请尽快提供乘车信息以便查找。</p>',
    category: '公共交通/出租车网约车',
    unit: 'jtysj',
    keywords: ['出租车', '网约车', '拒载'],
  },
  {
    title: '占道经营、流动摊贩的处理',
    questions: ['小区门口有人摆摊', '路边占道经营找谁管'],
    answer: '<p>占道经营、流动摊贩影响通行和市容的，由城市管理部门处理。请说明具体地点、时间段和经营类型，城管部门将安排执法人员核查处置。</p>',
    category: '市容环境/占道经营',
    unit: 'cgj',
    keywords: ['占道经营', '摆摊', '城管'],
  },
  {
    title: '夜间施工噪声扰民',
    questions: ['晚上工地施工太吵', '夜里施工扰民打谁电话'],
    answer:
      '<p>除抢修、抢险作业和因生产工艺要求必须连续作业并取得证明的以外，禁止夜间在噪声敏感建筑物集中区域进行产生噪声的建筑施工作业。请提供施工地点和时间，生态环境部门将核查是否办理夜间施工许可并依法处理。</p>',
    category: '噪声扰民/建筑施工噪声',
    unit: 'sthjj',
    keywords: ['噪声', '噪音', '夜间施工'],
  },
  {
    title: '不动产登记（房产证）办理',
    questions: ['房产证怎么办', '二手房过户流程', '不动产登记要多久'],
    answer:
      '<p>新建商品房首次登记后由开发企业协助购房人办理转移登记；二手房交易双方携带身份证、原不动产权证书、交易合同等材料到不动产登记中心办理，可“一窗受理”同步办理交易、缴税、登记。</p>',
    category: '国土资源/不动产登记',
    unit: 'zrzyghj',
    keywords: ['房产证', '不动产', '过户'],
  },
  {
    title: '预付卡商家跑路退费',
    questions: ['健身房关门了卡里的钱怎么办', '理发店办的卡不能用了', '预付卡退钱'],
    answer: '<p>请保留预付卡、消费凭证、合同及付款记录，向商家经营地市场监管部门投诉；涉嫌诈骗的，可向公安机关报案。多人受损的可集中反映，便于统一处置。</p>',
    category: '消费维权/预付卡',
    unit: 'scjgj',
    keywords: ['预付卡', '退费', '跑路'],
  },
  {
    title: '婚姻登记预约及所需材料',
    questions: ['结婚登记要带什么', '领结婚证需要预约吗'],
    answer: '<p>办理结婚登记，双方须亲自到婚姻登记机关，携带本人居民身份证、户口簿和近期2寸双人合影照片。可通过民政部门公众号网上预约。</p>',
    category: '民政服务/婚姻登记',
    unit: 'mzj',
    keywords: ['结婚登记', '婚姻登记', '预约'],
  },
];

const monthsFrom = (months: number) => {
  const d = new Date(Date.now() + 8 * 3600_000);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/**
 * Writes the demo articles (published) through the knowledge base's own service, passed in as `write` by the
 * composition (the CLI): the demo lib is a feature and does not import another feature. Only on an empty knowledge
 * base; returns how many were written.
 */
export async function seedDemoKnowledge(app: INestApplicationContext, write: (input: KnowledgeArticleInput) => Promise<unknown>): Promise<number> {
  const ds = app.get(DataSource);
  const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM knowledge_article');
  if (Number(n) > 0) return 0;
  const snap = await app.get(ReferenceService).snapshot();
  for (const a of DEMO_ARTICLES) {
    const category = snap.categories.find((c) => c.path === a.category);
    const unit = a.unit ? snap.units.find((u) => u.code === a.unit) : null;
    await write({
      title: a.title,
      questions: a.questions,
      answer: a.answer,
      categoryIds: category ? [category.id] : [],
      keywords: a.keywords,
      ownerUnitId: unit?.id ?? null,
      validTo: a.months ? monthsFrom(a.months) : null,
    });
  }
  return DEMO_ARTICLES.length;
}
