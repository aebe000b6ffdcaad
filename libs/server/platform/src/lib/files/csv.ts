import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/**
 * A streaming CSV reader (RFC 4180): quoted fields with "" escapes and embedded line breaks, CRLF, LF or CR
 * line ends, a UTF-8 byte-order mark, input split anywhere (even between the two quotes of "" or between CR
 * and LF). It holds one record at a time, so a million-row file costs the memory of one row.
 * (csv-parse is not installed; this is the part of it the legacy export needs.)
 */
export class CsvParser {
  private field = '';
  private record: string[] = [];
  private quoted = false;
  /** inside quotes, the last char was a quote: the closing one, or the first of "" */
  private quotePending = false;
  private atFieldStart = true;
  private first = true;
  /** the last chunk ended with CR: a LF starting the next one belongs to it */
  private skipLf = false;
  private out: string[][] = [];

  constructor(private readonly delimiter = ',') {}

  /** Feeds text; returns the records it completed. */
  push(text: string): string[][] {
    let s = text;
    if (this.first && s.length) {
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      this.first = false;
    }
    const d = this.delimiter;
    const n = s.length;
    let i = 0;
    if (this.skipLf && n) {
      this.skipLf = false;
      if (s[0] === '\n') i = 1;
    }
    while (i < n) {
      if (this.quoted) {
        if (this.quotePending) {
          this.quotePending = false;
          if (s[i] === '"') {
            this.field += '"';
            i++;
            continue;
          }
          this.quoted = false; // it was the closing quote; s[i] is read as unquoted text below
          continue;
        }
        const q = s.indexOf('"', i);
        if (q < 0) {
          this.field += s.slice(i);
          i = n;
        } else {
          this.field += s.slice(i, q);
          this.quotePending = true;
          i = q + 1;
        }
        continue;
      }
      const c = s[i];
      if (c === '"' && this.atFieldStart) {
        this.quoted = true;
        this.atFieldStart = false;
        i++;
      } else if (c === d) {
        this.endField();
        i++;
      } else if (c === '\n') {
        this.endRecord();
        i++;
      } else if (c === '\r') {
        this.endRecord();
        i++;
        if (i === n) this.skipLf = true;
        else if (s[i] === '\n') i++;
      } else {
        // a run of plain characters in one go; a quote inside an unquoted field is kept as it is
        let j = i + 1;
        while (j < n && s[j] !== d && s[j] !== '\n' && s[j] !== '\r' && s[j] !== '"') j++;
        this.field += s.slice(i, j);
        this.atFieldStart = false;
        i = j;
      }
    }
    return this.take();
  }

  /** Ends the input; returns the last record when the file does not end with a line break. */
  end(): string[][] {
    if (this.quotePending) {
      this.quotePending = false;
      this.quoted = false;
    }
    if (this.quoted) throw new CsvError('unterminated quoted field at the end of the file');
    if (this.field !== '' || this.record.length || !this.atFieldStart) this.endRecord();
    return this.take();
  }

  private take(): string[][] {
    const out = this.out;
    this.out = [];
    return out;
  }

  private endField(): void {
    this.record.push(this.field);
    this.field = '';
    this.atFieldStart = true;
  }

  private endRecord(): void {
    this.endField();
    // a blank line is no record
    if (!(this.record.length === 1 && this.record[0] === '')) this.out.push(this.record);
    this.record = [];
  }
}

export class CsvError extends Error {}

/** Records of a CSV byte stream decoded as UTF-8, reporting the bytes read so far (for progress). */
export async function* readCsv(input: Readable, onBytes?: (bytes: number) => void): AsyncGenerator<string[]> {
  const parser = new CsvParser();
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  for await (const chunk of input) {
    const buf = chunk as Buffer;
    bytes += buf.length;
    for (const r of parser.push(decoder.write(buf))) yield r;
    onBytes?.(bytes);
  }
  for (const r of parser.push(decoder.end())) yield r;
  for (const r of parser.end()) yield r;
}
