import type { OrderAction } from './lifecycle';

/**
 * The body of each action besides `version`: its fields, which are required, and their limits. The one source of
 * them — the API's DTO classes take their limits from here (libs/server/orders/src/lib/dto.ts, checked field by field
 * in dto.spec.ts), the web's action dialog its required flags and limits (libs/web/.../action-forms.ts).
 */

/** Length limits of free text in action bodies: answers, replies and instructions; comments; reasons. */
export const TEXT_LIMITS = { long: 5000, comment: 2000, reason: 1000 } as const;
/** Days a unit may ask to extend by, and a supervision's feedback limit in days. */
export const DAYS_LIMITS = { min: 1, max: 30 } as const;
/** Co-units on one dispatch. */
export const MAX_CO_UNITS = 10;

export type ActionFieldSpec =
  | { kind: 'text'; required: boolean; maxLength: number }
  | { kind: 'int'; required: boolean; min: number; max?: number }
  | { kind: 'ids'; required: boolean; maxItems: number }
  | { kind: 'satisfaction'; required: boolean }
  | { kind: 'boolean'; required: boolean }
  | { kind: 'choice'; required: boolean; options: readonly string[] };

const text = (required: boolean, maxLength: number): ActionFieldSpec => ({ kind: 'text', required, maxLength });
const comment = { comment: text(false, TEXT_LIMITS.comment) };
const reason = { reason: text(true, TEXT_LIMITS.reason) };
const content = { content: text(true, TEXT_LIMITS.long) };
const days = (required: boolean): ActionFieldSpec => ({ kind: 'int', required, min: DAYS_LIMITS.min, max: DAYS_LIMITS.max });
const id = (): ActionFieldSpec => ({ kind: 'int', required: true, min: 1 });
const optionalId = (): ActionFieldSpec => ({ kind: 'int', required: false, min: 1 });
/** How a direct answer was made (the same list as DIRECT_ANSWER_METHODS in knowledge.ts): 知识库, 三方通话, other. */
export const DIRECT_ANSWER_METHOD_OPTIONS = ['knowledge', 'three-way', 'other'] as const;
/** Length of the name of the person called in a three-way call. */
export const THREE_WAY_PERSON_MAX = 100;

export const ACTION_BODIES = {
  // method 'knowledge' names the article and the version read out (published); 'three-way' the unit and person called
  'direct-answer': {
    answer: text(true, TEXT_LIMITS.long),
    method: { kind: 'choice', required: false, options: DIRECT_ANSWER_METHOD_OPTIONS },
    articleId: optionalId(),
    articleVersion: optionalId(),
    threeWayUnitId: optionalId(),
    threeWayPerson: text(false, THREE_WAY_PERSON_MAX),
  },
  dispatch: { unitId: id(), coUnitIds: { kind: 'ids', required: false, maxItems: MAX_CO_UNITS }, ...comment },
  sign: {},
  return: reason,
  'approve-return': comment,
  'reject-return': comment,
  'request-extension': { days: days(true), ...reason },
  'approve-extension': comment,
  'reject-extension': comment,
  suspend: reason,
  resume: comment,
  reply: content,
  'co-reply': content,
  'accept-reply': comment,
  'send-back': reason,
  // a callback's record is shorter than other comments: it goes into the callback column (varchar 1000)
  callback: {
    satisfaction: { kind: 'satisfaction', required: true },
    solved: { kind: 'boolean', required: true },
    comment: text(false, TEXT_LIMITS.reason),
    reopen: { kind: 'boolean', required: false },
  },
  urge: comment,
  supervise: { comment: text(true, TEXT_LIMITS.comment), feedbackDays: days(false) },
  feedback: content,
  instruct: content,
  close: comment,
  merge: { masterId: id() },
} as const satisfies Record<OrderAction, Record<string, ActionFieldSpec>>;

/** The spec of one field of an action's body, or undefined when the action has no such field. */
export function actionFieldSpec(action: OrderAction, key: string): ActionFieldSpec | undefined {
  return (ACTION_BODIES[action] as Record<string, ActionFieldSpec>)[key];
}
