/**
 * Rows as LOAD DATA reads them with its defaults (FIELDS TERMINATED BY '\t' ESCAPED BY '\\' LINES TERMINATED
 * BY '\n'): NULL is \N, and a backslash, tab, line feed, carriage return or NUL inside a value is escaped, so
 * any text (an appeal's content has line breaks and tabs) comes back exactly. Times are UTC DATETIME(3), the
 * way the app's connection (timezone 'Z') writes them.
 */

export type TsvValue = string | number | boolean | Date | null | undefined;

const SPECIAL = /[\\\t\n\r\0]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\\0' };

export function tsvText(s: string): string {
  return SPECIAL.test(s) ? s.replace(SPECIAL, (c) => ESCAPES[c]) : s;
}

/** 'YYYY-MM-DD HH:MM:SS.mmm' in UTC. */
export function tsvDate(d: Date): string {
  const iso = d.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

export function tsvField(v: TsvValue): string {
  if (v == null) return '\\N';
  if (typeof v === 'string') return tsvText(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? '1' : '0';
  return tsvDate(v);
}

/** One line (with its line feed). */
export function tsvLine(values: readonly TsvValue[]): string {
  let s = tsvField(values[0]);
  for (let i = 1; i < values.length; i++) s += `\t${tsvField(values[i])}`;
  return `${s}\n`;
}
