import { KNOWLEDGE_LIMITS as L, type KnowledgeArticleInput, type KnowledgeImportRowError } from '@hotline/contracts';
import { text, type Cell } from '@hotline/server-platform';
import { looksLikeHtml, textToAnswerHtml } from '../answer-html';

/**
 * An existing knowledge base's export, one article per row, read by Chinese header. Pure: every check a row must pass
 * before anything of it is stored, with an error naming the row, the column and the reason.
 */
export const KNOWLEDGE_HEADERS = ['标题', '答案', '问题', '同义问法', '分类', '责任单位', '有效期至', '关键词'] as const;
export type KnowledgeHeader = (typeof KNOWLEDGE_HEADERS)[number];
export const REQUIRED_HEADERS: readonly KnowledgeHeader[] = ['标题', '答案'];

export interface KnowledgeNames {
  /** a category by its path as the tree spells it (住房管理/住房公积金) */
  category(path: string): number | undefined;
  /** a unit by its name or code */
  unit(nameOrCode: string): number | undefined;
}

export type ParsedArticle = { ok: true; value: KnowledgeArticleInput } | { ok: false; errors: KnowledgeImportRowError[] };

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);

/** 有效期至 as YYYY-MM-DD: text, an XLSX date (exceljs reads the wall clock as UTC) or an Excel serial number. */
export function validDay(c: Cell): string | null | { error: string } {
  if (c == null || c === '') return null;
  let d: Date;
  if (c instanceof Date) d = c;
  else if (typeof c === 'number') d = new Date(Math.round((c - 25569) * 86_400_000));
  else {
    const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(String(c).trim());
    if (!m) return { error: 'not a date (YYYY-MM-DD)' };
    d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return { error: 'no such day' };
  }
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 2000 || d.getUTCFullYear() > 2200) return { error: 'not a date (YYYY-MM-DD)' };
  return d.toISOString().slice(0, 10);
}

export function parseArticleRow(cells: Cell[], index: Map<KnowledgeHeader, number>, names: KnowledgeNames, row: number): ParsedArticle {
  const errors: KnowledgeImportRowError[] = [];
  const cell = (h: KnowledgeHeader) => {
    const i = index.get(h);
    return i == null ? '' : text(cells[i]);
  };
  const fail = (column: KnowledgeHeader, reason: string) => errors.push({ row, column, reason });

  const title = cell('标题');
  if (!title) fail('标题', 'required');
  else if ([...title].length > L.title) fail('标题', `longer than ${L.title} characters`);
  const answerRaw = cell('答案');
  if (!answerRaw) fail('答案', 'required');
  else if (answerRaw.length > L.answer) fail('答案', `longer than ${L.answer} characters`);
  const questions = [...new Set([...lines(cell('问题')), ...lines(cell('同义问法'))])];
  const qColumn: KnowledgeHeader = index.has('问题') ? '问题' : '同义问法';
  if (questions.length > L.questions) fail(qColumn, `more than ${L.questions} questions`);
  if (questions.some((q) => q.length > L.question)) fail(qColumn, `a question longer than ${L.question} characters`);

  const categoryIds: number[] = [];
  for (const path of lines(cell('分类').replace(/[;；]/g, '\n'))) {
    const id = names.category(path.replace(/\s*[/／>]\s*/g, '/'));
    if (id == null) fail('分类', `unknown category ${path}`);
    else if (!categoryIds.includes(id)) categoryIds.push(id);
  }
  const unitName = cell('责任单位');
  const ownerUnitId = unitName ? names.unit(unitName) : null;
  if (ownerUnitId === undefined) fail('责任单位', `unknown unit ${unitName}`);
  const valid = validDay(index.has('有效期至') ? cells[index.get('有效期至') as number] : null);
  if (valid && typeof valid === 'object') fail('有效期至', valid.error);
  const keywords = [
    ...new Set(
      cell('关键词')
        .split(/[,，;；、\s]+/)
        .filter(Boolean),
    ),
  ];
  if (keywords.length > L.keywords || keywords.some((k) => k.length > L.keyword)) fail('关键词', `at most ${L.keywords} keywords of ${L.keyword} characters`);
  if (errors.length) return { ok: false, errors };
  // an answer cell holding HTML is kept as HTML (sanitised by the service); plain text becomes paragraphs, escaped
  const answer = looksLikeHtml(answerRaw) ? answerRaw : textToAnswerHtml(answerRaw);
  return {
    ok: true,
    value: { title, answer, questions, categoryIds, keywords, ownerUnitId: ownerUnitId ?? null, validTo: typeof valid === 'string' ? valid : null },
  };
}
