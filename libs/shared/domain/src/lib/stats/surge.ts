/**
 * Surge detection: a cell (a category in a region, or one address) whose count on a day jumps against its
 * trailing baseline. A day is a surge when it is at least `minCount`, and at least `factor` times the trailing
 * daily average plus `slack` (so a quiet cell going from 0 to 2 is not news, and a busy one must really jump).
 */
export interface SurgeRule {
  /** days of history the baseline averages */
  window: number;
  minCount: number;
  factor: number;
  slack: number;
}

export const CATEGORY_SURGE: SurgeRule = { window: 28, minCount: 5, factor: 3, slack: 2 };
export const ADDRESS_SURGE: SurgeRule = { window: 28, minCount: 3, factor: 3, slack: 1 };

export interface SurgeCandidate<K> {
  key: K;
  count: number;
  /** the cell's total over the window before the day */
  trailing: number;
}

export interface Surge<K> {
  key: K;
  count: number;
  /** trailing daily average */
  baseline: number;
}

export function detectSurges<K>(cells: readonly SurgeCandidate<K>[], rule: SurgeRule): Surge<K>[] {
  return cells
    .map((c) => ({ key: c.key, count: c.count, baseline: c.trailing / rule.window }))
    .filter((c) => c.count >= rule.minCount && c.count >= rule.factor * c.baseline + rule.slack)
    .sort((a, b) => b.count / (b.baseline + 1) - a.count / (a.baseline + 1));
}

/** An address as a key: spaces and punctuation out, so "通灌北路88号 " and "通灌北路 88号" are one place. */
export function addressKey(address: string | null | undefined): string | null {
  if (!address) return null;
  const k = address.replace(/[\s,，。.、·()（）-]/g, '').slice(0, 191);
  return k.length >= 4 ? k : null;
}
