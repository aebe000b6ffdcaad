/**
 * Calibration of the demo data to the seed report (连云港市12345 2020 年运行情况综合分析报告). Every number
 * the report prints is here, marked `seed`; the prior years are the counts its YoY and percentage-point
 * changes imply (solved exactly: see priorCount); everything the report does not state is a plausible
 * choice, marked as such, made so the report's own selections (its seven hot categories, their ordering, the
 * top three of table 1) come out of the data by the report's rules.
 *
 * All counts are at scale 1 and for the city platform (市级平台) unless the name says otherwise.
 */

/** The previous-period count that makes `current` print exactly `yoyPercent` (two decimals, half away from zero). */
export function priorCount(current: number, yoyPercent: number): number {
  const guess = Math.round(current / (1 + yoyPercent / 100));
  for (let d = 0; d < 1000; d++) {
    for (const c of [guess - d, guess + d]) {
      if (c > 0 && printsAs((current - c) / c, yoyPercent)) return c;
    }
  }
  throw new Error(`no prior count gives ${yoyPercent}% from ${current}`);
}

function printsAs(fraction: number, percent: number): boolean {
  const r = Math.round(Math.abs(fraction) * 10000 * (1 + 8 * Number.EPSILON)) / 100;
  return (fraction < 0 ? -r : r) === percent;
}

/** The type mix of one level-1 category's public appeals. */
export interface TypeMix {
  consult: number;
  help: number;
  complaint: number;
  report: number;
  suggestion: number;
  other: number;
}

export const TYPE_KEYS = ['consult', 'help', 'complaint', 'report', 'suggestion', 'other'] as const;

export const sumMix = (m: TypeMix) => TYPE_KEYS.reduce((s, k) => s + m[k], 0);

/**
 * 2020 public appeals (not 疫情-tagged, not praise) of the seven hot categories and the seven the report lists
 * after them, as counts by type. Section 三 picks categories by complaints + reports (投诉、举报: where the
 * 矛盾 are), so these counts decide the selection: the hot seven each have more complaints + reports than
 * any other category, and the next seven come in the report's order.
 */
export const CATEGORY_MIX_2020: Record<string, TypeMix> = {
  // seed: 市容环境 20408, 水电气暖 17131, 住房管理 14359, 物业管理 13525, 违法建设 11089, 环境污染 6795, 噪声扰民 6634
  srhj: { consult: 400, help: 2500, complaint: 16300, report: 600, suggestion: 500, other: 108 },
  sdqn: { consult: 900, help: 7200, complaint: 8531, report: 100, suggestion: 300, other: 100 },
  zfgl: { consult: 1500, help: 1000, complaint: 11000, report: 400, suggestion: 400, other: 59 },
  wygl: { consult: 500, help: 1200, complaint: 11300, report: 200, suggestion: 300, other: 25 },
  wfjs: { consult: 300, help: 100, complaint: 4000, report: 6500, suggestion: 150, other: 39 },
  hjwr: { consult: 150, help: 200, complaint: 5300, report: 1000, suggestion: 120, other: 25 },
  zsrm: { consult: 80, help: 150, complaint: 6150, report: 100, suggestion: 130, other: 24 },
  // chosen: 车辆管理, 道路交通, 房地产监管, 城乡规划建设, 治安管理, 国土资源, 消费维权 — complaints + reports 6000 … 3600
  clgl: { consult: 5500, help: 1800, complaint: 5600, report: 400, suggestion: 500, other: 200 },
  dljt: { consult: 2500, help: 2900, complaint: 5200, report: 400, suggestion: 800, other: 200 },
  fdcjg: { consult: 4000, help: 1300, complaint: 5000, report: 200, suggestion: 300, other: 200 },
  cxghjs: { consult: 4500, help: 800, complaint: 4500, report: 300, suggestion: 300, other: 100 },
  zagl: { consult: 9000, help: 2200, complaint: 2600, report: 1800, suggestion: 200, other: 200 },
  gtzy: { consult: 3500, help: 300, complaint: 2400, report: 1600, suggestion: 150, other: 50 },
  xfwq: { consult: 3500, help: 1500, complaint: 3500, report: 100, suggestion: 200, other: 200 },
};

/**
 * The other level-1 categories (chosen): 2020 totals, and how consultation-heavy each is. Their type counts are
 * fitted to the column totals below, keeping complaints + reports of each under the seventh listed one's.
 */
