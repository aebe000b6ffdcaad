import { APPEAL_TYPES, type MeasureTotals } from '@hotline/contracts';
import { zeroTotals } from './facts';
import { formatChange, formatPercent, formatPp, formatTimes } from './figures';
import { composeAnnualReport, type AnnualInput } from './annual-report';
import { computeKpis, type IntakeCell, type KpiSide, type TopicCell } from './kpis';
import { applyRemarks } from './remarks';
import { yearPeriod } from './period';

const TOPICS = [
  { code: 'epidemic', name: '疫情防控' },
  { code: 'civilization', name: '文明创建' },
  { code: 'flood', name: '防汛抗旱' },
];

const m = (over: Partial<MeasureTotals>): MeasureTotals => ({ ...zeroTotals(), ...over });
const cell = (channel: string, appealType: string, over: Partial<MeasureTotals>): IntakeCell => ({ channel, appealType, m: m(over) });
const topic = (t: string, group: 'public' | 'collector', appealType: string, over: Partial<MeasureTotals>): TopicCell => ({
  topic: t,
  group,
  appealType,
  m: m(over),
});

/**
 * The city platform's 2020 as the seed report states it, cut into a few cells whose sums are the report's
 * counts: 868022 accepted, 577102 public, 271973 consultations (271931 of them public), 487120 direct …
 */
const HELP = 577102 - 271931 - 38947 - 417 - 108 - 359; // public appeals that are none of the cells below
const PATROL_DIRECT = 116000;
const HELP_DIRECT = 487120 - 264426 - 40 - PATROL_DIRECT;
const PATROL = 290920 - 42 - 90000;
const done = (n: number) => ({ accepted: n, dispatched: n, finished: n, on_time: n });
const Y2020: KpiSide = {
  intake: [
    cell('phone', 'consult', { accepted: 271931, direct: 264426, dispatched: 7505, finished: 7505, on_time: 7505 }),
    cell('patrol', 'consult', { accepted: 42, direct: 40, dispatched: 2, finished: 2, on_time: 2 }),
    cell('phone', 'help', { accepted: HELP, direct: HELP_DIRECT, dispatched: HELP - HELP_DIRECT, finished: HELP - HELP_DIRECT }),
    cell('web', 'complaint', done(38947)),
    cell('haochaping', 'complaint', done(417)),
    cell('state_council', 'report', done(108)),
    cell('sms', 'praise', done(296)),
    cell('province', 'thanks', done(63)),
    cell('patrol', 'report', {
      accepted: PATROL,
      direct: PATROL_DIRECT,
      ...{ dispatched: PATROL - PATROL_DIRECT, finished: PATROL - PATROL_DIRECT, on_time: PATROL - PATROL_DIRECT },
    }),
    cell('video', 'report', done(90000)),
  ],
  topics: [
    topic('epidemic', 'public', 'consult', { accepted: 48987, direct: 48179, dispatched: 808, finished: 808, on_time: 800 }),
    topic('epidemic', 'public', 'help', { accepted: 23449, direct: 670, dispatched: 22779, finished: 22779, on_time: 22401 }),
    topic('epidemic', 'public', 'complaint', { accepted: 790, dispatched: 790, finished: 790, on_time: 790 }),
    topic('civilization', 'collector', 'report', { accepted: 152544 }),
    topic('civilization', 'public', 'complaint', { accepted: 10 }),
    // 国务院大督查整改工单 5, 省督办单 3: provincial transfers (inside the help cell) tagged with their topics
    topic('sc_inspection', 'public', 'complaint', done(4)),
    topic('sc_inspection', 'public', 'report', done(1)),
    topic('province_supervision', 'public', 'complaint', done(3)),
  ],
  calls: { offered: 500000, answered: 488000 },
  praiseUnits: 42,
};
// the help cell takes what is left so the sums hit the report: 369856 of 380902 on time, 16427 of 16963 satisfied
const helpCell = Y2020.intake[2].m;
helpCell.on_time = 369856 - Y2020.intake.filter((c) => c.m !== helpCell).reduce((s, c) => s + c.m.on_time, 0);
Object.assign(helpCell, {
  callbacks: 16963,
  cb_very_satisfied: 9000,
  cb_satisfied: 6000,
  cb_basic: 1427,
  cb_dissatisfied: 436,
  cb_very_dissatisfied: 100,
  solved: 16000,
  instructions: 765,
});

const Y2019: KpiSide = {
  intake: [
    cell('phone', 'consult', { accepted: 159179, direct: 147225 }),
    cell('phone', 'help', { accepted: 370790 - 159179 - 7563, direct: 374307 - 147225 }),
    cell('web', 'help', { accepted: 7563 }),
    cell('patrol', 'report', { accepted: 676030 - 370790, dispatched: 301723, finished: 301723, on_time: 284947 }),
  ],
  topics: [topic('civilization', 'collector', 'report', { accepted: 100000 })],
  calls: { offered: 400000, answered: 380000 },
  praiseUnits: 30,
};

