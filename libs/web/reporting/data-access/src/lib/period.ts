import { Period, addDays, chinaDay, firstOfMonth } from '@hotline/domain';

/**
 * Report periods as the reporting API reads them: the domain's `Period`, China calendar dates `YYYY-MM-DD`,
 * both ends inclusive. "Today" is today in China (`chinaDay`, the hotline's calendar), whatever the
 * browser's time zone. What is here is the screen's: presets, the platform choice, the date pickers.
 */
export type PeriodPreset = 'month' | 'year' | 'lastYear' | 'custom';

/** 市级平台 (the default) or 全市 (every platform); the API also takes one platform's code. */
export type PlatformChoice = 'city' | 'all';

export const PLATFORM_OPTIONS: { value: PlatformChoice; label: string }[] = [
  { value: 'city', label: '市级平台' },
  { value: 'all', label: '全市' },
];

export const PRESET_OPTIONS: { value: PeriodPreset; label: string }[] = [
  { value: 'month', label: '本月' },
  { value: 'year', label: '本年' },
  { value: 'lastYear', label: '去年' },
  { value: 'custom', label: '自定义' },
];

/** Today on the China calendar. */
export function chinaToday(): string {
  return chinaDay(new Date());
}

export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: string = chinaToday()): Period {
  const year = Number(today.slice(0, 4));
  switch (preset) {
    case 'month':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'year':
      return { from: `${year}-01-01`, to: today };
    case 'lastYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}

export function isWholeYear(p: Period): boolean {
  return p.from.slice(5) === '01-01' && p.to === `${p.from.slice(0, 4)}-12-31`;
}

/** The month `YYYY-MM` before the one `today` falls in (the assessment ranks a finished month). */
export function previousMonth(today: string = chinaToday()): string {
  return addDays(firstOfMonth(today), -1).slice(0, 7);
}

/** The last `days` days up to today, inclusive. */
export function lastDays(days: number, today: string = chinaToday()): Period {
  return { from: addDays(today, 1 - days), to: today };
}

/** A date picker's local Date → `YYYY-MM-DD` of the day the user clicked (its local calendar day). */
export function dateToIso(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` → a local Date at midnight, for a date picker. */
export function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d);
}

export function periodLabel(p: Period): string {
  return p.from === p.to ? p.from : `${p.from} 至 ${p.to}`;
}
