import { ANY_APPEAL_TYPE, DEADLINE_CLOCKS, type DeadlineClockKind, type FieldError } from '@hotline/contracts';
import { isDuration, parseDuration } from './duration';

/** One row of the time-limit policy: the limits for an appeal type (or '*') at one urgency. */
export interface TimeLimitPolicy {
  appealType: string;
  urgent: boolean;
  clock: DeadlineClockKind;
  /** Natural clock only: what '1d' lasts (null = 24 h). */
  dayLength: string | null;
  signLimit: string;
  handleLimit: string;
  callbackLimit: string;
  feedbackLimit: string;
  /** Pre-warn when this percentage of a limit is used up; 0 turns pre-warnings off. */
  prewarnPercent: number;
  /** How long after the handling deadline an order counts as long overdue (积案) and is escalated. */
  longOverdueAfter: string;
}

const working = { clock: 'working', dayLength: null, callbackLimit: '2d', feedbackLimit: '3d', prewarnPercent: 80 } as const;

/**
 * The center's defaults: sign within 2 working hours (30 minutes when urgent); handle a consultation in 1
 * working day, help 3, a complaint or report 5, a suggestion 10; call back within 2 working days of
 * acceptance; pre-warn at 80 % of the limit; escalate after 5 working days overdue (2 when urgent).
 * The migration seeds the same rows; these answer for a combination that has no row.
 */
export const DEFAULT_TIME_LIMIT_POLICIES: readonly TimeLimitPolicy[] = [
  { ...working, appealType: ANY_APPEAL_TYPE, urgent: false, signLimit: '2h', handleLimit: '5d', longOverdueAfter: '5d' },
  { ...working, appealType: ANY_APPEAL_TYPE, urgent: true, signLimit: '30m', handleLimit: '1d', longOverdueAfter: '2d' },
  ...(
    [
      ['consult', '1d'],
      ['help', '3d'],
      ['complaint', '5d'],
      ['report', '5d'],
      ['suggestion', '10d'],
      ['praise', '3d'],
      ['thanks', '3d'],
      ['other', '5d'],
    ] as const
  ).map(([appealType, handleLimit]) => ({ ...working, appealType, urgent: false, signLimit: '2h', handleLimit, longOverdueAfter: '5d' })),
];

/**
 * The row for an order: its own type at its urgency, else the '*' row at that urgency; the built-in defaults
 * stand in for rows an admin deleted.
 */
export function resolvePolicy(rows: readonly TimeLimitPolicy[], appealType: string, urgent: boolean): TimeLimitPolicy {
  const find = (list: readonly TimeLimitPolicy[], type: string) => list.find((p) => p.appealType === type && p.urgent === urgent);
  const found =
    find(rows, appealType) ??
    find(rows, ANY_APPEAL_TYPE) ??
    find(DEFAULT_TIME_LIMIT_POLICIES, appealType) ??
    find(DEFAULT_TIME_LIMIT_POLICIES, ANY_APPEAL_TYPE);
  // the defaults hold a '*' row for both urgencies, so this cannot miss
  return found as TimeLimitPolicy;
}

const LIMIT_FIELDS = ['signLimit', 'handleLimit', 'callbackLimit', 'feedbackLimit'] as const;

/** Field errors of a policy row, in the API's shape; empty when the row is usable. */
export function validatePolicy(p: TimeLimitPolicy): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, messages: [message] });
  if (!DEADLINE_CLOCKS.includes(p.clock)) fail('clock', `one of ${DEADLINE_CLOCKS.join(', ')}`);
  for (const field of LIMIT_FIELDS) {
    if (!isDuration(p[field])) fail(field, 'a number and a unit, e.g. 30m, 2h, 5d');
    else if (parseDuration(p[field]).amount <= 0) fail(field, 'must be longer than 0');
  }
  if (!isDuration(p.longOverdueAfter)) fail('longOverdueAfter', 'a number and a unit, e.g. 5d');
  if (!Number.isInteger(p.prewarnPercent) || p.prewarnPercent < 0 || p.prewarnPercent > 99) fail('prewarnPercent', 'a whole number from 0 (off) to 99');
  if (p.dayLength != null) {
    if (p.clock !== 'natural') fail('dayLength', 'only the natural clock has an adjustable day');
    else if (!isDuration(p.dayLength) || parseDuration(p.dayLength).unit === 'd' || parseDuration(p.dayLength).amount <= 0)
      fail('dayLength', 'a positive number of s, m or h, e.g. 24h');
  }
  return errors;
}
