import type { AssessmentMetric, AssessmentWeights, UnitAssessmentRow } from '@hotline/contracts';

/**
 * Unit assessment (考核): a monthly score per member unit from five rates, out of 100 points (150 for county
 * governments), ranked, with a red list (the best) and a black list (below a share of the full score).
 * Rates where more is better score rate × weight; returns and rework score (1 − rate) × weight. A rate with
 * nothing to measure (no callbacks in the month, say) scores full marks: no evidence of bad work.
 */
export const DEFAULT_WEIGHTS: AssessmentWeights = {
  normal: { signOnTime: 20, onTime: 35, satisfaction: 35, returns: 5, rework: 5 },
  county: { signOnTime: 30, onTime: 52.5, satisfaction: 52.5, returns: 7.5, rework: 7.5 },
  blackBelow: 85,
  redCount: 5,
};

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
  return (Object.keys(m) as AssessmentMetric[]).reduce((s, k) => s + m[k], 0);
}

export function assessUnits(units: readonly UnitMonth[], w: AssessmentWeights = DEFAULT_WEIGHTS): UnitAssessmentRow[] {
  const scored = units
    .filter((u) => u.received > 0 || u.finished > 0)
    .map((u) => {
      const m = u.county ? w.county : w.normal;
      const r = {
        signOnTimeRate: rate(u.signedOnTime, u.signed),
        onTimeRate: rate(u.onTime, u.finished),
        satisfactionRate: rate(u.satisfied, u.callbacks),
        returnRate: rate(u.returns, u.received),
        reworkRate: rate(u.reworked, u.finished),
      };
      const good = (x: number | null) => (x == null ? 1 : x);
      const bad = (x: number | null) => (x == null ? 1 : Math.max(0, 1 - x));
      const score =
        m.signOnTime * good(r.signOnTimeRate) + m.onTime * good(r.onTimeRate) + m.satisfaction * good(r.satisfactionRate) + m.returns * bad(r.returnRate) + m.rework * bad(r.reworkRate);
      const full = fullScore(w, u.county);
      return { unitId: u.unitId, unitName: u.unitName, county: u.county, fullScore: full, received: u.received, ...r, score: Math.round(score * 100) / 100, rank: 0, list: null as UnitAssessmentRow['list'] };
    });
  // rank on the share of the full score, so a county's 150 and a bureau's 100 compare fairly
  scored.sort((a, b) => b.score / b.fullScore - a.score / a.fullScore || b.received - a.received || a.unitId - b.unitId);
  scored.forEach((s, i) => {
    s.rank = i + 1;
    if (s.score < (w.blackBelow / 100) * s.fullScore) s.list = 'black';
    else if (i < w.redCount) s.list = 'red';
  });
  return scored;
}
