import { actionFieldSpec, DIRECT_ANSWER_METHOD_LABELS, OrderAction, OrderDetail, SATISFACTION_LEVELS, Satisfaction } from '@hotline/contracts';

export type ActionFieldKind = 'text' | 'textarea' | 'number' | 'unit' | 'units' | 'satisfaction' | 'yesno' | 'checkbox' | 'choice';

export interface ActionField {
  key: string;
  label: string;
  kind: ActionFieldKind;
  required: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  initial?: unknown;
  placeholder?: string;
  /** kind 'choice': the radio buttons */
  options?: readonly { value: string; label: string }[];
}

/**
 * A field of an action's body as the API takes it: required flag and limits come from the contract (ACTION_BODIES in
 * @hotline/contracts), which the server's DTOs are checked against, so the dialog and the API cannot disagree.
 */
function field(action: OrderAction, key: string, label: string, kind: ActionFieldKind, extra: Partial<ActionField> = {}): ActionField {
  const spec = actionFieldSpec(action, key);
  if (!spec) throw new Error(`the API's ${action} body has no field ${key}`);
  return {
    key,
    label,
    kind,
    required: spec.required,
    ...(spec.kind === 'text' ? { maxLength: spec.maxLength } : {}),
    ...(spec.kind === 'int' ? { min: spec.min, max: spec.max } : {}),
    ...extra,
  };
}
const text = (action: OrderAction, key: string, label: string, placeholder?: string): ActionField => field(action, key, label, 'textarea', { placeholder });
const comment = (action: OrderAction, label = '意见'): ActionField => text(action, 'comment', label);

/** The fields of each action's body besides `version` (docs/api.md, "Action fields"). */
export const ACTION_FIELDS: Record<OrderAction, ActionField[]> = {
  // 知识库 answers name their article, which only the intake's suggestions panel picks; here 三方通话 or 其他
  'direct-answer': [
    text('direct-answer', 'answer', '答复内容'),
    field('direct-answer', 'method', '答复方式', 'choice', {
      options: (['three-way', 'other'] as const).map((m) => ({ value: m, label: DIRECT_ANSWER_METHOD_LABELS[m] })),
    }),
    field('direct-answer', 'threeWayUnitId', '三方通话单位', 'unit'),
    field('direct-answer', 'threeWayPerson', '三方通话人', 'text'),
  ],
  dispatch: [
    field('dispatch', 'unitId', '主办单位', 'unit'),
    field('dispatch', 'coUnitIds', '协办单位', 'units', { initial: [] }),
    comment('dispatch', '派单说明'),
  ],
  sign: [],
  return: [text('return', 'reason', '退单理由', '说明不属于本单位职责的依据')],
  'approve-return': [comment('approve-return')],
  'reject-return': [comment('reject-return', '驳回理由')],
  'request-extension': [field('request-extension', 'days', '延期天数（工作日）', 'number', { initial: 5 }), text('request-extension', 'reason', '延期理由')],
  'approve-extension': [comment('approve-extension')],
  'reject-extension': [comment('reject-extension', '驳回理由')],
  suspend: [text('suspend', 'reason', '挂起原因')],
  resume: [comment('resume')],
  reply: [text('reply', 'content', '办理结果')],
  'co-reply': [text('co-reply', 'content', '协办意见')],
  'accept-reply': [comment('accept-reply', '审核意见')],
  'send-back': [text('send-back', 'reason', '退回理由')],
  callback: [
    field('callback', 'satisfaction', '满意度', 'satisfaction'),
    field('callback', 'solved', '是否解决', 'yesno'),
    comment('callback', '回访记录'),
    field('callback', 'reopen', '不满意，重新办理', 'checkbox', { initial: false }),
  ],
  urge: [comment('urge', '催办意见')],
  supervise: [text('supervise', 'comment', '督办意见'), field('supervise', 'feedbackDays', '反馈时限（工作日）', 'number', { initial: 3 })],
  feedback: [text('feedback', 'content', '督办反馈')],
  instruct: [text('instruct', 'content', '批示内容')],
  close: [comment('close', '归档说明')],
  // the API takes the master's id; the dialog asks for its number and looks it up
  merge: [
    {
      key: 'masterNumber',
      label: '并入主工单编号',
      kind: 'text',
      required: true,
      placeholder: '输入主工单编号',
    },
  ],
};

