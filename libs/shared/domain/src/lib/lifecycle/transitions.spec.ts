import { ORDER_ACTIONS, ORDER_STATUSES, ROLES, type OrderAction, type OrderStatus, type Role } from '@hotline/contracts';
import { actionsFor, decide, type TransitionContext } from './transitions';

/**
 * The lifecycle written out a second time, by hand, as (status, action, role) → next, with the context that
 * satisfies any precondition. Every one of the 9 × 22 × 7 combinations is checked against it: listed ones
 * must succeed with that next status, unlisted ones must be refused with the right code.
 */
const OK: Array<[OrderStatus, OrderAction, Role, OrderStatus, TransitionContext?]> = [];
const allow = (from: OrderStatus[], action: OrderAction, roles: Role[], to: OrderStatus | 'same', ctx?: TransitionContext) => {
  for (const s of from) for (const r of roles) OK.push([s, action, r, to === 'same' ? s : to, ctx]);
};
const open: OrderStatus[] = ['dispatched', 'handling', 'suspended'];
allow(['registered'], 'direct-answer', ['agent', 'dispatcher'], 'closed');
allow(['registered', 'dispatched'], 'dispatch', ['agent', 'dispatcher'], 'dispatched');
allow(['handling'], 'dispatch', ['unit_handler'], 'dispatched');
allow(['dispatched'], 'sign', ['unit_handler'], 'handling');
allow(['dispatched', 'handling'], 'return', ['unit_handler'], 'returning');
allow(['returning'], 'approve-return', ['dispatcher'], 'registered');
allow(['returning'], 'reject-return', ['dispatcher'], 'handling', { statusBeforeReturn: 'handling' });
allow(['handling'], 'request-extension', ['unit_handler'], 'handling');
allow(['handling'], 'approve-extension', ['dispatcher'], 'handling', { hasPendingExtension: true });
allow(['handling'], 'reject-extension', ['dispatcher'], 'handling', { hasPendingExtension: true });
allow(['handling'], 'suspend', ['unit_handler', 'dispatcher'], 'suspended');
allow(['suspended'], 'resume', ['unit_handler', 'dispatcher'], 'handling');
allow(['handling'], 'reply', ['unit_handler'], 'replied');
allow(open, 'co-reply', ['unit_handler'], 'same');
allow(['replied'], 'accept-reply', ['dispatcher'], 'callback_pending');
allow(['replied'], 'send-back', ['dispatcher'], 'handling');
allow(['callback_pending'], 'callback', ['callback_agent'], 'callback_pending');
allow(['merged'], 'callback', ['callback_agent'], 'merged', { masterAwaitingCallback: true });
allow(open, 'urge', ['supervisor', 'dispatcher'], 'same');
allow(open, 'supervise', ['supervisor'], 'same');
allow([...open, 'replied', 'callback_pending'], 'feedback', ['unit_handler'], 'same', { hasOpenSupervision: true });
allow(['registered', 'dispatched', 'returning', 'handling', 'suspended', 'replied', 'callback_pending', 'closed'], 'instruct', ['leader'], 'same');
allow(['callback_pending'], 'close', ['callback_agent', 'dispatcher'], 'closed', { callbackDone: true });
allow(['registered'], 'merge', ['agent', 'dispatcher'], 'merged');

const key = (s: string, a: string, r: string) => `${s}|${a}|${r}`;
const expected = new Map(OK.map(([s, a, r, to, ctx]) => [key(s, a, r), { to, ctx }]));

