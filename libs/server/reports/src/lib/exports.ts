import ExcelJS from 'exceljs';
import type { AnnualReport, ChartData, ReportBlock, ReportTable } from '@hotline/contracts';
import { chartSvg, CHART_HEIGHT, CHART_WIDTH } from './charts';
import { svgToPng } from './raster';
import { zip } from './zip';

/**
 * The report as files: a DOCX laid out like the seed (cover line, title, numbered sections, figures as images
 * under their captions, table 1) and an XLSX with its tables and every chart's data.
 *
 * Each chart is embedded twice, as OOXML wants it: a PNG rasterised by resvg with a CJK font (what Word 2013,
 * WPS, LibreOffice and every viewer show) and the SVG beside it (what Word 2016+ prints, sharp at any size).
 */

/**
 * Text as XML 1.0 character data. Characters XML cannot carry at all (C0 controls other than tab, LF and CR, lone
 * surrogates, U+FFFE/U+FFFF) are dropped: rows stored before input refused them would otherwise make a file Word
 * will not open.
 */
export const xmlText = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
const esc = xmlText;
const WIDTH_EMU = 5_400_000; // 15 cm: the text width of an A4 page with the usual margins
const FONT = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312"/>';

function run(text: string, opts: { bold?: boolean; size?: number; font?: string } = {}): string {
  const props = `<w:rPr>${opts.font ? `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="${opts.font}"/>` : FONT}${opts.bold ? '<w:b/>' : ''}<w:sz w:val="${opts.size ?? 32}"/><w:szCs w:val="${opts.size ?? 32}"/></w:rPr>`;
  return `<w:r>${props}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

function para(runs: string, opts: { center?: boolean; right?: boolean; indent?: boolean; before?: number } = {}): string {
  const jc = opts.center ? '<w:jc w:val="center"/>' : opts.right ? '<w:jc w:val="right"/>' : '';
  const ind = opts.indent ? '<w:ind w:firstLine="640"/>' : '';
  return `<w:p><w:pPr><w:spacing w:before="${opts.before ?? 0}" w:line="560" w:lineRule="exact"/>${jc}${ind}</w:pPr>${runs}</w:p>`;
}

function picture(rIdPng: string, rIdSvg: string, id: number, name: string): string {
  const cy = Math.round((WIDTH_EMU * CHART_HEIGHT) / CHART_WIDTH);
  return (
    `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${WIDTH_EMU}" cy="${cy}"/><wp:docPr id="${id}" name="${esc(name)}"/>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="${id}" name="${esc(name)}"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${rIdPng}"><a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}"><asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="${rIdSvg}"/></a:ext></a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${WIDTH_EMU}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`
  );
}

function table(t: ReportTable): string {
  const border =
    '<w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/>';
  const cell = (v: string | number, bold = false) =>
    `<w:tc><w:tcPr><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:jc w:val="center"/></w:pPr>${run(String(v), { bold, size: 24 })}</w:p></w:tc>`;
  const rows = [`<w:tr>${t.columns.map((c) => cell(c, true)).join('')}</w:tr>`, ...t.rows.map((r) => `<w:tr>${r.map((v) => cell(v)).join('')}</w:tr>`)];
  return `<w:tbl><w:tblPr><w:jc w:val="center"/><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>${border}</w:tblBorders></w:tblPr>${rows.join('')}</w:tbl>`;
}