export const OTHER_CATEGORIES_2020: Record<string, { total: number; weights: TypeMix }> = {
  zwfw: { total: 60000, weights: { consult: 8, help: 2, complaint: 0.3, report: 0.05, suggestion: 0.4, other: 0.2 } },
  shbz: { total: 50000, weights: { consult: 8, help: 2.5, complaint: 0.4, report: 0.05, suggestion: 0.2, other: 0.2 } },
  ldbz: { total: 35000, weights: { consult: 5, help: 4, complaint: 0.6, report: 0.1, suggestion: 0.2, other: 0.2 } },
  ylws: { total: 30000, weights: { consult: 5, help: 3.5, complaint: 0.6, report: 0.1, suggestion: 0.3, other: 0.2 } },
  jy: { total: 28000, weights: { consult: 6, help: 2, complaint: 0.6, report: 0.1, suggestion: 0.4, other: 0.2 } },
  mzfw: { total: 25000, weights: { consult: 5, help: 4, complaint: 0.5, report: 0.05, suggestion: 0.2, other: 0.2 } },
  ggjt: { total: 22000, weights: { consult: 4, help: 3, complaint: 0.8, report: 0.05, suggestion: 0.8, other: 0.2 } },
  txfw: { total: 20000, weights: { consult: 3, help: 5, complaint: 0.9, report: 0.05, suggestion: 0.2, other: 0.2 } },
  scjg: { total: 18000, weights: { consult: 4, help: 3, complaint: 1, report: 0.3, suggestion: 0.2, other: 0.2 } },
  nync: { total: 15000, weights: { consult: 4, help: 3.5, complaint: 0.8, report: 0.2, suggestion: 0.4, other: 0.2 } },
  whly: { total: 12000, weights: { consult: 4, help: 2, complaint: 1, report: 0.1, suggestion: 0.4, other: 0.2 } },
  aqsc: { total: 10000, weights: { consult: 2, help: 3, complaint: 0.8, report: 0.4, suggestion: 0.3, other: 0.2 } },
  qt: { total: 8076, weights: { consult: 3, help: 2, complaint: 0.5, report: 0.05, suggestion: 3, other: 2 } },
};

/** Column totals of the other categories' 2020 fit: consultations make the public total 271931 (seed, via 47.12%). */
export const OTHER_TYPE_TOTALS_2020: TypeMix = { consult: 186614, help: 98000, complaint: 28600, report: 3900, suggestion: 11000, other: 4962 };

/**
 * Sub-categories of the hot categories (level 2), 2020. `seed` where the report gives them; the rest chosen so
 * the report's lists come out: a sub-category is named when it holds at least 8% of its category.
 */
export const L2_2020: Record<string, Record<string, number>> = {
  // 垃圾清理、占道经营、下水道堵塞漫溢、道路积水积雪结冰、车辆违停 named, in that order
  srhj: { srhj_ljql: 5306, srhj_zdjy: 4082, srhj_xsd: 3061, srhj_dljs: 2653, srhj_clwt: 2041, srhj_hwgg: 1428, srhj_yllh: 1021, srhj_gcgl: 816 },
  // seed: 供水 11399, 供电 3061, 供气 2492, 供暖 179
  sdqn: { sdqn_gs: 11399, sdqn_gd: 3061, sdqn_gq: 2492, sdqn_gn: 179 },
  // 房屋质量、拆迁补偿、拆迁规划 named
  zfgl: { zfgl_fwzl: 6031, zfgl_cqbc: 4308, zfgl_cqgh: 3015, zfgl_zfgjj: 1005 },
  // 乱收费、车辆无序停放、强制购买车位、电梯故障 named
  wygl: { wygl_lsf: 4058, wygl_clwxtf: 3381, wygl_qzgmcw: 2705, wygl_dtgz: 2435, wygl_wyfw: 946 },
  // seed: 已建成违建 7801, 新增、在建违建 3288
  wfjs: { wfjs_yjcwj: 7801, wfjs_xzzjwj: 3288 },
  // seed: 民用生活噪声 2160 (32.56%), 建筑施工噪声 2064 (31.11%)
  zsrm: { zsrm_mysh: 2160, zsrm_jzsg: 2064, zsrm_jtzs: 1000, zsrm_syzs: 800, zsrm_gyzs: 610 },
};

