import { APPEAL_TYPES, type MeasureTotals } from '@hotline/contracts';
import { composeAnnualReport, type AnnualInput } from './annual-report';
import { zeroTotals } from './facts';
import { computeKpis, type IntakeCell, type KpiSide } from './kpis';
import { yearPeriod, type Period } from './period';
import { haochapingFeedback } from './rectification';

const m = (over: Partial<MeasureTotals>): MeasureTotals => ({ ...zeroTotals(), ...over });
const cell = (channel: string, appealType: string, over: Partial<MeasureTotals>): IntakeCell => ({ channel, appealType, m: m(over) });
const empty: KpiSide = { intake: [], topics: [], calls: { offered: 0, answered: 0 }, praiseUnits: 0 };
/** a first year's work: consultations answered on the spot, help dispatched and called back, collectors' reports */
const firstYear: KpiSide = {
  intake: [
    cell('phone', 'consult', { accepted: 600, direct: 590, dispatched: 10, finished: 10, on_time: 10 }),
    cell('phone', 'help', { accepted: 300, direct: 50, dispatched: 250, finished: 240, on_time: 230, callbacks: 100, cb_satisfied: 95, cb_dissatisfied: 5 }),
    cell('patrol', 'report', { accepted: 100, dispatched: 100, finished: 100, on_time: 100 }),
  ],
  topics: [],
  calls: { offered: 1000, answered: 980 },
  praiseUnits: 0,
};

function input(
  period: Period,
  previousPeriod: Period,
  current: KpiSide,
  previous: KpiSide | null,
  over: Partial<AnnualInput> = {},
  platform = 'city',
): AnnualInput {
  const kpis = computeKpis({ platform, period, previousPeriod, current, previous, topics: [], appealTypes: APPEAL_TYPES });
  return {
    kind: 'annual',
    issuer: '连云港市 12345 政府公共服务中心',
    platformName: '市 12345在线服务平台',
    issuedOn: '2026-01-05',
    period,
    previousPeriod,
    kpis,
    allPlatforms: [kpis.accepted.value, 0, 0],
    twoYearsAgo: 0,
    types: [],
    epidemic: null,
    epidemicDomains: [],
    civilization: null,
    reportsIssued: 0,
    meetings: 0,
    meetingUnits: [],
    praisedUnits: [],
    backlog: { cleared: 0, remaining: 0, remainingBefore: 0, supervisedUnits: 0, supervisions: 0 },
    hot: [
      {
        code: 'srhj',
        name: '市容环境',
        count: 120,
        previous: null,
        style: 'reflect',
        chart: 'l2',
        l2: [
          { name: '垃圾清理', value: 80, l3: [] },
          { name: '占道经营', value: 40, l3: [] },
        ],
        regions: [],
      },
    ],
    alsoCategories: [],
    generatedInMs: 0,
    ...over,
  };
}
const texts = (a: AnnualInput) => {
  const r = composeAnnualReport(a);
  return {
    r,
    all: r.sections.flatMap((s) => s.blocks.map((b) => b.text)).join('\n'),
    block: (key: string) => r.sections.flatMap((s) => s.blocks).find((b) => b.key === key),
  };
};

