import { CHANNELS, STAT_MEASURES, type ChannelGroup, type MeasureTotals, type Satisfaction, type StatMeasure } from '@hotline/contracts';
import { chinaDay } from './period';

/**
 * What one order contributes to the statistics. Every summary cell is the sum of these over the orders of the
 * cell, counted by the day the order was accepted (受理日): "2020 年受理的诉求中 … 按期办结率 97.10%" is a
 * figure about the orders taken in 2020, whenever they were finished.
 *
 * The same definitions exist once more in SQL (the rebuild and the recount check of the summary tables); a
 * spec keeps the two in step.
 */
export interface OrderFacts {
  createdAt: Date;
  platformId: number;
  channel: string;
  appealType: string;
  categoryId: number;
  regionId: number | null;
  mainUnitId: number | null;
  status: string;
  resolution: 'direct' | 'dispatched' | null;
  /** how a direct answer was made ('knowledge' | 'three-way' | 'other'); absent or null when not recorded */
  directAnswerMethod?: string | null;
  signedAt: Date | null;
  signDueAt: Date | null;
  repliedAt: Date | null;
  acceptedAt: Date | null;
  handleDueAt: Date | null;
  callbackAt: Date | null;
  callbackSatisfaction: Satisfaction | null;
  callbackSolved: boolean | null;
  returnCount: number;
  reworkCount: number;
  extensionCount: number;
  superviseCount: number;
  instructCount: number;
}

const GROUP_BY_CHANNEL = new Map<string, ChannelGroup>(CHANNELS.map((c) => [c.code, c.group]));

/** Collectors' channels (路面巡查, 视频监控) are 'collector'; every other channel, known or not, is public. */
export function channelGroup(channel: string): ChannelGroup {
  return GROUP_BY_CHANNEL.get(channel) ?? 'public';
}

const ZERO_TOTALS = Object.freeze(Object.fromEntries(STAT_MEASURES.map((m) => [m, 0])) as MeasureTotals);

export function zeroTotals(): MeasureTotals {
  return { ...ZERO_TOTALS };
}

const LEVEL_MEASURE: Record<Satisfaction, StatMeasure> = {
  very_satisfied: 'cb_very_satisfied',
  satisfied: 'cb_satisfied',
  basically_satisfied: 'cb_basic',
  dissatisfied: 'cb_dissatisfied',
  very_dissatisfied: 'cb_very_dissatisfied',
};

const before = (a: Date | null, b: Date | null) => a != null && b != null && a.getTime() <= b.getTime();

/** Dispatched, and the unit's reply accepted by the center (a reopening un-finishes it). */
export function isFinished(o: OrderFacts): boolean {
  return o.resolution === 'dispatched' && o.acceptedAt != null;
}

/** The accepted reply came in by the handling deadline as it stood (extensions move it; a rework resets it). */
export function isOnTime(o: OrderFacts): boolean {
  return o.handleDueAt == null || before(o.repliedAt, o.handleDueAt);
}

/** The measures one order adds to its cells. */
export function measuresOf(o: OrderFacts): MeasureTotals {
  const m = zeroTotals();
  m.accepted = 1;
  const direct = o.resolution === 'direct';
  m.direct = direct ? 1 : 0;
  m.direct_knowledge = direct && o.directAnswerMethod === 'knowledge' ? 1 : 0;
  m.direct_three_way = direct && o.directAnswerMethod === 'three-way' ? 1 : 0;
  m.direct_other = direct && o.directAnswerMethod === 'other' ? 1 : 0;
  const dispatched = o.resolution === 'dispatched';
  m.dispatched = dispatched ? 1 : 0;
  const finished = isFinished(o);
  m.finished = finished ? 1 : 0;
  const onTime = finished && isOnTime(o);
  m.on_time = onTime ? 1 : 0;
  m.late = finished && !onTime ? 1 : 0;
  const signed = dispatched && o.signedAt != null;
  m.signed = signed ? 1 : 0;
  m.signed_on_time = signed && (o.signDueAt == null || before(o.signedAt, o.signDueAt)) ? 1 : 0;
  if (o.callbackAt != null && o.callbackSatisfaction != null) {
    m.callbacks = 1;
    m[LEVEL_MEASURE[o.callbackSatisfaction]] = 1;
    m.solved = o.callbackSolved ? 1 : 0;
  }
  m.returns = o.returnCount;
  m.reworks = o.reworkCount;
  m.reworked = o.reworkCount > 0 ? 1 : 0;
  m.extensions = o.extensionCount;
  m.supervisions = o.superviseCount;
  m.instructions = o.instructCount;
  m.merged = o.status === 'merged' ? 1 : 0;
  m.closed = o.status === 'closed' ? 1 : 0;
  return m;
}

export function addTotals(into: MeasureTotals, add: Partial<MeasureTotals>, sign = 1): MeasureTotals {
  for (const k of STAT_MEASURES) into[k] += sign * (add[k] ?? 0);
  return into;
}

export function sumTotals(rows: readonly Partial<MeasureTotals>[]): MeasureTotals {
  const t = zeroTotals();
  for (const r of rows) addTotals(t, r);
  return t;
}

export function isZero(m: Partial<MeasureTotals>): boolean {
  return STAT_MEASURES.every((k) => !m[k]);
}

/** 非常满意 + 满意 + 基本满意 */
export function satisfied(m: MeasureTotals): number {
  return m.cb_very_satisfied + m.cb_satisfied + m.cb_basic;
}

/** The day the order counts on. */
export function statDay(o: Pick<OrderFacts, 'createdAt'>): string {
  return chinaDay(o.createdAt);
}

/**
 * The overdue ledger: a dispatched order that is not finished, or was finished after its deadline, is
 * counted by (due day, finish day). "Still overdue at the end of 2020" is then every entry due before
 * 2021-01-01 and not finished by then; "backlog cleared in 2020" every entry due before 2020 and finished in it.
 * Unfinished orders are entered with the finish day OPEN_FINISH_DAY whether or not they are due yet, so the
 * ledger never needs a timer to stay right.
 */
export const OPEN_FINISH_DAY = '9999-12-31';

export interface OverdueEntry {
  dueDay: string;
  finishDay: string;
}

export function overdueEntryOf(o: OrderFacts): OverdueEntry | null {
  if (o.resolution !== 'dispatched' || o.handleDueAt == null) return null;
  const finished = isFinished(o);
  if (finished && isOnTime(o)) return null;
  return { dueDay: chinaDay(o.handleDueAt), finishDay: finished ? chinaDay(o.repliedAt ?? (o.acceptedAt as Date)) : OPEN_FINISH_DAY };
}
