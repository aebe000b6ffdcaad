import { ASSESSMENT_METRICS, type AssessmentMetric, type AssessmentWeights, type UnitAssessmentRow } from '@hotline/contracts';

/**
 * Unit assessment (考核): a monthly score per member unit from five rates, out of 100 points (150 for county
 * governments), ranked, with a red list (the best) and a black list (below a share of the full score).
 *
 * - Rates where more is better score rate × weight; returns and rework score (1 − rate) × weight.
 * - A rate with nothing to measure (no callbacks in the month, say: a zero denominator) is left out, not given
 *   full marks: the unit is scored over the rates it has, re-weighted to its full score —
 *   score = full × Σ(weight × metric score) / Σ(weight of the measured rates).
 * - A unit is assessed only when at least one of the work rates (及时签收率, 按时办结率, 满意率) is measured: returns
 *   and rework are "1 − rate", so on their own they would score the mere absence of work as perfect. A unit that
 *   is not assessed (未参评) has no score and no rank and is on neither list; it comes after the ranked units.
 * - Black list: an assessed unit below `blackBelow` percent of its full score (an absolute standard).
 *   Red list: the best `redCount` assessed units not on the black list, but never more than half of the assessed
 *   units, so a red list is a distinction (one or two units in a month are no league).
 */
export const DEFAULT_WEIGHTS: AssessmentWeights = {
  normal: { signOnTime: 20, onTime: 35, satisfaction: 35, returns: 5, rework: 5 },
  county: { signOnTime: 30, onTime: 52.5, satisfaction: 52.5, returns: 7.5, rework: 7.5 },
  blackBelow: 85,
  redCount: 5,
};

/** The rates whose presence makes a unit assessable (see above). */
const WORK_METRICS: readonly AssessmentMetric[] = ['signOnTime', 'onTime', 'satisfaction'];
/** Rates that count against the unit: scored 1 − rate. */
const PENALTY_METRICS: readonly AssessmentMetric[] = ['returns', 'rework'];

export interface UnitMonth {
  unitId: number;
  unitName: string;
  county: boolean;
  /** orders dispatched to it in the month */
  received: number;
  signed: number;
  signedOnTime: number;
  finished: number;
  onTime: number;
  callbacks: number;
  satisfied: number;
  /** return requests it made */
  returns: number;
  reworked: number;
}

const rate = (num: number, den: number) => (den > 0 ? num / den : null);

export function fullScore(w: AssessmentWeights, county: boolean): number {
  const m = county ? w.county : w.normal;
  return ASSESSMENT_METRICS.reduce((s, k) => s + m[k], 0);
}

/** The score (2 decimals) of one unit's rates, re-weighted over the measured ones; null when it is not assessed. */
export function scoreRates(
  rates: Record<AssessmentMetric, number | null>,
  weights: Record<AssessmentMetric, number>,
): { score: number | null; measured: AssessmentMetric[] } {
  const measured = ASSESSMENT_METRICS.filter((k) => rates[k] != null);
  if (!measured.some((k) => WORK_METRICS.includes(k))) return { score: null, measured: [] };
  const full = ASSESSMENT_METRICS.reduce((s, k) => s + weights[k], 0);
  const weight = measured.reduce((s, k) => s + weights[k], 0);
  if (!(weight > 0)) return { score: null, measured: [] };
  const points = measured.reduce((s, k) => {
    const r = rates[k] as number;
    return s + weights[k] * (PENALTY_METRICS.includes(k) ? Math.max(0, 1 - r) : r);
  }, 0);
  return { score: Math.round(((full * points) / weight) * 100) / 100, measured };
}

export function assessUnits(units: readonly UnitMonth[], w: AssessmentWeights = DEFAULT_WEIGHTS): UnitAssessmentRow[] {
  const rows: UnitAssessmentRow[] = units
    // a unit with nothing at all in the month is not a row (a summary cell can be all zeros)
    .filter((u) => u.received > 0 || u.signed > 0 || u.finished > 0 || u.callbacks > 0 || u.returns > 0)
    .map((u) => {
      const r = {
        signOnTimeRate: rate(u.signedOnTime, u.signed),
        onTimeRate: rate(u.onTime, u.finished),
        satisfactionRate: rate(u.satisfied, u.callbacks),
        returnRate: rate(u.returns, u.received),
        reworkRate: rate(u.reworked, u.finished),
      };
      const { score, measured } = scoreRates(
        { signOnTime: r.signOnTimeRate, onTime: r.onTimeRate, satisfaction: r.satisfactionRate, returns: r.returnRate, rework: r.reworkRate },
        u.county ? w.county : w.normal,
      );
      return {
        unitId: u.unitId,
        unitName: u.unitName,
        county: u.county,
        fullScore: fullScore(w, u.county),
        received: u.received,
        ...r,
        assessed: score != null,
        measured,
        score,
        rank: null,
        list: null,
      };
    });
  const share = (x: UnitAssessmentRow) => (x.score ?? 0) / (x.fullScore || 1);
  // rank on the share of the full score, so a county's 150 and a bureau's 100 compare fairly; 未参评 last, by volume
  rows.sort((a, b) => Number(b.assessed) - Number(a.assessed) || share(b) - share(a) || b.received - a.received || a.unitId - b.unitId);
  const ranked = rows.filter((x) => x.assessed);
  const redSeats = Math.min(Math.max(0, Math.floor(w.redCount)), Math.floor(ranked.length / 2));
  ranked.forEach((x, i) => {
    x.rank = i + 1;
    if (share(x) < w.blackBelow / 100) x.list = 'black';
    else if (i < redSeats) x.list = 'red';
  });
  return rows;
}
