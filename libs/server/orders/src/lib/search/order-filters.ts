import type { OrderUnitPart } from '@hotline/contracts';
import type { SearchOrdersDto } from '../dto';
import { booleanQuery, classifyQuery, queryTerms } from './text-terms';

/** One WHERE condition of the order search, with its named parameters (and the table it needs joined, if any). */
export interface Filter {
  sql: string;
  params?: Record<string, unknown>;
  join?: { table: string; alias: string; on: string };
  /** The text index lookup's terms: a search may narrow it to some months (order-queries.ts). */
  fts?: { terms: string[] };
  /** The same condition as two disjoint ones whose counts add up (a count reads each side by its own index). */
  split?: { main: Filter; co: Filter };
}

/** What the filters need resolved beforehand (the reference data's subtrees, the clock). */
export interface FilterContext {
  now: Date;
  /** The unit handler's own subtree: what they may see at all; null for the center's roles. */
  userScope: number[] | null;
  /** The subtree of `q.unitId`, when asked. */
  unitScope: number[] | null;
  /** The subtree `q.unitPart` is taken against: `q.unitId`'s when given, else the user's unit's. */
  partScope: number[] | null;
  /** The category and its descendants, when `q.categoryId` is asked. */
  categoryScope: number[] | null;
  /** A unit must not be able to confirm who a confidential caller is by trying numbers. */
  hideConfidential: boolean;
}

export interface OrderSort {
  by: string;
  dir: 'ASC' | 'DESC';
}

/**
 * The orders of these units, as main or co-unit. The OR leaves the index on main_unit_id no range, so a count reads
 * the two sides apart (`split`): the main unit's range, then the co-unit rows of orders whose main unit is elsewhere.
 */
function inUnits(alias: string, key: string, units: number[]): Filter {
  const params = { [key]: units };
  return {
    sql: `(o.main_unit_id IN (:...${key}) OR EXISTS (SELECT 1 FROM order_co_unit ${alias} WHERE ${alias}.order_id = o.id AND ${alias}.unit_id IN (:...${key})))`,
    params,
    split: {
      main: { sql: `o.main_unit_id IN (:...${key})`, params },
      co: {
        sql: `o.id IN (SELECT ${alias}.order_id FROM order_co_unit ${alias} WHERE ${alias}.unit_id IN (:...${key})) AND (o.main_unit_id IS NULL OR o.main_unit_id NOT IN (:...${key}))`,
        params,
      },
    },
  };
}

function unitPartFilter(part: OrderUnitPart, scope: number[]): Filter {
  const co = 'EXISTS (SELECT 1 FROM order_co_unit cu3 WHERE cu3.order_id = o.id AND cu3.unit_id IN (:...partScope))';
  // 'co': a co-unit of the order is in scope and the main unit is not (a unit that is both is the main unit)
  return part === 'main'
    ? { sql: 'o.main_unit_id IN (:...partScope)', params: { partScope: scope } }
    : { sql: `${co} AND (o.main_unit_id IS NULL OR o.main_unit_id NOT IN (:...partScope))`, params: { partScope: scope } };
}

/** A date-only `to` includes that whole day. */
export function endOf(to: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(to) ? new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86400_000) : new Date(to);
}

/** A search counts its matches up to here: an exact total of a million costs a scan of a million, and no one pages that far. */
export const COUNT_LIMIT = 10_000;