/**
 * Table 1 of the seed — 环境污染 by region — expanded to region × sub-category. Seed: region totals (海州区
 * 2670 … 云台山景区 42, 市直 the remaining 716), 油烟污染 1830, 工业废气 1150, 工业废水 311, and each region's
 * top three. The report also calls 油烟、废气、废水 the most reported (反映较多的类别), so the other three
 * sub-categories stay under 311; what the six cannot hold is classified only as 环境污染 (`hjwr`).
 */
export const POLLUTION_BY_REGION_2020: Record<string, Record<string, number>> = {
  haizhou: { hjwr_yywr: 1100, hjwr_gyfq: 400, hjwr_fcwr: 70, hjwr_gyfs: 65, hjwr_shws: 60, hjwr_yzwr: 30, hjwr: 945 },
  ganyu: { hjwr_gyfq: 200, hjwr_fcwr: 80, hjwr_yywr: 60, hjwr_yzwr: 30, hjwr_shws: 25, hjwr_gyfs: 20, hjwr: 389 },
  donghai: { hjwr_yywr: 150, hjwr_fcwr: 40, hjwr_yzwr: 30, hjwr_shws: 20, hjwr_gyfq: 10, hjwr_gyfs: 10, hjwr: 364 },
  guannan: { hjwr_gyfq: 150, hjwr_yywr: 100, hjwr_fcwr: 30, hjwr_shws: 20, hjwr_gyfs: 10, hjwr_yzwr: 10, hjwr: 304 },
  lianyun: { hjwr_yywr: 150, hjwr_gyfq: 60, hjwr_gyfs: 35, hjwr_shws: 10, hjwr_fcwr: 5, hjwr_yzwr: 5, hjwr: 197 },
  kaifaqu: { hjwr_gyfq: 120, hjwr_yywr: 80, hjwr_gyfs: 30, hjwr_shws: 10, hjwr_yzwr: 5, hjwr_fcwr: 3, hjwr: 207 },
  guanyun: { hjwr_yzwr: 45, hjwr_gyfq: 30, hjwr_gyfs: 20, hjwr_yywr: 10, hjwr_shws: 5, hjwr_fcwr: 0, hjwr: 184 },
  xuwei: { hjwr_gyfq: 20, hjwr_yzwr: 10, hjwr_fcwr: 5, hjwr_yywr: 2, hjwr_gyfs: 1, hjwr_shws: 1, hjwr: 65 },
  yuntaishan: { hjwr_fcwr: 10, hjwr_yzwr: 8, hjwr_gyfs: 3, hjwr_yywr: 1, hjwr_gyfq: 1, hjwr_shws: 0, hjwr: 19 },
  city: { hjwr_yywr: 177, hjwr_gyfq: 159, hjwr_gyfs: 117, hjwr_fcwr: 40, hjwr_shws: 30, hjwr_yzwr: 20, hjwr: 173 },
};

/** Leaf weights inside a sub-category where the report names leaves (水电气暖: 主要反映突发停水、爆管…); chosen. */
export const L3_WEIGHTS: Record<string, number[]> = {
  sdqn_gs: [0.4, 0.25, 0.2, 0.15],
  sdqn_gd: [0.5, 0.3, 0.2],
  sdqn_gq: [0.45, 0.35, 0.2],
  sdqn_gn: [0.6, 0.32, 0.08],
};

/** Seed: the seven hot categories' 2020 totals and YoY; 2019 is solved from them. */
export const HOT_YOY_2020: Record<string, number> = { srhj: 17.29, sdqn: 16.93, zfgl: -1.43, wygl: -13.95, wfjs: -38.27, hjwr: -38.46, zsrm: -42.66 };

