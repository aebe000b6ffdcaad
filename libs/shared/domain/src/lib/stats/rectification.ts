import type { HaochapingFeedback, KpiSet } from '@hotline/contracts';

/**
 * 好差评整改 orders of a period that arrived through the provincial exchange (exchange_link, kind rectification): how
 * many, how many of them are closed (direct or finished, as the summary counts them), and how many were fed back (their
 * answer reported up).
 */
export interface RectificationCounts {
  tracked: number;
  trackedClosed: number;
  fedBack: number;
}

/**
 * How many of the period's 好差评 orders were fed back (已完成反馈), from the closures the summary counts (`finished`:
 * finished + direct) and the exchange's record: an order that came through the exchange counts when its answer went
 * up, not when it closed; one that arrived otherwise (imported, typed in) has no upstream to report to, and its closure
 * stays its feedback. The one rule for the report's 好差评 clause and the dashboard's card.
 */
export function haochapingFedBack(finished: number, rect: RectificationCounts | null | undefined): number {
  return rect ? Math.max(0, finished - rect.trackedClosed) + rect.fedBack : finished;
}

/** The dashboard's 好差评 feedback: the report's figure, or null when no order of the period came through the exchange. */
export function haochapingFeedback(k: Pick<KpiSet, 'haochaping'>, rect: RectificationCounts | null | undefined): HaochapingFeedback | null {
  if (!rect || rect.tracked <= 0) return null;
  return { orders: k.haochaping.value, fedBack: haochapingFedBack(k.haochaping.finished, rect), tracked: rect.tracked };
}
