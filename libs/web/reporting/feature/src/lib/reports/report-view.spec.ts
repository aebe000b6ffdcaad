import type { AnnualReport } from '@hotline/contracts';
import { chartHeight, renderReport, unplaced } from './report-view';

const report = {
  kind: 'annual',
  title: '2020年运行情况综合分析报告',
  sections: [
    {
      no: '一',
      title: '总体运行情况',
      blocks: [{ no: '（一）', lead: '诉求受理总量稳步增长。', text: '全年受理 868,022 件。', chartIds: ['volume', 'nope'], tableIds: [] }],
    },
    { no: '三', title: '热点问题', blocks: [{ no: '', lead: '', text: '环境污染……', chartIds: [], tableIds: ['t1'] }] },
  ],
  charts: [
    { id: 'volume', no: 1, title: '近三年受理量对比', kind: 'bar', categories: [], series: [] },
    { id: 'types', no: 2, title: '诉求类型', kind: 'pie', categories: [], series: [] },
  ],
  tables: [{ id: 't1', no: 1, title: '环境污染诉求区域分布', columns: ['区域', '数量'], rows: [['海州区', 2670]] }],
} as unknown as AnnualReport;

describe('annual report → page', () => {
  it('puts each block’s charts and tables under it, dropping ids the report lacks', () => {
    const s = renderReport(report);
    expect(s.map((x) => x.no)).toEqual(['一', '三']);
    expect(s[0].blocks[0].charts.map((c) => c.id)).toEqual(['volume']);
    expect(s[1].blocks[0].tables[0].rows[0]).toEqual(['海州区', 2670]);
  });

  it('keeps the charts no block names, so nothing is lost', () => {
    expect(unplaced(report).charts.map((c) => c.id)).toEqual(['types']);
    expect(unplaced(report).tables).toEqual([]);
  });

  it('gives a long horizontal bar chart room for its rows', () => {
    expect(chartHeight({ kind: 'bar-horizontal', categories: new Array(20).fill('x') } as never)).toBe(620);
    expect(chartHeight({ kind: 'pie', categories: [] } as never)).toBe(300);
  });
});