/** Seed figures of 2020 for the city platform, and what they imply for 2019 (marked) or what was chosen. */
export interface CityYear {
  year: number;
  total: number;
  public: number;
  collector: number;
  consultPublic: number;
  consultCollector: number;
  consultDirect: number;
  direct: number;
  /** dispatched orders finished on time (all dispatched orders are finished) */
  onTime: number;
  internet: number;
  haochaping: number;
  stateCouncil: number;
  /** 国务院大督查整改工单 and 省督办单: provincial transfers tagged with their topic, dispatched and finished on time */
  stateInspection: number;
  provinceSupervision: number;
  province: number;
  sms: number;
  callbacks: number;
  /** 非常满意, 满意, 基本满意, 不满意, 非常不满意 */
  callbackLevels: [number, number, number, number, number];
  solved: number;
  civilization: number;
  praise: number;
  thanks: number;
  praiseUnits: number;
  instructions: number;
  supervisions: number;
  supervisedUnits: number;
  /** dispatched orders of this year still unfinished past their deadline at the year's end */
  carryOver: number;
  /** of them, still unfinished a year later */
  carryOverLong: number;
  /** inbound calls answered / offered */
  answerRate: number;
  collectorDirect: number;
  reports: number;
  meetings: number;
}

const TOTAL_2020 = 868022; // seed
const PUBLIC_2020 = 577102; // seed
const CONSULT_2020 = 271973; // seed
const CONSULT_PUBLIC_2020 = 271931; // 47.12% of public appeals (seed): 271903 … 271960 print so; the other 42 came from collectors
const DIRECT_2020 = 487120; // seed

export const CITY_YEARS: Record<number, CityYear> = {
  2020: {
    year: 2020,
    total: TOTAL_2020,
    public: PUBLIC_2020,
    collector: TOTAL_2020 - PUBLIC_2020, // 290920, seed
    consultPublic: CONSULT_PUBLIC_2020,
    consultCollector: CONSULT_2020 - CONSULT_PUBLIC_2020,
    consultDirect: 264466, // 97.24% of 271973 (seed)
    direct: DIRECT_2020,
    onTime: 369856, // 97.10% of 380902 (seed)
    internet: 38947, // seed
    haochaping: 417, // seed: 省级派送“好差评”整改工单
    stateCouncil: 108, // seed: 国务院“互联网+督查”交办单
    stateInspection: 5, // seed: 国务院大督查整改工单
    provinceSupervision: 3, // seed: 省督办单
    province: 2100,
    sms: 2500,
    callbacks: 16963, // seed: 完成“好差评”回访
    callbackLevels: [9000, 6000, 1427, 436, 100], // 16427 satisfied = 96.84% (seed)
    solved: 15800,
    civilization: 152544, // seed: 52.44% of collectors' reports
    praise: 296,
    thanks: 63, // 359 together (seed)
    praiseUnits: 42, // seed
    instructions: 765, // seed: 市领导批示
    supervisions: 23, // seed: 督办 23 次
    supervisedUnits: 13, // seed: 13 个成员单位
    carryOver: 119, // with the 28 left from 2019: 147 still overdue at the end of 2020 (seed)
    carryOverLong: 0,
    answerRate: 0.976, // seed
    collectorDirect: 110000,
    reports: 277, // seed: 快报、专报 277 期
    meetings: 43, // seed: 专题协调会议 43 次
  },
  2019: {
    year: 2019,
    total: priorCount(TOTAL_2020, 28.4), // 676030
    public: 370790, // consultation share 42.93% → +4.19 pp (seed)
    collector: priorCount(TOTAL_2020, 28.4) - 370790,
    consultPublic: priorCount(CONSULT_2020, 70.86), // 159179
    consultCollector: 0,
    consultDirect: 147225, // 92.49% → +4.75 pp (seed)
    direct: 374307, // 55.37% → +0.75 pp (seed)
    onTime: 284947, // 94.44% of the 301723 dispatched → +2.66 pp (seed)
    internet: 7563, // 38947 is 5.15 times this (seed)
    haochaping: 350,
    stateCouncil: 90,
    stateInspection: 7,
    provinceSupervision: 4,
    province: 1800,
    sms: 2600,
    callbacks: 14000,
    callbackLevels: [7000, 5100, 1270, 500, 130],
    solved: 12900,
    civilization: 130000,
    praise: 250,
    thanks: 50,
    praiseUnits: 38,
    instructions: 600,
    supervisions: 30,
    supervisedUnits: 15,
    carryOver: 319, // still overdue at the end of 2019: 147 + 172 (seed)
    carryOverLong: 28, // 291 of the 319 were cleared in 2020 (seed: 化解 291 件)
    answerRate: 0.969,
    collectorDirect: 140000,
    reports: 240,
    meetings: 35,
  },
  2018: {
    year: 2018,
    total: priorCount(TOTAL_2020, 86.64), // 465077
    public: 250000,
    collector: priorCount(TOTAL_2020, 86.64) - 250000,
    consultPublic: 100000,
    consultCollector: 0,
    consultDirect: 88000,
    direct: 240000,
    onTime: 209500,
    internet: 3000,
    haochaping: 200,
    stateCouncil: 70,
    stateInspection: 6,
    provinceSupervision: 2,
    province: 1500,
    sms: 2800,
    callbacks: 11000,
    callbackLevels: [5200, 4100, 1150, 430, 120],
    solved: 10100,
    civilization: 90000,
    praise: 210,
    thanks: 40,
    praiseUnits: 35,
    instructions: 500,
    supervisions: 25,
    supervisedUnits: 12,
    carryOver: 260,
    carryOverLong: 0,
    answerRate: 0.961,
    collectorDirect: 100000,
    reports: 200,
    meetings: 28,
  },
};

