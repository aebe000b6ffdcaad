// Snippets: the passage of a text where the query's terms gather most, HTML-escaped, matches in <em>…</em>.
import { escapeHtml, normalizeText } from './text';

export interface HighlightTerm {
  /** normalised text of the term (a word or two characters) */
  text: string;
  /** how much finding it counts when the passage is chosen (its IDF, say) */
  weight: number;
}

interface Hit {
  start: number;
  end: number;
  term: number;
}

const MAX_HITS = 2000;

function findHits(norm: string, terms: readonly HighlightTerm[]): Hit[] {
  const hits: Hit[] = [];
  for (let t = 0; t < terms.length && hits.length < MAX_HITS; t++) {
    const s = terms[t].text;
    if (!s) continue;
    for (let at = norm.indexOf(s); at >= 0 && hits.length < MAX_HITS; at = norm.indexOf(s, at + 1)) {
      hits.push({ start: at, end: at + s.length, term: t });
    }
  }
  return hits.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** HTML of text[from, to) with the hits inside it wrapped in <em>; touching or overlapping hits become one <em>. */
function render(text: string, hits: readonly Hit[], from: number, to: number): string {
  let html = '';
  let pos = from;
  let i = 0;
  while (i < hits.length) {
    let start = Math.max(hits[i].start, from);
    let end = Math.min(hits[i].end, to);
    if (hits[i].end <= from || hits[i].start >= to || end <= start) {
      i++;
      continue;
    }
    if (start < pos) start = pos;
    let j = i + 1;
    while (j < hits.length && hits[j].start <= end) {
      end = Math.max(end, Math.min(hits[j].end, to));
      j++;
    }
    if (end > start) html += escapeHtml(text.slice(pos, start)) + '<em>' + escapeHtml(text.slice(start, end)) + '</em>';
    pos = Math.max(pos, end);
    i = j;
  }
  return html + escapeHtml(text.slice(pos, to));
}

/** The whole text, escaped, with matches in <em>. */
export function highlightAll(text: string, terms: readonly HighlightTerm[]): string {
  return render(text, findHits(normalizeText(text), terms), 0, text.length);
}

export interface Snippet {
  html: string;
  /** sum of the weights of the distinct terms in the passage */
  weight: number;
}

/**
 * The best passage of at most maxChars characters: most weight of distinct terms; each repeat adds a tenth. Starts a
 * little before its first match (at a sentence start when one is near), with "…" where text was cut.
 */
export function snippet(text: string, terms: readonly HighlightTerm[], maxChars = 120): Snippet {
  const norm = normalizeText(text);
  if (text.length <= maxChars) {
    const hits = findHits(norm, terms);
    return { html: render(text, hits, 0, text.length), weight: windowWeight(hits, 0, hits.length, terms) };
  }
  const hits = findHits(norm, terms);
  let bestStart = 0;
  let bestWeight = 0;
  let j = 0;
  for (let i = 0; i < hits.length; i++) {
    if (i > 0 && hits[i].start === hits[i - 1].start) continue;
    const limit = hits[i].start + maxChars;
    if (j < i) j = i;
    while (j < hits.length && hits[j].end <= limit) j++;
    const w = windowWeight(hits, i, j, terms);
    if (w > bestWeight) {
      bestWeight = w;
      bestStart = hits[i].start;
    }
  }
  // back up to a sentence start within 20 characters, else by a few characters of context
  let start = bestStart;
  if (bestWeight > 0) {
    const back = Math.max(0, bestStart - 20);
    let s = -1;
    for (let k = bestStart - 1; k >= back; k--) {
      if ('。！？!?；;\n'.includes(text[k])) {
        s = k + 1;
        break;
      }
    }
    start = s >= 0 ? s : Math.max(0, bestStart - 8);
    if (back === 0 && s < 0) start = bestStart <= 20 ? 0 : start;
  }
  // never cut a surrogate pair
  if (start > 0 && text.charCodeAt(start) >= 0xdc00 && text.charCodeAt(start) <= 0xdfff) start--;
  let end = Math.min(text.length, start + maxChars);
  if (end < text.length && text.charCodeAt(end) >= 0xdc00 && text.charCodeAt(end) <= 0xdfff) end++;
  const html = (start > 0 ? '…' : '') + render(text, hits, start, end) + (end < text.length ? '…' : '');
  return { html, weight: bestWeight };
}

function windowWeight(hits: readonly Hit[], from: number, to: number, terms: readonly HighlightTerm[]): number {
  const seen = new Set<number>();
  let w = 0;
  for (let k = from; k < to; k++) {
    const t = hits[k].term;
    w += seen.has(t) ? terms[t].weight * 0.1 : terms[t].weight;
    seen.add(t);
  }
  return w;
}
