// Text → index terms: jieba words (with a user dictionary added at run time) plus character bigrams of every CJK run.
// Words carry meaning ("公积金", "联丰路"); bigrams catch what the segmenter splits differently in the article and in
// the query (unknown names, typos, partial words). Words are strings; a bigram is a small integer made of its two
// characters' places among the CJK ideographs (see bigramsOf), so that indexing makes no string for it.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { isAlnum, isCjk, normalizeText } from './text';

/** A word for the segmenter's user dictionary: place names, unit names, policy terms. */
export interface UserWord {
  word: string;
  /** jieba frequency; higher makes the segmenter keep the word whole more readily. Default 20,000. */
  freq?: number;
  /** part-of-speech tag, e.g. "ns" (place), "nt" (organisation). Optional. */
  tag?: string;
}

/** Words and bigrams (see bigramsOf) of one text, in order, repeats kept (their counts are term frequencies). */
export interface AnalyzedText {
  words: string[];
  bigrams: number[];
}

/** Common function words and the hotline's boilerplate: they say nothing about which article fits. */
export const DEFAULT_STOP_WORDS: readonly string[] = [
  '的',
  '了',
  '和',
  '是',
  '在',
  '我',
  '有',
  '就',
  '不',
  '人',
  '都',
  '一',
  '也',
  '很',
  '到',
  '说',
  '要',
  '去',
  '你',
  '会',
  '着',
  '没有',
  '看',
  '好',
  '自己',
  '这',
  '那',
  '我们',
  '你们',
  '他们',
  '她们',
  '它们',
  '什么',
  '怎么',
  '为什么',
  '如何',
  '哪些',
  '哪里',
  '这个',
  '那个',
  '这些',
  '那些',
  '这样',
  '那样',
  '一个',
  '一些',
  '可以',
  '能否',
  '是否',
  '能不能',
  '可不可以',
  '还是',
  '或者',
  '以及',
  '并且',
  '而且',
  '但是',
  '因为',
  '所以',
  '如果',
  '虽然',
  '然后',
  '已经',
  '现在',
  '目前',
  '之前',
  '之后',
  '时候',
  '问题',
  '情况',
  '您好',
  '你好',
  '请问',
  '谢谢',
  '感谢',
  '希望',
  '请',
  '麻烦',
  '尽快',
  '相关',
  '部门',
  '有关',
  '领导',
  '反映',
  '咨询',
  '解决',
  '处理',
  '一下',
  '一直',
  '非常',
  '严重',
  '我们的',
  '我的',
  '进行',
  '对于',
  '关于',
  '由于',
  '通过',
  '为了',
  '还有',
  '及',
  '与',
  '或',
  '等',
  '被',
  '把',
  '让',
  '给',
  '从',
  '向',
  '对',
  '于',
  '为',
  '以',
  '将',
  '而',
  '则',
  '又',
  '再',
  '还',
  '才',
  '只',
];

export interface AnalyzerOptions {
  /** A jieba instance to use; default: a new one with jieba's own dictionary (≈ 0.2 s to load). */
  jieba?: Jieba;
  userWords?: readonly (UserWord | string)[];
  /** Groups of words meaning the same thing here, e.g. [["公积金", "住房公积金"], ["噪音", "噪声"]]. */
  synonyms?: readonly (readonly string[])[];
  stopWords?: Iterable<string>;
}

/** Segmentation, stop words and synonyms. One per index; user words are added to its own jieba instance. */
export class Analyzer {
  private readonly jieba: Jieba;
  private readonly stopWords: Set<string>;
  private readonly synonymGroups = new Map<string, string[]>();
  private readonly userWordSet = new Set<string>();

  constructor(options: AnalyzerOptions = {}) {
    this.jieba = options.jieba ?? Jieba.withDict(dict);
    this.stopWords = new Set([...(options.stopWords ?? DEFAULT_STOP_WORDS)].map((w) => normalizeText(w)));
    if (options.userWords?.length) this.addUserWords(options.userWords);
    if (options.synonyms?.length) this.addSynonyms(options.synonyms);
  }

  /** Adds words to the segmenter. Texts analysed before keep their old segmentation (re-index them to use the words). */
  addUserWords(words: readonly (UserWord | string)[]): void {
    const lines: string[] = [];
    for (const w of words) {
      const entry = typeof w === 'string' ? { word: w } : w;
      const word = normalizeText(entry.word.trim());
      if (!word || /\s/.test(word) || this.userWordSet.has(word)) continue;
      this.userWordSet.add(word);
      const freq = Math.max(1, Math.round(entry.freq ?? 20000));
      lines.push(entry.tag ? `${word} ${freq} ${entry.tag}` : `${word} ${freq}`);
    }
    if (lines.length) this.jieba.loadDict(Buffer.from(lines.join('\n') + '\n'));
  }

