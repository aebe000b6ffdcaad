import type { OrderAction, OrderStatus, Role } from '@hotline/contracts';

/**
 * Facts about the order that some transitions depend on, gathered by the service from the row.
 * Unit scope (is the actor's unit the main unit, a co-unit, an ancestor) is checked by the service, not here:
 * the table only knows roles.
 */
export interface TransitionContext {
  /** Status the order had before it went to `returning` (reject-return goes back there). */
  statusBeforeReturn?: OrderStatus | null;
  hasPendingExtension?: boolean;
  hasOpenSupervision?: boolean;
  callbackDone?: boolean;
  /** For a merged order: its master has reached callback (so the merged caller is called back too). */
  masterAwaitingCallback?: boolean;
  /** callback: the agent asks to reopen the order to the unit. */
  reopen?: boolean;
  /** callback: the rating is 不满意 or 非常不满意. */
  dissatisfied?: boolean;
  /** close: a comment was given (required to close without a callback). */
  hasComment?: boolean;
}

export type Rejection = 'FORBIDDEN_ROLE' | 'INVALID_TRANSITION' | 'PRECONDITION_FAILED';

export type Decision = { ok: true; to: OrderStatus } | { ok: false; code: Rejection; reason: string };

type Target = OrderStatus | 'same' | ((from: OrderStatus, ctx: TransitionContext) => OrderStatus);

interface Rule {
  roles: readonly Role[];
  from: readonly OrderStatus[];
  to: Target;
  /** Returns a reason when the precondition fails. */
  guard?: (ctx: TransitionContext) => string | null;
}

const UNIT_OPEN: readonly OrderStatus[] = ['dispatched', 'handling', 'suspended'];
const NOT_MERGED: readonly OrderStatus[] = ['registered', 'dispatched', 'returning', 'handling', 'suspended', 'replied', 'callback_pending', 'closed'];

/**
 * The lifecycle: one row per (action, role group). Anything not listed is refused.
 * Kept as data so the API, the web app (allowed buttons) and the tests all read the same table.
 */