describe('lifecycle transition table', () => {
  const cases = ORDER_STATUSES.flatMap((s) => ORDER_ACTIONS.flatMap((a) => ROLES.map((r) => [s, a, r] as const)));

  it('covers all 1386 combinations', () => {
    expect(cases).toHaveLength(9 * 22 * 7);
  });

  it.each(cases)('%s × %s × %s', (status, action, role) => {
    const want = expected.get(key(status, action, role));
    const got = decide(status, action, role, want?.ctx ?? {});
    if (want) {
      expect(got).toEqual({ ok: true, to: want.to });
      return;
    }
    expect(got.ok).toBe(false);
    const roleEverAllowed = OK.some(([, a, r]) => a === action && r === role);
    expect(got.ok === false && got.code).toBe(roleEverAllowed ? 'INVALID_TRANSITION' : 'FORBIDDEN_ROLE');
  });

  it('admin has no lifecycle action at all', () => {
    for (const s of ORDER_STATUSES) expect(actionsFor(s, 'admin')).toEqual([]);
  });

  it('closed and merged orders accept nothing but instructions and merged callbacks', () => {
    expect(ORDER_STATUSES.filter(() => true).flatMap((s) => (s === 'closed' ? ROLES.flatMap((r) => actionsFor(s, r)) : []))).toEqual(['instruct']);
    expect(ROLES.flatMap((r) => actionsFor('merged', r))).toEqual(['callback']);
  });

  it('actionsFor agrees with decide for every status and role', () => {
    for (const s of ORDER_STATUSES)
      for (const r of ROLES)
        expect(actionsFor(s, r).sort()).toEqual(
          ORDER_ACTIONS.filter((a) => {
            const d = decide(s, a, r, expected.get(key(s, a, r))?.ctx ?? {});
            return d.ok || d.code === 'PRECONDITION_FAILED';
          }).sort(),
        );
  });
});

describe('preconditions', () => {
  it('reject-return goes back to where the return came from', () => {
    expect(decide('returning', 'reject-return', 'dispatcher', { statusBeforeReturn: 'dispatched' })).toEqual({ ok: true, to: 'dispatched' });
    expect(decide('returning', 'reject-return', 'dispatcher', {})).toEqual({ ok: true, to: 'dispatched' });
  });

  it('one extension request at a time, and only a pending one can be decided', () => {
    expect(decide('handling', 'request-extension', 'unit_handler', { hasPendingExtension: true })).toMatchObject({ ok: false, code: 'PRECONDITION_FAILED' });
    expect(decide('handling', 'approve-extension', 'dispatcher', {})).toMatchObject({ ok: false, code: 'PRECONDITION_FAILED' });
    expect(decide('handling', 'reject-extension', 'dispatcher', { hasPendingExtension: false })).toMatchObject({ ok: false, code: 'PRECONDITION_FAILED' });
  });

  it('a dissatisfied callback may reopen; a satisfied one may not; one callback per order', () => {
    expect(decide('callback_pending', 'callback', 'callback_agent', { reopen: true, dissatisfied: true })).toEqual({ ok: true, to: 'handling' });
    expect(decide('callback_pending', 'callback', 'callback_agent', { reopen: true, dissatisfied: false })).toMatchObject({
      ok: false,
      code: 'PRECONDITION_FAILED',
    });
    expect(decide('callback_pending', 'callback', 'callback_agent', { callbackDone: true })).toMatchObject({ ok: false, code: 'PRECONDITION_FAILED' });
  });

  it('a merged order is called back only after its master, once, and never reopened', () => {
    expect(decide('merged', 'callback', 'callback_agent', {})).toMatchObject({ ok: false, code: 'PRECONDITION_FAILED' });
    expect(decide('merged', 'callback', 'callback_agent', { masterAwaitingCallback: true, callbackDone: true })).toMatchObject({
      ok: false,
      code: 'PRECONDITION_FAILED',
    });
    expect(decide('merged', 'callback', 'callback_agent', { masterAwaitingCallback: true, reopen: true, dissatisfied: true })).toMatchObject({
      ok: false,
      code: 'PRECONDITION_FAILED',
    });
  });

  it('supervision: one open at a time; feedback needs an open one', () => {
    expect(decide('handling', 'supervise', 'supervisor', { hasOpenSupervision: true })).toMatchObject({ ok: false, code: 'PRECONDITION_FAILED' });
    expect(decide('handling', 'feedback', 'unit_handler', {})).toMatchObject({ ok: false, code: 'PRECONDITION_FAILED' });
  });

  it('closing without a callback needs a comment', () => {
    expect(decide('callback_pending', 'close', 'dispatcher', {})).toMatchObject({ ok: false, code: 'PRECONDITION_FAILED' });
    expect(decide('callback_pending', 'close', 'dispatcher', { hasComment: true })).toEqual({ ok: true, to: 'closed' });
  });
});
