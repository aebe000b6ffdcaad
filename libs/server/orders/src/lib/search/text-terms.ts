/**
 * The order text index's terms (table order_text, FULLTEXT on `terms`): content and address as ASCII tokens the
 * servers' default FULLTEXT parser indexes as they are. MariaDB has no ngram parser and the default one splits only
 * on spaces and punctuation, so a run of Chinese would be one word; instead every Han (or other non-ASCII) character
 * becomes a token of its own and every pair of neighbours a bigram token, base36-coded behind a letter that says which:
 *
 *   single  'u' + 4 base36 digits of the code point             停 → u0fjl   (5 characters)
 *   bigram  'b' + 4 + 4 base36 digits                          停水 → b0fjl0d2p (9 characters)
 *   word    'w0' + an ASCII word (letters, digits) lowercased   A12 → w0a12 (at least 3 characters)
 *
 * Every token is at least innodb_ft_min_token_size (3 on both servers) long, at most innodb_ft_max_token_size (84),
 * and none is an InnoDB stopword (those are English words; none starts with 'u', 'b' + digit or 'w0').
 * A query of n ≥ 2 characters asks for its n − 1 bigrams, one of a single character asks for that character: the
 * index then narrows to the orders that have every pair, and a LIKE on those few rows keeps the answer exact.
 */

const B36 = 4; // 36^4 = 1,679,616 > the last code point 0x10FFFF
const code = (ch: string): string => (ch.codePointAt(0) as number).toString(36).padStart(B36, '0');
const MAX_WORD = 80;

/** Runs of characters the text splits into: 'han' runs are indexed by character, 'word' runs as ASCII words. */
function runs(text: string): { kind: 'han' | 'word'; chars: string[] }[] {
  const out: { kind: 'han' | 'word'; chars: string[] }[] = [];
  // NFKC: full-width letters and digits (Ａ１２) are their ASCII selves, as typed in an address or a number
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    const kind = /[a-z0-9]/.test(ch) ? 'word' : /[\p{L}\p{N}]/u.test(ch) ? 'han' : null;
    const last = out[out.length - 1];
    if (!kind) {
      if (last) out.push({ kind: last.kind, chars: [] }); // a separator ends the run
      continue;
    }
    if (last && last.kind === kind) last.chars.push(ch);
    else out.push({ kind, chars: [ch] });
  }
  return out.filter((r) => r.chars.length);
}

const word = (chars: string[]) => `w0${chars.join('').slice(0, MAX_WORD)}`;

/** The terms stored for an order: each distinct token once, space-separated (the order of tokens does not matter). */
export function documentTerms(...texts: (string | null | undefined)[]): string {
  const terms = new Set<string>();
  for (const t of texts) {
    if (!t) continue;
    for (const r of runs(t)) {
      if (r.kind === 'word') {
        terms.add(word(r.chars));
        continue;
      }
      for (let i = 0; i < r.chars.length; i++) {
        terms.add(`u${code(r.chars[i])}`);
        if (i + 1 < r.chars.length) terms.add(`b${code(r.chars[i])}${code(r.chars[i + 1])}`);
      }
    }
  }
  return [...terms].join(' ');
}

/**
 * The time an order was registered, as terms, so that a search can ask the index for the newest orders only: InnoDB
 * reads the row of every match a FULLTEXT lookup returns (ten thousand matches of 停水 over three years are ten
 * thousand reads, seconds on a stock buffer pool), and a group of alternatives `+(a b c)` costs the sum of their
 * lists, so every window a search uses is one term of its own. Beijing time; an order carries:
 *
 *   t + YYYYMM + dekad (1: days 1–10, 2: 11–20, 3: 21–end)   its 旬 and the next: 't2020123' = the 旬 2020-12 21–31
 *                                                              and the one before it, twenty days or so
 *   n + YYYYMM                                                 its month and the next: 'n202012' = Nov and Dec 2020
 *
 * (SQL that fills the same terms: migration 1765100000000-order-text-periods.)
 */
export interface Period {
  term: string;
  /** The first instant the window holds. */
  since: Date;
}

