// Reference data of the Lianyungang 12345 hotline (连云港市12345在线服务平台).
// Pure data: loaded into MariaDB by the reference-data seeder.
// Sources: the 2020 annual report (../shared/seed/lianyungang-12345-2020-annual-report.txt beside the repository)
// for regions and hot categories; real city government bodies, towns and streets otherwise.
// Region names must match the report verbatim: legacy data is matched by region name.

import type { CategorySeed, PlatformSeed, RegionSeed, TopicSeed, UnitSeed } from './seed-types';

/** The nine regions of the report's table 1 plus city level (市直). */
export const REGIONS: RegionSeed[] = [
  { code: 'city', name: '市直', kind: 'city', sort: 0 },
  { code: 'haizhou', name: '海州区', kind: 'district', sort: 1 },
  { code: 'lianyun', name: '连云区', kind: 'district', sort: 2 },
  { code: 'ganyu', name: '赣榆区', kind: 'district', sort: 3 },
  { code: 'donghai', name: '东海县', kind: 'county', sort: 4 },
  { code: 'guanyun', name: '灌云县', kind: 'county', sort: 5 },
  { code: 'guannan', name: '灌南县', kind: 'county', sort: 6 },
  { code: 'kaifaqu', name: '开发区', kind: 'zone', sort: 7 },
  { code: 'xuwei', name: '徐圩新区', kind: 'zone', sort: 8 },
  { code: 'yuntaishan', name: '云台山景区', kind: 'zone', sort: 9 },
];

/**
 * Member units (成员单位). Each `code` is also the login username of the unit's demo handler,
 * so it is lowercase ASCII (/^[a-z][a-z0-9_]{2,31}$/), unique, and never a reserved role name.
 */
export const UNITS: UnitSeed[] = [
  // (a) city-level departments
  { code: 'gaj', name: '市公安局', kind: 'bureau', regionCode: 'city' },
  { code: 'jjzd', name: '市交警支队', kind: 'bureau', regionCode: 'city' },
  { code: 'xfzd', name: '市消防救援支队', kind: 'bureau', regionCode: 'city' },
  {
    code: 'scjgj',
    name: '市市场监督管理局',
    kind: 'bureau',
    regionCode: 'city',
  },
  {
    code: 'zjj',
    name: '市住房和城乡建设局',
    kind: 'bureau',
    regionCode: 'city',
  },
  { code: 'cgj', name: '市城市管理局', kind: 'bureau', regionCode: 'city' },
  { code: 'sthjj', name: '市生态环境局', kind: 'bureau', regionCode: 'city' },
  {
    code: 'zrzyghj',
    name: '市自然资源和规划局',
    kind: 'bureau',
    regionCode: 'city',
  },
  { code: 'jtysj', name: '市交通运输局', kind: 'bureau', regionCode: 'city' },
  { code: 'slj', name: '市水利局', kind: 'bureau', regionCode: 'city' },
  { code: 'wjw', name: '市卫生健康委员会', kind: 'bureau', regionCode: 'city' },
  { code: 'jyj', name: '市教育局', kind: 'bureau', regionCode: 'city' },
  {
    code: 'rsj',
    name: '市人力资源和社会保障局',
    kind: 'bureau',
    regionCode: 'city',
  },
  { code: 'mzj', name: '市民政局', kind: 'bureau', regionCode: 'city' },
  { code: 'ybj', name: '市医疗保障局', kind: 'bureau', regionCode: 'city' },
  { code: 'swj', name: '市商务局', kind: 'bureau', regionCode: 'city' },
  { code: 'nyncj', name: '市农业农村局', kind: 'bureau', regionCode: 'city' },
  {
    code: 'wglj',
    name: '市文化广电和旅游局',
    kind: 'bureau',
    regionCode: 'city',
  },
  { code: 'yjglj', name: '市应急管理局', kind: 'bureau', regionCode: 'city' },
  { code: 'shuiwuj', name: '市税务局', kind: 'bureau', regionCode: 'city' },
  {
    code: 'tyjrj',
    name: '市退役军人事务局',
    kind: 'bureau',
    regionCode: 'city',
  },
  { code: 'sfj', name: '市司法局', kind: 'bureau', regionCode: 'city' },
  { code: 'czj', name: '市财政局', kind: 'bureau', regionCode: 'city' },
  {
    code: 'fgw',
    name: '市发展和改革委员会',
    kind: 'bureau',
    regionCode: 'city',
  },
  { code: 'gxj', name: '市工业和信息化局', kind: 'bureau', regionCode: 'city' },
  {
    code: 'zwb',
    name: '市政务服务管理办公室',
    kind: 'bureau',
    regionCode: 'city',
  },
  { code: 'xfj', name: '市信访局', kind: 'bureau', regionCode: 'city' },
  {
    code: 'gjj',
    name: '市住房公积金管理中心',
    kind: 'bureau',
    regionCode: 'city',
  },
  { code: 'yzglj', name: '市邮政管理局', kind: 'bureau', regionCode: 'city' },
  { code: 'gxzs', name: '市供销合作总社', kind: 'bureau', regionCode: 'city' },
  { code: 'tyj', name: '市体育局', kind: 'bureau', regionCode: 'city' },
  { code: 'kjj', name: '市科学技术局', kind: 'bureau', regionCode: 'city' },
  { code: 'qxj', name: '市气象局', kind: 'bureau', regionCode: 'city' },
  // people's organisations that also take 12345 orders
  {
    code: 'canlian',
    name: '市残疾人联合会',
    kind: 'other',
    regionCode: 'city',
  },
  { code: 'zgh', name: '市总工会', kind: 'other', regionCode: 'city' },
  { code: 'fulian', name: '市妇女联合会', kind: 'other', regionCode: 'city' },
  // (b) the nine region governments (county governments are assessed on a 150-point scale)
  {
    code: 'hzq',
    name: '海州区人民政府',
    kind: 'region_gov',
    regionCode: 'haizhou',
  },
  {
    code: 'lyq',
    name: '连云区人民政府',
    kind: 'region_gov',
    regionCode: 'lianyun',
  },
  {
    code: 'gyq',
    name: '赣榆区人民政府',
    kind: 'region_gov',
    regionCode: 'ganyu',
  },
  {
    code: 'dhx',
    name: '东海县人民政府',
    kind: 'region_gov',
    regionCode: 'donghai',
    county: true,
  },
  {
    code: 'gyx',
    name: '灌云县人民政府',
    kind: 'region_gov',
    regionCode: 'guanyun',
    county: true,
  },
  {
    code: 'gnx',
    name: '灌南县人民政府',
    kind: 'region_gov',
    regionCode: 'guannan',
    county: true,
  },
  {
    code: 'kfq',
    name: '开发区管委会',
    kind: 'region_gov',
    regionCode: 'kaifaqu',
  },
  {
    code: 'xwxq',
    name: '徐圩新区管委会',
    kind: 'region_gov',
    regionCode: 'xuwei',
  },
  {
    code: 'ytsjq',
    name: '云台山景区管委会',
    kind: 'region_gov',
    regionCode: 'yuntaishan',
  },
  // (c) public utilities
  { code: 'swjt', name: '连云港水务集团', kind: 'utility', regionCode: 'city' }, // 供水
  {
    code: 'gdgs',
    name: '国网连云港供电公司',
    kind: 'utility',
    regionCode: 'city',
  }, // 供电
  {
    code: 'rqgs',
    name: '连云港港华燃气有限公司',
    kind: 'utility',
    regionCode: 'city',
  }, // 供气
  {
    code: 'rlgs',
    name: '连云港市热力公司',
    kind: 'utility',
    regionCode: 'city',
  }, // 供暖
  {
    code: 'ydgs',
    name: '中国移动连云港分公司',
    kind: 'utility',
    regionCode: 'city',
  }, // 移动通信
  {
    code: 'ltgs',
    name: '中国联通连云港分公司',
    kind: 'utility',
    regionCode: 'city',
  }, // 移动通信、宽带
  {
    code: 'dxgs',
    name: '中国电信连云港分公司',
    kind: 'utility',
    regionCode: 'city',
  }, // 固话、宽带
  {
    code: 'yxds',
    name: '江苏有线连云港分公司',
    kind: 'utility',
    regionCode: 'city',
  }, // 有线电视
  {
    code: 'gjjt',
    name: '连云港市公交集团',
    kind: 'utility',
    regionCode: 'city',
  }, // 城市公交
  // (d) towns and streets (镇、街道) under each region government
  // 海州区人民政府
  {
    code: 'hzq_qyjd',
    name: '朐阳街道',
    kind: 'town',
    parentCode: 'hzq',
    regionCode: 'haizhou',
  },
  {
    code: 'hzq_xpjd',
    name: '新浦街道',
    kind: 'town',
    parentCode: 'hzq',
    regionCode: 'haizhou',
  },
  {
    code: 'hzq_pdjd',
    name: '浦东街道',
    kind: 'town',
    parentCode: 'hzq',
    regionCode: 'haizhou',
  },
  {
    code: 'hzq_lnjd',
    name: '路南街道',
    kind: 'town',
    parentCode: 'hzq',
    regionCode: 'haizhou',
  },
  {
    code: 'hzq_hzjd',
    name: '海州街道',
    kind: 'town',
    parentCode: 'hzq',
    regionCode: 'haizhou',
  },
  // 连云区人民政府
  {
    code: 'lyq_xgjd',
    name: '墟沟街道',
    kind: 'town',
    parentCode: 'lyq',
    regionCode: 'lianyun',
  },
  {
    code: 'lyq_lyjd',
    name: '连云街道',
    kind: 'town',
    parentCode: 'lyq',
    regionCode: 'lianyun',
  },
  {
    code: 'lyq_ldjd',
    name: '连岛街道',
    kind: 'town',
    parentCode: 'lyq',
    regionCode: 'lianyun',
  },
  {
    code: 'lyq_hzwjd',
    name: '海州湾街道',
    kind: 'town',
    parentCode: 'lyq',
    regionCode: 'lianyun',
  },
  {
    code: 'lyq_ggdjd',
    name: '高公岛街道',
    kind: 'town',
    parentCode: 'lyq',
    regionCode: 'lianyun',
  },
  // 赣榆区人民政府
  {
    code: 'gyq_qkz',
    name: '青口镇',
    kind: 'town',
    parentCode: 'gyq',
    regionCode: 'ganyu',
  },
  {
    code: 'gyq_zwz',
    name: '柘汪镇',
    kind: 'town',
    parentCode: 'gyq',
    regionCode: 'ganyu',
  },
  {
    code: 'gyq_htz',
    name: '海头镇',
    kind: 'town',
    parentCode: 'gyq',
    regionCode: 'ganyu',
  },
  {
    code: 'gyq_gmz',
    name: '赣马镇',
    kind: 'town',
    parentCode: 'gyq',
    regionCode: 'ganyu',
  },
  {
    code: 'gyq_szz',
    name: '宋庄镇',
    kind: 'town',
    parentCode: 'gyq',
    regionCode: 'ganyu',
  },
  // 东海县人民政府
  {
    code: 'dhx_nsjd',
    name: '牛山街道',
    kind: 'town',
    parentCode: 'dhx',
    regionCode: 'donghai',
  },
  {
    code: 'dhx_sljd',
    name: '石榴街道',
    kind: 'town',
    parentCode: 'dhx',
    regionCode: 'donghai',
  },
  {
    code: 'dhx_btbz',
    name: '白塔埠镇',
    kind: 'town',
    parentCode: 'dhx',
    regionCode: 'donghai',
  },
  {
    code: 'dhx_tlz',
    name: '桃林镇',
    kind: 'town',
    parentCode: 'dhx',
    regionCode: 'donghai',
  },
  {
    code: 'dhx_wqz',
    name: '温泉镇',
    kind: 'town',
    parentCode: 'dhx',
    regionCode: 'donghai',
  },
  // 灌云县人民政府
  {
    code: 'gyx_ysz',
    name: '伊山镇',
    kind: 'town',
    parentCode: 'gyx',
    regionCode: 'guanyun',
  },
  {
    code: 'gyx_yjz',
    name: '杨集镇',
    kind: 'town',
    parentCode: 'gyx',
    regionCode: 'guanyun',
  },
  {
    code: 'gyx_ywgz',
    name: '燕尾港镇',
    kind: 'town',
    parentCode: 'gyx',
    regionCode: 'guanyun',
  },
  {
    code: 'gyx_txz',
    name: '同兴镇',
    kind: 'town',
    parentCode: 'gyx',
    regionCode: 'guanyun',
  },
  {
    code: 'gyx_thz',
    name: '图河镇',
    kind: 'town',
    parentCode: 'gyx',
    regionCode: 'guanyun',
  },
  // 灌南县人民政府
  {
    code: 'gnx_xaz',
    name: '新安镇',
    kind: 'town',
    parentCode: 'gnx',
    regionCode: 'guannan',
  },
  {
    code: 'gnx_dggz',
    name: '堆沟港镇',
    kind: 'town',
    parentCode: 'gnx',
    regionCode: 'guannan',
  },
  {
    code: 'gnx_tgz',
    name: '汤沟镇',
    kind: 'town',
    parentCode: 'gnx',
    regionCode: 'guannan',
  },
  {
    code: 'gnx_tlz',
    name: '田楼镇',
    kind: 'town',
    parentCode: 'gnx',
    regionCode: 'guannan',
  },
  {
    code: 'gnx_zdz',
    name: '张店镇',
    kind: 'town',
    parentCode: 'gnx',
    regionCode: 'guannan',
  },
  // 开发区管委会
  {
    code: 'kfq_zyjd',
    name: '中云街道',
    kind: 'town',
    parentCode: 'kfq',
    regionCode: 'kaifaqu',
  },
  {
    code: 'kfq_hzjd',
    name: '猴嘴街道',
    kind: 'town',
    parentCode: 'kfq',
    regionCode: 'kaifaqu',
  },
  {
    code: 'kfq_cyjd',
    name: '朝阳街道',
    kind: 'town',
    parentCode: 'kfq',
    regionCode: 'kaifaqu',
  },
  // 徐圩新区管委会
  {
    code: 'xwxq_xwjd',
    name: '徐圩街道',
    kind: 'town',
    parentCode: 'xwxq',
    regionCode: 'xuwei',
  },
  {
    code: 'xwxq_bqjd',
    name: '板桥街道',
    kind: 'town',
    parentCode: 'xwxq',
    regionCode: 'xuwei',
  },
  {
    code: 'xwxq_dxnc',
    name: '东辛农场',
    kind: 'town',
    parentCode: 'xwxq',
    regionCode: 'xuwei',
  },
  // 云台山景区管委会
  {
    code: 'ytsjq_scjd',
    name: '宿城街道',
    kind: 'town',
    parentCode: 'ytsjq',
    regionCode: 'yuntaishan',
  },
  {
    code: 'ytsjq_hgsjd',
    name: '花果山街道',
    kind: 'town',
    parentCode: 'ytsjq',
    regionCode: 'yuntaishan',
  },
  {
    code: 'ytsjq_nytlc',
    name: '南云台林场',
    kind: 'town',
    parentCode: 'ytsjq',
    regionCode: 'yuntaishan',
  },
];