describe('composeAnnualReport without a previous period (a new center, its first year)', () => {
  const { r, all, block } = texts(input(yearPeriod(2025), yearPeriod(2024), firstYear, empty));

  it('leaves out every YoY and pp clause instead of printing —', () => {
    expect(all).not.toContain('—');
    expect(all).not.toMatch(/同比[，。；]|较 ?[^，。；]*年[，。；]/);
    expect(block('intake.volume')?.text).toBe('2025年，全市 12345 在线共受理诉求 1000 件。');
    expect(block('intake.consult')?.text).toBe('2025年共受理咨询类诉求 600件，占公众反映诉求总量的 66.67%，全年咨询类诉求直接答复率 98.33%。');
    expect(block('handling')?.text).toBe(
      '2025年受理的诉求中，市 12345在线通过查询知识库、三方通话等方式直接办结 640件，直接办结率 64.00%；派发服务工单 360件，按期办结率 97.14%，满意率 95.00%。',
    );
    expect(block('hot.srhj')?.text).toBe('共受理 120 件。主要反映垃圾清理、占道经营等问题。');
    expect(block('intake.extension')?.text).toContain('互联网渠道全年受理诉求 0 件。');
    expect(block('intake.extension')?.text).toContain('省级派送“好差评”整改工单 0件；'); // no 已全部完成反馈 of nothing
    expect(block('handling.backlog')?.text).toContain('剩余超期未办工单 0件，较 2024 年底持平；');
  });

  it('claims no rise or fall it cannot know, and draws no bars for the years before the center', () => {
    expect(block('intake.volume')?.lead).toBe('诉求受理总量情况。');
    expect(block('handling.units')?.lead).toBe('部门处置情况。');
    expect(r.charts.find((c) => c.id === 'volume')).toMatchObject({ title: '2025 年全市 12345 在线诉求受理量对比图', categories: ['2025年'] });
  });

  it('keeps the year-before comparison and leaves out only the missing two-years-back one', () => {
    const second = input(
      yearPeriod(2026),
      yearPeriod(2025),
      firstYear,
      { ...firstYear, intake: [cell('phone', 'consult', { accepted: 800, direct: 780 })] },
      { allPlatforms: [1000, 800, 0] },
    );
    const t = texts(second);
    expect(t.block('intake.volume')?.text).toBe('2026年，全市 12345 在线共受理诉求 1000 件，同比增长 25.00%；其中，市级平台诉求受理量同比增长 25.00%。');
    expect(t.r.charts.find((c) => c.id === 'volume')?.categories).toEqual(['2025年', '2026年']);
    expect(t.all).not.toContain('—');
    // any other period: 较前年同期, no stray space
    const q: Period = { from: '2026-01-01', to: '2026-03-31' };
    const withTwo = texts(input(q, { from: '2025-01-01', to: '2025-03-31' }, firstYear, firstYear, { allPlatforms: [1000, 1000, 500], twoYearsAgo: 500 }));
    expect(withTwo.block('intake.volume')?.text).toBe(
      '2026年1—3月，全市 12345 在线共受理诉求 1000 件，同比持平，较前年同期增长 100.00%；其中，市级平台诉求受理量同比持平，较前年同期增长 100.00%。',
    );
  });
});

describe('composeAnnualReport on an empty period', () => {
  it('says plainly that nothing was accepted, rather than 日均受理 0件 and empty shares', () => {
    const { all, block } = texts(input(yearPeriod(2025), yearPeriod(2024), empty, null, { hot: [] }));
    expect(block('intake')?.text).toBe('2025年，市 12345在线服务平台（以下简称市 12345在线）未受理诉求。');
    expect(block('handling')?.text).toBe('2025年未受理诉求，无办理情况。');
    expect(all).not.toContain('日均受理 0件');
    expect(all).not.toContain('—');
  });
});

describe('composeAnnualReport names the platform it is about beside 全市', () => {
  const prev = { ...firstYear, intake: [cell('phone', 'consult', { accepted: 800, direct: 780 })] };
  it('a 全市 report has no 其中 clause and one series (its own figures are 全市)', () => {
    const t = texts(input(yearPeriod(2026), yearPeriod(2025), firstYear, prev, { allPlatforms: [1000, 800, 0] }, 'all'));
    expect(t.block('intake.volume')?.text).toBe('2026年，全市 12345 在线共受理诉求 1000 件，同比增长 25.00%。');
    expect(t.r.charts.find((c) => c.id === 'volume')?.series.map((x) => x.name)).toEqual(['全市']);
  });
  it("a district platform's report says its own name, not 市级平台", () => {
    const t = texts(
      input(yearPeriod(2026), yearPeriod(2025), firstYear, prev, { allPlatforms: [3000, 2400, 0], platformName: '海州区 12345 平台' }, 'haizhou'),
    );
    expect(t.block('intake.volume')?.text).toBe(
      '2026年，全市 12345 在线共受理诉求 3000 件，同比增长 25.00%；其中，海州区 12345 平台诉求受理量同比增长 25.00%。',
    );
    expect(t.r.charts.find((c) => c.id === 'volume')?.series.map((x) => x.name)).toEqual(['全市', '海州区 12345 平台']);
  });
});

