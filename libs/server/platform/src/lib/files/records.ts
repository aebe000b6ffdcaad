import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { readCsv } from './csv';

/** A cell of an import file: CSV gives strings, XLSX also numbers, dates and booleans. */
export type Cell = string | number | Date | boolean | null | undefined;

/** Records (arrays of cells) of a CSV or XLSX file, header first; `onBytes` follows the bytes read. */
export async function* readRecords(path: string, onBytes: (bytes: number) => void): AsyncGenerator<Cell[]> {
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  if (/\.xlsx$/i.test(path)) {
    let bytes = 0;
    const counted = new PassThrough();
    input.on('data', (c: string | Buffer) => onBytes((bytes += c.length)));
    input.pipe(counted);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(counted as unknown as Readable, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        yield values.map(cellValue);
      }
      break; // the first worksheet only
    }
    return;
  }
  yield* readCsv(input as Readable, onBytes);
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v == null) return null;
  if (v instanceof Date || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
  }
  return String(v);
}

/** Column positions by header; the headers that are missing. */
export function indexHeaders<H extends string>(header: Cell[], wanted: readonly H[], required: readonly H[] = wanted): { index: Map<H, number>; missing: H[] } {
  const names = header.map((h) => text(h));
  const index = new Map<H, number>();
  for (const w of wanted) {
    const i = names.indexOf(w);
    if (i >= 0) index.set(w, i);
  }
  return { index, missing: required.filter((r) => !index.has(r)) };
}

export function text(c: Cell): string {
  if (c == null) return '';
  if (c instanceof Date) return c.toISOString();
  return String(c).trim();
}
