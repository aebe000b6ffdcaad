import { parseTsv } from './bulk-load';
import { tsvDate, tsvField, tsvLine, tsvText } from './tsv';

/** What LOAD DATA (FIELDS TERMINATED BY '\t' ESCAPED BY '\\' LINES TERMINATED BY '\n') reads a field back as. */
function unescape(field: string): string | null {
  if (field === '\\N') return null;
  const map: Record<string, string> = { '\\': '\\', t: '\t', n: '\n', r: '\r', '0': '\0' };
  return field.replace(/\\(.)/g, (_, c: string) => map[c] ?? c);
}
function split(line: string): string[] {
  expect(line.endsWith('\n')).toBe(true);
  // a raw tab or line feed is never inside a field
  return line.slice(0, -1).split('\t');
}

describe('LOAD DATA text', () => {
  it('escapes what would end a field or a line, and round-trips any text', () => {
    const texts = ['plain', '小区停水，请尽快处理。', 'tab\there', 'two\nlines\r\nand CR', 'back\\slash \\N not null', 'nul\0byte', '', '"quoted", comma'];
    for (const t of texts) {
      const f = tsvText(t);
      expect(f).not.toMatch(/[\t\n\r\0]/);
      expect(unescape(f)).toBe(t);
    }
  });

  it('writes NULL as \\N, booleans as 1/0, numbers as they are, times as UTC DATETIME(3)', () => {
    expect(tsvField(null)).toBe('\\N');
    expect(tsvField(undefined)).toBe('\\N');
    expect(tsvField(true)).toBe('1');
    expect(tsvField(false)).toBe('0');
    expect(tsvField(42)).toBe('42');
    expect(() => tsvField(Number.NaN)).toThrow();
    expect(tsvDate(new Date('2020-03-01T01:30:00.007Z'))).toBe('2020-03-01 01:30:00.007');
    expect(tsvField(new Date('1999-12-31T23:59:59.999Z'))).toBe('1999-12-31 23:59:59.999');
  });

  it('formats any instant as toISOString does, before 1970 and at the edges of a day too', () => {
    const iso = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 23);
    const edges = ['1969-12-31T23:59:59.999Z', '1970-01-01T00:00:00.000Z', '1960-02-29T12:00:00.500Z', '2020-12-31T16:00:00.000Z', '2099-01-01T00:00:00.001Z'];
    const instants = [...edges.map((s) => new Date(s)), ...Array.from({ length: 2000 }, (_, i) => new Date(Date.UTC(1965, 0, 1) + i * 987_654_321.123))];
    for (const d of instants) expect(tsvDate(d)).toBe(iso(d));
    expect(() => tsvDate(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('joins a row into one line whose fields read back as the values', () => {
    const line = tsvLine(['L1', null, 3, 'a\tb\nc', new Date('2020-01-02T03:04:05Z'), false]);
    expect(split(line).map(unescape)).toEqual(['L1', null, '3', 'a\tb\nc', '2020-01-02 03:04:05.000', '0']);
  });
});

describe('parseTsv (the INSERT fallback when the server refuses LOCAL)', () => {
  it('reads back what tsvLine wrote', () => {
    const rows = [
      ['L1', null, 3, 'a\tb\nc\\d \\N', new Date('2020-01-02T03:04:05Z'), true],
      ['L2', '', 0, '中文', null, false],
    ];
    expect(parseTsv(rows.map(tsvLine).join(''))).toEqual([
      ['L1', null, '3', 'a\tb\nc\\d \\N', '2020-01-02 03:04:05.000', '1'],
      ['L2', '', '0', '中文', null, '0'],
    ]);
  });
});