describe('computeKpis on the seed report’s 2020 counts', () => {
  const k = computeKpis({
    platform: 'city',
    period: yearPeriod(2020),
    previousPeriod: yearPeriod(2019),
    current: Y2020,
    previous: Y2019,
    topics: TOPICS,
    appealTypes: APPEAL_TYPES,
  });

  it('adds the cells up to the report’s counts', () => {
    expect(k.accepted.value).toBe(868022);
    expect(k.publicAppeals.value).toBe(577102);
    expect(k.collectorAppeals.value).toBe(290920);
    expect(k.consultations.value).toBe(271973);
    expect(k.direct.value).toBe(487120);
    expect(k.dispatched.value).toBe(380902);
    expect(k.internet.value).toBe(38947);
    expect(k.haochaping).toMatchObject({ value: 417, finished: 417 });
    expect(k.stateCouncil.value).toBe(108);
    expect(k.stateInspection).toEqual({ value: 5, previous: 0, yoy: null });
    expect(k.provinceSupervision.value).toBe(3);
    expect(k.praise).toMatchObject({ value: 359, units: 42 });
    expect(k.instructions.value).toBe(765);
  });

  it('prints the report’s rates and averages', () => {
    expect(Math.round(k.dailyAverage)).toBe(2372);
    expect(k.period.days).toBe(366);
    expect(k.previousPeriod.days).toBe(365);
    expect(formatPercent(k.answerRate.value)).toBe('97.60%');
    expect(formatPercent(k.publicShare.value)).toBe('66.48%');
    expect(formatPercent(k.collectorShare.value)).toBe('33.52%');
    expect(formatPercent(k.consultationShare.value)).toBe('47.12%');
    expect(formatPercent(k.consultationDirectRate.value)).toBe('97.24%');
    expect(formatPercent(k.directRate.value)).toBe('56.12%');
    expect(formatPercent(k.onTimeRate.value)).toBe('97.10%');
    expect(formatPercent(k.satisfactionRate.value)).toBe('96.84%');
  });

  it('prints the report’s comparisons with 2019', () => {
    expect(formatChange(k.accepted.yoy)).toBe('增长 28.40%');
    expect(formatChange(k.consultations.yoy)).toBe('增长 70.86%');
    expect(formatPp(k.consultationShare.ppChange)).toBe('提高 4.19个百分点');
    expect(formatPp(k.consultationDirectRate.ppChange)).toBe('提高 4.75个百分点');
    expect(formatPp(k.directRate.ppChange)).toBe('提高 0.75个百分点');
    expect(formatPp(k.onTimeRate.ppChange)).toBe('提高 2.66个百分点');
    expect(formatTimes(k.internet.value, k.internet.previous)).toBe('5.15 倍');
    expect(k.internet.times).toBeCloseTo(5.15, 2);
  });

  it('computes the epidemic topic as a share of public appeals, with its types', () => {
    const e = k.topics.find((t) => t.code === 'epidemic');
    expect(e).toBeDefined();
    if (!e) return;
    expect(e.accepted).toEqual({ value: 73226, previous: 0, yoy: null });
    expect(e.shareOf).toBe('public');
    expect(formatPercent(e.share.value)).toBe('12.69%');
    expect(formatPercent(e.directRate.value)).toBe('66.71%');
    const consult = e.byType.find((t) => t.code === 'consult');
    const help = e.byType.find((t) => t.code === 'help');
    expect(consult && formatPercent(consult.share)).toBe('66.90%');
    expect(consult && formatPercent(consult.directRate)).toBe('98.35%');
    expect(help && formatPercent(help.share)).toBe('32.02%');
    expect(help && formatPercent(help.onTimeRate)).toBe('98.34%');
  });

  it('computes 文明创建 as a share of the collectors’ reports', () => {
    const c = k.topics.find((t) => t.code === 'civilization');
    expect(c?.shareOf).toBe('collector');
    expect(c?.share.numerator).toBe(152544);
    expect(formatPercent(c?.share.value ?? null)).toBe('52.44%');
    expect(c?.accepted.yoy).toBeCloseTo(52554 / 100000, 10);
  });

  it('leaves out topics with no orders in either period', () => {
    expect(k.topics.map((t) => t.code)).toEqual(['epidemic', 'civilization']);
  });
});

describe('computeKpis edge cases', () => {
  const empty: KpiSide = { intake: [], topics: [], calls: { offered: 0, answered: 0 }, praiseUnits: 0 };

  it('gives nulls, not NaN, for an empty period with nothing before it', () => {
    const k = computeKpis({
      platform: 'all',
      period: yearPeriod(2021),
      previousPeriod: yearPeriod(2020),
      current: empty,
      previous: null,
      topics: TOPICS,
      appealTypes: APPEAL_TYPES,
    });
    expect(k.accepted).toEqual({ value: 0, previous: null, yoy: null });
    expect(k.dailyAverage).toBe(0);
    expect(k.onTimeRate).toEqual({ numerator: 0, denominator: 0, value: null, previous: null, ppChange: null });
    expect(k.internet.times).toBeNull();
    expect(k.topics).toEqual([]);
  });

  it('compares with an empty previous period as zero, giving no YoY', () => {
    const k = computeKpis({
      platform: 'all',
      period: yearPeriod(2021),
      previousPeriod: yearPeriod(2020),
      current: Y2019,
      previous: empty,
      topics: TOPICS,
      appealTypes: APPEAL_TYPES,
    });
    expect(k.accepted).toEqual({ value: 676030, previous: 0, yoy: null });
    expect(k.answerRate.previous).toBeNull();
  });
});

