import { CHANNELS, ORDER_ACTIONS, STAT_MEASURES, type MeasureTotals } from '@hotline/contracts';
import { bucketsOf, channelGroup, chinaDay, measuresOf, OPEN_FINISH_DAY, overdueEntryOf, statDay, type Grain, type OrderFacts } from '@hotline/domain';

/**
 * The summary tables: what each one is keyed by, how one order (or one lifecycle event) lands in it, and the
 * same thing once more in SQL for the rebuild and the recount check. Keeping both sides here, next to each
 * other, is what keeps them in step; the recount check (stats-check) proves they are.
 */

export type Key = (string | number)[];

/** A change to one summary cell: the measures to add (negative to take away). */
export interface Delta {
  table: SummaryTable;
  /** China day the cell counts on (expanded to its day, month and year rows); null for tables without periods */
  day: string | null;
  key: Key;
  values: number[];
}

export type CubeTable = 'stat_intake' | 'stat_category' | 'stat_unit' | 'stat_topic';
export type SummaryTable = CubeTable | 'stat_event' | 'stat_overdue' | 'stat_call' | 'stat_call_kpi';

export interface OrderInput extends OrderFacts {
  topicIds: readonly number[];
}

const COLLECTOR_CODES = CHANNELS.filter((c) => c.group === 'collector')
  .map((c) => `'${c.code}'`)
  .join(', ');

/** SQL for the dimensions, over `work_order o` (and `order_topic ot` for topics). */
const DIM_SQL = {
  platform_id: 'o.platform_id',
  channel_code: 'o.channel_code',
  channel_grp: `CASE WHEN o.channel_code IN (${COLLECTOR_CODES}) THEN 'collector' ELSE 'public' END`,
  appeal_type_code: 'o.appeal_type_code',
  category_id: 'o.category_id',
  region_id: 'COALESCE(o.region_id, 0)',
  unit_id: 'COALESCE(o.main_unit_id, 0)',
  topic_id: 'ot.topic_id',
} as const;
type Dim = keyof typeof DIM_SQL;

const DIM_OF: Record<Dim, (o: OrderInput) => string | number> = {
  platform_id: (o) => o.platformId,
  channel_code: (o) => o.channel,
  channel_grp: (o) => channelGroup(o.channel),
  appeal_type_code: (o) => o.appealType,
  category_id: (o) => o.categoryId,
  region_id: (o) => o.regionId ?? 0,
  unit_id: (o) => o.mainUnitId ?? 0,
  topic_id: () => 0, // set per topic
};

export interface CubeSpec {
  table: CubeTable;
  dims: readonly Dim[];
  perTopic: boolean;
}

export const CUBES: readonly CubeSpec[] = [
  { table: 'stat_intake', dims: ['platform_id', 'channel_code', 'appeal_type_code'], perTopic: false },
  { table: 'stat_category', dims: ['platform_id', 'channel_grp', 'appeal_type_code', 'category_id', 'region_id'], perTopic: false },
  { table: 'stat_unit', dims: ['platform_id', 'unit_id', 'appeal_type_code'], perTopic: false },
  { table: 'stat_topic', dims: ['platform_id', 'topic_id', 'channel_grp', 'appeal_type_code', 'category_id'], perTopic: true },
];

