import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
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
    const reader = new Utf8WorkbookReader(counted, {
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

// exceljs's streaming reader decodes every chunk of a zip entry's XML on its own (utils/parse-sax.js: a TextDecoder
// without {stream: true}), so a character whose UTF-8 bytes straddle two inflate chunks (16 KB) turns into U+FFFD:
// 134 of 2,816 rows of real Chinese question/answer pairs, 8 of them in the title (exceljs issues 2063, 2084, 2316;
// not fixed in 4.4.0). Its parser passes strings through untouched, so the XML parts are handed to it already
// decoded, by a decoder that carries a split character over to the next chunk.
interface Entry extends Readable {
  setEncoding(encoding: BufferEncoding): this;
}
interface ReaderParts {
  _parseRels(entry: Entry): Promise<void>;
  _parseWorkbook(entry: Entry): Promise<void>;
  _parseStyles(entry: Entry): Promise<void>;
  _parseSharedStrings(entry: Entry): AsyncGenerator<unknown>;
  _parseWorksheet(chunks: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}
const WorkbookReader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (
  input: Readable,
  options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
) => ExcelJS.stream.xlsx.WorkbookReader & ReaderParts;

class Utf8WorkbookReader extends WorkbookReader {
  override _parseRels(entry: Entry) {
    return super._parseRels(entry.setEncoding('utf8'));
  }
  override _parseWorkbook(entry: Entry) {
    return super._parseWorkbook(entry.setEncoding('utf8'));
  }
  override _parseStyles(entry: Entry) {
    return super._parseStyles(entry.setEncoding('utf8'));
  }
  override _parseSharedStrings(entry: Entry) {
    return super._parseSharedStrings(entry.setEncoding('utf8'));
  }
  // a worksheet comes from the zip entry, or from a temporary file when it precedes the shared strings in the zip
  override _parseWorksheet(chunks: AsyncIterable<Buffer | string>, sheetNo: string) {
    return super._parseWorksheet(utf8(chunks), sheetNo);
  }
}

async function* utf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const c of chunks) {
    const s = typeof c === 'string' ? c : decoder.write(c);
    if (s) yield s;
  }
  const tail = decoder.end();
  if (tail) yield tail;
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
