// Character-level helpers shared by the analyzer, the index and the highlighter. Normalisation maps one UTF-16 unit
// to one UTF-16 unit, so offsets found in normalised text are offsets in the original text as well.

/** Full-width ASCII to half-width, ideographic space to space, A–Z to a–z; every other unit unchanged. */
export function normalizeText(text: string): string {
  return NEEDS_NORMALIZING.test(text) ? text.replace(NORMALIZE_ALL, normalizeChar) : text;
}

const NEEDS_NORMALIZING = /[\uff01-\uff5e\u3000A-Z]/;
const NORMALIZE_ALL = /[\uff01-\uff5e\u3000A-Z]/g;

function normalizeChar(ch: string): string {
  let c = ch.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  else if (c === 0x3000) c = 0x20;
  if (c >= 0x41 && c <= 0x5a) c += 0x20;
  return String.fromCharCode(c);
}

/** CJK unified ideographs (basic block and extension A, compatibility ideographs). */
export function isCjk(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** ASCII letters and digits (after normalisation). */
export function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Length in Unicode code points (what a user counts as characters; a 5,000-character limit is meant this way). */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}
