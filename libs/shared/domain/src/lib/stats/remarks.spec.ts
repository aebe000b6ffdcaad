import type { AnnualReport } from '@hotline/contracts';
import { trendLead } from './report-wording';
import { applyRemarks, remarkKeys, remarkProblems } from './remarks';

const report = (): AnnualReport =>
  ({
    kind: 'annual',
    sections: [
      {
        no: '三',
        title: '热点诉求剖析',
        blocks: [
          { key: 'hot', no: '', lead: '', text: '通过对群众反映诉求情况…', chartIds: [], tableIds: [] },
          {
            key: 'hot.zfgl',
            no: '（三）',
            lead: '住房管理。',
            text: '共受理 14359件，同比下降 1.43%。主要反映房屋质量、拆迁补偿、拆迁规划等问题。',
            chartIds: ['hot-zfgl'],
            tableIds: [],
          },
        ],
      },
    ],
    figures: { 'hot.zfgl.count': 14359 },
  }) as unknown as AnnualReport;

describe('remarks', () => {
  const after = '针对房屋质量问题，责任单位通常回复将尽快处理，但部分市民表示大多未有实质性进展，加之督促力度不够，问题无法得到彻底解决。';

  it('lists the blocks remarks can attach to', () => {
    expect(remarkKeys(report())).toEqual(['hot', 'hot.zfgl']);
  });

  it('puts an editor’s text around the computed text and leaves the figures alone', () => {
    const r = applyRemarks(report(), { 'hot.zfgl': { after, before: '  ' } });
    const b = r.sections[0].blocks[1];
    expect(b.remarks).toEqual({ after });
    expect(b.text).toBe(report().sections[0].blocks[1].text);
    expect(r.figures).toEqual(report().figures);
    expect(r.remarks).toEqual({ 'hot.zfgl': { after } });
  });

  it('replaces a lead and restores the data’s lead when the remark is cleared', () => {
    const edited = applyRemarks(report(), { 'hot.zfgl': { lead: '住房管理问题依然突出。' } });
    expect(edited.sections[0].blocks[1]).toMatchObject({ lead: '住房管理问题依然突出。', computedLead: '住房管理。' });
    const cleared = applyRemarks(edited, {});
    expect(cleared.sections[0].blocks[1].lead).toBe('住房管理。');
    expect(cleared.sections[0].blocks[1].computedLead).toBeUndefined();
    expect(cleared.sections[0].blocks[1].remarks).toBeUndefined();
  });

  it('names what is wrong: an unknown block, an unknown part, a non-string, an over-long text', () => {
    const problems = remarkProblems(report(), { nope: { after: 'x' }, 'hot.zfgl': { middle: 'x', after: 3, before: 'x'.repeat(2001) } as never });
    expect(problems.map((p) => p.field)).toEqual(['remarks.nope', 'remarks.hot.zfgl.middle', 'remarks.hot.zfgl.after', 'remarks.hot.zfgl.before']);
    expect(remarkProblems(report(), { hot: { after } })).toEqual([]);
  });
});

describe('trendLead', () => {
  const words: [string, string, string] = ['稳步增长', '有所增长', '有所回落'];
  it('says steady after two rises, a rise after one, a fall after a fall, nothing without a comparison', () => {
    expect(trendLead('诉求受理总量', 0.3511, 0.36, words)).toBe('诉求受理总量稳步增长。');
    expect(trendLead('诉求受理总量', 0.3511, -0.02, words)).toBe('诉求受理总量有所增长。');
    expect(trendLead('诉求受理总量', -0.01, 0.5, words)).toBe('诉求受理总量有所回落。');
    expect(trendLead('诉求受理总量', null, 0.5, words)).toBe('诉求受理总量情况。');
  });
});
