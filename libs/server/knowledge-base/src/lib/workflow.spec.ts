import { KNOWLEDGE_ACTIONS, KNOWLEDGE_STATUSES, ROLES, type Role } from '@hotline/contracts';
import { decide, type ArticleState, type Verb } from './workflow';

const s = (status: ArticleState['status'], revision: ArticleState['revision'] = null): ArticleState => ({ status, revision });

describe('knowledge workflow table', () => {
  it('takes a draft through review to published, and back to draft on reject', () => {
    expect(decide(s('draft'), 'submit', 'unit_handler')).toEqual({ ok: true, next: s('review') });
    expect(decide(s('review'), 'publish', 'dispatcher')).toEqual({ ok: true, next: s('published') });
    expect(decide(s('review'), 'reject', 'supervisor')).toEqual({ ok: true, next: s('draft') });
  });

  it('edits a published article as a revision that is reviewed while the published version serves', () => {
    expect(decide(s('published'), 'edit', 'unit_handler')).toEqual({ ok: true, next: s('published', 'draft') });
    expect(decide(s('published', 'draft'), 'submit', 'unit_handler')).toEqual({ ok: true, next: s('published', 'review') });
    expect(decide(s('published', 'review'), 'reject', 'admin')).toEqual({ ok: true, next: s('published', 'draft') });
    expect(decide(s('published', 'review'), 'publish', 'admin')).toEqual({ ok: true, next: s('published') });
    expect(decide(s('published'), 'publish', 'admin')).toEqual({ ok: false, reason: 'status' });
  });

  it('expires only published articles, archives anything not archived, and never edits an archived one', () => {
    expect(decide(s('published'), 'expire', 'system')).toEqual({ ok: true, next: s('expired') });
    expect(decide(s('draft'), 'expire', 'admin')).toEqual({ ok: false, reason: 'status' });
    expect(decide(s('expired'), 'edit', 'unit_handler')).toEqual({ ok: true, next: s('draft') });
    for (const st of KNOWLEDGE_STATUSES) expect(decide(s(st), 'archive', 'admin').ok).toBe(st !== 'archived');
    expect(decide(s('archived'), 'edit', 'admin')).toEqual({ ok: false, reason: 'status' });
  });

  it('refuses roles that never write (whatever the state), and review verbs to unit handlers', () => {
    const verbs: Verb[] = [...KNOWLEDGE_ACTIONS, 'edit'];
    const readers: Role[] = ROLES.filter((r) => !['dispatcher', 'supervisor', 'admin', 'unit_handler'].includes(r));
    expect(readers).toEqual(['agent', 'callback_agent', 'leader']);
    for (const role of readers)
      for (const v of verbs) for (const st of KNOWLEDGE_STATUSES) expect(decide(s(st), v, role)).toEqual({ ok: false, reason: 'role' });
    expect(decide(s('review'), 'publish', 'unit_handler')).toEqual({ ok: false, reason: 'role' });
    expect(decide(s('review'), 'reject', 'unit_handler')).toEqual({ ok: false, reason: 'role' });
  });
});
