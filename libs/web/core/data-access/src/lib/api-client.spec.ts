import { fileNameOf, toHttpParams } from './api-client';

describe('ApiClient helpers', () => {
  it('reads a download’s file name, the UTF-8 form first', () => {
    expect(fileNameOf(`attachment; filename*=UTF-8''${encodeURIComponent('2020年报告.docx')}`)).toBe('2020年报告.docx');
    expect(fileNameOf('attachment; filename="a.xlsx"')).toBe('a.xlsx');
    expect(fileNameOf(null)).toBeNull();
    expect(fileNameOf('inline')).toBeNull();
  });

  it('drops empty filters and joins arrays', () => {
    expect(toHttpParams({ a: '', b: null, c: [1, 2], d: 0 }).toString()).toBe('c=1,2&d=0');
  });
});
