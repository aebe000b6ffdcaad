import type { KnowledgeAction, KnowledgeStatus, Role } from '@hotline/contracts';

/** The center's roles that review and publish articles. */
export const CENTER_ROLES: readonly Role[] = ['dispatcher', 'supervisor', 'admin'];
/** Roles that write articles at all (a unit handler only its own unit's). */
export const EDITOR_ROLES: readonly Role[] = [...CENTER_ROLES, 'unit_handler'];

/** An article's state as the workflow sees it: its status, and the state of a revision of a published article. */
export interface ArticleState {
  status: KnowledgeStatus;
  /** a published article's unpublished revision: 'draft' or 'review'; null when there is none */
  revision: 'draft' | 'review' | null;
}

export type Verb = KnowledgeAction | 'edit';

export type Decision = { ok: true; next: ArticleState } | { ok: false; reason: 'role' | 'status' };

const center = (role: Role | 'system') => role === 'system' || CENTER_ROLES.includes(role as Role);

/**
 * The one table of the knowledge workflow: (state, verb, role) → next state or why not. A unit handler's scope (its
 * own unit's articles) is checked by the caller; here only what the role may do at all and what the state allows.
 *   draft → submit → review → publish → published; review → reject → draft
 *   published → edit → published with a revision (draft) → submit → (review) → publish | reject; the published
 *   version keeps serving meanwhile
 *   published → expire → expired (edit makes a draft again); any but archived → archive → archived (final)
 */
export function decide(state: ArticleState, verb: Verb, role: Role | 'system'): Decision {
  if (role !== 'system' && !EDITOR_ROLES.includes(role)) return { ok: false, reason: 'role' };
  const centerOnly = verb === 'publish' || verb === 'reject';
  if (centerOnly && !center(role)) return { ok: false, reason: 'role' };
  const no: Decision = { ok: false, reason: 'status' };
  const { status, revision } = state;
  switch (verb) {
    case 'edit':
      if (status === 'archived') return no;
      if (status === 'published') return { ok: true, next: { status, revision: 'draft' } };
      return { ok: true, next: { status: 'draft', revision: null } };
    case 'submit':
      if (status === 'draft') return { ok: true, next: { status: 'review', revision: null } };
      if (status === 'published' && revision === 'draft') return { ok: true, next: { status, revision: 'review' } };
      return no;
    case 'publish':
      if (status === 'review') return { ok: true, next: { status: 'published', revision: null } };
      if (status === 'published' && revision === 'review') return { ok: true, next: { status, revision: null } };
      return no;
    case 'reject':
      if (status === 'review') return { ok: true, next: { status: 'draft', revision: null } };
      if (status === 'published' && revision === 'review') return { ok: true, next: { status, revision: 'draft' } };
      return no;
    case 'expire':
      return status === 'published' ? { ok: true, next: { status: 'expired', revision: null } } : no;
    case 'archive':
      return status === 'archived' ? no : { ok: true, next: { status: 'archived', revision: null } };
  }
}
