import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRecords, type Cell } from './records';

/** Rows of long Chinese text of uneven lengths: the XML holding them spans many inflate chunks (16 KB each). */
function rows(n: number): string[][] {
  const words = ['住房公积金', '提取', '贷款额度', '物业管理', '夜间施工噪声扰民', '不动产登记', '城乡居民医疗保险', '，', '。'];
  return Array.from({ length: n }, (_, i) => {
    let s = `第${i + 1}条：`;
    for (let k = 0; s.length < 40 + ((i * 37) % 260); k++) s += words[(i + k * 7) % words.length];
    return [`标题${i + 1}·${s.slice(0, 12)}`, s];
  });
}

async function read(path: string): Promise<Cell[][]> {
  const out: Cell[][] = [];
  for await (const r of readRecords(path, () => undefined)) out.push(r);
  return out;
}

describe('readRecords (XLSX)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'records-spec-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const data = [['标题', '答案'], ...rows(600)];

  it('reads multi-byte text whole however the shared strings are split into chunks', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('知识');
    for (const r of data) ws.addRow(r);
    const path = join(dir, 'shared.xlsx');
    writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
    const got = await read(path);
    expect(got.filter((r) => r.some((c) => String(c).includes('\uFFFD')))).toEqual([]);
    expect(got).toEqual(data);
  });

  it('reads multi-byte text whole from a worksheet of inline strings', async () => {
    const path = join(dir, 'inline.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const ws = wb.addWorksheet('知识');
    for (const r of data) ws.addRow(r).commit();
    ws.commit();
    await wb.commit();
    const got = await read(path);
    expect(got.filter((r) => r.some((c) => String(c).includes('\uFFFD')))).toEqual([]);
    expect(got).toEqual(data);
  });
});
