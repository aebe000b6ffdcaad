import type { KpiSet, MeasureTotals } from '@hotline/contracts';
import { zeroTotals } from './facts';
import { composeFocusReport, type FocusInput } from './focus-report';

const m = (over: Partial<MeasureTotals>): MeasureTotals => ({ ...zeroTotals(), ...over });
const kpis = {
  platform: 'city',
  accepted: { value: 100000 },
  period: { from: '2020-01-20', to: '2020-02-15', days: 27 },
  previousPeriod: { from: '2019-01-20', to: '2019-02-15', days: 27 },
} as unknown as KpiSet;

const input = (over: Partial<FocusInput> = {}): FocusInput => ({
  issuer: '连云港市 12345 政府公共服务中心',
  platformName: '市 12345在线服务平台',
  issuedOn: '2020-02-16',
  period: { from: '2020-01-20', to: '2020-02-15' },
  previousPeriod: { from: '2019-01-20', to: '2019-02-15' },
  focus: { kind: 'topic', code: 'epidemic', name: '疫情防控' },
  kpis,
  byType: [
    { code: 'consult', name: '咨询', current: m({ accepted: 6690, direct: 6580, dispatched: 110, finished: 110, on_time: 108 }), previous: m({}) },
    {
      code: 'help',
      name: '求助',
      current: m({ accepted: 3202, direct: 100, dispatched: 3102, finished: 3100, on_time: 3049, callbacks: 200, cb_satisfied: 190, cb_dissatisfied: 10 }),
      previous: m({}),
    },
    { code: 'complaint', name: '投诉', current: m({ accepted: 108, dispatched: 108, finished: 108, on_time: 100 }), previous: m({}) },
  ],
  byGroup: { public: 10000, collector: 0 },
  breakdown: [
    { name: '疫情防控', value: 6000 },
    { name: '医疗卫生', value: 2000 },
    { name: '交通运输', value: 1200 },
    { name: '教育', value: 800 },
  ],
  regions: [],
  granularity: 'day',
  trend: [
    { bucket: '2020-01-20', value: 100, previous: null },
    { bucket: '2020-01-21', value: 900, previous: null },
  ],
  generatedInMs: 0,
  ...over,
});

describe('composeFocusReport (专报 on one topic or category)', () => {
  it('words the focus’s own figures: volume, share, handling, types, domains', () => {
    const r = composeFocusReport(input());
    expect(r.kind).toBe('special');
    expect(r.title).toBe('2020年1月20日至2月15日市 12345在线服务平台疫情防控诉求情况专报');
    expect(r.focus).toEqual({ kind: 'topic', code: 'epidemic', name: '疫情防控' });
    expect(r.figures).toMatchObject({
      'focus.accepted': 10000,
      'focus.share': 0.1,
      'focus.direct': 6680,
      'focus.dispatched': 3320,
      'focus.type.consult': 6690,
      'focus.peak': 900,
      'focus.peakBucket': '2020-01-21',
    });
    expect(r.figures['focus.onTimeRate']).toBeCloseTo(3257 / 3318, 12);
    const text = r.sections.flatMap((s) => s.blocks.map((b) => b.text)).join('\n');
    expect(text).toContain('共受理疫情防控相关诉求 10000件，日均 370件，占同期诉求总量的 10.00%。');
    expect(text).toContain('咨询类 6690件，占 66.90%，直接答复率 98.36%');
    expect(text).toContain('求助类 3202件，占 32.02%，按时办结率 98.35%');
    expect(text).toContain('满意率 95.00%');
    expect(text).toContain('反映较多的有疫情防控 6000件（60.00%）、医疗卫生 2000件（20.00%）、交通运输 1200件（12.00%）、教育 800件（8.00%）等');
    expect(text).toContain('受理量最多的一天为1月21日，共 900件。');
    expect(r.charts[0].categories).toEqual(['1月20日', '1月21日']);
    expect(r.charts.map((c) => [c.no, c.id])).toEqual([
      [1, 'focus-trend'],
      [2, 'focus-types'],
      [3, 'focus-breakdown'],
    ]);
    // the leadership's suggestions are theirs to write: an empty block remarks attach to
    expect(r.sections[3].blocks).toEqual([{ key: 'focus.suggestions', no: '', lead: '', text: '', chartIds: [], tableIds: [] }]);
  });

  it('adds a region table for a category focus', () => {
    const r = composeFocusReport(
      input({
        focus: { kind: 'category', code: 'sdqn', name: '水电气暖' },
        regions: [
          {
            name: '海州区',
            value: 60,
            l2: [
              { name: '供水', value: 40 },
              { name: '供电', value: 15 },
              { name: '供气', value: 5 },
            ],
          },
          {
            name: '赣榆区',
            value: 40,
            l2: [
              { name: '供电', value: 30 },
              { name: '供水', value: 10 },
            ],
          },
        ],
      }),
    );
    expect(r.tables[0].rows).toEqual([
      ['海州区', 60, '60.00%', '供水、供电、供气'],
      ['赣榆区', 40, '40.00%', '供电、供水'],
    ]);
    expect(r.figures['focus.region.海州区']).toBe(60);
  });
});

describe('composeFocusReport without a year before, or with nothing in the period', () => {
  const all = (r: ReturnType<typeof composeFocusReport>) => r.sections.flatMap((s) => s.blocks.map((b) => b.text)).join('\n');

  it('leaves out the YoY and pp clauses when the year before had none of the focus’s orders', () => {
    const r = composeFocusReport(input());
    expect(all(r)).not.toContain('—');
    expect(r.sections[1].blocks[0].text).toBe('直接办结 6680件，直接办结率 66.80%；派发工单 3320件，按期办结率 98.16%；回访 200件，满意率 95.00%。');
    expect(r.sections[1].blocks[0].lead).toBe('办理情况。');
  });

  it('words the comparison when the year before has data', () => {
    const r = composeFocusReport(
      input({
        byType: [
          {
            code: 'help',
            name: '求助',
            current: m({ accepted: 200, direct: 50, dispatched: 150, finished: 100, on_time: 90 }),
            previous: m({ accepted: 100, direct: 20, dispatched: 80, finished: 80, on_time: 80 }),
          },
        ],
      }),
    );
    expect(r.sections[0].blocks[0].text).toContain('共受理疫情防控相关诉求 200件，日均 7件，同比增长 100.00%，占同期诉求总量的 0.20%。');
    expect(r.sections[1].blocks[0].text).toBe(
      '直接办结 50件，直接办结率 25.00%，同比提高 5.00个百分点；派发工单 150件，按期办结率 90.00%，同比降低 10.00个百分点。',
    );
    expect(r.sections[1].blocks[0].lead).toBe('办理质效有待提升。');
  });

  it('says an empty period plainly, rather than 日均 0件 and rates of nothing', () => {
    const r = composeFocusReport(input({ byType: [], byGroup: { public: 0, collector: 0 }, breakdown: [], trend: [] }));
    expect(r.sections[0].blocks[0].text).toBe('2020年1月20日至2月15日，市 12345在线未受理疫情防控相关诉求。');
    expect(r.sections[1].blocks[0].text).toBe('本期无疫情防控相关诉求，无办理情况。');
    expect(all(r)).not.toContain('日均 0件');
    expect(all(r)).not.toContain('—');
  });
});