/**
 * Appeal category tree (诉求分类), three levels. Level 1 includes every hot category of the
 * 2020 report with its exact name; level 2 includes every sub-category the report itemises.
 * Level-2 nodes carry the unit a dispatcher would normally pick and three sample appeals
 * used to generate demo orders.
 */
export const CATEGORIES: CategorySeed[] = [
  {
    code: 'srhj',
    name: '市容环境',
    children: [
      {
        code: 'srhj_ljql',
        name: '垃圾清理',
        defaultUnitCode: 'cgj',
        samples: [
          '海州区朝阳中路一小区门口的垃圾桶已经满了两天没人清运，气味很大，请尽快处理。',
          '连云区墟沟街道海棠路附近空地有人夜间倾倒建筑垃圾，堆了很大一片，希望有关部门查处。',
          '新浦苍梧路菜市场旁的垃圾中转点脏乱，污水流到人行道上，请安排清理。',
        ],
        children: [
          { code: 'srhj_ljql_01', name: '生活垃圾未及时清运' },
          { code: 'srhj_ljql_02', name: '建筑垃圾乱倒' },
          { code: 'srhj_ljql_03', name: '垃圾桶破损满溢' },
          { code: 'srhj_ljql_04', name: '垃圾分类' },
        ],
      },
      {
        code: 'srhj_zdjy',
        name: '占道经营',
        defaultUnitCode: 'cgj',
        samples: [
          '通灌北路一所小学门口每天下午有流动摊贩占用人行道卖小吃，学生通行困难。',
          '赣榆区青口镇华中路沿街商铺把货物摆到人行道上，行人只能走机动车道。',
          '海州区解放路夜间烧烤摊占道经营到凌晨，桌椅摆满人行道，请管理。',
        ],
        children: [
          { code: 'srhj_zdjy_01', name: '流动摊贩' },
          { code: 'srhj_zdjy_02', name: '店外经营' },
          { code: 'srhj_zdjy_03', name: '夜市占道' },
        ],
      },
      {
        code: 'srhj_xsd',
        name: '下水道堵塞漫溢',
        defaultUnitCode: 'cgj',
        samples: [
          '巨龙南路一小区东门的下水道堵了，污水漫到路面上，已经好几天了。',
          '海连中路公交站台旁有个窨井盖缺失，晚上很危险，请尽快补上。',
          '墟沟海棠路一下雨雨水井就往外冒水，周边门面房进水，希望彻底疏通。',
        ],
        children: [
          { code: 'srhj_xsd_01', name: '污水管道堵塞' },
          { code: 'srhj_xsd_02', name: '窨井盖缺失破损' },
          { code: 'srhj_xsd_03', name: '雨水管网漫溢' },
        ],
      },
      {
        code: 'srhj_dljs',
        name: '道路积水积雪结冰',
        defaultUnitCode: 'cgj',
        samples: [
          '今天暴雨过后，郁州南路和凌州路交叉口积水很深，车辆熄火，请尽快排水。',
          '东海县牛山街道和平路下雪后一直没人清扫，路面结冰，有老人出门摔倒了。',
          '新浦火车站附近的立交桥下每逢下雨就积水，步行无法通过。',
        ],
        children: [
          { code: 'srhj_dljs_01', name: '路面积水' },
          { code: 'srhj_dljs_02', name: '积雪未清' },
          { code: 'srhj_dljs_03', name: '路面结冰' },
        ],
      },
      {
        code: 'srhj_clwt',
        name: '车辆违停',
        defaultUnitCode: 'jjzd',
        samples: [
          '海州区人民路一家医院门口车辆乱停，占用人行道和非机动车道，救护车进出困难。',
          '开发区猴嘴街道一小区消防通道长期被私家车占用，存在安全隐患。',
          '有辆车停在我单位大门口一整天，堵住了出入口，挪车电话也联系不上。',
        ],
        children: [
          { code: 'srhj_clwt_01', name: '占用人行道停车' },
          { code: 'srhj_clwt_02', name: '占用消防通道' },
          { code: 'srhj_clwt_03', name: '堵塞出入口' },
        ],
      },
      {
        code: 'srhj_hwgg',
        name: '户外广告',
        defaultUnitCode: 'cgj',
        samples: [
          '陇海步行街一家店铺的招牌松动，风一吹就摇晃，怕砸到行人。',
          '我们小区楼道和电线杆上贴满了办证、开锁小广告，影响市容。',
          '朝阳东路有商家在路边私自竖立大型广告牌，遮挡交通视线。',
        ],
        children: [
          { code: 'srhj_hwgg_01', name: '违规设置广告牌' },
          { code: 'srhj_hwgg_02', name: '小广告张贴' },
          { code: 'srhj_hwgg_03', name: '店招破损' },
        ],
      },
      {
        code: 'srhj_yllh',
        name: '园林绿化',
        defaultUnitCode: 'cgj',
        samples: [
          '昨晚大风，海宁大道路边一棵树倒在非机动车道上，请尽快清理。',
          '新浦公园附近的绿化带被人毁绿种菜，请相关部门处理。',
          '我家楼下行道树枝叶过密，遮挡路灯和窗户，希望修剪。',
        ],
        children: [
          { code: 'srhj_yllh_01', name: '树木倒伏' },
          { code: 'srhj_yllh_02', name: '绿地损毁' },
          { code: 'srhj_yllh_03', name: '树枝遮挡' },
        ],
      },
      {
        code: 'srhj_gcgl',
        name: '公厕管理',
        defaultUnitCode: 'cgj',
        samples: [
          '苍梧绿园附近的公共厕所卫生很差，没有保洁，异味很重。',
          '墟沟海滨公园公厕的水龙头和冲水设施坏了好几天没修。',
          '东海县水晶市场附近的公厕白天大门紧锁，如厕很不方便。',
        ],
        children: [
          { code: 'srhj_gcgl_01', name: '公厕卫生差' },
          { code: 'srhj_gcgl_02', name: '公厕设施损坏' },
          { code: 'srhj_gcgl_03', name: '公厕未开放' },
        ],
      },
    ],
  },
  {
    code: 'sdqn',
    name: '水电气暖',
    children: [
      {
        code: 'sdqn_gs',
        name: '供水',
        defaultUnitCode: 'swjt',
        samples: [
          '海州区幸福路一小区今天早上突然停水，没有看到任何通知，请问什么时候恢复？',
          '通灌南路路边自来水管爆了，水流满路面，请尽快派人抢修。',
          '我家自来水放出来发黄，有异味，小区其他住户也一样，请检测水质。',
        ],
        children: [
          { code: 'sdqn_gs_01', name: '突发停水' },
          { code: 'sdqn_gs_02', name: '爆管' },
          { code: 'sdqn_gs_03', name: '水质差' },
          { code: 'sdqn_gs_04', name: '水压低' },
        ],
      },
      {
        code: 'sdqn_gd',
        name: '供电',
        defaultUnitCode: 'gdgs',
        samples: [
          '连云区墟沟街道一小区从中午开始停电，冰箱里的东西都要坏了，请尽快恢复。',
          '灌南县汤沟镇我们村晚上电压很低，灯忽明忽暗，空调都开不起来。',
          '巨龙北路有根电线杆倾斜，电线垂得很低，担心有安全隐患。',
        ],
        children: [
          { code: 'sdqn_gd_01', name: '突发停电' },
          { code: 'sdqn_gd_02', name: '电压不稳定' },
          { code: 'sdqn_gd_03', name: '供电设施安全' },
        ],
      },
      {
        code: 'sdqn_gq',
        name: '供气',
        defaultUnitCode: 'rqgs',
        samples: [
          '我在海州区新买的房子申请燃气开通一个多月了，一直没人来安装。',
          '这个月燃气费比平时多了三倍，家里也没怎么用，怀疑燃气表计量有问题。',
          '朐阳街道一小区今天突然停气，没有提前通知，做不了饭。',
        ],
        children: [
          { code: 'sdqn_gq_01', name: '燃气安装不及时' },
          { code: 'sdqn_gq_02', name: '燃气表计量收费错误' },
          { code: 'sdqn_gq_03', name: '突发停气' },
        ],
      },
      {
        code: 'sdqn_gn',
        name: '供暖',
        defaultUnitCode: 'rlgs',
        samples: [
          '我家小区已经开始供暖了，但是室内温度只有十五度左右，请热力公司检查。',
          '家里暖气片漏水，报修三天了一直没人上门处理。',
          '我们楼集中供暖时热时不热，晚上温度明显偏低，请核查。',
        ],
        children: [
          { code: 'sdqn_gn_01', name: '供暖温度不达标' },
          { code: 'sdqn_gn_02', name: '报修处置不及时' },
          { code: 'sdqn_gn_03', name: '供暖收费' },
        ],
      },
    ],
  },
  {
    code: 'zfgl',
    name: '住房管理',
    children: [
      {
        code: 'zfgl_fwzl',
        name: '房屋质量',
        defaultUnitCode: 'zjj',
        samples: [
          '我家住在新浦一安置小区，交房不到两年，墙体出现多处裂缝，开发商一直推脱。',
          '赣榆区青口镇一小区顶楼每逢下雨就漏水，找物业和开发商都没人管。',
          '灌云县伊山镇一新建小区外墙瓷砖脱落，砸坏了楼下的车。',
        ],
        children: [
          { code: 'zfgl_fwzl_01', name: '墙体开裂' },
          { code: 'zfgl_fwzl_02', name: '屋顶渗漏' },
          { code: 'zfgl_fwzl_03', name: '外墙脱落' },
          { code: 'zfgl_fwzl_04', name: '保修期维修' },
        ],
      },
      {
        code: 'zfgl_cqbc',
        name: '拆迁补偿',
        defaultUnitCode: 'zjj',
        samples: [
          '我家老房子被征收，补偿款一直没发到位，请问什么时候能兑现？',
          '海州区一安置房项目说好的交付时间已经过去半年了，还没交房。',
          '拆迁后的过渡费已经三个月没有发放了，租房压力很大。',
        ],
        children: [
          { code: 'zfgl_cqbc_01', name: '补偿标准' },
          { code: 'zfgl_cqbc_02', name: '安置房交付' },
          { code: 'zfgl_cqbc_03', name: '过渡费发放' },
        ],
      },
      {
        code: 'zfgl_cqgh',
        name: '拆迁规划',
        defaultUnitCode: 'zrzyghj',
        samples: [
          '想咨询一下浦南片区是否列入今年的征收计划。',
          '我们村听说要拆迁，但一直没有看到正式公示，村民很着急。',
          '请问东海县城北片区的旧城改造规划范围是否包括我家所在的路段？',
        ],
        children: [
          { code: 'zfgl_cqgh_01', name: '拆迁范围咨询' },
          { code: 'zfgl_cqgh_02', name: '征收计划公示' },
        ],
      },
      {
        code: 'zfgl_zfgjj',
        name: '住房公积金',
        defaultUnitCode: 'gjj',
        samples: [
          '我想用公积金支付房租，请问需要准备哪些材料？',
          '公积金贷款申请提交一个多月了还没审批下来，请帮忙催一下。',
          '单位连续几个月没有给我缴存公积金，请问该怎么处理？',
        ],
        children: [
          { code: 'zfgl_zfgjj_01', name: '公积金提取' },
          { code: 'zfgl_zfgjj_02', name: '公积金贷款' },
          { code: 'zfgl_zfgjj_03', name: '公积金缴存' },
        ],
      },
    ],
  },
  {
    code: 'wygl',
    name: '物业管理',
    children: [
      {
        code: 'wygl_lsf',
        name: '乱收费',
        defaultUnitCode: 'zjj',
        samples: [
          '小区物业没有经过业主大会就把物业费从每平方米0.6元涨到1元。',
          '物业要求装修时交纳高额垃圾清运费和出入证费，请问是否合理？',
          '我们小区物业收费项目从不公示，业主要看收支情况也不给看。',
        ],
        children: [
          { code: 'wygl_lsf_01', name: '物业费上涨' },
          { code: 'wygl_lsf_02', name: '违规收取费用' },
          { code: 'wygl_lsf_03', name: '收费不公示' },
        ],
      },
      {
        code: 'wygl_clwxtf',
        name: '车辆无序停放',
        defaultUnitCode: 'zjj',
        samples: [
          '海州区新海街道一小区车辆随意停放，消防通道都堵死了，物业不管。',
          '有住户把电动车推进楼道充电，存在火灾隐患，物业劝说无效。',
          '小区大量外来车辆进出停放，业主下班回家没有地方停车。',
        ],
        children: [
          { code: 'wygl_clwxtf_01', name: '小区内乱停车' },
          { code: 'wygl_clwxtf_02', name: '电动车楼道充电' },
          { code: 'wygl_clwxtf_03', name: '外来车辆占位' },
        ],
      },
      {
        code: 'wygl_qzgmcw',
        name: '强制购买车位',
        defaultUnitCode: 'zjj',
        samples: [
          '开发商要求买房必须同时购买车位，否则不给签合同。',
          '小区地下车位只卖不租，没买车位的业主车辆不让进小区。',
          '物业以不买车位就不办门禁卡为由，强迫业主购买车位。',
        ],
        children: [
          { code: 'wygl_qzgmcw_01', name: '捆绑销售车位' },
          { code: 'wygl_qzgmcw_02', name: '车位只售不租' },
          { code: 'wygl_qzgmcw_03', name: '限制车辆进入' },
        ],
      },
      {
        code: 'wygl_dtgz',
        name: '电梯故障',
        defaultUnitCode: 'scjgj',
        samples: [
          '我们小区3号楼的电梯这个月已经坏了四次，老人上下楼非常困难。',
          '今天上午电梯突然停在两层之间，被困了二十多分钟才有人来。',
          '小区电梯维保记录已经过期，物业说没钱维修，请相关部门督促。',
        ],
        children: [
          { code: 'wygl_dtgz_01', name: '电梯频繁故障' },
          { code: 'wygl_dtgz_02', name: '电梯困人' },
          { code: 'wygl_dtgz_03', name: '维保不到位' },
        ],
      },
      {
        code: 'wygl_wyfw',
        name: '物业服务',
        defaultUnitCode: 'zjj',
        samples: [
          '小区物业服务质量很差，楼道长期无人打扫。',
          '单元门禁坏了一个月物业也不修，陌生人随意进出。',
          '原物业公司撤场，新物业还没进驻，小区垃圾没人清运。',
        ],
        children: [
          { code: 'wygl_wyfw_01', name: '保洁不到位' },
          { code: 'wygl_wyfw_02', name: '设施维修不及时' },
          { code: 'wygl_wyfw_03', name: '物业退出交接' },
        ],
      },
    ],
  },
  {
    code: 'wfjs',
    name: '违法建设',
    children: [
      {
        code: 'wfjs_yjcwj',
        name: '已建成违建',
        defaultUnitCode: 'cgj',
        samples: [
          '我家楼上的住户在楼顶加盖了一层彩钢房，已经建好好几年了，存在安全隐患。',
          '小区一楼住户把院子围起来建成了门面房，破坏了小区绿地。',
          '路边有人多年前私自搭建的棚子一直没有拆除，影响交通。',
        ],
        children: [
          { code: 'wfjs_yjcwj_01', name: '楼顶加建' },
          { code: 'wfjs_yjcwj_02', name: '私搭乱建' },
          { code: 'wfjs_yjcwj_03', name: '侵占公共绿地' },
        ],
      },
      {
        // The report says '新增、在建违建' (new / under construction); written without the
        // '/' of '新增/在建违建' because '/' joins category paths in imports.
        code: 'wfjs_xzzjwj',
        name: '新增在建违建',
        defaultUnitCode: 'cgj',
        samples: [
          '海州区一小区一楼住户正在院子里砌墙搭建房屋，请城管马上来制止。',
          '有人趁周末夜间抢建房屋，白天停工晚上施工。',
          '灌南县新安镇我们村有人未经审批正在占用耕地盖房子，请查处。',
        ],
        children: [
          { code: 'wfjs_xzzjwj_01', name: '正在施工违建' },
          { code: 'wfjs_xzzjwj_02', name: '夜间抢建' },
          { code: 'wfjs_xzzjwj_03', name: '农村违法建房' },
        ],
      },
    ],
  },
  {
    code: 'hjwr',
    name: '环境污染',
    children: [
      {
        code: 'hjwr_yywr',
        name: '油烟污染',
        defaultUnitCode: 'sthjj',
        samples: [
          '我家楼下新开了一家饭店，油烟直接排到居民楼，窗户都不敢开。',
          '解放东路附近的露天烧烤摊每晚烟雾弥漫，严重影响居民生活。',
          '一家饭店的油烟净化器从来不开，烟道正对着小区排放。',
        ],
        children: [
          { code: 'hjwr_yywr_01', name: '餐饮油烟' },
          { code: 'hjwr_yywr_02', name: '露天烧烤' },
          { code: 'hjwr_yywr_03', name: '油烟净化设施未运行' },
        ],
      },
      {
        code: 'hjwr_gyfq',
        name: '工业废气',
        defaultUnitCode: 'sthjj',
        samples: [
          '开发区附近每天晚上都有一股刺鼻的化工味，影响居民休息。',
          '赣榆区柘汪镇一家工厂烟囱夜间冒黑烟，怀疑偷排。',
          '东海县一家企业排放的废气有很重的橡胶味，周边村民很难受。',
        ],
        children: [
          { code: 'hjwr_gyfq_01', name: '刺激性异味' },
          { code: 'hjwr_gyfq_02', name: '夜间偷排' },
          { code: 'hjwr_gyfq_03', name: '烟囱冒黑烟' },
        ],
      },
      {
        code: 'hjwr_gyfs',
        name: '工业废水',
        defaultUnitCode: 'sthjj',
        samples: [
          '灌南县堆沟港镇附近河道里的水发黑发臭，怀疑有工厂排放废水。',
          '一家厂区通过暗管向附近沟渠排放废水，请环保部门查处。',
          '连云区一家加工厂把清洗废水直接排到路边雨水井里。',
        ],
        children: [
          { code: 'hjwr_gyfs_01', name: '废水直排河道' },
          { code: 'hjwr_gyfs_02', name: '河水变色发臭' },
          { code: 'hjwr_gyfs_03', name: '暗管偷排' },
        ],
      },
      {
        code: 'hjwr_fcwr',
        name: '粉尘污染',
        defaultUnitCode: 'sthjj',
        samples: [
          '海州区一处工地土方没有覆盖，刮风时扬尘很大，附近居民无法开窗。',
          '码头附近的煤炭堆场没有苫盖，黑色粉尘飘进居民家中。',
          '东海县一家石材加工厂切割石料粉尘很大，周围树叶都是白的。',
        ],
        children: [
          { code: 'hjwr_fcwr_01', name: '工地扬尘' },
          { code: 'hjwr_fcwr_02', name: '堆场扬尘' },
          { code: 'hjwr_fcwr_03', name: '企业粉尘' },
        ],
      },
      {
        code: 'hjwr_yzwr',
        name: '养殖污染',
        defaultUnitCode: 'sthjj',
        samples: [
          '我们村旁边有个养猪场，臭味很大，粪水直接排到沟里。',
          '灌云县一家养鸡场的鸡粪露天堆放，苍蝇很多，气味难闻。',
          '徐圩附近的养殖塘尾水直接排入河道，河水变浑浊。',
        ],
        children: [
          { code: 'hjwr_yzwr_01', name: '养殖场臭味' },
          { code: 'hjwr_yzwr_02', name: '粪污乱排' },
          { code: 'hjwr_yzwr_03', name: '养殖尾水' },
        ],
      },
      {
        code: 'hjwr_shws',
        name: '生活污水',
        defaultUnitCode: 'sthjj',
        samples: [
          '小区的生活污水直接排入旁边的河道，河水又黑又臭。',
          '我们小区化粪池满了往外溢，气味很大，物业说没人管。',
          '村里的生活污水没有处理设施，都排到村头的沟里。',
        ],
        children: [
          { code: 'hjwr_shws_01', name: '污水直排' },
          { code: 'hjwr_shws_02', name: '化粪池外溢' },
          { code: 'hjwr_shws_03', name: '农村污水处理' },
        ],
      },
    ],
  },
  {
    code: 'zsrm',
    name: '噪声扰民',
    children: [
      {
        code: 'zsrm_mysh',
        name: '民用生活噪声',
        defaultUnitCode: 'gaj',
        samples: [
          '每天晚上小区广场上跳广场舞的音响声音很大，一直持续到十点多。',
          '楼上邻居经常深夜大声喧哗、拖拽家具，严重影响休息。',
          '邻居中午和周末也在装修，电钻声不断，请管一下。',
        ],
        children: [
          { code: 'zsrm_mysh_01', name: '广场舞噪声' },
          { code: 'zsrm_mysh_02', name: '邻里噪声' },
          { code: 'zsrm_mysh_03', name: '装修噪声' },
        ],
      },
      {
        code: 'zsrm_jzsg',
        name: '建筑施工噪声',
        defaultUnitCode: 'sthjj',
        samples: [
          '海州区一处楼盘工地夜里十二点还在浇筑混凝土，噪声很大，无法入睡。',
          '工地打桩机从早上六点就开始作业，周边居民苦不堪言。',
          '这个工地已经连续一周通宵施工了，请问是否办理了夜间施工许可？',
        ],
        children: [
          { code: 'zsrm_jzsg_01', name: '夜间施工' },
          { code: 'zsrm_jzsg_02', name: '施工机械噪声' },
          { code: 'zsrm_jzsg_03', name: '夜间施工许可' },
        ],
      },
      {
        code: 'zsrm_jtzs',
        name: '交通噪声',
        defaultUnitCode: 'jjzd',
        samples: [
          '每天深夜都有改装摩托车在海连路上炸街，声音很大。',
          '学校附近车辆频繁鸣笛，影响学生上课。',
          '渣土车夜间在居民区附近道路高速行驶，噪声和震动都很大。',
        ],
        children: [
          { code: 'zsrm_jtzs_01', name: '车辆鸣笛' },
          { code: 'zsrm_jtzs_02', name: '改装车炸街' },
          { code: 'zsrm_jtzs_03', name: '重型车辆夜间通行' },
        ],
      },
      {
        code: 'zsrm_gyzs',
        name: '工业噪声',
        defaultUnitCode: 'sthjj',
        samples: [
          '小区旁边的工厂风机日夜运转，噪声很大。',
          '一家加工厂晚上开工，机器轰鸣声影响周边居民休息。',
          '开发区一家企业的冷却塔噪声很大，附近住户夜里睡不着。',
        ],
        children: [
          { code: 'zsrm_gyzs_01', name: '工厂设备噪声' },
          { code: 'zsrm_gyzs_02', name: '夜间生产噪声' },
        ],
      },
      {
        code: 'zsrm_syzs',
        name: '商业噪声',
        defaultUnitCode: 'cgj',
        samples: [
          '通灌路一家手机店门口用高音喇叭促销，整天循环播放。',
          '楼下酒吧营业到凌晨两点，音乐声很大。',
          '商场门口搞促销活动，音响声音震耳，影响周边居民。',
        ],
        children: [
          { code: 'zsrm_syzs_01', name: '商铺高音喇叭' },
          { code: 'zsrm_syzs_02', name: '娱乐场所噪声' },
          { code: 'zsrm_syzs_03', name: '促销活动噪声' },
        ],
      },
    ],
  },
  {
    code: 'clgl',
    name: '车辆管理',
    children: [
      {
        code: 'clgl_jdcyw',
        name: '机动车业务',
        defaultUnitCode: 'jjzd',
        samples: ['请问在连云港买的新车上牌需要带哪些材料？', '驾驶证快到期了，人在外地能否异地换证？', '车辆年检排队时间太长，检测站工作人员态度不好。'],
        children: [
          { code: 'clgl_jdcyw_01', name: '车辆登记上牌' },
          { code: 'clgl_jdcyw_02', name: '驾驶证业务' },
          { code: 'clgl_jdcyw_03', name: '车辆年检' },
        ],
      },
      {
        code: 'clgl_fjdc',
        name: '非机动车管理',
        defaultUnitCode: 'jjzd',
        samples: [
          '电动自行车上牌需要去哪里办理？需要什么材料？',
          '新浦万达广场附近共享单车堆放在盲道上，影响盲人通行。',
          '很多电动车在人行道上逆行快速行驶，非常危险。',
        ],
        children: [
          { code: 'clgl_fjdc_01', name: '电动车上牌' },
          { code: 'clgl_fjdc_02', name: '共享单车乱停' },
          { code: 'clgl_fjdc_03', name: '电动车违法行驶' },
        ],
      },
      {
        code: 'clgl_tcsf',
        name: '停车收费',
        defaultUnitCode: 'scjgj',
        samples: [
          '海州区一家医院停车场收费标准没有公示，停两个小时收了二十元。',
          '路边停车位收费员不出示收费凭证，收费随意。',
          '小区停车费上涨没有经过业主同意，请问是否合规？',
        ],
        children: [
          { code: 'clgl_tcsf_01', name: '收费标准不公示' },
          { code: 'clgl_tcsf_02', name: '停车场乱收费' },
          { code: 'clgl_tcsf_03', name: '路内停车收费' },
        ],
      },
      {
        code: 'clgl_ztc',
        name: '渣土车管理',
        defaultUnitCode: 'cgj',
        samples: [
          '渣土车沿路撒漏泥土，花果山大道路面全是泥，请查处。',
          '夜间渣土车在城区道路上超速闯红灯，非常危险。',
          '有没有牌照的渣土车往城郊倾倒建筑垃圾。',
        ],
        children: [
          { code: 'clgl_ztc_01', name: '渣土撒漏' },
          { code: 'clgl_ztc_02', name: '渣土车超速' },
          { code: 'clgl_ztc_03', name: '无证运输' },
        ],
      },
      {
        code: 'clgl_jsc',
        name: '僵尸车',
        defaultUnitCode: 'jjzd',
        samples: [
          '小区门口有辆车停了半年多没动过，落满灰尘，长期占用公共车位。',
          '墟沟一条支路边有辆报废车辆长期停放，轮胎都瘪了，请拖走。',
          '巨龙北路非机动车道上停着一辆无牌旧车，已经一年多了。',
        ],
        children: [
          { code: 'clgl_jsc_01', name: '长期占用车位' },
          { code: 'clgl_jsc_02', name: '报废车辆停放' },
        ],
      },
    ],
  },
  {
    code: 'dljt',
    name: '道路交通',
    children: [
      {
        code: 'dljt_dlss',
        name: '道路设施',
        defaultUnitCode: 'cgj',
        samples: [
          '郁州北路有一段路面坑洼不平，电动车经过很容易摔倒。',
          '我们小区外面那条路的路灯坏了一个多月，晚上一片漆黑。',
          '海宁大道中间的隔离护栏被撞坏，一直没有修复。',
        ],
        children: [
          { code: 'dljt_dlss_01', name: '路面破损坑洼' },
          { code: 'dljt_dlss_02', name: '路灯不亮' },
          { code: 'dljt_dlss_03', name: '护栏损坏' },
        ],
      },
      {
        code: 'dljt_jtxh',
        name: '交通信号与标志',
        defaultUnitCode: 'jjzd',
        samples: [
          '朝阳路和通灌路交叉口的红绿灯坏了，路口很混乱。',
          '建议延长学校门口人行横道的绿灯时间，老人孩子过马路来不及。',
          '新修的道路没有施划标线，车辆行驶混乱。',
        ],
        children: [
          { code: 'dljt_jtxh_01', name: '信号灯故障' },
          { code: 'dljt_jtxh_02', name: '信号配时不合理' },
          { code: 'dljt_jtxh_03', name: '标志标线缺失' },
        ],
      },
      {
        code: 'dljt_jtyd',
        name: '交通拥堵',
        defaultUnitCode: 'jjzd',
        samples: [
          '每天早上上学时段一所小学门口堵得水泄不通，建议安排交警疏导。',
          '高峰期海连路和解放路路口经常拥堵，建议优化。',
          '道路施工只留一条车道，没有人疏导交通，堵了很久。',
        ],
        children: [
          { code: 'dljt_jtyd_01', name: '上下学拥堵' },
          { code: 'dljt_jtyd_02', name: '路口拥堵' },
          { code: 'dljt_jtyd_03', name: '施工占道拥堵' },
        ],
      },
      {
        code: 'dljt_glyh',
        name: '公路养护',
        defaultUnitCode: 'jtysj',
        samples: [
          '204国道赣榆段有几处路面塌陷，夜间行车很危险。',
          '我们村通往镇上的水泥路损坏严重，下雨后全是泥坑。',
          '灌云县一座乡村桥梁护栏缺失，桥面有裂缝，担心安全问题。',
        ],
        children: [
          { code: 'dljt_glyh_01', name: '国省道破损' },
          { code: 'dljt_glyh_02', name: '农村公路损坏' },
          { code: 'dljt_glyh_03', name: '桥梁安全' },
        ],
      },
    ],
  },
  {
    code: 'fdcjg',
    name: '房地产监管',
    children: [
      {
        code: 'fdcjg_yqjf',
        name: '延期交房',
        defaultUnitCode: 'zjj',
        samples: [
          '我买的海州区一处楼盘，合同约定去年年底交房，现在还没有交付，开发商也不给说法。',
          '开发商逾期交房，拒绝按照合同支付违约金。',
          '一处楼盘停工一年多了，业主担心烂尾，希望政府介入。',
        ],
        children: [
          { code: 'fdcjg_yqjf_01', name: '逾期交房' },
          { code: 'fdcjg_yqjf_02', name: '违约金赔付' },
          { code: 'fdcjg_yqjf_03', name: '项目停工' },
        ],
      },
      {
        code: 'fdcjg_bzn',
        name: '办证难',
        defaultUnitCode: 'zrzyghj',
        samples: [
          '交房已经三年了，开发商一直不给办不动产权证。',
          '因为开发商欠缴土地出让金导致无法办证，业主应该怎么办？',
          '买的二手房过户时发现有抵押，无法办理不动产登记。',
        ],
        children: [
          { code: 'fdcjg_bzn_01', name: '新房办证延迟' },
          { code: 'fdcjg_bzn_02', name: '二手房过户' },
          { code: 'fdcjg_bzn_03', name: '抵押未解除' },
        ],
      },
      {
        code: 'fdcjg_spfxs',
        name: '商品房销售',
        defaultUnitCode: 'zjj',
        samples: [
          '售楼处宣传的学区和实际不符，涉嫌虚假宣传。',
          '买房时被要求同时购买装修包，否则不卖。',
          '我交了认购定金后因贷款办不下来不想买了，开发商拒绝退还定金。',
        ],
        children: [
          { code: 'fdcjg_spfxs_01', name: '虚假宣传' },
          { code: 'fdcjg_spfxs_02', name: '捆绑销售' },
          { code: 'fdcjg_spfxs_03', name: '定金退还' },
        ],
      },
      {
        code: 'fdcjg_zjzl',
        name: '中介与租赁',
        defaultUnitCode: 'zjj',
        samples: [
          '租房到期后中介以各种理由扣押金不退。',
          '房产中介收取的服务费远高于公示的标准。',
          '我们楼里有一套房子被改成了群租房，住了十几个人，存在安全隐患。',
        ],
        children: [
          { code: 'fdcjg_zjzl_01', name: '中介违规收费' },
          { code: 'fdcjg_zjzl_02', name: '押金不退' },
          { code: 'fdcjg_zjzl_03', name: '群租房' },
        ],
      },
    ],
  },
  {
    code: 'cxghjs',
    name: '城乡规划建设',
    children: [
      {
        code: 'cxghjs_ghzx',
        name: '规划咨询与调整',
        defaultUnitCode: 'zrzyghj',
        samples: [
          '我们小区原规划的幼儿园用地现在在建商业楼，是否变更了规划？',
          '请问海州区浦南片区的控制性详细规划在哪里可以查看？',
          '小区交付多年，规划的配套用房一直没有建设。',
        ],
        children: [
          { code: 'cxghjs_ghzx_01', name: '规划变更' },
          { code: 'cxghjs_ghzx_02', name: '规划公示' },
          { code: 'cxghjs_ghzx_03', name: '配套设施规划' },
        ],
      },
      {
        code: 'cxghjs_szgc',
        name: '市政工程',
        defaultUnitCode: 'zjj',
        samples: ['巨龙路改造工程已经施工很久了，什么时候能完工？', '道路开挖后一直没有回填，附近居民出行不便。', '施工围挡占用了人行道，行人只能走机动车道。'],
        children: [
          { code: 'cxghjs_szgc_01', name: '工程进度' },
          { code: 'cxghjs_szgc_02', name: '道路开挖' },
          { code: 'cxghjs_szgc_03', name: '施工围挡' },
        ],
      },
      {
        code: 'cxghjs_ljxq',
        name: '老旧小区改造',
        defaultUnitCode: 'zjj',
        samples: [
          '请问我们小区是否列入今年的老旧小区改造计划？',
          '小区改造后新铺的路面没多久就开裂了，质量有问题。',
          '我们老小区想加装电梯，请问申请流程和补贴政策是什么？',
        ],
        children: [
          { code: 'cxghjs_ljxq_01', name: '改造范围咨询' },
          { code: 'cxghjs_ljxq_02', name: '改造质量' },
          { code: 'cxghjs_ljxq_03', name: '加装电梯' },
        ],
      },
      {
        code: 'cxghjs_ncjf',
        name: '农村建房',
        defaultUnitCode: 'zrzyghj',
        samples: ['请问农村翻建房屋需要办理哪些审批手续？', '宅基地申请递交半年了一直没有批复。', '东海县一个村有人超出审批面积建房，影响邻居采光。'],
        children: [
          { code: 'cxghjs_ncjf_01', name: '宅基地审批' },
          { code: 'cxghjs_ncjf_02', name: '建房规划许可' },
        ],
      },
    ],
  },
  {
    code: 'zagl',
    name: '治安管理',
    children: [
      {
        code: 'zagl_shza',
        name: '社会治安',
        defaultUnitCode: 'gaj',
        samples: [
          '小区里最近连续发生电动车被盗，希望警方加强夜间巡逻。',
          '一家棋牌室经常有人聚众赌博，请公安部门查处。',
          '夜市附近经常有人酒后打架闹事，居民很不安。',
        ],
        children: [
          { code: 'zagl_shza_01', name: '打架斗殴' },
          { code: 'zagl_shza_02', name: '偷盗' },
          { code: 'zagl_shza_03', name: '赌博' },
        ],
      },
      {
        code: 'zagl_hjzj',
        name: '户籍证件',
        defaultUnitCode: 'gaj',
        samples: ['请问孩子出生后上户口需要准备哪些材料？', '身份证丢失补办需要多长时间？可以加急吗？', '外地户籍在连云港工作，怎么办理居住证？'],
        children: [
          { code: 'zagl_hjzj_01', name: '户口迁移' },
          { code: 'zagl_hjzj_02', name: '身份证办理' },
          { code: 'zagl_hjzj_03', name: '居住证' },
        ],
      },
      {
        code: 'zagl_zpcx',
        name: '诈骗与非法集资',
        defaultUnitCode: 'gaj',
        samples: [
          '我接到自称公检法的电话，要求我转账到安全账户，怀疑是诈骗。',
          '有公司以高额回报吸收老年人投资，涉嫌非法集资。',
          '亲戚被人拉进一个传销组织，现在联系不上，请求帮助。',
        ],
        children: [
          { code: 'zagl_zpcx_01', name: '电信网络诈骗' },
          { code: 'zagl_zpcx_02', name: '非法集资' },
          { code: 'zagl_zpcx_03', name: '传销' },
        ],
      },
    ],
  },
  {
    code: 'gtzy',
    name: '国土资源',
    children: [
      {
        code: 'gtzy_tdzs',
        name: '土地征收',
        defaultUnitCode: 'zrzyghj',
        samples: [
          '我们村的土地被征收了，但是补偿款一直没有发到村民手里。',
          '请问失地农民的社会保障政策是什么？',
          '征地前没有召开听证会，村民对补偿标准有异议。',
        ],
        children: [
          { code: 'gtzy_tdzs_01', name: '征地补偿' },
          { code: 'gtzy_tdzs_02', name: '失地农民保障' },
          { code: 'gtzy_tdzs_03', name: '征地程序' },
        ],
      },
      {
        code: 'gtzy_bdcdj',
        name: '不动产登记',
        defaultUnitCode: 'zrzyghj',
        samples: ['不动产登记材料交了一个月，还没拿到证书。', '我的不动产权证上房屋面积登记错误，请问如何更正？', '请问如何查询自己名下的不动产登记信息？'],
        children: [
          { code: 'gtzy_bdcdj_01', name: '登记办理进度' },
          { code: 'gtzy_bdcdj_02', name: '登记信息错误' },
          { code: 'gtzy_bdcdj_03', name: '登记查询' },
        ],
      },
      {
        code: 'gtzy_wfzd',
        name: '违法占地',
        defaultUnitCode: 'zrzyghj',
        samples: ['有人在灌云县一个村占用基本农田建厂房，请查处。', '一条河道夜间有人非法采砂，破坏河堤。', '有人私自在山上取土挖石，山体破坏严重。'],
        children: [
          { code: 'gtzy_wfzd_01', name: '占用耕地' },
          { code: 'gtzy_wfzd_02', name: '非法采砂' },
          { code: 'gtzy_wfzd_03', name: '私挖乱采' },
        ],
      },
    ],
  },
  {
    code: 'xfwq',
    name: '消费维权',
    children: [
      {
        code: 'xfwq_spzl',
        name: '商品质量',
        defaultUnitCode: 'scjgj',
        samples: [
          '在海州区一家商场买的电饭煲用了一周就坏了，商家拒绝退换。',
          '在超市买到的品牌服装疑似假冒，吊牌和正品不一样。',
          '新买的手机屏幕有质量问题，门店要求我自己找厂家。',
        ],
        children: [
          { code: 'xfwq_spzl_01', name: '假冒伪劣' },
          { code: 'xfwq_spzl_02', name: '质量缺陷' },
          { code: 'xfwq_spzl_03', name: '退换货纠纷' },
        ],
      },
      {
        code: 'xfwq_fwxf',
        name: '服务消费',
        defaultUnitCode: 'scjgj',
        samples: [
          '在理发店被店员诱导办理高价护理项目，实际效果和宣传不符。',
          '汽车在修理厂保养后出现故障，修理厂拒绝负责。',
          '饭店收取包间费和开瓶费，事先没有告知。',
        ],
        children: [
          { code: 'xfwq_fwxf_01', name: '美容美发' },
          { code: 'xfwq_fwxf_02', name: '汽车维修' },
          { code: 'xfwq_fwxf_03', name: '餐饮服务' },
        ],
      },
      {
        code: 'xfwq_yfk',
        name: '预付卡',
        defaultUnitCode: 'scjgj',
        samples: [
          '我在一家健身房办了年卡，现在健身房突然关门，老板联系不上。',
          '培训机构办的课时卡要求退费，商家拒绝退还剩余费用。',
          '洗车店换了老板，之前办的会员卡不认了。',
        ],
        children: [
          { code: 'xfwq_yfk_01', name: '商家跑路' },
          { code: 'xfwq_yfk_02', name: '拒绝退卡' },
          { code: 'xfwq_yfk_03', name: '变更经营者' },
        ],
      },
      {
        code: 'xfwq_wlgw',
        name: '网络购物',
        defaultUnitCode: 'scjgj',
        samples: [
          '在本地一家网店买的商品与描述严重不符，店家不给退款。',
          '直播间购买的保健品，收到后发现没有生产许可证号。',
          '外卖平台商家送来的食物有异物，商家不予处理。',
        ],
        children: [
          { code: 'xfwq_wlgw_01', name: '网购退款' },
          { code: 'xfwq_wlgw_02', name: '直播带货' },
          { code: 'xfwq_wlgw_03', name: '外卖订餐' },
        ],
      },
      {
        code: 'xfwq_kdfw',
        name: '快递服务',
        defaultUnitCode: 'yzglj',
        samples: [
          '快递显示已签收，但我本人并没有收到，快递网点推诿。',
          '寄的包裹在转运中损坏，快递公司不肯赔偿。',
          '快递员不送货上门，直接放到驿站还要收取费用。',
        ],
        children: [
          { code: 'xfwq_kdfw_01', name: '快递丢失损坏' },
          { code: 'xfwq_kdfw_02', name: '快递延误' },
          { code: 'xfwq_kdfw_03', name: '派送服务' },
        ],
      },
    ],
  },
  {
    code: 'ylws',
    name: '医疗卫生',
    children: [
      {
        code: 'ylws_ylfw',
        name: '医疗服务',
        defaultUnitCode: 'wjw',
        samples: [
          '在市里一家医院看专家号要排一周，挂号太难了。',
          '家人在医院做手术后出现并发症，对医院的处理有异议。',
          '医院做检查收费明细和实际项目对不上，怀疑重复收费。',
        ],
        children: [
          { code: 'ylws_ylfw_01', name: '挂号就诊' },
          { code: 'ylws_ylfw_02', name: '医疗纠纷' },
          { code: 'ylws_ylfw_03', name: '医疗收费' },
        ],
      },
      {
        code: 'ylws_ydyf',
        name: '医德医风',
        defaultUnitCode: 'wjw',
        samples: ['医院门诊一名医生看病时态度恶劣，不耐心解答病情。', '医生开药时推荐我到院外指定药店买药。', '护士夜间巡视不到位，病人按铃很久无人应答。'],
        children: [
          { code: 'ylws_ydyf_01', name: '服务态度' },
          { code: 'ylws_ydyf_02', name: '违规推销' },
          { code: 'ylws_ydyf_03', name: '护理服务' },
        ],
      },
      {
        code: 'ylws_ggws',
        name: '公共卫生',
        defaultUnitCode: 'wjw',
        samples: ['小区里老鼠和蟑螂很多，请安排消杀。', '很多人在商场室内吸烟，没有人劝阻。', '请问孩子打预防针在哪个社区卫生服务中心办理？'],
        children: [
          { code: 'ylws_ggws_01', name: '病媒生物防制' },
          { code: 'ylws_ggws_02', name: '控烟' },
          { code: 'ylws_ggws_03', name: '预防接种' },
        ],
      },
      {
        code: 'ylws_ffxy',
        name: '非法行医',
        defaultUnitCode: 'wjw',
        samples: ['小区附近有个无证诊所给人打吊针，存在安全隐患。', '有人在村里流动行医卖药，怀疑没有资质。', '美容店给顾客注射玻尿酸，不知道有没有医疗资质。'],
        children: [
          { code: 'ylws_ffxy_01', name: '无证行医' },
          { code: 'ylws_ffxy_02', name: '医疗美容违规' },
        ],
      },
    ],
  },
  {
    code: 'jy',
    name: '教育',
    children: [
      {
        code: 'jy_zsrx',
        name: '招生入学',
        defaultUnitCode: 'jyj',
        samples: ['请问海州区今年小学招生的学区范围怎么划分？', '孩子随迁到连云港，外地户籍能否在这里上初中？', '因为搬家想给孩子转学，学校不同意，该怎么办？'],
        children: [
          { code: 'jy_zsrx_01', name: '学区划分' },
          { code: 'jy_zsrx_02', name: '随迁子女入学' },
          { code: 'jy_zsrx_03', name: '转学' },
        ],
      },
      {
        code: 'jy_xwpx',
        name: '校外培训',
        defaultUnitCode: 'jyj',
        samples: ['小区里有一家培训机构没有办学许可，还在周末给学生上课。', '培训机构关门了，剩下的课时费不退。', '有在职老师在校外开补习班，要求学生参加。'],
        children: [
          { code: 'jy_xwpx_01', name: '无证办学' },
          { code: 'jy_xwpx_02', name: '培训退费' },
          { code: 'jy_xwpx_03', name: '有偿补课' },
        ],
      },
      {
        code: 'jy_xxgl',
        name: '学校管理',
        defaultUnitCode: 'jyj',
        samples: [
          '学校要求学生统一在指定地点购买教辅资料，是否合规？',
          '孩子学校门口没有护学岗，放学时人车混杂很危险。',
          '学校食堂饭菜质量差，孩子经常吃不饱。',
        ],
        children: [
          { code: 'jy_xxgl_01', name: '学校收费' },
          { code: 'jy_xxgl_02', name: '校园安全' },
          { code: 'jy_xxgl_03', name: '学校食堂' },
        ],
      },
    ],
  },
  {
    code: 'ldbz',
    name: '劳动保障',
    children: [
      {
        code: 'ldbz_tqgz',
        name: '拖欠工资',
        defaultUnitCode: 'rsj',
        samples: ['我在赣榆区一处工地干活，包工头拖欠三个月工资不给。', '公司已经两个月没发工资了，老板说资金困难。', '我离职后公司不结算最后一个月的工资。'],
        children: [
          { code: 'ldbz_tqgz_01', name: '农民工欠薪' },
          { code: 'ldbz_tqgz_02', name: '企业欠薪' },
          { code: 'ldbz_tqgz_03', name: '离职工资结算' },
        ],
      },
      {
        code: 'ldbz_ldht',
        name: '劳动合同',
        defaultUnitCode: 'rsj',
        samples: ['我在一家企业工作一年了，公司一直不和我签劳动合同。', '公司无故把我辞退，也不给经济补偿。', '单位要求每天加班却不支付加班费。'],
        children: [
          { code: 'ldbz_ldht_01', name: '未签劳动合同' },
          { code: 'ldbz_ldht_02', name: '违法解除合同' },
          { code: 'ldbz_ldht_03', name: '加班费' },
        ],
      },
      {
        code: 'ldbz_jycy',
        name: '就业创业',
        defaultUnitCode: 'rsj',
        samples: ['请问大学毕业生回连云港就业有什么补贴政策？', '想申请创业担保贷款，需要什么条件？', '失业人员参加职业技能培训有没有补贴？'],
        children: [
          { code: 'ldbz_jycy_01', name: '就业政策' },
          { code: 'ldbz_jycy_02', name: '创业扶持' },
          { code: 'ldbz_jycy_03', name: '技能培训' },
        ],
      },
      {
        code: 'ldbz_gsrd',
        name: '工伤认定',
        defaultUnitCode: 'rsj',
        samples: ['我在上班途中出了车祸，请问能否认定工伤？', '工伤认定申请提交两个月了还没有结果。', '单位不配合办理工伤认定手续，我该怎么办？'],
        children: [
          { code: 'ldbz_gsrd_01', name: '工伤认定' },
          { code: 'ldbz_gsrd_02', name: '劳动能力鉴定' },
        ],
      },
    ],
  },
  {
    code: 'shbz',
    name: '社会保障',
    children: [
      {
        code: 'shbz_yanglao',
        name: '养老保险',
        defaultUnitCode: 'rsj',
        samples: ['我下个月就到退休年龄了，请问退休手续怎么办理？', '请问灵活就业人员养老保险怎么缴纳？', '这个月的养老金还没有到账，请帮忙查询。'],
        children: [
          { code: 'shbz_yanglao_01', name: '退休办理' },
          { code: 'shbz_yanglao_02', name: '养老保险缴费' },
          { code: 'shbz_yanglao_03', name: '养老金发放' },
        ],
      },
      {
        code: 'shbz_yiliao',
        name: '医疗保险',
        defaultUnitCode: 'ybj',
        samples: ['在外地住院的费用回连云港报销，需要哪些材料？', '请问城乡居民医保今年什么时候开始缴费？', '门诊慢性病的医保待遇怎么申请？'],
        children: [
          { code: 'shbz_yiliao_01', name: '医保报销' },
          { code: 'shbz_yiliao_02', name: '异地就医' },
          { code: 'shbz_yiliao_03', name: '居民医保缴费' },
        ],
      },
      {
        code: 'shbz_sbk',
        name: '社保卡',
        defaultUnitCode: 'rsj',
        samples: ['社保卡丢了，请问在哪里补办？', '新领的社保卡怎么激活金融功能？', '社保卡办理了一个多月还没有拿到。'],
        children: [
          { code: 'shbz_sbk_01', name: '社保卡办理' },
          { code: 'shbz_sbk_02', name: '社保卡激活' },
        ],
      },
      {
        code: 'shbz_shiye',
        name: '失业保险',
        defaultUnitCode: 'rsj',
        samples: ['我被公司裁员了，请问怎么申领失业金？', '请问企业稳岗返还什么时候发放？', '失业金申请已经提交，为什么一直没有到账？'],
        children: [
          { code: 'shbz_shiye_01', name: '失业金申领' },
          { code: 'shbz_shiye_02', name: '稳岗返还' },
        ],
      },
    ],
  },
  {
    code: 'mzfw',
    name: '民政服务',
    children: [
      {
        code: 'mzfw_dbjz',
        name: '低保救助',
        defaultUnitCode: 'mzj',
        samples: ['家里老人生病没有收入，请问怎么申请低保？', '我家因火灾损失严重，生活困难，能否申请临时救助？', '低保金这个月没有按时发放，请帮忙查一下。'],
        children: [
          { code: 'mzfw_dbjz_01', name: '低保申请' },
          { code: 'mzfw_dbjz_02', name: '临时救助' },
          { code: 'mzfw_dbjz_03', name: '特困供养' },
        ],
      },
      {
        code: 'mzfw_ylfwu',
        name: '养老服务',
        defaultUnitCode: 'mzj',
        samples: ['请问八十岁以上老人的高龄津贴怎么申请？', '一家养老院的护理人员对老人态度很差。', '我们社区能不能开设老年助餐点？'],
        children: [
          { code: 'mzfw_ylfwu_01', name: '高龄津贴' },
          { code: 'mzfw_ylfwu_02', name: '养老机构' },
          { code: 'mzfw_ylfwu_03', name: '居家养老' },
        ],
      },
      {
        code: 'mzfw_hydj',
        name: '婚姻登记',
        defaultUnitCode: 'mzj',
        samples: ['请问结婚登记需要提前预约吗？需要带什么材料？', '户口不在连云港，能在这里办理结婚登记吗？', '离婚冷静期是怎么规定的？'],
        children: [
          { code: 'mzfw_hydj_01', name: '结婚登记' },
          { code: 'mzfw_hydj_02', name: '离婚登记' },
        ],
      },
      {
        code: 'mzfw_bzgl',
        name: '殡葬管理',
        defaultUnitCode: 'mzj',
        samples: ['公墓墓位价格太高，还要收取高额管理费。', '有人在承包地里乱埋乱葬，请管理。', '请问惠民殡葬政策有哪些减免项目？'],
        children: [
          { code: 'mzfw_bzgl_01', name: '公墓收费' },
          { code: 'mzfw_bzgl_02', name: '乱埋乱葬' },
          { code: 'mzfw_bzgl_03', name: '惠民殡葬' },
        ],
      },
      {
        code: 'mzfw_tyjr',
        name: '退役军人服务',
        defaultUnitCode: 'tyjrj',
        samples: ['我是退役士兵，请问安置就业有什么政策？', '请问优抚对象的抚恤金什么时候发放？', '退役军人优待证在哪里办理？'],
        children: [
          { code: 'mzfw_tyjr_01', name: '安置就业' },
          { code: 'mzfw_tyjr_02', name: '优抚待遇' },
          { code: 'mzfw_tyjr_03', name: '优待证办理' },
        ],
      },
      {
        code: 'mzfw_cjr',
        name: '残疾人服务',
        defaultUnitCode: 'canlian',
        samples: ['请问残疾证怎么办理？需要去哪里鉴定？', '重度残疾人护理补贴这个月没有发放。', '我们小区的无障碍通道被占用，轮椅无法通行。'],
        children: [
          { code: 'mzfw_cjr_01', name: '残疾证办理' },
          { code: 'mzfw_cjr_02', name: '残疾人补贴' },
          { code: 'mzfw_cjr_03', name: '无障碍设施' },
        ],
      },
    ],
  },
  {
    code: 'ggjt',
    name: '公共交通',
    children: [
      {
        code: 'ggjt_gjyy',
        name: '公交运营',
        defaultUnitCode: 'gjjt',
        samples: ['公交车在站台不停靠，等了半个多小时都没坐上车。', '一辆公交车司机开车时接打电话，态度也很差。', '建议增加一条从徐圩新区到市区的公交线路。'],
        children: [
          { code: 'ggjt_gjyy_01', name: '公交晚点甩站' },
          { code: 'ggjt_gjyy_02', name: '司乘服务' },
          { code: 'ggjt_gjyy_03', name: '线路设置' },
        ],
      },
      {
        code: 'ggjt_czc',
        name: '出租车网约车',
        defaultUnitCode: 'jtysj',
        samples: ['打出租车从火车站到新浦，司机不打表，要价五十元。', '出租车司机拒载，说路程太近不去。', '网约车司机中途要求加价，否则不走。'],
        children: [
          { code: 'ggjt_czc_01', name: '拒载绕路' },
          { code: 'ggjt_czc_02', name: '不打表议价' },
          { code: 'ggjt_czc_03', name: '网约车违规' },
        ],
      },
      {
        code: 'ggjt_ctky',
        name: '长途客运',
        defaultUnitCode: 'jtysj',
        samples: ['请问连云港汽车客运站到南京的班次有哪些？', '长途客车中途随意上下客，超载严重。', '汽车站售票窗口太少，排队时间很长。'],
        children: [
          { code: 'ggjt_ctky_01', name: '客运班次' },
          { code: 'ggjt_ctky_02', name: '客运安全' },
          { code: 'ggjt_ctky_03', name: '站务服务' },
        ],
      },
    ],
  },
  {
    code: 'nync',
    name: '农业农村',
    children: [
      {
        code: 'nync_nysc',
        name: '农业生产',
        defaultUnitCode: 'nyncj',
        samples: ['买的种子出苗率很低，怀疑是假种子。', '请问今年的耕地地力保护补贴什么时候发放？', '灌云县一个村有人焚烧秸秆，浓烟很大。'],
        children: [
          { code: 'nync_nysc_01', name: '农资质量' },
          { code: 'nync_nysc_02', name: '农业补贴' },
          { code: 'nync_nysc_03', name: '秸秆禁烧' },
        ],
      },
      {
        code: 'nync_tdcb',
        name: '土地承包流转',
        defaultUnitCode: 'nyncj',
        samples: ['村里把我家承包地流转出去，没有经过我们同意。', '土地流转费已经两年没有兑现了。', '承包地确权面积和实际面积不一致，怎么更正？'],
        children: [
          { code: 'nync_tdcb_01', name: '承包纠纷' },
          { code: 'nync_tdcb_02', name: '流转费用' },
          { code: 'nync_tdcb_03', name: '确权登记' },
        ],
      },
      {
        code: 'nync_dwfy',
        name: '动物防疫',
        defaultUnitCode: 'nyncj',
        samples: ['河边有人丢弃病死猪，请尽快处理。', '市场上卖的猪肉没有检疫章。', '请问给家里的狗打狂犬疫苗去哪里？'],
        children: [
          { code: 'nync_dwfy_01', name: '病死动物处置' },
          { code: 'nync_dwfy_02', name: '动物检疫' },
          { code: 'nync_dwfy_03', name: '犬只免疫' },
        ],
      },
      {
        code: 'nync_slhd',
        name: '水利与河道',
        defaultUnitCode: 'slj',
        samples: ['村里的灌溉渠道淤塞，庄稼浇不上水。', '东海县一条河道堤坝有塌陷，汛期前需要加固。', '河面上漂浮大量水草和垃圾，没有人打捞。'],
        children: [
          { code: 'nync_slhd_01', name: '农田灌溉' },
          { code: 'nync_slhd_02', name: '堤防安全' },
          { code: 'nync_slhd_03', name: '河道保洁' },
        ],
      },
      {
        code: 'nync_rjhj',
        name: '农村人居环境',
        defaultUnitCode: 'nyncj',
        samples: ['村里垃圾收集点很久没有清运了，垃圾堆积如山。', '改厕后的化粪池满了没人抽，请帮忙解决。', '村道两边乱堆柴草杂物，影响村容村貌。'],
        children: [
          { code: 'nync_rjhj_01', name: '村庄环境整治' },
          { code: 'nync_rjhj_02', name: '农村改厕' },
        ],
      },
    ],
  },
  {
    code: 'scjg',
    name: '市场监管',
    children: [
      {
        code: 'scjg_spaq',
        name: '食品安全',
        defaultUnitCode: 'scjgj',
        samples: ['在超市买的酸奶已经过期，还在货架上销售。', '学校附近的小吃店卫生条件很差，后厨脏乱。', '路边有人售卖来源不明的熟食，没有任何证照。'],
        children: [
          { code: 'scjg_spaq_01', name: '过期变质食品' },
          { code: 'scjg_spaq_02', name: '餐饮卫生' },
          { code: 'scjg_spaq_03', name: '无证食品经营' },
        ],
      },
      {
        code: 'scjg_ypaq',
        name: '药品安全',
        defaultUnitCode: 'scjgj',
        samples: ['一家药店卖处方药不需要处方。', '买的血压计测量结果误差很大，怀疑是假冒产品。', '药店销售的药品已经过了有效期。'],
        children: [
          { code: 'scjg_ypaq_01', name: '药品质量' },
          { code: 'scjg_ypaq_02', name: '医疗器械' },
          { code: 'scjg_ypaq_03', name: '药店违规' },
        ],
      },
      {
        code: 'scjg_jyzx',
        name: '经营秩序',
        defaultUnitCode: 'scjgj',
        samples: ['小区门口新开的店铺没有营业执照。', '一家店的宣传单上写着“全市最低价”，涉嫌虚假广告。', '商家缺斤少两，秤有问题。'],
        children: [
          { code: 'scjg_jyzx_01', name: '无照经营' },
          { code: 'scjg_jyzx_02', name: '虚假广告' },
          { code: 'scjg_jyzx_03', name: '计量作弊' },
        ],
      },
      {
        code: 'scjg_tzsb',
        name: '特种设备',
        defaultUnitCode: 'scjgj',
        samples: ['商场的自动扶梯运行时有异响，担心安全问题。', '游乐场的设施看起来很旧，不知道有没有检验合格。', '一家饭店使用的液化气钢瓶没有检验标签。'],
        children: [
          { code: 'scjg_tzsb_01', name: '电梯扶梯安全' },
          { code: 'scjg_tzsb_02', name: '游乐设施安全' },
          { code: 'scjg_tzsb_03', name: '气瓶安全' },
        ],
      },
      {
        code: 'scjg_qydj',
        name: '企业登记',
        defaultUnitCode: 'scjgj',
        samples: ['请问个体工商户营业执照怎么办理？', '公司注销需要哪些流程？', '营业执照地址变更在网上能办理吗？'],
        children: [
          { code: 'scjg_qydj_01', name: '设立登记' },
          { code: 'scjg_qydj_02', name: '变更注销' },
        ],
      },
    ],
  },
  {
    code: 'zwfw',
    name: '政务服务',
    children: [
      {
        code: 'zwfw_bsxl',
        name: '办事效率',
        defaultUnitCode: 'zwb',
        samples: ['在市民中心办事，同一份材料要求反复提交。', '窗口工作人员态度冷淡，解释不清楚就让我回去。', '办事要跑好几个部门，希望能一次办好。'],
        children: [
          { code: 'zwfw_bsxl_01', name: '办事难办事慢' },
          { code: 'zwfw_bsxl_02', name: '窗口服务态度' },
          { code: 'zwfw_bsxl_03', name: '材料繁琐' },
        ],
      },
      {
        code: 'zwfw_zczx',
        name: '政策咨询',
        defaultUnitCode: 'zwb',
        samples: ['请问连云港对引进的高层次人才有什么购房补贴？', '小微企业今年有哪些减税降费政策？', '请问外地人在连云港落户需要什么条件？'],
        children: [
          { code: 'zwfw_zczx_01', name: '惠企政策' },
          { code: 'zwfw_zczx_02', name: '人才政策' },
          { code: 'zwfw_zczx_03', name: '落户政策' },
        ],
      },
      {
        code: 'zwfw_sfzj',
        name: '税费征缴',
        defaultUnitCode: 'shuiwuj',
        samples: ['个人所得税年度汇算怎么申报？', '商家消费后拒绝开具发票。', '灵活就业人员的社保费在哪里缴纳？'],
        children: [
          { code: 'zwfw_sfzj_01', name: '个税申报' },
          { code: 'zwfw_sfzj_02', name: '发票问题' },
          { code: 'zwfw_sfzj_03', name: '社保费征缴' },
        ],
      },
      {
        code: 'zwfw_flfw',
        name: '法律服务',
        defaultUnitCode: 'sfj',
        samples: ['我是农民工，被拖欠工资想打官司，能否申请法律援助？', '请问办理继承公证需要哪些材料？', '邻居之间因为排水问题发生纠纷，希望社区帮忙调解。'],
        children: [
          { code: 'zwfw_flfw_01', name: '法律援助' },
          { code: 'zwfw_flfw_02', name: '公证服务' },
          { code: 'zwfw_flfw_03', name: '人民调解' },
        ],
      },
    ],
  },
  {
    code: 'yqfk',
    name: '疫情防控',
    children: [
      {
        code: 'yqfk_fkzc',
        name: '防控政策',
        defaultUnitCode: 'wjw',
        samples: ['请问从外省返回连云港需要做哪些报备？', '我们小区有从中高风险地区回来的人没有报备，请核实。', '请问入境人员的隔离政策是怎样的？'],
        children: [
          { code: 'yqfk_fkzc_01', name: '出行政策' },
          { code: 'yqfk_fkzc_02', name: '返乡报备' },
          { code: 'yqfk_fkzc_03', name: '隔离政策' },
        ],
      },
      {
        code: 'yqfk_hsjc',
        name: '核酸检测',
        defaultUnitCode: 'wjw',
        samples: ['请问海州区哪里可以做核酸检测？', '核酸检测结果多久能出来，在哪里查询？', '检测点排队人很多，秩序混乱，没有人维持。'],
        children: [
          { code: 'yqfk_hsjc_01', name: '检测点咨询' },
          { code: 'yqfk_hsjc_02', name: '检测结果查询' },
          { code: 'yqfk_hsjc_03', name: '检测点秩序' },
        ],
      },
      {
        code: 'yqfk_ymjz',
        name: '疫苗接种',
        defaultUnitCode: 'wjw',
        samples: ['请问新冠疫苗在哪里可以预约接种？', '有基础病的人能不能接种疫苗？', '接种点排队时间太长，建议增加接种台。'],
        children: [
          { code: 'yqfk_ymjz_01', name: '接种预约' },
          { code: 'yqfk_ymjz_02', name: '接种咨询' },
        ],
      },
      {
        code: 'yqfk_fgfc',
        name: '复工复产',
        defaultUnitCode: 'gxj',
        samples: ['请问企业复工需要办理哪些手续？', '我们企业复工缺少防疫物资，能否协调？', '外地员工返岗有什么要求？'],
        children: [
          { code: 'yqfk_fgfc_01', name: '复工手续' },
          { code: 'yqfk_fgfc_02', name: '防疫物资保障' },
          { code: 'yqfk_fgfc_03', name: '员工返岗' },
        ],
      },
      {
        code: 'yqfk_fywj',
        name: '防疫物价',
        defaultUnitCode: 'scjgj',
        samples: ['一家药店口罩卖到三十元一个，涉嫌哄抬价格。', '超市蔬菜价格突然翻倍，请相关部门检查。', '网上购买的口罩是假冒产品，没有合格证。'],
        children: [
          { code: 'yqfk_fywj_01', name: '哄抬物价' },
          { code: 'yqfk_fywj_02', name: '防疫用品质量' },
        ],
      },
    ],
  },
  {
    code: 'whly',
    name: '文化旅游',
    children: [
      {
        code: 'whly_lyts',
        name: '旅游投诉',
        defaultUnitCode: 'wglj',
        samples: ['在花果山景区被导游带去购物店强制消费。', '连岛景区停车场收费过高，也没有明码标价。', '报名的旅行团行程被随意更改，旅行社拒绝赔偿。'],
        children: [
          { code: 'whly_lyts_01', name: '景区服务' },
          { code: 'whly_lyts_02', name: '旅行社纠纷' },
          { code: 'whly_lyts_03', name: '导游违规' },
        ],
      },
      {
        code: 'whly_whcs',
        name: '文化娱乐场所',
        defaultUnitCode: 'wglj',
        samples: ['小区附近的网吧接纳未成年人上网。', 'KTV营业到凌晨，门口聚集人员喧哗。', '有商店私自出售盗版光碟和图书。'],
        children: [
          { code: 'whly_whcs_01', name: '网吧违规' },
          { code: 'whly_whcs_02', name: '歌舞娱乐场所' },
          { code: 'whly_whcs_03', name: '出版物市场' },
        ],
      },
      {
        code: 'whly_wwbh',
        name: '文物保护',
        defaultUnitCode: 'wglj',
        samples: ['海州古城一处老建筑墙体破损，担心文物受损。', '有人在孔望山附近私挖乱掘。', '历史建筑旁边在施工，是否经过文物部门审批？'],
        children: [
          { code: 'whly_wwbh_01', name: '文物破坏' },
          { code: 'whly_wwbh_02', name: '古建筑修缮' },
        ],
      },
      {
        code: 'whly_tyjs',
        name: '体育健身',
        defaultUnitCode: 'tyj',
        samples: ['小区健身器材损坏很久了，没有人维修。', '健身房关门跑路，会员卡余额无法退还。', '请问市体育中心的场馆对市民开放吗？'],
        children: [
          { code: 'whly_tyjs_01', name: '健身器材' },
          { code: 'whly_tyjs_02', name: '场馆开放' },
          { code: 'whly_tyjs_03', name: '健身消费' },
        ],
      },
    ],
  },
  {
    code: 'aqsc',
    name: '安全生产',
    children: [
      {
        code: 'aqsc_aqyh',
        name: '安全隐患',
        defaultUnitCode: 'yjglj',
        samples: ['一家化工企业的储罐附近有刺鼻气味，担心发生泄漏。', '有小作坊在居民楼里违规存放大量油漆。', '路边有人非法销售烟花爆竹。'],
        children: [
          { code: 'aqsc_aqyh_01', name: '企业安全隐患' },
          { code: 'aqsc_aqyh_02', name: '危险化学品' },
          { code: 'aqsc_aqyh_03', name: '烟花爆竹' },
        ],
      },
      {
        code: 'aqsc_xfaq',
        name: '消防安全',
        defaultUnitCode: 'xfzd',
        samples: ['小区消防栓里没有水，灭火器也过期了。', '商场安全出口被货物堵住，存在消防隐患。', '群租房里私拉电线，一旦着火后果严重。'],
        children: [
          { code: 'aqsc_xfaq_01', name: '消防设施损坏' },
          { code: 'aqsc_xfaq_02', name: '安全出口堵塞' },
          { code: 'aqsc_xfaq_03', name: '电气火灾隐患' },
        ],
      },
      {
        code: 'aqsc_zrzh',
        name: '自然灾害',
        defaultUnitCode: 'yjglj',
        samples: ['台风过后我们村的房屋受损，请问怎么申请救助？', '山边有石头松动，下雨后可能滚落，请排查。', '请问连云港的应急避难场所在哪里？'],
        children: [
          { code: 'aqsc_zrzh_01', name: '灾后救助' },
          { code: 'aqsc_zrzh_02', name: '地质灾害隐患' },
          { code: 'aqsc_zrzh_03', name: '应急避难' },
        ],
      },
    ],
  },
  {
    code: 'txfw',
    name: '通信服务',
    children: [
      {
        code: 'txfw_ydtx',
        name: '移动通信',
        defaultUnitCode: 'ydgs',
        samples: ['我家住在赣榆区海头镇，手机信号很差，经常打不通电话。', '手机套餐被莫名其妙更改，多扣了话费。', '营业厅办理携号转网时被设置障碍。'],
        children: [
          { code: 'txfw_ydtx_01', name: '信号覆盖' },
          { code: 'txfw_ydtx_02', name: '资费争议' },
          { code: 'txfw_ydtx_03', name: '业务办理' },
        ],
      },
      {
        code: 'txfw_kdwl',
        name: '宽带网络',
        defaultUnitCode: 'dxgs',
        samples: ['家里宽带断网三天了，报修一直没人来。', '新小区交房后宽带迟迟无法安装。', '宽带合约到期后不续费，运营商不给拆机。'],
        children: [
          { code: 'txfw_kdwl_01', name: '宽带故障' },
          { code: 'txfw_kdwl_02', name: '安装不及时' },
          { code: 'txfw_kdwl_03', name: '拆机退费' },
        ],
      },
      {
        code: 'txfw_yxds',
        name: '有线电视',
        defaultUnitCode: 'yxds',
        samples: ['有线电视信号经常中断，画面卡顿。', '有线电视没看也一直在扣费。', '请问有线电视欠费停机后怎么恢复？'],
        children: [
          { code: 'txfw_yxds_01', name: '信号中断' },
          { code: 'txfw_yxds_02', name: '有线收费' },
        ],
      },
    ],
  },
  {
    code: 'qt',
    name: '其他',
    children: [
      {
        code: 'qt_bygx',
        name: '表扬感谢',
        defaultUnitCode: 'zwb',
        samples: [
          '感谢朐阳街道社区工作人员帮助我家老人办好了低保手续，特此表扬。',
          '表扬供电公司抢修人员冒雨连夜恢复供电。',
          '感谢12345热线帮忙协调解决了小区停水问题。',
        ],
        children: [
          { code: 'qt_bygx_01', name: '表扬单位' },
          { code: 'qt_bygx_02', name: '表扬个人' },
        ],
      },
      {
        code: 'qt_yjjy',
        name: '意见建议',
        defaultUnitCode: 'zwb',
        samples: ['建议在新浦公园附近增设公共停车场。', '建议延长市图书馆周末的开放时间。', '建议在主要路口增设过街天桥。'],
        children: [
          { code: 'qt_yjjy_01', name: '城市建设建议' },
          { code: 'qt_yjjy_02', name: '公共服务建议' },
        ],
      },
      {
        code: 'qt_fbs',
        name: '非本市事项',
        defaultUnitCode: 'zwb',
        samples: ['我在外地买的商品有质量问题，能否帮忙投诉？', '想咨询一下山东日照的社保政策。', '请问国家铁路的退票规定是什么？'],
        children: [
          { code: 'qt_fbs_01', name: '外地事项' },
          { code: 'qt_fbs_02', name: '上级部门事项' },
        ],
      },
    ],
  },
];