/**
 * The seed report's sections 一 and 二 composed from the same 2020 counts: the computed text says every figure
 * and every word that depends on one the way the seed does; the commentary around them is the editors' (remarks).
 */
describe('composeAnnualReport on the seed report’s 2020 counts', () => {
  const k = computeKpis({
    platform: 'city',
    period: yearPeriod(2020),
    previousPeriod: yearPeriod(2019),
    current: Y2020,
    previous: Y2019,
    topics: TOPICS,
    appealTypes: APPEAL_TYPES,
  });
  const input: AnnualInput = {
    kind: 'annual',
    issuer: '连云港市 12345 政府公共服务中心',
    platformName: '市 12345在线服务平台',
    issuedOn: '2021-01-08',
    period: yearPeriod(2020),
    previousPeriod: yearPeriod(2019),
    kpis: k,
    allPlatforms: [1224862, 906567, 666157],
    twoYearsAgo: 465077,
    types: [],
    epidemic: k.topics.find((t) => t.code === 'epidemic') ?? null,
    epidemicDomains: [],
    civilization: k.topics.find((t) => t.code === 'civilization') ?? null,
    consultationShareTwoYearsAgo: 0.4,
    reportsIssued: 277,
    meetings: 43,
    meetingUnits: ['市公安局', '市市场监督管理局'],
    meetingTopics: ['停车收费', '捆绑销售'],
    praisedUnits: [],
    backlog: { cleared: 291, remaining: 147, remainingBefore: 319, supervisedUnits: 13, supervisions: 23 },
    hot: [],
    alsoCategories: [],
    generatedInMs: 0,
  };
  const r = composeAnnualReport(input);
  const block = (key: string) => r.sections.flatMap((s) => s.blocks).find((b) => b.key === key);

  it('words section 一 as the seed, the leads chosen by the data', () => {
    expect(block('intake')?.text).toBe(
      '2020年，市 12345在线服务平台（以下简称市 12345在线）共受理诉求 868022件，日均受理 2372件，电话接通率 97.60%。其中，公众通过电话、网络等渠道反映 577102件，信息采集员通过路面巡查、视频监控等渠道上报 290920件，分别占诉求总量的 66.48%和 33.52%。',
    );
    expect(block('intake.volume')?.lead).toBe('诉求受理总量稳步增长。');
    expect(block('intake.volume')?.text).toBe(
      '2020年，全市 12345 在线共受理诉求 1224862 件，同比增长 35.11%，较 2018 年增长 83.87%；其中，市级平台诉求受理量同比增长 28.40%，较 2018 年增长 86.64%。',
    );
    expect(block('intake.consult')?.lead).toBe('咨询类诉求占比持续提升。');
    expect(block('intake.extension')?.text).toContain('完成“好差评”回访 16963 件，省级派送“好差评”整改工单 417件，已全部完成反馈；');
    expect(block('intake.extension')?.text).toContain(
      '互联网渠道功能进一步完善，全年受理诉求 38947 件，是去年受理量的 5.15 倍；服务“创文”专项采集深入推进，全年采集“文明创建”类问题 152544件，占采集上报总量的 52.44%。',
    );
  });

  it('words section 二 as the seed, 国务院大督查 and 省督办 included', () => {
    expect(block('handling.epidemic')?.lead).toBe('平台承接能力进一步增强。');
    expect(block('handling.units')?.lead).toBe('部门处置效力进一步提升。');
    expect(block('handling.units')?.text).toContain(
      '联动市公安局、市市场监督管理局等相关部门召开疑难问题专题协调会议 43次，推动停车收费、捆绑销售等民生热点难点问题解决。',
    );
    expect(block('handling.backlog')?.lead).toBe('积案化解取得显著成效。');
    expect(block('handling.backlog')?.text).toBe(
      '2020年，中心加大对超期未办结工单的协调处置力度，共推动化解超期未办结、长期不回复的工单 291件。2020年末，剩余超期未办工单 147件，较 2019 年底减少 172件；' +
        '对存在办件质效较差等问题的 13个成员单位进行督办 23次，督促有关单位按时办理国务院“互联网+督查”交办单 108件，国务院大督查整改工单 5件，省督办单 3件。',
    );
  });

  it('carries the seed’s commentary as remarks, not as generated prose', () => {
    const before = '近年来，随着市 12345在线知晓度和服务效能的不断提升，平台直接答复公众诉求能力进一步增强，在全省率先实施咨询类诉求“零派单”。';
    expect(
      r.sections
        .flatMap((s) => s.blocks)
        .map((b) => b.text)
        .join(''),
    ).not.toContain('零派单');
    const edited = applyRemarks(r, { 'intake.consult': { before } });
    expect(edited.sections[0].blocks.find((b) => b.key === 'intake.consult')?.remarks).toEqual({ before });
  });
});
