import { Readable } from 'node:stream';
import { CsvError, CsvParser, readCsv } from './csv';

function parse(text: string): string[][] {
  const p = new CsvParser();
  return [...p.push(text), ...p.end()];
}

/** Parses the text fed one character at a time: every split point of the input must give the same records. */
function parseSplit(text: string): string[][] {
  const p = new CsvParser();
  const out: string[][] = [];
  for (const ch of text) out.push(...p.push(ch));
  return [...out, ...p.end()];
}

describe('CsvParser', () => {
  const cases: [string, string, string[][]][] = [
    [
      'plain rows',
      'a,b,c\n1,2,3\n',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    [
      'no final line break',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'lone CR',
      'a,b\r1,2\r',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['empty fields', ',a,,\n', [['', 'a', '', '']]],
    ['quoted with delimiter and line breaks', '"a,b","line1\nline2\r\nline3",c\n', [['a,b', 'line1\nline2\r\nline3', 'c']]],
    ['escaped quotes', '"say ""hi""",""""\n', [['say "hi"', '"']]],
    ['empty quoted field', '"",x\n', [['', 'x']]],
    ['a quote inside an unquoted field', 'ab"c,d\n', [['ab"c', 'd']]],
    ['blank lines are skipped', 'a\n\n\r\nb\n', [['a'], ['b']]],
    [
      'byte-order mark',
      '\ufeff工单编号,受理时间\n1,2\n',
      [
        ['工单编号', '受理时间'],
        ['1', '2'],
      ],
    ],
    ['Chinese text', '海州区,"水电气暖/供水/突发停水","小区停水，请尽快处理。"\n', [['海州区', '水电气暖/供水/突发停水', '小区停水，请尽快处理。']]],
    ['a line holding only an empty quoted field is blank too', '""\nx\n', [['x']]],
  ];

  it.each(cases)('%s', (_name, text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  it.each(cases)('%s, split at every character', (_name, text, expected) => {
    expect(parseSplit(text)).toEqual(expected);
  });

  it('refuses a quoted field that never ends', () => {
    const p = new CsvParser();
    p.push('"abc\n');
    expect(() => p.end()).toThrow(CsvError);
  });

  it('reads a byte stream, UTF-8 split across chunks, and reports bytes read', async () => {
    const bytes = Buffer.from('名称,数量\n"供水，停水",3\n', 'utf8');
    const chunks = Array.from(bytes).map((b) => Buffer.from([b]));
    const seen: number[] = [];
    const rows: string[][] = [];
    for await (const r of readCsv(Readable.from(chunks), (n) => seen.push(n))) rows.push(r);
    expect(rows).toEqual([
      ['名称', '数量'],
      ['供水，停水', '3'],
    ]);
    expect(seen[seen.length - 1]).toBe(bytes.length);
  });
});
