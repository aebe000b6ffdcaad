import type { ReportBlock, ReportSection } from '@hotline/contracts';
import { ratio, yoy } from './figures';
import type { HotCategoryInput } from './annual-report';
import { AnnualDraft, clauses, n, named, pct, quote, sub, versus } from './report-wording';

/** Section 三、热点诉求剖析: one block per hot category, each worded and charted in its own style. */
export function hotSection(d: AnnualDraft): ReportSection {
  const { a } = d;
  const blocks: ReportBlock[] = [
    {
      key: 'hot',
      no: '',
      lead: '',
      text: '通过对群众反映诉求情况及部门办理情况进行梳理分析，群众反映矛盾集中的重点领域、突出问题主要集中在如下方面：',
      chartIds: [],
      tableIds: [],
    },
  ];
  for (const [i, h] of a.hot.entries()) blocks.push(hotBlock(d, h, i));
  if (a.alsoCategories.length)
    blocks.push({
      key: 'hot.also',
      no: '',
      lead: '',
      text: `除上述热点外，公众反映较集中的诉求类别还包括${a.alsoCategories.join('、')}等方面。`,
      chartIds: [],
      tableIds: [],
    });
  return { no: '三', title: '热点诉求剖析', blocks };
}

function hotBlock(d: AnnualDraft, h: HotCategoryInput, i: number): ReportBlock {
  const fig = d.fig.bind(d);
  const y = yoy(h.count, h.previous);
  fig(`hot.${h.code}.count`, h.count);
  fig(`hot.${h.code}.yoy`, y);
  for (const l2 of h.l2) fig(`hot.${h.code}.${l2.name}`, l2.value);
  const head = `共受理 ${n(h.count)} 件${clauses(versus('同比', y))}。`;
  const { chartIds, tableIds } = hotFigure(d, h);
  return { key: `hot.${h.code}`, no: sub(i), lead: `${h.name}。`, text: head + hotText(h), chartIds, tableIds };
}

/** What a hot category's paragraph says after its count, in its style. */
function hotText(h: HotCategoryInput): string {
  const list = named(h.l2, h.count);
  switch (h.style) {
    case 'focus':
      return `诉求内容主要集中在${list.map((x) => x.name).join('、')}等方面问题。`;
    case 'reflect':
      return `主要反映${list.map((x) => x.name).join('、')}等问题。`;
    case 'breakdown':
      return `其中${h.l2
        .filter((x) => x.value > 0)
        .map(
          (x) =>
            `${x.name}类诉求 ${n(x.value)}件，主要反映${named(x.l3, x.value, 0.1, 4)
              .map((l) => l.name)
              .join('、')}等问题`,
        )
        .join('；')}。`;
    case 'types': {
      const xs = h.l2.filter((x) => x.value > 0);
      return `诉求类型包括${
        xs.length > 1
          ? `${xs
              .slice(0, -1)
              .map((x) => `${x.name} ${n(x.value)}件`)
              .join('、')}和${xs[xs.length - 1].name} ${n(xs[xs.length - 1].value)}件`
          : quote(xs)
      }。`;
    }
    case 'shares': {
      const top = named(h.l2, h.count, 0, 2);
      return `其中${top.map((x) => `${x.name} ${n(x.value)}件，占${h.name}类诉求总量的 ${pct(ratio(x.value, h.count))}`).join('；')}。`;
    }
    case 'pollution': {
      const l2s = h.l2.filter((x) => x.value > 0);
      const regions = [...h.regions].filter((r) => r.value > 0);
      return (
        `主要涉及${l2s.map((x) => x.name).join('、')}等方面。其中，反映较多的类别有${quote(named(h.l2, h.count, 0, 3))}等；` +
        `反映较多的区域有${quote(regions.slice(0, 3))}等。`
      );
    }
  }
}

/** A hot category's chart (by sub-category or region) or table (by region). */
function hotFigure(d: AnnualDraft, h: HotCategoryInput): { chartIds: string[]; tableIds: string[] } {
  const fig = d.fig.bind(d);
  const chart = d.chart.bind(d);
  const chartIds: string[] = [];
  const tableIds: string[] = [];
  if (h.chart === 'table') {
    const id = `table-${h.code}`;
    d.table({
      id,
      title: `${h.name}诉求区域分布情况`,
      columns: ['区域', '总数', '占比', '热点诉求类别前三名'],
      rows: h.regions
        .filter((r) => r.value > 0)
        .map((r) => [
          r.name,
          r.value,
          pct(ratio(r.value, h.count)),
          named(r.l2, r.value, 0, 3)
            .map((x) => x.name)
            .join('、'),
        ]),
    });
    tableIds.push(id);
    for (const r of h.regions) fig(`hot.${h.code}.region.${r.name}`, r.value);
  } else if (h.chart === 'region') {
    chartIds.push(
      chart({
        id: `hot-${h.code}`,
        title: `${h.name}诉求区域分布情况`,
        kind: 'bar',
        categories: h.regions.map((r) => r.name),
        series: [{ name: '诉求量', data: h.regions.map((r) => r.value) }],
      }),
    );
  } else {
    chartIds.push(
      chart({
        id: `hot-${h.code}`,
        title: `${h.name}诉求分析图`,
        kind: 'pie',
        categories: h.l2.map((x) => x.name),
        series: [{ name: '诉求量', data: h.l2.map((x) => x.value) }],
      }),
    );
  }
  return { chartIds, tableIds };
}
