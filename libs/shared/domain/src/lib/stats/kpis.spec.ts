import { APPEAL_TYPES, type MeasureTotals } from '@hotline/contracts';
import { zeroTotals } from './facts';
import { formatChange, formatPercent, formatPp, formatTimes } from './figures';
import { computeKpis, type IntakeCell, type KpiSide, type TopicCell } from './kpis';
import { yearPeriod } from './period';

const TOPICS = [
  { code: 'epidemic', name: '疫情防控' },
  { code: 'civilization', name: '文明创建' },
  { code: 'flood', name: '防汛抗旱' },
];

const m = (over: Partial<MeasureTotals>): MeasureTotals => ({ ...zeroTotals(), ...over });
const cell = (channel: string, appealType: string, over: Partial<MeasureTotals>): IntakeCell => ({ channel, appealType, m: m(over) });
const topic = (t: string, group: 'public' | 'collector', appealType: string, over: Partial<MeasureTotals>): TopicCell => ({ topic: t, group, appealType, m: m(over) });

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
    cell('patrol', 'report', { accepted: PATROL, direct: PATROL_DIRECT, ...{ dispatched: PATROL - PATROL_DIRECT, finished: PATROL - PATROL_DIRECT, on_time: PATROL - PATROL_DIRECT } }),
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
Object.assign(helpCell, { callbacks: 16963, cb_very_satisfied: 9000, cb_satisfied: 6000, cb_basic: 1427, cb_dissatisfied: 436, cb_very_dissatisfied: 100, solved: 16000, instructions: 765 });

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
    const k = computeKpis({ platform: 'all', period: yearPeriod(2021), previousPeriod: yearPeriod(2020), current: empty, previous: null, topics: TOPICS, appealTypes: APPEAL_TYPES });
    expect(k.accepted).toEqual({ value: 0, previous: null, yoy: null });
    expect(k.dailyAverage).toBe(0);
    expect(k.onTimeRate).toEqual({ numerator: 0, denominator: 0, value: null, previous: null, ppChange: null });
    expect(k.internet.times).toBeNull();
    expect(k.topics).toEqual([]);
  });

  it('compares with an empty previous period as zero, giving no YoY', () => {
    const k = computeKpis({ platform: 'all', period: yearPeriod(2021), previousPeriod: yearPeriod(2020), current: Y2019, previous: empty, topics: TOPICS, appealTypes: APPEAL_TYPES });
    expect(k.accepted).toEqual({ value: 676030, previous: 0, yoy: null });
    expect(k.answerRate.previous).toBeNull();
  });
});
