import { dayName } from '@hotline/domain';
/**
 * Rows as LOAD DATA reads them with its defaults (FIELDS TERMINATED BY '\t' ESCAPED BY '\\' LINES TERMINATED
 * BY '\n'): NULL is \N, and a backslash, tab, line feed, carriage return or NUL inside a value is escaped, so
 * any text (an appeal's content has line breaks and tabs) comes back exactly. Times are UTC DATETIME(3), the
 * way the app's connection (timezone 'Z') writes them.
 */

export type TsvValue = string | number | boolean | Date | null | undefined;

const SPECIAL = /[\\\t\n\r\0]/;
const SPECIALS = /[\\\t\n\r\0]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\\0' };

export function tsvText(s: string): string {
  return SPECIAL.test(s) ? s.replace(SPECIALS, (c) => ESCAPES[c]) : s;
}

const DAY_MS = 86_400_000;
const PAD2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** 'YYYY-MM-DD HH:MM:SS.mmm' in UTC (what toISOString gives, without building one). */
export function tsvDate(d: Date): string {
  const ms = d.getTime();
  const day = Math.floor(ms / DAY_MS);
  const date = dayName(day);
  let t = ms - day * DAY_MS;
  const milli = t % 1000;
  t = (t - milli) / 1000;
  const sec = t % 60;
  t = (t - sec) / 60;
  const min = t % 60;
  const hour = (t - min) / 60;
  return `${date} ${PAD2[hour]}:${PAD2[min]}:${PAD2[sec]}.${PAD3[milli]}`;
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

/**
 * LOAD DATA text as it is built, in UTF-8 outside the JavaScript heap: a batch's rows are written line by line
 * and kept until the batch is stored, and as strings they were the survivors that made the garbage collector
 * copy them again and again (a third of the import's CPU).
 */
export class TsvSink {
  private readonly done: Buffer[] = [];
  private buf: Buffer;
  private off = 0;
  private total = 0;

  constructor(private readonly chunk = 1 << 20) {
    this.buf = Buffer.allocUnsafe(chunk);
  }

  /** Appends text already in LOAD DATA form (escaped fields, line feeds). */
  write(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit
    if (this.off + text.length * 3 > this.buf.length) {
      if (this.off) this.done.push(this.buf.subarray(0, this.off));
      this.buf = Buffer.allocUnsafe(Math.max(this.chunk, text.length * 3));
      this.off = 0;
    }
    const n = this.buf.write(text, this.off);
    this.off += n;
    this.total += n;
  }

  get bytes(): number {
    return this.total;
  }

  /** The text written, as chunks (no copy). */
  chunks(): Buffer[] {
    return this.off ? [...this.done, this.buf.subarray(0, this.off)] : [...this.done];
  }
}

/** LOAD DATA text: a string, or chunks of UTF-8 (what a TsvSink gives). */
export type TsvData = string | readonly Buffer[];

export function tsvString(data: TsvData): string {
  return typeof data === 'string' ? data : Buffer.concat(data).toString('utf8');
}
