import { OrderStatus, OrderSummary, STATUS_LABELS } from '@hotline/contracts';

export interface ExportColumn {
  header: string;
  width: number;
  value: (o: OrderSummary) => string | number | Date | null;
}

export interface ExportLookups {
  channelName(code: string): string;
  appealTypeName(code: string): string;
  regionName(id: number | null): string;
}

const date = (iso: string | null) => (iso ? new Date(iso) : null);

export function orderExportColumns(l: ExportLookups): ExportColumn[] {
  return [
    { header: '工单编号', width: 20, value: (o) => o.number },
    {
      header: '状态',
      width: 10,
      value: (o) => STATUS_LABELS[o.status as OrderStatus] ?? o.status,
    },
    { header: '受理时间', width: 18, value: (o) => date(o.createdAt) },
    { header: '来源渠道', width: 10, value: (o) => l.channelName(o.channel) },
    {
      header: '诉求类型',
      width: 8,
      value: (o) => l.appealTypeName(o.appealType),
    },
    { header: '问题分类', width: 28, value: (o) => o.categoryPath },
    { header: '区域', width: 10, value: (o) => l.regionName(o.regionId) },
    { header: '承办单位', width: 20, value: (o) => o.mainUnitName },
    {
      header: '来电人',
      width: 10,
      value: (o) => (o.caller.confidential ? '（保密）' : o.caller.name),
    },
    {
      header: '来电号码',
      width: 14,
      value: (o) => (o.caller.confidential ? '（保密）' : o.caller.phone),
    },
    { header: '紧急', width: 6, value: (o) => (o.urgent ? '是' : '否') },
    { header: '办理时限', width: 18, value: (o) => date(o.handleDueAt) },
    { header: '超期', width: 6, value: (o) => (o.overdue ? '是' : '否') },
    { header: '内容摘要', width: 60, value: (o) => o.contentPreview },
  ];
}

/** Builds the workbook with exceljs, loaded on demand so it never weighs on the first page load. */
export async function ordersToXlsx(rows: readonly OrderSummary[], columns: ExportColumn[]): Promise<Blob> {
  const mod = await import('exceljs');
  // the browser build is a UMD bundle: depending on interop the classes sit on the namespace or on default
  const Workbook = mod.Workbook ?? (mod as unknown as { default: typeof mod }).default.Workbook;
  const wb = new Workbook();
  wb.creator = '12345 工单系统';
  const ws = wb.addWorksheet('工单');
  ws.columns = columns.map((c, i) => ({
    header: c.header,
    key: `c${i}`,
    width: c.width,
  }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const o of rows) ws.addRow(columns.map((c) => c.value(o)));
  columns.forEach((c, i) => {
    if (['受理时间', '办理时限'].includes(c.header)) ws.getColumn(i + 1).numFmt = 'yyyy-mm-dd hh:mm';
  });
  const buffer = await wb.xlsx.writeBuffer();
  return new Blob([buffer], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
