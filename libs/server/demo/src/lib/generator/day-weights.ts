import { CN_HOLIDAYS, isLeapYear } from '@hotline/domain';
import { cumulative } from './fit';

/** On which days of a year orders come in: a weight per day for each seasonal profile of categories. */

type DayProfile = 'base' | 'collector' | 'heating' | 'rain' | 'summer' | 'school' | 'epidemic';

const MONTH_FACTORS: Record<Exclude<DayProfile, 'base' | 'collector' | 'epidemic'>, number[]> = {
  heating: [3, 2.5, 1.2, 0.15, 0.1, 0.1, 0.1, 0.1, 0.1, 0.3, 1.5, 3],
  rain: [1.4, 1, 0.5, 0.5, 0.6, 2, 3, 2.5, 1, 0.5, 0.5, 1.2],
  summer: [0.9, 0.9, 0.9, 1, 1.1, 1.4, 1.6, 1.5, 1.1, 1, 0.9, 0.9],
  school: [0.6, 0.8, 0.8, 0.8, 0.8, 1.4, 2.5, 2.5, 1.6, 0.7, 0.6, 0.6],
};

export function profileOf(l2: string | null, collector: boolean, epidemic: boolean): DayProfile {
  if (epidemic) return 'epidemic';
  if (collector) return 'collector';
  if (l2 === 'sdqn_gn') return 'heating';
  if (l2 === 'srhj_dljs' || l2 === 'srhj_xsd') return 'rain';
  if (l2 === 'sdqn_gs' || l2 === 'sdqn_gd' || (l2 ?? '').startsWith('zsrm')) return 'summer';
  if (l2 === 'jy_zsrx') return 'school';
  return 'base';
}

/** Cumulative day weights of a year for each profile: weekly rhythm, holidays, growth through the year, seasons. */
export function dayWeights(year: number): Record<DayProfile, number[]> {
  const days = isLeapYear(year) ? 366 : 365;
  const holidays = new Set(CN_HOLIDAYS.filter((h) => h.kind === 'holiday').map((h) => h.date));
  const workdays = new Set(CN_HOLIDAYS.filter((h) => h.kind === 'workday').map((h) => h.date));
  const base: number[] = [];
  const coll: number[] = [];
  const month: number[] = [];
  const epi: number[] = [];
  for (let i = 0; i < days; i++) {
    const d = new Date(Date.UTC(year, 0, 1 + i));
    const iso = d.toISOString().slice(0, 10);
    const dow = d.getUTCDay();
    const weekend = (dow === 0 || dow === 6) && !workdays.has(iso);
    const growth = 1 + 0.15 * (i / days);
    const w = holidays.has(iso) ? 0.65 : weekend ? (dow === 6 ? 0.8 : 0.72) : 1;
    base.push(w * growth);
    coll.push((holidays.has(iso) ? 0.3 : weekend ? 0.5 : 1) * growth);
    month.push(d.getUTCMonth());
    // 2020: nothing before 20 January, a peak in early February, a long tail
    const start = Date.UTC(2020, 0, 20);
    const t = (d.getTime() - start) / 86_400_000;
    epi.push(year !== 2020 || t < 0 ? 0 : (t < 14 ? 0.5 + t / 7 : 2.5 * Math.exp(-(t - 14) / 45) + 0.25) * w);
  }
  const seasonal = (k: keyof typeof MONTH_FACTORS) => cumulative(base.map((w, i) => w * MONTH_FACTORS[k][month[i]]));
  return {
    base: cumulative(base),
    collector: cumulative(coll),
    heating: seasonal('heating'),
    rain: seasonal('rain'),
    summer: seasonal('summer'),
    school: seasonal('school'),
    epidemic: cumulative(epi),
  };
}

// ------------------------------------------------------------------ the city platform

export function dayOfYear(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000);
}
