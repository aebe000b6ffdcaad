import sanitizeHtml from 'sanitize-html';

/**
 * What an answer may hold: paragraphs, lists, tables, emphasis and links (http, https, mailto, tel) opened in a new
 * tab without an opener. Everything else (script, style, iframe, event handlers, javascript: links, images) is
 * dropped on the way in, so the stored HTML can be shown as it is.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'b',
    'strong',
    'i',
    'em',
    'u',
    's',
    'ul',
    'ol',
    'li',
    'a',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'span',
    'div',
  ],
  allowedAttributes: { a: ['href', 'title', 'target', 'rel'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer' }) },
};

export function sanitizeAnswer(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

const BLOCK_END = /<\/(p|div|li|h[3-6]|blockquote|tr)>|<br\s*\/?>/gi;

/** The answer as plain text: block ends become line breaks, entities decoded, runs of blank lines collapsed. */
export function answerText(html: string): string {
  const text = sanitizeHtml(
    html.replace(BLOCK_END, (m) => `${m}\n`),
    { allowedTags: [], allowedAttributes: {} },
  );
  return decodeEntities(text)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, e: string) => ENTITIES[e] ?? _);
}

// Elements a cell written as HTML holds (what the answer keeps, and what the sanitiser is there to drop)
const HTML_ELEMENTS = new Set([
  ...(OPTIONS.allowedTags as string[]),
  ...'html head body meta link title style script noscript iframe frame object embed img svg form input button textarea select option label font center pre code hr sub sup small big strike del ins mark abbr cite q caption col colgroup tfoot dl dt dd section article header footer nav main aside figure figcaption h1 h2'.split(
    ' ',
  ),
]);
const TAG = /<\/?([a-z][a-z0-9]*)(?=[\s/>])[^<>]*>/gi;

/**
 * Whether a text is HTML: it holds a tag of an HTML element. Not any "<letter": Chinese replies cite a document
 * named inside another's title in angle brackets (《关于印发<A市…实施方案>的通知》); taken for HTML, that is an
 * unknown element to the sanitiser, which drops it with the name it holds.
 */
export function looksLikeHtml(s: string): boolean {
  for (const m of s.matchAll(TAG)) if (HTML_ELEMENTS.has(m[1].toLowerCase())) return true;
  return false;
}

/** Plain text (an order's reply, an imported cell) as answer HTML: one paragraph per line, escaped. */
export function textToAnswerHtml(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`)
    .join('');
}
