import { existsSync } from 'node:fs';
import { renderAsync } from '@resvg/resvg-js';
import { AppException } from '@hotline/server-platform';

/**
 * SVG → PNG for the charts of the DOCX (Word before 2016 and many viewers show only the PNG of a picture).
 * resvg draws text with the fonts it is given, and a chart's labels are Chinese: without a CJK font every
 * label would be a row of empty boxes (tofu), which is worse than failing. So a CJK font is looked for among
 * the usual Debian/Ubuntu/RHEL places (CI installs Debian's fonts-wqy-zenhei), or taken from
 * REPORT_CJK_FONT (a .ttf/.ttc/.otf path) with REPORT_CJK_FONT_FAMILY (its family name), and the export fails
 * with SERVICE_UNAVAILABLE naming the package to install when there is none.
 */

export interface CjkFont {
  file: string;
  family: string;
}

/** Known CJK font files and their family names, most usual first. */
export const CJK_FONT_CANDIDATES: readonly CjkFont[] = [
  { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYi Zen Hei' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'Noto Serif CJK SC' },
  { file: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { file: '/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc', family: 'WenQuanYi Zen Hei' },
  { file: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf', family: 'Droid Sans Fallback' },
];

/** The CJK font to draw with, or null. An explicit REPORT_CJK_FONT that does not exist is an error, not a fallback. */
export function findCjkFont(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): CjkFont | null {
  const file = env['REPORT_CJK_FONT'];
  if (file) {
    if (!exists(file)) throw noFont(`REPORT_CJK_FONT=${file} does not exist`);
    return { file, family: env['REPORT_CJK_FONT_FAMILY'] || 'WenQuanYi Zen Hei' };
  }
  return CJK_FONT_CANDIDATES.find((f) => exists(f.file)) ?? null;
}

function noFont(why: string): AppException {
  return new AppException(
    'SERVICE_UNAVAILABLE',
    `cannot draw the report's charts: ${why}; install a CJK font (Debian: apt-get install fonts-wqy-zenhei) or set REPORT_CJK_FONT to a .ttf/.ttc file with Chinese glyphs`,
  );
}

let cached: CjkFont | null | undefined;

/** The font, looked up once per process; throws SERVICE_UNAVAILABLE when there is none. */
export function cjkFont(): CjkFont {
  if (cached === undefined) cached = findCjkFont();
  if (!cached) throw noFont(`no CJK font in ${CJK_FONT_CANDIDATES.map((f) => f.file).join(', ')}`);
  return cached;
}

/**
 * Rasterises an SVG at `width` pixels (the DOCX shows charts 15 cm wide: 1280 px is about 215 dpi) on white.
 * Only the CJK font is loaded — not the system's — so the output is the same on every machine that has it,
 * and every generic family (the charts ask for SimSun, then serif) resolves to it.
 */
export async function svgToPng(svg: string, width = 1280, font: CjkFont = cjkFont()): Promise<Buffer> {
  const image = await renderAsync(svg, {
    background: '#ffffff',
    fitTo: { mode: 'width', value: width },
    font: {
      loadSystemFonts: false,
      fontFiles: [font.file],
      defaultFontFamily: font.family,
      serifFamily: font.family,
      sansSerifFamily: font.family,
      monospaceFamily: font.family,
    },
    logLevel: 'off',
  });
  return image.asPng();
}
