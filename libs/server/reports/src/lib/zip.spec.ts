import { inflateRawSync } from 'node:zlib';
import { zip } from './zip';

/** Reads the entries back by walking the local headers, as any unzip does. */
function unzip(buf: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let p = 0;
  while (buf.readUInt32LE(p) === 0x04034b50) {
    const size = buf.readUInt32LE(p + 18);
    const nameLen = buf.readUInt16LE(p + 26);
    const extra = buf.readUInt16LE(p + 28);
    const name = buf.subarray(p + 30, p + 30 + nameLen).toString('utf8');
    const start = p + 30 + nameLen + extra;
    out[name] = inflateRawSync(buf.subarray(start, start + size)).toString('utf8');
    p = start + size;
  }
  expect(buf.readUInt32LE(p)).toBe(0x02014b50); // the central directory follows
  expect(buf.readUInt32LE(buf.length - 22)).toBe(0x06054b50);
  expect(buf.readUInt16LE(buf.length - 12)).toBe(Object.keys(out).length);
  return out;
}

describe('zip', () => {
  it('writes entries any unzip reads back, UTF-8 names and all', () => {
    const files = { '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document>连云港市 12345</w:document>', '媒体/图1.svg': '<svg/>'.repeat(100) };
    expect(unzip(zip(Object.entries(files).map(([name, data]) => ({ name, data }))))).toEqual(files);
  });

  it('is reproducible byte for byte', () => {
    const f = [{ name: 'a.txt', data: 'same' }];
    expect(zip(f).equals(zip(f))).toBe(true);
  });
});