/** The measures of one order, in SQL over `work_order o`; mirrors measuresOf() in @hotline/domain. */
const FINISHED = "o.resolution = 'dispatched' AND o.accepted_at IS NOT NULL";
const ON_TIME = '(o.handle_due_at IS NULL OR (o.replied_at IS NOT NULL AND o.replied_at <= o.handle_due_at))';
const CALLED = 'o.callback_at IS NOT NULL AND o.callback_satisfaction IS NOT NULL';
const SIGNED = "o.resolution = 'dispatched' AND o.signed_at IS NOT NULL";
export const MEASURE_SQL: Record<(typeof STAT_MEASURES)[number], string> = {
  accepted: '1',
  direct: "IF(o.resolution = 'direct', 1, 0)",
  direct_knowledge: "IF(o.resolution = 'direct' AND o.direct_answer_method = 'knowledge', 1, 0)",
  direct_three_way: "IF(o.resolution = 'direct' AND o.direct_answer_method = 'three-way', 1, 0)",
  direct_other: "IF(o.resolution = 'direct' AND o.direct_answer_method = 'other', 1, 0)",
  dispatched: "IF(o.resolution = 'dispatched', 1, 0)",
  finished: `IF(${FINISHED}, 1, 0)`,
  on_time: `IF(${FINISHED} AND ${ON_TIME}, 1, 0)`,
  late: `IF(${FINISHED} AND NOT ${ON_TIME}, 1, 0)`,
  signed: `IF(${SIGNED}, 1, 0)`,
  signed_on_time: `IF(${SIGNED} AND (o.sign_due_at IS NULL OR o.signed_at <= o.sign_due_at), 1, 0)`,
  callbacks: `IF(${CALLED}, 1, 0)`,
  cb_very_satisfied: `IF(${CALLED} AND o.callback_satisfaction = 'very_satisfied', 1, 0)`,
  cb_satisfied: `IF(${CALLED} AND o.callback_satisfaction = 'satisfied', 1, 0)`,
  cb_basic: `IF(${CALLED} AND o.callback_satisfaction = 'basically_satisfied', 1, 0)`,
  cb_dissatisfied: `IF(${CALLED} AND o.callback_satisfaction = 'dissatisfied', 1, 0)`,
  cb_very_dissatisfied: `IF(${CALLED} AND o.callback_satisfaction = 'very_dissatisfied', 1, 0)`,
  solved: `IF(${CALLED} AND o.callback_solved = 1, 1, 0)`,
  returns: 'o.return_count',
  reworks: 'o.rework_count',
  reworked: 'IF(o.rework_count > 0, 1, 0)',
  extensions: 'o.extension_count',
  supervisions: 'o.supervise_count',
  instructions: 'o.instruct_count',
  merged: "IF(o.status = 'merged', 1, 0)",
  closed: "IF(o.status = 'closed', 1, 0)",
};

const CHINA_DAY = (col: string) => `DATE(${col} + INTERVAL 8 HOUR)`;

// ------------------------------------------------------------------ table descriptions

export interface TableSpec {
  table: SummaryTable;
  /** key columns after (grain, period) for grained tables; all key columns otherwise */
  keys: readonly string[];
  values: readonly string[];
  grained: boolean;
  /** SELECT of the day rows from the source tables, columns: [period,] keys…, values… (grouped) */
  recount: string;
  /**
   * The same SELECT restricted to source rows whose `timeColumn` lies in [?, ?) (two parameters): the full-scan
   * GROUP BY that the summary tables replace, for the benchmark and for checking a period.
   */
  recountBetween: string;
  timeColumn: string;
  /**
   * Whether the table's key ends with a `slot` (0…SLOTS−1) beyond the cell's key: concurrent order changes add to
   * separate rows of one cell instead of queueing on its row lock. A cell's value is the SUM over its slots, which
   * every reader takes anyway; rebuilds write slot 0.
   */
  slotted: boolean;
}

/** Rows one cell may be spread over (see TableSpec.slotted). */
export const SLOTS = 8;

function cubeRecount(c: CubeSpec, where = ''): string {
  const dims = c.dims.map((d) => `${DIM_SQL[d]} AS ${d}`).join(', ');
  const values = STAT_MEASURES.map((m) => `SUM(${MEASURE_SQL[m]}) AS ${m}`).join(', ');
  const from = c.perTopic ? 'work_order o JOIN order_topic ot ON ot.order_id = o.id' : 'work_order o';
  return `SELECT ${CHINA_DAY('o.created_at')} AS period, ${dims}, ${values} FROM ${from}${where} GROUP BY ${['period', ...c.dims].join(', ')}`;
}
const between = (col: string) => ` WHERE ${col} >= ? AND ${col} < ?`;

/**
 * Lifecycle actions counted in stat_event, by the unit they concern. Intake is not one of them: it is
 * stat_intake's `accepted`, and counting it here too put every intake in the city on the same few rows
 * (one per day, month and year), whose locks serialised all intake transactions until their commit.
 */
export const EVENT_ACTIONS: readonly string[] = [...ORDER_ACTIONS];
/** Actions a unit handler takes: they concern the actor's unit. */
const UNIT_ACTOR_ACTIONS = ['sign', 'return', 'request-extension', 'suspend', 'resume', 'reply', 'co-reply', 'feedback'];
const jsonId = (path: string) => `COALESCE(CAST(NULLIF(JSON_UNQUOTE(JSON_EXTRACT(h.data, '$.${path}')), 'null') AS UNSIGNED), 0)`;
const q = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

