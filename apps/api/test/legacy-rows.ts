import { ORDER_HEADERS } from '@hotline/server-legacy-import';

export type LegacyFields = Partial<Record<(typeof ORDER_HEADERS)[number], string>>;

/** One order of the old system's export, in ORDER_HEADERS order: a dispatched, closed 2017 complaint; `over` changes fields. */
export function legacyOrder(number: string, over: LegacyFields = {}): string[] {
  const row: Record<string, string> = {
    工单编号: number,
    受理平台: '市级',
    受理时间: '2017-03-01 09:30:00',
    来源渠道: '电话',
    诉求类型: '投诉',
    诉求分类: '水电气暖/供水/突发停水',
    所属区域: '海州区',
    专题: '',
    来电号码: '13800001111',
    诉求内容: '小区停水，已经六个小时，请尽快处理。',
    处理方式: '派单',
    承办单位: '连云港水务集团',
    派单时间: '2017-03-01 09:40:00',
    办理时限: '2017-03-06 17:30:00',
    办结时间: '2017-03-03 10:00:00',
    回访时间: '2017-03-04 10:00:00',
    满意度: '满意',
    是否解决: '是',
    ...over,
  };
  return ORDER_HEADERS.map((h) => row[h]);
}

/** A CSV file as the old system writes one: a BOM, CRLF, fields quoted where they hold a quote, comma or newline. */
export const legacyCsv = (rows: string[][]) =>
  `\ufeff${rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n')}\r\n`;
