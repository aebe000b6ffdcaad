import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { readCsv } from './csv';
import type { Cell } from './legacy';

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