/** Special topics (专题) an order can be tagged with, besides its category. */
export const TOPICS: TopicSeed[] = [
  { code: 'epidemic', name: '疫情防控' },
  { code: 'civilization', name: '文明创建' },
  { code: 'bizenv', name: '优化营商环境' },
  { code: 'worksafety', name: '安全生产' },
  { code: 'flood', name: '防汛抗旱' },
  { code: 'antigang', name: '扫黑除恶' },
  { code: 'wagearrears', name: '根治欠薪' },
  { code: 'rural', name: '乡村振兴' },
  // handed down from above through the provincial platform: the annual report counts them (国务院大督查整改工单 5件，省督办单 3件)
  { code: 'sc_inspection', name: '国务院大督查' },
  { code: 'province_supervision', name: '省督办' },
];

/** Intake platforms: the city platform (市级平台) and one sub-platform per region government. */
export const PLATFORMS: PlatformSeed[] = [
  { code: 'city', name: '市级平台', regionCode: null },
  { code: 'haizhou', name: '海州区12345分平台', regionCode: 'haizhou' },
  { code: 'lianyun', name: '连云区12345分平台', regionCode: 'lianyun' },
  { code: 'ganyu', name: '赣榆区12345分平台', regionCode: 'ganyu' },
  { code: 'donghai', name: '东海县12345分平台', regionCode: 'donghai' },
  { code: 'guanyun', name: '灌云县12345分平台', regionCode: 'guanyun' },
  { code: 'guannan', name: '灌南县12345分平台', regionCode: 'guannan' },
  { code: 'kaifaqu', name: '开发区12345分平台', regionCode: 'kaifaqu' },
  { code: 'xuwei', name: '徐圩新区12345分平台', regionCode: 'xuwei' },
  {
    code: 'yuntaishan',
    name: '云台山景区12345分平台',
    regionCode: 'yuntaishan',
  },
];