const BJ = 8 * 3600_000;
const ym = (y: number, m: number) => {
  const d = new Date(Date.UTC(y, m, 1));
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};
const bjParts = (at: Date) => {
  const bj = new Date(at.getTime() + BJ);
  const day = bj.getUTCDate();
  return { y: bj.getUTCFullYear(), m: bj.getUTCMonth(), dekad: day <= 10 ? 1 : day <= 20 ? 2 : 3 };
};
/** Beijing midnight of day `day` of month `m` (0-based, may overflow) of `y`. */
const bjMidnight = (y: number, m: number, day: number) => new Date(Date.UTC(y, m, day) - BJ);

export function periodTerms(at: Date): string[] {
  const { y, m, dekad } = bjParts(at);
  const nextDekad = dekad < 3 ? `t${ym(y, m)}${dekad + 1}` : `t${ym(y, m + 1)}1`;
  return [`t${ym(y, m)}${dekad}`, nextDekad, `n${ym(y, m)}`, `n${ym(y, m + 1)}`];
}

/** The windows ending with the period `last` falls in, smallest first: its 旬 and the one before, its month and the one before. */
export function recentPeriods(last: Date): Period[] {
  const { y, m, dekad } = bjParts(last);
  const prevDekadStart = dekad === 1 ? bjMidnight(y, m - 1, 21) : bjMidnight(y, m, dekad === 2 ? 1 : 11);
  return [
    { term: `t${ym(y, m)}${dekad}`, since: prevDekadStart },
    { term: `n${ym(y, m)}`, since: bjMidnight(y, m - 1, 1) },
  ];
}

/** The terms stored for an order: its text's terms and its periods'. */
export function orderTerms(o: { content?: string | null; address?: string | null; createdAt: Date }): string {
  const text = documentTerms(o.content, o.address);
  const periods = periodTerms(o.createdAt).join(' ');
  return text ? `${text} ${periods}` : periods;
}

/**
 * The tokens a query needs every one of: its bigrams (a lone character: that character) and its ASCII words. An
 * ASCII word matches whole words only ('12' finds 12号楼, not 112号楼). Empty when the query has nothing indexable.
 */
export function queryTerms(q: string): string[] {
  const terms = new Set<string>();
  for (const r of runs(q)) {
    if (r.kind === 'word') terms.add(word(r.chars));
    else if (r.chars.length === 1) terms.add(`u${code(r.chars[0])}`);
    else for (let i = 0; i + 1 < r.chars.length; i++) terms.add(`b${code(r.chars[i])}${code(r.chars[i + 1])}`);
  }
  return [...terms];
}

/** The query's terms as an `AGAINST (… IN BOOLEAN MODE)` string: every term required, and the period's when given. */
export function booleanQuery(terms: readonly string[], period?: string): string {
  // the period last: InnoDB starts from the first term's list and narrows it by the others
  return [...terms, ...(period ? [period] : [])].map((t) => `+${t}`).join(' ');
}

/**
 * What the search box's `q` is: an order number (this system's 14 digits, or an imported number with six digits in a
 * row) is looked up exactly, a phone number (a mobile, or a landline with its area code) is the caller's, anything
 * else is text.
 */
export type QueryKind = { kind: 'number'; number: string } | { kind: 'phone'; phone: string } | { kind: 'text'; text: string };

export function classifyQuery(raw: string): QueryKind {
  const q = raw.normalize('NFKC').trim();
  const digits = q.replace(/[\s-]/g, '');
  if (/^(\+?86)?1[3-9]\d{9}$/.test(digits)) return { kind: 'phone', phone: digits.replace(/^\+?86/, '') };
  if (/^0\d{9,11}$/.test(digits) && /^[\d\s-]+$/.test(q)) return { kind: 'phone', phone: q.replace(/\s/g, '') };
  if (/^[A-Za-z0-9_-]{6,24}$/.test(q) && /\d{6}/.test(q)) return { kind: 'number', number: q };
  return { kind: 'text', text: q };
}
