import { writeFileSync } from 'node:fs';
import type { AnnualReport, ChartData } from '@hotline/contracts';
import { chartSvg } from './charts';
import { reportDocx } from './exports';
import { decodePng, distinctColours } from './png';
import { findCjkFont, svgToPng } from './raster';
import { unzip } from './zip';

const pie: ChartData = {
  id: 'hot-zsrm',
  no: 10,
  title: '噪声扰民诉求分析图',
  kind: 'pie',
  categories: ['民用生活噪声', '建筑施工噪声', '交通噪声'],
  series: [{ name: '诉求量', data: [2160, 2064, 1000] }],
};
const bars: ChartData = {
  id: 'volume',
  no: 1,
  title: '2018—2020 年全市 12345 在线诉求受理量对比图',
  kind: 'bar',
  categories: ['2018年', '2019年', '2020年'],
  series: [
    { name: '全市', data: [666108, 906566, 1224862] },
    { name: '市级平台', data: [465077, 676030, 868022] },
  ],
};

describe('CJK font lookup', () => {
  it('takes REPORT_CJK_FONT when set, refuses one that is missing, and finds none on a bare machine', () => {
    expect(findCjkFont({ REPORT_CJK_FONT: '/x/f.ttc', REPORT_CJK_FONT_FAMILY: 'F' }, () => true)).toEqual({ file: '/x/f.ttc', family: 'F' });
    expect(() => findCjkFont({ REPORT_CJK_FONT: '/x/f.ttc' }, () => false)).toThrow(/REPORT_CJK_FONT.*does not exist.*fonts-wqy-zenhei/);
    expect(findCjkFont({}, () => false)).toBeNull();
    expect(findCjkFont({}, (p) => p.endsWith('NotoSansCJK-Regular.ttc'))?.family).toBe('Noto Sans CJK SC');
  });
});

// the rendering tests need the CJK font CI installs (fonts-wqy-zenhei); without it they say so rather than pass
const font = findCjkFont();
const withFont = font ? describe : describe.skip;
if (!font) console.warn('no CJK font: the chart rasterisation tests are skipped (apt-get install fonts-wqy-zenhei)');

withFont('charts as PNG', () => {
  it('rasterises a chart to a PNG of many colours at 1280 px wide', async () => {
    const png = await svgToPng(chartSvg(pie));
    const img = decodePng(png);
    expect(img.width).toBe(1280);
    expect(img.height).toBe(720);
    expect(distinctColours(img)).toBeGreaterThan(20);
    if (process.env['REPORT_PNG_OUT']) writeFileSync(process.env['REPORT_PNG_OUT'], png);
  });

  it('draws the Chinese labels: the same chart with its labels blanked differs in many pixels', async () => {
    const a = decodePng(await svgToPng(chartSvg(bars), 640));
    const b = decodePng(await svgToPng(chartSvg({ ...bars, categories: ['', '', ''], series: bars.series.map((s) => ({ ...s, name: '' })) }), 640));
    let differ = 0;
    for (let i = 0; i < a.rgba.length; i += 4) if (a.rgba.readUInt32BE(i) !== b.rgba.readUInt32BE(i)) differ++;
    expect(differ).toBeGreaterThan(500);
  });

  it('puts a real PNG and the SVG of every chart in the DOCX', async () => {
    const report = {
      kind: 'annual',
      title: '2020年市 12345在线服务平台运行情况综合分析报告',
      issuer: '连云港市 12345 政府公共服务中心',
      issuedOn: '2021-01-08',
      sections: [
        {
          no: '一',
          title: '诉求受理情况',
          blocks: [{ no: '（一）', lead: '诉求受理总量稳步增长。', text: '…', chartIds: ['volume', 'hot-zsrm'], tableIds: [] }],
        },
      ],
      tables: [],
      charts: [bars, pie],
      figures: {},
    } as unknown as AnnualReport;
    const files = unzip(await reportDocx(report));
    for (const k of [1, 2]) {
      const img = decodePng(files.get(`word/media/chart${k}.png`) as Buffer);
      expect(img.width).toBe(1280);
      expect(distinctColours(img)).toBeGreaterThan(20);
      expect(files.get(`word/media/chart${k}.svg`)?.toString()).toContain('<svg');
    }
    expect(files.get('word/document.xml')?.toString()).toContain('r:embed="rIdPng2"');
  });
});