describe('composeAnnualReport says how the direct answers were made (知识库 / 三方通话 / 其他)', () => {
  const withMethods: KpiSide = {
    ...firstYear,
    intake: [
      // 590 + 50 direct: 400 from an article, 150 by a three-way call, 60 otherwise, 30 recorded before methods were
      cell('phone', 'consult', {
        accepted: 600,
        direct: 590,
        direct_knowledge: 400,
        direct_three_way: 120,
        direct_other: 50,
        dispatched: 10,
        finished: 10,
        on_time: 10,
      }),
      cell('phone', 'help', {
        accepted: 300,
        direct: 50,
        direct_three_way: 30,
        direct_other: 10,
        dispatched: 250,
        finished: 240,
        on_time: 230,
        callbacks: 100,
        cb_satisfied: 95,
        cb_dissatisfied: 5,
      }),
      cell('patrol', 'report', { accepted: 100, dispatched: 100, finished: 100, on_time: 100 }),
    ],
  };

  it('quotes each method with its count and share of the direct answers, and the ones without a method', () => {
    const t = texts(input(yearPeriod(2026), yearPeriod(2025), withMethods, firstYear));
    expect(t.block('handling')?.text).toContain(
      '直接办结的诉求中，查询知识库答复 400件，占 62.50%；三方通话答复 150件，占 23.44%；其他方式答复 60件，占 9.38%；另有 30件未记录办结方式。',
    );
    expect(t.r.figures).toMatchObject({ directKnowledge: 400, directThreeWay: 150, directOther: 60, directUnrecorded: 30, directKnowledgeShare: 400 / 640 });
    // a year before recorded no method: nothing to compare with, not a rise from 0 %
    const k = computeKpis({
      platform: 'city',
      period: yearPeriod(2026),
      previousPeriod: yearPeriod(2025),
      current: withMethods,
      previous: firstYear,
      topics: [],
      appealTypes: APPEAL_TYPES,
    });
    expect(k.directByMethod.knowledge).toMatchObject({ numerator: 400, denominator: 640, previous: null, ppChange: null });
  });

  it('names only the methods used, and says nothing of methods in a period that recorded none', () => {
    const kbOnly: KpiSide = { ...firstYear, intake: [cell('phone', 'consult', { accepted: 10, direct: 8, direct_knowledge: 8 })] };
    expect(texts(input(yearPeriod(2026), yearPeriod(2025), kbOnly, null)).block('handling')?.text).toContain(
      '直接办结的诉求中，查询知识库答复 8件，占 100.00%。',
    );
    const none = texts(input(yearPeriod(2025), yearPeriod(2024), firstYear, empty));
    expect(none.block('handling')?.text).not.toContain('直接办结的诉求中');
    expect(none.r.figures).toMatchObject({ directKnowledge: 0, directUnrecorded: 640 });
  });
});

describe('composeAnnualReport quotes the 好差评 rectification feedback', () => {
  const hcp = (over: Partial<MeasureTotals>): KpiSide => ({
    ...firstYear,
    intake: [...firstYear.intake, cell('haochaping', 'complaint', { accepted: 10, dispatched: 10, ...over })],
  });
  const extension = (side: KpiSide, rectification?: AnnualInput['rectification']) =>
    texts(input(yearPeriod(2026), yearPeriod(2025), side, firstYear, { rectification }));

  it('counts a tracked order as fed back when its answer went up, not when it closed', () => {
    // 10 orders, all closed; 6 came through the exchange and 4 of those were reported back
    const t = extension(hcp({ finished: 10 }), { tracked: 6, trackedClosed: 6, fedBack: 4 });
    expect(t.block('intake.extension')?.text).toContain('省级派送“好差评”整改工单 10件，已完成反馈 8件；');
    expect(t.r.figures['haochapingFedBack']).toBe(8);
  });

  it('says 已全部完成反馈 only when every one was fed back', () => {
    const t = extension(hcp({ finished: 10 }), { tracked: 6, trackedClosed: 6, fedBack: 6 });
    expect(t.block('intake.extension')?.text).toContain('省级派送“好差评”整改工单 10件，已全部完成反馈；');
    // nothing tracked (imported history): closure is the feedback, as before
    expect(extension(hcp({ finished: 7 })).block('intake.extension')?.text).toContain('整改工单 10件，已完成反馈 7件；');
  });

  it('gives the dashboard the same figure, and nothing when no order came through the exchange', () => {
    const rect = { tracked: 6, trackedClosed: 6, fedBack: 4 };
    const a = input(yearPeriod(2026), yearPeriod(2025), hcp({ finished: 10 }), firstYear, { rectification: rect });
    expect(haochapingFeedback(a.kpis, rect)).toEqual({ orders: 10, fedBack: composeAnnualReport(a).figures['haochapingFedBack'], tracked: 6 });
    expect(haochapingFeedback(a.kpis, null)).toBeNull();
    expect(haochapingFeedback(a.kpis, { tracked: 0, trackedClosed: 0, fedBack: 0 })).toBeNull();
  });
});