/** 全市 (every platform) accepted: 2020 seed, 2019 and 2018 from its YoY (+35.11%, +83.87% on 2018). */
export const ALL_PLATFORMS: Record<number, number> = {
  2020: 1224862,
  2019: priorCount(1224862, 35.11),
  2018: priorCount(1224862, 83.87),
};

/** Share of the district platforms' intake by platform (chosen, roughly by population). */
export const DISTRICT_WEIGHTS: Record<string, number> = {
  haizhou: 0.22,
  lianyun: 0.09,
  ganyu: 0.14,
  donghai: 0.14,
  guanyun: 0.12,
  guannan: 0.1,
  kaifaqu: 0.1,
  xuwei: 0.04,
  yuntaishan: 0.05,
};

/** Seed: epidemic-related appeals of 2020 (all public): 73226, 12.69% of public, 66.71% resolved directly. */
export const EPIDEMIC_2020 = {
  consult: { count: 48987, direct: 48179, late: 8 }, // 66.90% of the topic; answered directly 98.35%
  help: { count: 23449, direct: 670, late: 378 }, // 32.02%; 98.34% of the dispatched finished on time
  complaint: { count: 500, direct: 0, late: 6 },
  suggestion: { count: 290, direct: 0, late: 2 },
  /** 疫情诉求涉及领域 (figure 3): level-2 weights across domains (chosen) */
  domains: {
    yqfk_fkzc: 0.3,
    yqfk_hsjc: 0.1,
    yqfk_fgfc: 0.12,
    yqfk_fywj: 0.06,
    ylws_ggws: 0.08,
    ylws_ylfw: 0.04,
    ldbz_jycy: 0.05,
    ldbz_tqgz: 0.02,
    jy_zsrx: 0.05,
    ggjt_ctky: 0.05,
    ggjt_gjyy: 0.02,
    scjg_spaq: 0.03,
    zwfw_zczx: 0.05,
    shbz_yiliao: 0.02,
    mzfw_dbjz: 0.01,
  } as Record<string, number>,
};

/** Categories of the collectors' reports (level 2 weights, chosen); 文明创建 favours the street-scene ones. */
export const COLLECTOR_CATEGORIES: Record<string, number> = {
  srhj_zdjy: 0.16,
  srhj_ljql: 0.14,
  srhj_clwt: 0.1,
  srhj_hwgg: 0.09,
  srhj_yllh: 0.06,
  srhj_gcgl: 0.03,
  srhj_xsd: 0.04,
  dljt_dlss: 0.09,
  dljt_jtxh: 0.02,
  wfjs_yjcwj: 0.04,
  wfjs_xzzjwj: 0.03,
  hjwr_fcwr: 0.02,
  hjwr_shws: 0.01,
  aqsc_xfaq: 0.03,
  aqsc_aqyh: 0.02,
  nync_rjhj: 0.04,
  clgl_fjdc: 0.04,
  clgl_jsc: 0.02,
  wygl_clwxtf: 0.02,
};
export const CIVILIZATION_PREFERRED = ['srhj', 'dljt', 'clgl'];

/** Districts' own intake: category weights follow the city's public mix; other shares chosen. */
export const DISTRICT_PROFILE = {
  channels: { phone: 0.82, wechat: 0.1, web: 0.05, app: 0.03 },
  directRate: 0.5,
  lateRate: 0.05,
  callbackRate: 0.04,
  satisfied: 0.955,
};