const eventRecount = (extra = '') => `SELECT ${CHINA_DAY('h.created_at')} AS period, o.platform_id AS platform_id,
    CASE WHEN h.action = 'dispatch' THEN ${jsonId('unitId')}
         WHEN h.action = 'approve-return' THEN ${jsonId('returnedBy')}
         WHEN h.action IN ('urge', 'supervise') THEN ${jsonId('unitId')}
         WHEN h.action IN (${q(UNIT_ACTOR_ACTIONS)}) THEN COALESCE(h.actor_unit_id, 0)
         ELSE 0 END AS unit_id,
    h.action AS action, COUNT(*) AS n
  FROM order_history h JOIN work_order o ON o.id = h.order_id
  WHERE h.action IN (${q(EVENT_ACTIONS)}) AND NOT (h.action = 'merge' AND (h.to_status IS NULL OR h.to_status <> 'merged'))${extra}
  GROUP BY period, platform_id, unit_id, action`;

const overdueRecount = (extra = '') => `SELECT o.platform_id AS platform_id, ${CHINA_DAY('o.handle_due_at')} AS due_day,
    IF(${FINISHED}, ${CHINA_DAY('COALESCE(o.replied_at, o.accepted_at)')}, '${OPEN_FINISH_DAY}') AS finish_day,
    COALESCE(o.main_unit_id, 0) AS unit_id, COUNT(*) AS n
  FROM work_order o
  WHERE o.resolution = 'dispatched' AND o.handle_due_at IS NOT NULL AND NOT (${FINISHED} AND ${ON_TIME})${extra}
  GROUP BY platform_id, due_day, finish_day, unit_id`;

// a call counts once it has ended (imported calls always have); outbound and still-ringing calls are not offered calls
const callRecount = (
  extra = '',
) => `SELECT ${CHINA_DAY('c.called_at')} AS period, c.platform_id AS platform_id, COUNT(*) AS offered, SUM(c.answered) AS answered
  FROM call_record c WHERE c.counted = 1${extra} GROUP BY period, platform_id`;

/** Answered within this many milliseconds of the call's arrival: GB/T 33358-2016's 15 seconds. */
export const ANSWER_TARGET_MS = 15_000;
const MS = (a: string, b: string) => `TIMESTAMPDIFF(MICROSECOND, ${a}, ${b}) DIV 1000`;
const callKpiRecount = (extra = '') => `SELECT ${CHINA_DAY('c.called_at')} AS period, c.platform_id AS platform_id,
    HOUR(c.called_at + INTERVAL 8 HOUR) AS hour, COALESCE(c.agent_id, 0) AS agent_id, c.queue AS queue,
    COUNT(*) AS offered, SUM(c.answered) AS answered,
    SUM(IF(c.answered = 1 AND c.answered_at IS NOT NULL AND ${MS('c.called_at', 'c.answered_at')} <= ${ANSWER_TARGET_MS}, 1, 0)) AS answered_15s,
    SUM(1 - c.answered) AS abandoned,
    SUM(COALESCE(IF(c.answered = 1, ${MS('c.called_at', 'c.answered_at')}, ${MS('c.called_at', 'c.hung_up_at')}) DIV 1000, 0)) AS wait_s,
    SUM(IF(c.answered = 1, COALESCE(${MS('c.answered_at', 'c.hung_up_at')} DIV 1000, 0), 0)) AS talk_s
  FROM call_record c WHERE c.counted = 1${extra} GROUP BY period, platform_id, hour, agent_id, queue`;

export const CALL_KPI_VALUES = ['offered', 'answered', 'answered_15s', 'abandoned', 'wait_s', 'talk_s'] as const;

