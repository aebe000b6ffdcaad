import type { AnnualReport, ChartData, ReportTable } from '@hotline/contracts';

/** A block's charts and tables, looked up by the ids the text refers to (ids the report lacks are dropped). */
export interface RenderedBlock {
  no: string;
  lead: string;
  text: string;
  charts: ChartData[];
  tables: ReportTable[];
}

export interface RenderedSection {
  no: string;
  title: string;
  blocks: RenderedBlock[];
}

export function renderReport(r: AnnualReport): RenderedSection[] {
  const charts = new Map(r.charts.map((c) => [c.id, c]));
  const tables = new Map(r.tables.map((t) => [t.id, t]));
  return r.sections.map((s) => ({
    no: s.no,
    title: s.title,
    blocks: s.blocks.map((b) => ({
      no: b.no,
      lead: b.lead,
      text: b.text,
      charts: b.chartIds.flatMap((id) => charts.get(id) ?? []),
      tables: b.tableIds.flatMap((id) => tables.get(id) ?? []),
    })),
  }));
}

/** Charts and tables no block refers to, so nothing the API sent is left off the page. */
export function unplaced(r: AnnualReport): { charts: ChartData[]; tables: ReportTable[] } {
  const usedCharts = new Set(r.sections.flatMap((s) => s.blocks.flatMap((b) => b.chartIds)));
  const usedTables = new Set(r.sections.flatMap((s) => s.blocks.flatMap((b) => b.tableIds)));
  return {
    charts: r.charts.filter((c) => !usedCharts.has(c.id)),
    tables: r.tables.filter((t) => !usedTables.has(t.id)),
  };
}

/** A pie's or a tall bar chart's height in px: enough room for its categories. */
export function chartHeight(c: ChartData): number {
  if (c.kind === 'bar-horizontal') return Math.max(220, 28 * c.categories.length + 60);
  return 300;
}
