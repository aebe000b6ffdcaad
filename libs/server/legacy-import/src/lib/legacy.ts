import { SATISFACTION_LABELS, SATISFACTION_LEVELS, type ImportRowError, type Satisfaction } from '@hotline/contracts';
import { text, type Cell } from '@hotline/server-platform';

/**
 * The legacy system's export, one row per order (or per call), read by Chinese header. Pure: every check a
 * row must pass before anything of it is stored, with an error naming the row, the column and the reason.
 */

export const ORDER_HEADERS = [
  '工单编号',
  '受理平台',
  '受理时间',
  '来源渠道',
  '诉求类型',
  '诉求分类',
  '所属区域',
  '专题',
  '来电号码',
  '诉求内容',
  '处理方式',
  '承办单位',
  '派单时间',
  '办理时限',
  '办结时间',
  '回访时间',
  '满意度',
  '是否解决',
] as const;
export const CALL_HEADERS = ['呼叫时间', '主叫号码', '是否接通', '应答时间', '挂机时间'] as const;
export type OrderHeader = (typeof ORDER_HEADERS)[number];
export type CallHeader = (typeof CALL_HEADERS)[number];

// a cell as CSV (text) or XLSX (text, number, Date, empty) gives it, and the header lookup: shared with other imports
export { indexHeaders, text, type Cell } from '@hotline/server-platform';

/** Reference names → ids, as the legacy export spells them. */
export interface Names {
  platform(name: string): number | undefined;
  channel(name: string): string | undefined;
  appealType(name: string): string | undefined;
  category(path: string): number | undefined;
  /** undefined = unknown name; null = none */
  region(name: string): number | null | undefined;
  topic(name: string): number | undefined;
  unit(name: string): number | undefined;
}

export interface LegacyOrder {
  row: number;
  number: string;
  platformId: number;
  createdAt: Date;
  channel: string;
  appealType: string;
  categoryId: number;
  regionId: number | null;
  topicIds: number[];
  phone: string | null;
  content: string;
  direct: boolean;
  unitId: number | null;
  dispatchedAt: Date | null;
  handleDueAt: Date | null;
  finishedAt: Date | null;
  callbackAt: Date | null;
  satisfaction: Satisfaction | null;
  solved: boolean | null;
}

export interface LegacyCall {
  row: number;
  calledAt: Date;
  phone: string;
  answered: boolean;
  answeredAt: Date | null;
  hungUpAt: Date | null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: ImportRowError[] };

const DATETIME = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const CHINA_MS = 8 * 3_600_000;

/**
 * A China-time timestamp: 'YYYY-MM-DD HH:mm:ss' (also '/' separators, no seconds, date only), an XLSX date
 * (exceljs reads the wall clock as UTC) or an Excel serial number. Returns null for empty, a message if bad.
 */
export function chinaTime(c: Cell): Date | null | string {
  if (c == null || c === '') return null;
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? 'not a date' : new Date(c.getTime() - CHINA_MS);
  if (typeof c === 'number') {
    if (!(c > 1 && c < 100000)) return 'not a date';
    return new Date(Math.round((c - 25569) * 86_400_000) - CHINA_MS);
  }
  const s = String(c).trim();
  if (!s) return null;
  const m = DATETIME.exec(s);
  if (!m) return 'expected YYYY-MM-DD HH:mm:ss';
  const [y, mo, d, h, mi, se] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, se);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || se > 59) return 'no such date or time';
  return new Date(ms - CHINA_MS);
}

const SATISFACTION_BY_NAME = new Map<string, Satisfaction>(SATISFACTION_LEVELS.map((s) => [SATISFACTION_LABELS[s], s]));
const NUMBER = /^[A-Za-z0-9][A-Za-z0-9_-]{0,23}$/;
const PHONE = /^[0-9+\-() ]{3,32}$/;
/** Orders from before the system existed are history; orders from the future are typos. */
const EARLIEST = Date.UTC(1990, 0, 1);