export const TABLES: readonly TableSpec[] = [
  ...CUBES.map((c) => ({
    table: c.table,
    keys: c.dims,
    values: STAT_MEASURES,
    grained: true,
    recount: cubeRecount(c),
    recountBetween: cubeRecount(c, between('o.created_at')),
    timeColumn: 'o.created_at',
    slotted: true,
  })),
  {
    table: 'stat_event',
    keys: ['platform_id', 'unit_id', 'action'],
    values: ['n'],
    grained: true,
    recount: eventRecount(),
    recountBetween: eventRecount(' AND h.created_at >= ? AND h.created_at < ?'),
    timeColumn: 'h.created_at',
    slotted: true,
  },
  {
    table: 'stat_overdue',
    keys: ['platform_id', 'due_day', 'finish_day', 'unit_id'],
    values: ['n'],
    grained: false,
    recount: overdueRecount(),
    recountBetween: overdueRecount(' AND o.handle_due_at >= ? AND o.handle_due_at < ?'),
    timeColumn: 'o.handle_due_at',
    slotted: true,
  },
  // written by imports of call records, one batch at a time, and by the CTI endpoint as each call ends
  {
    table: 'stat_call',
    keys: ['platform_id'],
    values: ['offered', 'answered'],
    grained: true,
    recount: callRecount(),
    recountBetween: callRecount(' AND c.called_at >= ? AND c.called_at < ?'),
    timeColumn: 'c.called_at',
    slotted: true,
  },
  {
    table: 'stat_call_kpi',
    keys: ['platform_id', 'hour', 'agent_id', 'queue'],
    values: CALL_KPI_VALUES,
    grained: true,
    recount: callKpiRecount(),
    recountBetween: callKpiRecount(' AND c.called_at >= ? AND c.called_at < ?'),
    timeColumn: 'c.called_at',
    slotted: true,
  },
];

export function tableSpec(table: SummaryTable): TableSpec {
  const t = TABLES.find((x) => x.table === table);
  if (!t) throw new Error(`unknown summary table ${table}`);
  return t;
}

// ------------------------------------------------------------------ what one order contributes

const measureValues = (m: MeasureTotals) => STAT_MEASURES.map((k) => m[k]);

/** The cells one order adds to (sign +1) or takes from (sign −1). */
export function orderDeltas(o: OrderInput, sign: 1 | -1): Delta[] {
  const m = measuresOf(o);
  const values = measureValues(m).map((v) => v * sign);
  const day = statDay(o);
  const out: Delta[] = [];
  for (const c of CUBES) {
    if (c.perTopic) {
      for (const topicId of o.topicIds) out.push({ table: c.table, day, key: c.dims.map((d) => (d === 'topic_id' ? topicId : DIM_OF[d](o))), values });
    } else {
      out.push({ table: c.table, day, key: c.dims.map((d) => DIM_OF[d](o)), values });
    }
  }
  const overdue = overdueEntryOf(o);
  if (overdue) out.push({ table: 'stat_overdue', day: null, key: [o.platformId, overdue.dueDay, overdue.finishDay, o.mainUnitId ?? 0], values: [sign] });
  return out;
}

/** The unit a lifecycle event concerns, as its history row records it (see EVENT_RECOUNT). */
export function eventUnit(
  action: string,
  before: { mainUnitId: number | null } | null,
  after: { mainUnitId: number | null },
  actorUnitId: number | null,
): number {
  if (action === 'dispatch') return after.mainUnitId ?? 0;
  if (action === 'approve-return' || action === 'urge' || action === 'supervise') return before?.mainUnitId ?? 0;
  if (UNIT_ACTOR_ACTIONS.includes(action)) return actorUnitId ?? 0;
  return 0;
}

export function eventDelta(action: string, at: Date, platformId: number, unitId: number): Delta | null {
  if (!EVENT_ACTIONS.includes(action)) return null;
  return { table: 'stat_event', day: chinaDay(at), key: [platformId, unitId, action], values: [1] };
}

/** The stat_event cell one history row counts in, exactly as EVENT_RECOUNT reads it back (for bulk writers). */
export function historyEventDelta(
  h: { action: string; toStatus: string | null; actorUnitId: number | null; data: Record<string, unknown> | null; at: Date },
  platformId: number,
): Delta | null {
  if (!EVENT_ACTIONS.includes(h.action)) return null;
  if (h.action === 'merge' && h.toStatus !== 'merged') return null;
  const id = (k: string) => {
    const v = h.data?.[k];
    return v == null ? 0 : Number(v) || 0;
  };
  const unit =
    h.action === 'dispatch'
      ? id('unitId')
      : h.action === 'approve-return'
        ? id('returnedBy')
        : h.action === 'urge' || h.action === 'supervise'
          ? id('unitId')
          : UNIT_ACTOR_ACTIONS.includes(h.action)
            ? (h.actorUnitId ?? 0)
            : 0;
  return { table: 'stat_event', day: chinaDay(h.at), key: [platformId, unit, h.action], values: [1] };
}

