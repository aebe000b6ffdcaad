import JSZip from 'jszip';
import { XMLValidator } from 'fast-xml-parser';
import type { AnnualReport } from '@hotline/contracts';
import { reportDocx, xmlText } from './exports';

/** Issue 15, item 6: remarks stored before input refused C0 controls must still make a DOCX that Word opens. */
describe('DOCX text', () => {
  const hostile = '办理\u0001情况\u0007良好\u0000；<b>&"\uFFFE\uD800';

  it('drops what XML 1.0 cannot carry and escapes markup, keeping tab and line breaks', () => {
    expect(xmlText(hostile)).toBe('办理情况良好；&lt;b&gt;&amp;&quot;');
    expect(xmlText('a\tb\nc\rd 😀')).toBe('a\tb\nc\rd 😀');
  });

  it('writes a document.xml that a strict XML parser accepts when a remark holds control characters', async () => {
    const report = {
      kind: 'annual',
      title: `年度报告${hostile}`,
      issuer: '连云港市12345',
      issuedOn: '2020-12-31',
      sections: [
        {
          no: '一',
          title: '总体情况',
          blocks: [{ no: '（一）', lead: '', text: '受理量增长。', remarks: { before: hostile, after: '\u0001' }, chartIds: [], tableIds: [] }],
        },
      ],
      tables: [],
      charts: [],
    } as unknown as AnnualReport;
    const zip = await JSZip.loadAsync(await reportDocx(report));
    const xml = await zip.file('word/document.xml')?.async('string');
    expect(xml).toContain('办理情况良好');
    expect(XMLValidator.validate(xml as string)).toBe(true);
  });
});