/** Actions with nothing to fill in run on a click; the rest open a dialog. */
export function needsDialog(action: OrderAction): boolean {
  return ACTION_FIELDS[action].length > 0;
}

export const DISSATISFIED: readonly Satisfaction[] = ['dissatisfied', 'very_dissatisfied'];

/** Whether a field applies given what is typed so far and the order (e.g. reopen only when dissatisfied). */
export function isFieldVisible(action: OrderAction, field: ActionField, values: Record<string, unknown>): boolean {
  if (action === 'callback' && field.key === 'reopen') return DISSATISFIED.includes(values['satisfaction'] as Satisfaction);
  if (action === 'direct-answer' && field.key.startsWith('threeWay')) return values['method'] === 'three-way';
  return true;
}

/** Whether a field is required for this order (closing without a callback needs a reason). */
export function isFieldRequired(action: OrderAction, field: ActionField, order: OrderDetail | null): boolean {
  if (action === 'close' && field.key === 'comment') return !order?.callback;
  return field.required;
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

/** The first problem with the values, in Chinese, or null when they can be sent. */
export function validateAction(action: OrderAction, values: Record<string, unknown>, order: OrderDetail | null): string | null {
  for (const f of ACTION_FIELDS[action]) {
    if (!isFieldVisible(action, f, values)) continue;
    const v = values[f.key];
    if (isFieldRequired(action, f, order) && isEmpty(v)) return `请填写${f.label}`;
    if (f.kind === 'number' && !isEmpty(v)) {
      const n = Number(v);
      if (!Number.isInteger(n) || (f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max)) {
        return `${f.label}应为 ${f.min}–${f.max} 的整数`;
      }
    }
    if (f.kind === 'satisfaction' && !isEmpty(v) && !SATISFACTION_LEVELS.includes(v as Satisfaction)) return `请选择${f.label}`;
  }
  return null;
}

/** The request body for the action (without `version`): trimmed text, empty optionals left out. */
export function buildActionBody(action: OrderAction, values: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of ACTION_FIELDS[action]) {
    if (!isFieldVisible(action, f, values)) continue;
    let v = values[f.key];
    if (typeof v === 'string') v = v.trim();
    if (isEmpty(v)) continue;
    if (f.kind === 'number') v = Number(v);
    if (f.kind === 'checkbox' && v !== true) continue;
    body[f.key] = v;
  }
  if (action === 'dispatch' && Array.isArray(body['coUnitIds'])) {
    body['coUnitIds'] = (body['coUnitIds'] as number[]).filter((id) => id !== body['unitId']);
    if (!(body['coUnitIds'] as number[]).length) delete body['coUnitIds'];
  }
  return body;
}

export function initialValues(action: OrderAction, defaults: Record<string, unknown> = {}): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of ACTION_FIELDS[action]) values[f.key] = defaults[f.key] ?? f.initial ?? (f.kind === 'units' ? [] : null);
  return values;
}

/** Buttons in the order an agent looks for them: the step's main action first, refusals last. */
export const ACTION_ORDER: readonly OrderAction[] = [
  'sign',
  'reply',
  'co-reply',
  'dispatch',
  'direct-answer',
  'accept-reply',
  'approve-return',
  'approve-extension',
  'callback',
  'close',
  'feedback',
  'instruct',
  'urge',
  'supervise',
  'request-extension',
  'suspend',
  'resume',
  'merge',
  'return',
  'send-back',
  'reject-return',
  'reject-extension',
];

export const DANGER_ACTIONS: readonly OrderAction[] = ['return', 'send-back', 'reject-return', 'reject-extension'];

export function sortActions(actions: readonly OrderAction[]): OrderAction[] {
  return [...actions].sort((a, b) => ACTION_ORDER.indexOf(a) - ACTION_ORDER.indexOf(b));
}
