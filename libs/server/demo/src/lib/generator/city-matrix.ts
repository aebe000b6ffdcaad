import { fitTable, scaled, split } from './fit';
import {
  CATEGORY_MIX_2020,
  CITY_YEARS,
  HOT_YOY_2020,
  OTHER_CATEGORIES_2020,
  OTHER_TYPE_TOTALS_2020,
  priorCount,
  sumMix,
  TYPE_KEYS,
  type TypeMix,
} from './targets';

/** The city platform's appeals by level-1 category × appeal type, per year, fitted to the seed report. */

/** The 2020 public, non-epidemic, non-praise appeals by level-1 category × type, at scale 1. */
export function cityMatrix2020(): { codes: string[]; rows: TypeMix[] } {
  const codes = [...Object.keys(CATEGORY_MIX_2020), ...Object.keys(OTHER_CATEGORIES_2020)];
  const others = Object.keys(OTHER_CATEGORIES_2020);
  const fitted = fitTable(
    others.map((c) => OTHER_CATEGORIES_2020[c].total),
    TYPE_KEYS.map((k) => OTHER_TYPE_TOTALS_2020[k]),
    others.map((c) => TYPE_KEYS.map((k) => OTHER_CATEGORIES_2020[c].weights[k])),
  );
  const rows = [...Object.values(CATEGORY_MIX_2020), ...fitted.map((r) => Object.fromEntries(TYPE_KEYS.map((k, j) => [k, r[j]])) as unknown as TypeMix)];
  return { codes, rows };
}

const HOT = Object.keys(HOT_YOY_2020);

/** Level-1 × type counts for a year's public non-epidemic non-praise appeals, at scale 1. */
export function cityMatrix(year: number): { codes: string[]; rows: TypeMix[] } {
  const m2020 = cityMatrix2020();
  if (year === 2020) return m2020;
  const t = CITY_YEARS[year];
  const total = t.public - t.praise - t.thanks;
  const hot2020 = (c: string) => sumMix(CATEGORY_MIX_2020[c]);
  const hotTotal = (c: string) => (year === 2019 ? priorCount(hot2020(c), HOT_YOY_2020[c]) : Math.round(priorCount(hot2020(c), HOT_YOY_2020[c]) / 1.12));
  const hotSum = HOT.reduce((s, c) => s + hotTotal(c), 0);
  const rest = m2020.codes.filter((c) => !HOT.includes(c));
  const restTotals = split(total - hotSum, Object.fromEntries(rest.map((c) => [c, sumMix(m2020.rows[m2020.codes.indexOf(c)])])));
  const rowTotals = m2020.codes.map((c) => (HOT.includes(c) ? hotTotal(c) : restTotals[c]));
  const nonConsult2020 = TYPE_KEYS.filter((k) => k !== 'consult').map((k) => m2020.rows.reduce((s, r) => s + r[k], 0));
  const others = split(total - t.consultPublic, Object.fromEntries(TYPE_KEYS.filter((k) => k !== 'consult').map((k, i) => [k, nonConsult2020[i]])));
  const colTotals = TYPE_KEYS.map((k) => (k === 'consult' ? t.consultPublic : others[k as keyof typeof others]));
  const fitted = fitTable(
    rowTotals,
    colTotals,
    m2020.rows.map((r) => TYPE_KEYS.map((k) => r[k] + 1)),
  );
  return { codes: m2020.codes, rows: fitted.map((r) => Object.fromEntries(TYPE_KEYS.map((k, j) => [k, r[j]])) as unknown as TypeMix) };
}

/** Scales a matrix keeping its row and column totals consistent. */
export function scaleMatrix(rows: TypeMix[], scale: number): number[][] {
  if (scale === 1) return rows.map((r) => TYPE_KEYS.map((k) => r[k]));
  const rowTotals = rows.map(sumMix);
  const colTotals = TYPE_KEYS.map((k) => rows.reduce((s, r) => s + r[k], 0));
  const total = scaled(
    rowTotals.reduce((s, n) => s + n, 0),
    scale,
  );
  const rs = split(total, Object.fromEntries(rowTotals.map((n, i) => [String(i), n])));
  const cs = split(total, Object.fromEntries(colTotals.map((n, i) => [String(i), n])));
  return fitTable(
    rowTotals.map((_, i) => rs[String(i)]),
    colTotals.map((_, j) => cs[String(j)]),
    rows.map((r) => TYPE_KEYS.map((k) => r[k] + 1e-3)),
  );
}
