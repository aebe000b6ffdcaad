import { KnowledgeAction, KnowledgeArticleSummary, KnowledgeHistoryEntry, KnowledgeStatus, Role } from '@hotline/contracts';

/** The center's roles: they review, publish, expire and archive (libs/server/knowledge-base workflow.ts). */
export const CENTER_ROLES: readonly Role[] = ['dispatcher', 'supervisor', 'admin'];
/** Who writes articles at all (a unit handler only its own unit's). */
export const EDITOR_ROLES: readonly Role[] = [...CENTER_ROLES, 'unit_handler'];

export interface Viewer {
  role: Role | null;
  unitId: number | null;
}

const isCenter = (v: Viewer) => !!v.role && CENTER_ROLES.includes(v.role);

/** A unit handler works on its own unit's articles; the center on all. */
export function canEdit(a: Pick<KnowledgeArticleSummary, 'status' | 'ownerUnitId'>, v: Viewer): boolean {
  if (a.status === 'archived' || !v.role || !EDITOR_ROLES.includes(v.role)) return false;
  return isCenter(v) || (v.role === 'unit_handler' && v.unitId !== null && a.ownerUnitId === v.unitId);
}

export type RevisionState = 'draft' | 'review' | null;

/**
 * Where a published article's revision stands, read from its history (the summary says only that there is one): the
 * last of edit / submit / reject / publish decides. Null when there is no revision or nothing to read it from.
 */
export function revisionState(a: Pick<KnowledgeArticleSummary, 'status' | 'hasRevision'>, history?: readonly KnowledgeHistoryEntry[]): RevisionState {
  if (a.status !== 'published' || !a.hasRevision || !history) return null;
  const last = [...history].reverse().find((h) => h.action === 'edit' || h.action === 'submit' || h.action === 'reject' || h.action === 'publish');
  return last?.action === 'submit' ? 'review' : 'draft';
}

/**
 * The workflow buttons the viewer sees for an article. For a published article's revision the history tells whether
 * it awaits 提交审核 or the center's review; without it (a list row) both show, and the server answers 409
 * INVALID_TRANSITION for the one that does not apply.
 */
export function articleActions(
  a: Pick<KnowledgeArticleSummary, 'status' | 'ownerUnitId' | 'hasRevision'>,
  v: Viewer,
  revision: RevisionState = null,
): KnowledgeAction[] {
  if (!canEdit(a, v)) return [];
  const out: KnowledgeAction[] = [];
  const hasRevision = a.status === 'published' && a.hasRevision;
  if (a.status === 'draft' || (hasRevision && revision !== 'review')) out.push('submit');
  if (isCenter(v)) {
    if (a.status === 'review' || (hasRevision && revision !== 'draft')) out.push('publish', 'reject');
    if (a.status === 'published') out.push('expire');
    out.push('archive');
  }
  return out;
}

/** Status tabs of the list, in the workflow's order; a unit sees its drafts first, the center its review queue. */
export const STATUS_TABS: readonly KnowledgeStatus[] = ['draft', 'review', 'published', 'expired', 'archived'];

export function defaultTab(v: Viewer): KnowledgeStatus {
  if (v.role === 'unit_handler') return 'draft';
  return isCenter(v) ? 'review' : 'published';
}

/** The tabs a role sees: agents and the others read published articles only. */
export function tabsFor(v: Viewer): readonly KnowledgeStatus[] {
  return v.role && EDITOR_ROLES.includes(v.role) ? STATUS_TABS : ['published'];
}

const TAG = /<\/?[a-z][^>]*>/i;

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The editor's answer as HTML: typed HTML is kept (the server sanitises it), plain lines become paragraphs. */
export function toAnswerHtml(text: string): string {
  const t = text.trim();
  if (!t || TAG.test(t)) return t;
  return t
    .split(/\n{2,}/)
    .map((para) => `<p>${para.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('');
}

/** 同义问法, one per line: trimmed, blank lines and repeats dropped. */
export function linesOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
}

/** Wraps the textarea's selection with a tag (the editor's 加粗 / 列表 / 链接 buttons); returns the new text and caret. */
export function wrapSelection(text: string, start: number, end: number, kind: 'b' | 'ul' | 'a'): { text: string; caret: number } {
  const sel = text.slice(start, end);
  let inserted: string;
  if (kind === 'b') inserted = `<b>${sel || '加粗文字'}</b>`;
  else if (kind === 'a') inserted = `<a href="https://">${sel || '链接文字'}</a>`;
  else
    inserted = `<ul>${(sel || '第一项\n第二项')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => `<li>${l.trim()}</li>`)
      .join('')}</ul>`;
  return { text: text.slice(0, start) + inserted + text.slice(end), caret: start + inserted.length };
}