export async function reportDocx(r: AnnualReport): Promise<Buffer> {
  const body: string[] = [];
  const media: { name: string; data: Buffer | string }[] = [];
  const rels: string[] = [];
  const chartById = new Map(r.charts.map((c) => [c.id, c]));
  const tableById = new Map(r.tables.map((t) => [t.id, t]));
  const [y, m, d] = r.issuedOn.split('-').map(Number);
  body.push(para(run(`${r.issuer} ${y}年 ${m}月 ${d}日`, { size: 28 }), { right: true }));
  body.push(para(run(r.title, { bold: true, size: 44, font: '方正小标宋简体' }), { center: true, before: 400 }));
  // every chart is drawn first (resvg renders off the event loop, on libuv's threads), then laid out in order
  const svgs = new Map(r.charts.map((c) => [c.id, chartSvg(c)]));
  const pngs = new Map(await Promise.all(r.charts.map(async (c) => [c.id, await svgToPng(svgs.get(c.id) as string)] as const)));
  let pic = 0;
  const figure = (c: ChartData) => {
    pic++;
    const png = `rIdPng${pic}`;
    const svg = `rIdSvg${pic}`;
    media.push({ name: `word/media/chart${pic}.png`, data: pngs.get(c.id) as Buffer }, { name: `word/media/chart${pic}.svg`, data: svgs.get(c.id) as string });
    rels.push(
      `<Relationship Id="${png}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/chart${pic}.png"/>`,
      `<Relationship Id="${svg}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/chart${pic}.svg"/>`,
    );
    body.push(picture(png, svg, pic, `图 ${c.no}`));
    body.push(para(run(`图 ${c.no} ${c.title}`, { size: 24, bold: true }), { center: true }));
  };
  // the editors' remarks sit around the computed text: lead, before, text, after; a block with nothing to say
  // (the 专报's 意见建议 before anyone wrote them) is left out, and so is a section with nothing in it
  const words = (b: ReportBlock) => [b.remarks?.before, b.text, b.remarks?.after].filter(Boolean).join('');
  const empty = (b: ReportBlock) => !b.lead && !words(b) && !b.chartIds.length && !b.tableIds.length;
  for (const s of r.sections) {
    if (s.blocks.every(empty)) continue;
    body.push(para(run(`${s.no}、${s.title}`, { bold: true, font: '黑体' }), { indent: true, before: 200 }));
    for (const b of s.blocks) {
      if (empty(b)) continue;
      for (const tid of b.tableIds) {
        const t = tableById.get(tid);
        if (!t) continue;
        body.push(para(run(`${b.no}${b.lead}`, { bold: true, font: '楷体_GB2312' }) + run(words(b)), { indent: true }));
        body.push(para(run(`表 ${t.no}.${t.title}`, { bold: true, size: 24 }), { center: true }));
        body.push(table(t));
      }
      if (!b.tableIds.length) body.push(para((b.lead ? run(`${b.no}${b.lead}`, { bold: true, font: '楷体_GB2312' }) : '') + run(words(b)), { indent: true }));
      for (const cid of b.chartIds) {
        const c = chartById.get(cid);
        if (c) figure(c);
      }
    }
  }
  const document =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    `<w:body>${body.join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  return zip([
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Default Extension="png" ContentType="image/png"/><Default Extension="svg" ContentType="image/svg+xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    { name: 'word/document.xml', data: document },
    {
      name: 'word/_rels/document.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    },
    ...media,
  ]);
}

/** The report's tables and the data of every chart, one sheet each, plus every quoted figure. */
export async function reportXlsx(r: AnnualReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = r.issuer;
  const sheetName = (s: string) => s.replace(/[\\/?*[\]:]/g, '').slice(0, 31);
  const header = (ws: ExcelJS.Worksheet) => {
    ws.getRow(2).font = { bold: true };
    ws.columns.forEach((c) => (c.width = 18));
  };
  for (const t of r.tables) {
    const ws = wb.addWorksheet(sheetName(`表${t.no} ${t.title}`));
    ws.addRow([`表 ${t.no}.${t.title}`]).font = { bold: true };
    ws.addRow(t.columns);
    for (const row of t.rows) ws.addRow(row);
    header(ws);
  }
  for (const c of r.charts) {
    const ws = wb.addWorksheet(sheetName(`图${c.no} ${c.title}`));
    ws.addRow([`图 ${c.no} ${c.title}`]).font = { bold: true };
    ws.addRow(['', ...c.series.map((s) => s.name)]);
    c.categories.forEach((cat, i) => ws.addRow([cat, ...c.series.map((s) => s.data[i] ?? 0)]));
    header(ws);
  }
  const ws = wb.addWorksheet('数据');
  ws.addRow([r.title]).font = { bold: true };
  ws.addRow(['指标', '数值']);
  for (const [k, v] of Object.entries(r.figures)) ws.addRow([k, v]);
  header(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