export function callDelta(calledAt: Date, platformId: number, answered: boolean): Delta {
  return { table: 'stat_call', day: chinaDay(calledAt), key: [platformId], values: [1, answered ? 1 : 0] };
}

/** One call record as the summary tables see it (the columns CALL_KPI's recount reads). */
export interface CallFacts {
  platformId: number;
  calledAt: Date;
  answered: boolean;
  answeredAt: Date | null;
  hungUpAt: Date | null;
  agentId: number | null;
  queue: string;
  /** ended and inbound (always true for imported calls) */
  counted: boolean;
}

const msBetween = (a: Date, b: Date) => b.getTime() - a.getTime();

/** The cells one call adds to (sign +1) or takes from (sign −1), exactly as the recount reads them back. */
export function callDeltas(c: CallFacts, sign: 1 | -1 = 1): Delta[] {
  if (!c.counted) return [];
  const waitMs = c.answered ? (c.answeredAt ? msBetween(c.calledAt, c.answeredAt) : null) : c.hungUpAt ? msBetween(c.calledAt, c.hungUpAt) : null;
  const talkMs = c.answered && c.answeredAt && c.hungUpAt ? msBetween(c.answeredAt, c.hungUpAt) : null;
  const secs = (ms: number | null) => (ms == null ? 0 : Math.trunc(ms / 1000));
  const in15 = c.answered && c.answeredAt != null && (waitMs as number) <= ANSWER_TARGET_MS;
  const hour = new Date(c.calledAt.getTime() + 8 * 3_600_000).getUTCHours();
  const kpi = [1, c.answered ? 1 : 0, in15 ? 1 : 0, c.answered ? 0 : 1, secs(waitMs), secs(talkMs)];
  return [
    { table: 'stat_call', day: chinaDay(c.calledAt), key: [c.platformId], values: [sign, c.answered ? sign : 0] },
    { table: 'stat_call_kpi', day: chinaDay(c.calledAt), key: [c.platformId, hour, c.agentId ?? 0, c.queue], values: kpi.map((v) => v * sign) },
  ];
}

/** Sums deltas per cell and expands grained cells to their day, month and year rows; drops cells that net to zero. */
export function mergeDeltas(deltas: readonly Delta[]): Map<SummaryTable, { key: Key; values: number[] }[]> {
  // merge the day cells first, then expand the (far fewer) merged cells to their month and year rows
  const days = new Map<string, { table: SummaryTable; day: string | null; key: Key; values: number[] }>();
  for (const d of deltas) {
    const id = `${d.table}|${d.day}|${d.key.join('|')}`;
    const cur = days.get(id);
    if (cur) for (let i = 0; i < d.values.length; i++) cur.values[i] += d.values[i];
    else days.set(id, { table: d.table, day: d.day, key: d.key, values: [...d.values] });
  }
  const cells = new Map<string, { table: SummaryTable; key: Key; values: number[] }>();
  for (const d of days.values()) {
    if (!d.values.some((v) => v !== 0)) continue;
    const rows: Key[] = d.day == null ? [d.key] : (Object.entries(bucketsOf(d.day)) as [Grain, string][]).map(([g, p]) => [g, p, ...d.key]);
    for (const key of rows) {
      const id = `${d.table}|${key.join('|')}`;
      const cur = cells.get(id);
      if (cur) for (let i = 0; i < d.values.length; i++) cur.values[i] += d.values[i];
      else cells.set(id, { table: d.table, key, values: [...d.values] });
    }
  }
  const out = new Map<SummaryTable, { key: Key; values: number[] }[]>();
  // a fixed order of tables and keys, so two transactions never lock the same rows in opposite orders
  const sorted = [...cells.values()]
    .filter((c) => c.values.some((v) => v !== 0))
    .sort((a, b) => (a.table < b.table ? -1 : a.table > b.table ? 1 : compareKeys(a.key, b.key)));
  for (const c of sorted) {
    if (!out.has(c.table)) out.set(c.table, []);
    out.get(c.table)?.push({ key: c.key, values: c.values });
  }
  return out;
}

function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

/** Columns of a cell's key in order: grain and period first for grained tables (a slotted table's `slot` is not part of it). */
export function keyColumns(t: TableSpec): string[] {
  return t.grained ? ['grain', 'period', ...t.keys] : [...t.keys];
}