export function parseOrderRow(cells: Cell[], index: Map<OrderHeader, number>, names: Names, row: number, now = new Date()): Parsed<LegacyOrder> {
  const errors: ImportRowError[] = [];
  const get = (h: OrderHeader) => cells[index.get(h) ?? -1];
  const str = (h: OrderHeader) => text(get(h));
  const fail = (column: OrderHeader, reason: string) => {
    errors.push({ row, column, reason });
    return undefined;
  };
  const required = (h: OrderHeader) => str(h) || fail(h, '不能为空');
  /** null = empty; undefined = given but wrong (already reported, so the checks between columns skip it) */
  const time = (h: OrderHeader, must = false): Date | null | undefined => {
    const t = chinaTime(get(h));
    if (typeof t === 'string') return fail(h, `时间格式错误：${t}`);
    if (t == null) return must ? fail(h, '不能为空') : null;
    if (t.getTime() < EARLIEST || t.getTime() > now.getTime() + 86_400_000) return fail(h, '时间超出合理范围');
    return t;
  };
  const lookup = <T>(h: OrderHeader, f: (name: string) => T | undefined, what: string): T | undefined => {
    const v = str(h);
    if (!v) return fail(h, '不能为空');
    const found = f(v);
    return found === undefined ? fail(h, `未知的${what}“${v}”`) : found;
  };

  const number = required('工单编号');
  if (number && !NUMBER.test(number)) fail('工单编号', '只能是字母、数字、-、_，至多 24 位');
  const platformId = lookup('受理平台', (v) => names.platform(v), '受理平台');
  const createdAt = time('受理时间', true);
  const channel = lookup('来源渠道', (v) => names.channel(v), '来源渠道');
  const appealType = lookup('诉求类型', (v) => names.appealType(v), '诉求类型');
  const categoryId = lookup('诉求分类', (v) => names.category(v.replace(/\s*\/\s*/g, '/')), '诉求分类');
  let regionId: number | null = null;
  const regionName = str('所属区域');
  if (regionName) {
    const r = names.region(regionName);
    if (r === undefined) fail('所属区域', `未知的区域“${regionName}”`);
    else regionId = r;
  }
  const topicIds: number[] = [];
  for (const t of str('专题')
    .split(/[;；]/)
    .map((x) => x.trim())
    .filter(Boolean)) {
    const id = names.topic(t);
    if (id === undefined) fail('专题', `未知的专题“${t}”`);
    else if (!topicIds.includes(id)) topicIds.push(id);
  }
  const phone = str('来电号码') || null;
  if (phone && !PHONE.test(phone)) fail('来电号码', '号码格式错误');
  const content = required('诉求内容');
  if (content && content.length > 5000) fail('诉求内容', '超过 5000 字');
  const how = str('处理方式');
  if (how !== '直接办结' && how !== '派单') fail('处理方式', how ? `应为“直接办结”或“派单”，不是“${how}”` : '不能为空');
  const direct = how === '直接办结';
  let unitId: number | null = null;
  if (how === '派单') unitId = lookup('承办单位', (v) => names.unit(v), '承办单位') ?? null;
  const dispatchedAt = time('派单时间');
  const handleDueAt = time('办理时限');
  const finishedAt = time('办结时间');
  const callbackAt = time('回访时间');
  const satName = str('满意度');
  const rated = !!satName;
  let satisfaction: Satisfaction | null = null;
  if (satName) {
    satisfaction = SATISFACTION_BY_NAME.get(satName) ?? null;
    if (!satisfaction) fail('满意度', `应为${[...SATISFACTION_BY_NAME.keys()].join('、')}之一`);
  }
  const solvedText = str('是否解决');
  let solved: boolean | null = null;
  if (solvedText) {
    if (solvedText === '是') solved = true;
    else if (solvedText === '否') solved = false;
    else fail('是否解决', '应为“是”或“否”');
  }

  // the times must tell a possible story (a column already reported as wrong is left out of these checks)
  if (createdAt) {
    if (dispatchedAt && dispatchedAt < createdAt) fail('派单时间', '早于受理时间');
    if (finishedAt && dispatchedAt !== undefined && finishedAt < (dispatchedAt ?? createdAt)) fail('办结时间', direct ? '早于受理时间' : '早于派单时间');
    if (handleDueAt && dispatchedAt !== undefined && handleDueAt < (dispatchedAt ?? createdAt)) fail('办理时限', '早于派单时间');
  }
  if (direct && dispatchedAt) fail('派单时间', '直接办结的工单没有派单时间');
  if (callbackAt && finishedAt === null) fail('回访时间', '工单尚未办结，不能回访');
  if (callbackAt && finishedAt && callbackAt < finishedAt) fail('回访时间', '早于办结时间');
  if (rated && callbackAt === null) fail('回访时间', '有满意度时须有回访时间');
  if (callbackAt && !rated) fail('满意度', '有回访时间时须有满意度');
  if (solvedText && !rated) fail('是否解决', '未回访的工单没有解决情况');
  if (rated && direct) fail('满意度', '直接办结的工单不回访');

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      row,
      number: number as string,
      platformId: platformId as number,
      createdAt: createdAt as Date,
      channel: channel as string,
      appealType: appealType as string,
      categoryId: categoryId as number,
      regionId,
      topicIds,
      phone,
      content: content as string,
      direct,
      unitId,
      dispatchedAt: direct ? null : (dispatchedAt ?? createdAt ?? null),
      handleDueAt: handleDueAt ?? null,
      finishedAt: direct ? (finishedAt ?? createdAt ?? null) : (finishedAt ?? null),
      callbackAt: callbackAt ?? null,
      satisfaction,
      solved,
    },
  };
}

export function parseCallRow(cells: Cell[], index: Map<CallHeader, number>, row: number, now = new Date()): Parsed<LegacyCall> {
  const errors: ImportRowError[] = [];
  const get = (h: CallHeader) => cells[index.get(h) ?? -1];
  const fail = (column: CallHeader, reason: string) => errors.push({ row, column, reason });
  const time = (h: CallHeader, must = false): Date | null => {
    const t = chinaTime(get(h));
    if (typeof t === 'string') return (fail(h, `时间格式错误：${t}`), null);
    if (t == null) return (must && fail(h, '不能为空'), null);
    if (t.getTime() < EARLIEST || t.getTime() > now.getTime() + 86_400_000) return (fail(h, '时间超出合理范围'), null);
    return t;
  };
  const calledAt = time('呼叫时间', true);
  const phone = text(get('主叫号码'));
  if (!phone) fail('主叫号码', '不能为空');
  else if (!PHONE.test(phone)) fail('主叫号码', '号码格式错误');
  const a = text(get('是否接通'));
  if (a !== '是' && a !== '否') fail('是否接通', '应为“是”或“否”');
  const answeredAt = time('应答时间');
  const hungUpAt = time('挂机时间');
  if (a === '是' && !answeredAt) fail('应答时间', '接通的呼叫须有应答时间');
  if (a === '否' && answeredAt) fail('应答时间', '未接通的呼叫没有应答时间');
  if (calledAt && answeredAt && answeredAt < calledAt) fail('应答时间', '早于呼叫时间');
  if (calledAt && hungUpAt && hungUpAt < (answeredAt ?? calledAt)) fail('挂机时间', '早于应答时间');
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { row, calledAt: calledAt as Date, phone, answered: a === '是', answeredAt, hungUpAt } };
}
