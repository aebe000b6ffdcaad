import type { KpiSet, MeasureTotals } from '@hotline/contracts';
import { zeroTotals } from './facts';
import { composeFocusReport, type FocusInput } from './focus-report';

const m = (over: Partial<MeasureTotals>): MeasureTotals => ({ ...zeroTotals(), ...over });
const kpis = { platform: 'city', accepted: { value: 100000 }, period: { from: '2020-01-20', to: '2020-02-15', days: 27 }, previousPeriod: { from: '2019-01-20', to: '2019-02-15', days: 27 } } as unknown as KpiSet;

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
    { code: 'help', name: '求助', current: m({ accepted: 3202, direct: 100, dispatched: 3102, finished: 3100, on_time: 3049, callbacks: 200, cb_satisfied: 190, cb_dissatisfied: 10 }), previous: m({}) },
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
    expect(r.figures).toMatchObject({ 'focus.accepted': 10000, 'focus.share': 0.1, 'focus.direct': 6680, 'focus.dispatched': 3320, 'focus.type.consult': 6690, 'focus.peak': 900, 'focus.peakBucket': '2020-01-21' });
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
          { name: '海州区', value: 60, l2: [{ name: '供水', value: 40 }, { name: '供电', value: 15 }, { name: '供气', value: 5 }] },
          { name: '赣榆区', value: 40, l2: [{ name: '供电', value: 30 }, { name: '供水', value: 10 }] },
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