  /** Adds synonym groups; every member also becomes a user word so that it is segmented whole. */
  addSynonyms(groups: readonly (readonly string[])[]): void {
    for (const group of groups) {
      const members = [...new Set(group.map((w) => normalizeText(w.trim())).filter((w) => w.length > 0))];
      if (members.length < 2) continue;
      this.addUserWords(members);
      for (const m of members) {
        const known = this.synonymGroups.get(m) ?? [];
        this.synonymGroups.set(m, [...new Set([...known, ...members.filter((o) => o !== m)])]);
      }
    }
  }

  /** The other members of the word's synonym groups ([] when it has none). */
  synonymsOf(word: string): readonly string[] {
    return this.synonymGroups.get(normalizeText(word)) ?? [];
  }

  isStopWord(word: string): boolean {
    return this.stopWords.has(word);
  }

  /** jieba's segmentation of the normalised text, every token (punctuation and spaces too). */
  segment(text: string): string[] {
    return this.jieba.cut(normalizeText(text), true);
  }

  /** Segments many texts on libuv's thread pool (both cores while an index is built), same result as segment(). */
  async segmentMany(texts: readonly string[], chunkChars = 200_000): Promise<string[][]> {
    const out: string[][] = new Array(texts.length);
    const jobs: Promise<void>[] = [];
    let start = 0;
    let chars = 0;
    const flush = (end: number) => {
      if (end <= start) return;
      const from = start;
      // '\n' comes back from jieba as a token of its own, so it separates the texts of one call
      const joined = texts
        .slice(from, end)
        .map((t) => normalizeText(t).replace(/[\r\n]/g, ' '))
        .join('\n');
      jobs.push(
        // a Buffer spares the native side the string conversion (≈ 20% faster than passing the string)
        (this.jieba.cutAsync(Buffer.from(joined), true) as Promise<string[]>).then((tokens) => {
          let i = from;
          let cur: string[] = [];
          for (const tok of tokens) {
            if (tok === '\n') {
              out[i++] = cur;
              cur = [];
            } else cur.push(tok);
          }
          out[i] = cur;
        }),
      );
      start = end;
      chars = 0;
    };
    for (let i = 0; i < texts.length; i++) {
      chars += texts[i].length + 1;
      if (chars >= chunkChars) flush(i + 1);
    }
    flush(texts.length);
    await Promise.all(jobs);
    for (let i = 0; i < texts.length; i++) out[i] ??= [];
    return out;
  }

  /**
   * Index terms of a text; pass tokens when they were segmented already (segmentMany). Words come from the first
   * wordChars characters only (bigrams from all of it): segmenting is most of the cost of indexing long answers.
   */
  analyze(text: string, tokens?: readonly string[], wordChars = Infinity): AnalyzedText {
    // bigrams are of CJK characters only, which normalisation leaves alone: the raw text gives the same ones
    if (tokens) return { words: this.filterWords(tokens), bigrams: bigramsOf(text) };
    const norm = normalizeText(text);
    const toks = wordChars <= 0 ? [] : this.jieba.cut(norm.length > wordChars ? norm.slice(0, wordChars) : norm, true);
    return { words: this.filterWords(toks), bigrams: bigramsOf(norm) };
  }

  /** Segmenter tokens worth indexing: at least two characters, or a letter/digit token; no stop words. */
  filterWords(tokens: readonly string[]): string[] {
    const words: string[] = [];
    for (const t of tokens) {
      if (this.stopWords.has(t)) continue;
      let cjk = 0;
      let alnum = 0;
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (isCjk(c)) cjk++;
        else if (isAlnum(c)) alnum++;
      }
      if (cjk + alnum === 0) continue;
      if (alnum === 0 && cjk < 2) continue;
      words.push(t);
    }
    return words;
  }
}

// place of a CJK character among U+3400–U+9FFF then U+F900–U+FAFF: 0 … 28,159, so a bigram fits a small integer
const CJK_A = 0x3400;
const CJK_B = 0xf900;
const CJK_SPAN = 0xa000 - CJK_A + (0xfb00 - CJK_B);
const cjkPlace = (c: number) => (c < 0xa000 ? c - CJK_A : c - CJK_B + (0xa000 - CJK_A));

/** Character bigrams of every run of CJK characters (a run of one character gives none), as integers < 2^30. */
export function bigramsOf(norm: string): number[] {
  const out: number[] = [];
  let prev = -1;
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (isCjk(c)) {
      const place = cjkPlace(c);
      if (prev >= 0) out.push(prev * CJK_SPAN + place);
      prev = place;
    } else prev = -1;
  }
  return out;
}

/** The two characters of a bigram integer. */
export function bigramText(code: number): string {
  const ch = (place: number) => String.fromCharCode(place < 0xa000 - CJK_A ? place + CJK_A : place - (0xa000 - CJK_A) + CJK_B);
  return ch(Math.floor(code / CJK_SPAN)) + ch(code % CJK_SPAN);
}