/** The search as data: every condition SearchOrdersDto asks for, pure, in the order they are applied. */
export function orderFilters(q: SearchOrdersDto, ctx: FilterContext): Filter[] {
  const f: Filter[] = [];
  const { now } = ctx;
  if (ctx.userScope) f.push(inUnits('cu', 'scope', ctx.userScope));
  if (q.number) f.push({ sql: 'o.number = :number', params: { number: q.number } });
  if (q.status?.length) f.push({ sql: 'o.status IN (:...status)', params: { status: q.status } });
  if (ctx.unitScope) f.push(inUnits('cu2', 'units', ctx.unitScope));
  if (q.unitPart && ctx.partScope) f.push(unitPartFilter(q.unitPart, ctx.partScope));
  if (q.regionId) f.push({ sql: 'o.region_id = :regionId', params: { regionId: q.regionId } });
  if (ctx.categoryScope) f.push({ sql: 'o.category_id IN (:...cats)', params: { cats: ctx.categoryScope } });
  if (q.channel) f.push({ sql: 'o.channel_code = :channel', params: { channel: q.channel } });
  if (q.appealType) f.push({ sql: 'o.appeal_type_code = :appealType', params: { appealType: q.appealType } });
  if (q.topic)
    f.push({
      sql: 'EXISTS (SELECT 1 FROM order_topic ot JOIN topic t ON t.id = ot.topic_id WHERE ot.order_id = o.id AND t.code = :topic)',
      params: { topic: q.topic },
    });
  if (q.phone) {
    f.push({ sql: 'o.caller_phone = :phone', params: { phone: q.phone } });
    if (ctx.hideConfidential) f.push({ sql: 'o.caller_confidential = 0' });
  }
  if (q.q?.trim()) f.push(...textFilters(q.q, ctx));
  if (q.from) f.push({ sql: 'o.created_at >= :from', params: { from: new Date(q.from) } });
  if (q.to) f.push({ sql: 'o.created_at < :to', params: { to: endOf(q.to) } });
  if (q.overdue) {
    f.push({
      sql: `((o.status IN ('dispatched','handling') AND o.handle_due_at < :now) OR (o.status = 'dispatched' AND o.sign_due_at < :now)
          OR (o.status IN ('dispatched','handling','suspended','returning') AND (o.handle_overdue_at IS NOT NULL OR o.sign_overdue_at IS NOT NULL)))`,
      params: { now },
    });
  }
  if (q.handleDueBefore) f.push({ sql: 'o.handle_due_at <= :handleDueBefore', params: { handleDueBefore: new Date(q.handleDueBefore) } });
  if (q.dueWithinHours) {
    const until = new Date(now.getTime() + q.dueWithinHours * 3600_000);
    f.push({
      sql: `((o.status IN ('dispatched','handling') AND o.handle_due_at BETWEEN :now AND :until) OR (o.status = 'dispatched' AND o.sign_due_at BETWEEN :now AND :until))`,
      params: { now, until },
    });
  }
  if (q.pendingExtension) f.push({ sql: "o.ext_days IS NOT NULL AND o.status = 'handling'" });
  if (q.supervised) f.push({ sql: 'o.supervise_count > 0' });
  if (q.resolution) f.push({ sql: 'o.resolution = :resolution', params: { resolution: q.resolution } });
  if (q.satisfaction?.length) f.push({ sql: 'o.callback_satisfaction IN (:...sat)', params: { sat: q.satisfaction } });
  if (q.reworked) f.push({ sql: "o.rework_count > 0 AND o.status IN ('dispatched','handling','suspended')" });
  if (q.callbackQueue) {
    f.push({
      // the status IN first, so the open statuses' index range is read instead of every order
      sql: `o.status IN ('callback_pending','merged') AND o.callback_at IS NULL AND (o.status = 'callback_pending' OR (o.status = 'merged' AND EXISTS (SELECT 1 FROM work_order m WHERE m.id = o.merged_into_id AND m.status IN ('callback_pending','closed') AND m.resolution = 'dispatched')))`,
    });
  }
  return f;
}

/**
 * The search box: an order number is that order only, a phone number the caller's orders (confidential callers hidden
 * from a unit as the phone filter hides them), anything else the text index (search/text-terms.ts) narrowed to the
 * orders whose content or address holds the text as typed.
 */
export function textFilters(raw: string, ctx: Pick<FilterContext, 'hideConfidential'>): Filter[] {
  const q = classifyQuery(raw);
  if (q.kind === 'number') return [{ sql: 'o.number = :qn', params: { qn: q.number } }];
  if (q.kind === 'phone') {
    const f: Filter[] = [{ sql: 'o.caller_phone = :qphone', params: { qphone: q.phone } }];
    if (ctx.hideConfidential) f.push({ sql: 'o.caller_confidential = 0' });
    return f;
  }
  const like = `%${raw.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const exact: Filter = { sql: '(o.content LIKE :like OR o.address LIKE :like)', params: { like } };
  const terms = queryTerms(q.text);
  // nothing indexable (punctuation only): the LIKE alone, a scan, as before
  if (!terms.length) return [exact];
  const match: Filter = {
    sql: 'MATCH (ot_q.terms) AGAINST (:fts IN BOOLEAN MODE)',
    params: { fts: booleanQuery(terms) },
    join: { table: 'order_text', alias: 'ot_q', on: 'ot_q.order_id = o.id' },
    fts: { terms },
  };
  // one term of a query that is all letters and digits (停水, 停, A12) is the text as typed: its token is there exactly
  // when content or address holds it, so the rows need not be read to check. Several terms may be there apart or in
  // another order, and punctuation is not indexed: the LIKE then checks the narrowed rows.
  return terms.length === 1 && /^[\p{L}\p{N}]+$/u.test(q.text) ? [match] : [match, exact];
}

/** The ORDER BY of a search: newest first by default, the id breaking ties in the same direction. */
export function orderSort(q: Pick<SearchOrdersDto, 'sort'>): OrderSort[] {
  if (q.sort === 'handleDueAt')
    return [
      { by: 'o.handle_due_at IS NULL', dir: 'ASC' },
      { by: 'o.handle_due_at', dir: 'ASC' },
      { by: 'o.id', dir: 'DESC' },
    ];
  const dir = q.sort === 'createdAt' ? 'ASC' : 'DESC';
  return [
    { by: 'o.created_at', dir },
    { by: 'o.id', dir },
  ];
}