export const TRANSITIONS: Readonly<Record<OrderAction, readonly Rule[]>> = {
  'direct-answer': [{ roles: ['agent', 'dispatcher'], from: ['registered'], to: 'closed' }],
  dispatch: [
    // first dispatch, and re-dispatch (改派) before the unit signed
    { roles: ['agent', 'dispatcher'], from: ['registered', 'dispatched'], to: 'dispatched' },
    // a district government passes a signed order down to one of its towns/streets
    { roles: ['unit_handler'], from: ['handling'], to: 'dispatched' },
  ],
  sign: [{ roles: ['unit_handler'], from: ['dispatched'], to: 'handling' }],
  return: [{ roles: ['unit_handler'], from: ['dispatched', 'handling'], to: 'returning' }],
  'approve-return': [{ roles: ['dispatcher'], from: ['returning'], to: 'registered' }],
  'reject-return': [
    {
      roles: ['dispatcher'],
      from: ['returning'],
      to: (_from, ctx) => (ctx.statusBeforeReturn === 'handling' ? 'handling' : 'dispatched'),
    },
  ],
  'request-extension': [
    {
      roles: ['unit_handler'],
      from: ['handling'],
      to: 'same',
      guard: (ctx) => (ctx.hasPendingExtension ? 'an extension request is already pending' : null),
    },
  ],
  'approve-extension': [
    { roles: ['dispatcher'], from: ['handling'], to: 'same', guard: (ctx) => (ctx.hasPendingExtension ? null : 'no pending extension request') },
  ],
  'reject-extension': [
    { roles: ['dispatcher'], from: ['handling'], to: 'same', guard: (ctx) => (ctx.hasPendingExtension ? null : 'no pending extension request') },
  ],
  suspend: [{ roles: ['unit_handler', 'dispatcher'], from: ['handling'], to: 'suspended' }],
  resume: [{ roles: ['unit_handler', 'dispatcher'], from: ['suspended'], to: 'handling' }],
  reply: [{ roles: ['unit_handler'], from: ['handling'], to: 'replied' }],
  'co-reply': [{ roles: ['unit_handler'], from: UNIT_OPEN, to: 'same' }],
  'accept-reply': [{ roles: ['dispatcher'], from: ['replied'], to: 'callback_pending' }],
  'send-back': [{ roles: ['dispatcher'], from: ['replied'], to: 'handling' }],
  callback: [
    {
      roles: ['callback_agent'],
      from: ['callback_pending'],
      to: (_from, ctx) => (ctx.reopen ? 'handling' : 'callback_pending'),
      guard: (ctx) =>
        ctx.callbackDone
          ? 'the order has been called back already'
          : ctx.reopen && !ctx.dissatisfied
            ? 'only a dissatisfied callback can reopen the order'
            : null,
    },
    {
      // the caller of a merged order is called back once the master has been answered
      roles: ['callback_agent'],
      from: ['merged'],
      to: 'merged',
      guard: (ctx) =>
        !ctx.masterAwaitingCallback
          ? 'the master order has not been answered yet'
          : ctx.callbackDone
            ? 'the order has been called back already'
            : ctx.reopen
              ? 'a merged order is reopened through its master'
              : null,
    },
  ],
  urge: [{ roles: ['supervisor', 'dispatcher'], from: UNIT_OPEN, to: 'same' }],
  supervise: [{ roles: ['supervisor'], from: UNIT_OPEN, to: 'same', guard: (ctx) => (ctx.hasOpenSupervision ? 'a supervision is already open' : null) }],
  feedback: [
    {
      roles: ['unit_handler'],
      from: [...UNIT_OPEN, 'replied', 'callback_pending'],
      to: 'same',
      guard: (ctx) => (ctx.hasOpenSupervision ? null : 'no open supervision to answer'),
    },
  ],
  instruct: [{ roles: ['leader'], from: NOT_MERGED, to: 'same' }],
  close: [
    {
      roles: ['callback_agent', 'dispatcher'],
      from: ['callback_pending'],
      to: 'closed',
      guard: (ctx) => (ctx.callbackDone || ctx.hasComment ? null : 'closing without a callback needs a comment'),
    },
  ],
  merge: [{ roles: ['agent', 'dispatcher'], from: ['registered'], to: 'merged' }],
};

/** Decides one transition. Role first (403), then status (409), then preconditions (409). */
export function decide(status: OrderStatus, action: OrderAction, role: Role, ctx: TransitionContext = {}): Decision {
  const rules = TRANSITIONS[action];
  if (!rules) return { ok: false, code: 'INVALID_TRANSITION', reason: `unknown action ${action}` };
  const forRole = rules.filter((r) => r.roles.includes(role));
  if (forRole.length === 0) return { ok: false, code: 'FORBIDDEN_ROLE', reason: `role ${role} may not ${action}` };
  const rule = forRole.find((r) => r.from.includes(status));
  if (!rule) return { ok: false, code: 'INVALID_TRANSITION', reason: `${action} is not allowed while the order is ${status}` };
  const failed = rule.guard?.(ctx);
  if (failed) return { ok: false, code: 'PRECONDITION_FAILED', reason: failed };
  const to = rule.to === 'same' ? status : typeof rule.to === 'function' ? rule.to(status, ctx) : rule.to;
  return { ok: true, to };
}

/** Whether a role may take the action in any status: checked before the version, so a role that may never act hears 403, not 409. */
export function roleMayEver(action: OrderAction, role: Role): boolean {
  return (TRANSITIONS[action] ?? []).some((r) => r.roles.includes(role));
}

/** Actions a role could take in a status (ignoring preconditions and unit scope), for UIs. */
export function actionsFor(status: OrderStatus, role: Role): OrderAction[] {
  return (Object.keys(TRANSITIONS) as OrderAction[]).filter((a) => TRANSITIONS[a].some((r) => r.roles.includes(role) && r.from.includes(status)));
}

/** Statuses in which the order is still open at a unit (deadlines run, urging applies). */
export const OPEN_AT_UNIT: readonly OrderStatus[] = UNIT_OPEN;
