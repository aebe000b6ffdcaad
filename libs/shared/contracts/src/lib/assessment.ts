/** Wire types of the monthly unit assessment (考核). */

export const ASSESSMENT_METRICS = ['signOnTime', 'onTime', 'satisfaction', 'returns', 'rework'] as const;
export type AssessmentMetric = (typeof ASSESSMENT_METRICS)[number];

/** Points per metric; a unit's score is Σ weight × metric score (1 for a perfect rate). Counties use `county`. */
export interface AssessmentWeights {
  normal: Record<AssessmentMetric, number>;
  county: Record<AssessmentMetric, number>;
  /**
   * below this share of its full score (percent) an assessed unit is on the black list; the top `redCount` assessed
   * units not on it form the red list, at most half of the assessed units
   */
  blackBelow: number;
  redCount: number;
}

export interface UnitAssessmentRow {
  unitId: number;
  unitName: string;
  county: boolean;
  fullScore: number;
  received: number;
  signOnTimeRate: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
  returnRate: number | null;
  reworkRate: number | null;
  /**
   * false = 未参评: none of 及时签收率, 按时办结率, 满意率 could be measured in the month (nothing to divide by), so
   * the unit has no score, no rank and is on neither list. Such rows come after the ranked ones.
   */
  assessed: boolean;
  /** the rates that counted toward the score (a rate with a zero denominator does not; the weights are re-scaled over these) */
  measured: AssessmentMetric[];
  /** out of `fullScore`, re-weighted over `measured`; null when not assessed */
  score: number | null;
  /** 1 … number of assessed units; null when not assessed */
  rank: number | null;
  list: 'red' | 'black' | null;
  /** 重复投诉: appeals of the month that repeat an order this unit closed in the 90 days before (routing), per order received */
  repeatComplaints?: { repeats: number; rate: number | null };
}

export interface AssessmentView {
  month: string;
  weights: AssessmentWeights;
  rows: UnitAssessmentRow[];
  /** 重复投诉 of the month by the earlier order's category (routing), most first */
  repeatsByCategory?: { categoryId: number; categoryPath: string; repeats: number }[];
}
