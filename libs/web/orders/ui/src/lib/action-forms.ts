import { OrderAction, OrderDetail, SATISFACTION_LEVELS, Satisfaction } from '@hotline/contracts';

export type ActionFieldKind = 'text' | 'textarea' | 'number' | 'unit' | 'units' | 'satisfaction' | 'yesno' | 'checkbox';

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
}

/** The API's length limits: free text (answer, reply, content) 5000, reasons 1000, comments 2000. */
const MAX_LENGTH: Record<string, number> = { reason: 1000, comment: 2000 };

const text = (key: string, label: string, required: boolean, placeholder?: string, maxLength = MAX_LENGTH[key] ?? 5000): ActionField => ({
  key,
  label,
  kind: 'textarea',
  required,
  maxLength,
  placeholder,
});
const comment = (label = '意见', maxLength?: number): ActionField => text('comment', label, false, undefined, maxLength);

/** The fields of each action's body besides `version` (docs/api.md, "Action fields"). */
export const ACTION_FIELDS: Record<OrderAction, ActionField[]> = {
  'direct-answer': [text('answer', '答复内容', true)],
  dispatch: [
    { key: 'unitId', label: '主办单位', kind: 'unit', required: true },
    {
      key: 'coUnitIds',
      label: '协办单位',
      kind: 'units',
      required: false,
      initial: [],
    },
    comment('派单说明'),
  ],
  sign: [],
  return: [text('reason', '退单理由', true, '说明不属于本单位职责的依据')],
  'approve-return': [comment()],
  'reject-return': [comment('驳回理由')],
  'request-extension': [
    {
      key: 'days',
      label: '延期天数（工作日）',
      kind: 'number',
      required: true,
      min: 1,
      max: 30,
      initial: 5,
    },
    text('reason', '延期理由', true),
  ],
  'approve-extension': [comment()],
  'reject-extension': [comment('驳回理由')],
  suspend: [text('reason', '挂起原因', true)],
  resume: [comment()],
  reply: [text('content', '办理结果', true)],
  'co-reply': [text('content', '协办意见', true)],
  'accept-reply': [comment('审核意见')],
  'send-back': [text('reason', '退回理由', true)],
  callback: [
    {
      key: 'satisfaction',
      label: '满意度',
      kind: 'satisfaction',
      required: true,
    },
    { key: 'solved', label: '是否解决', kind: 'yesno', required: true },
    comment('回访记录', 1000),
    {
      key: 'reopen',
      label: '不满意，重新办理',
      kind: 'checkbox',
      required: false,
      initial: false,
    },
  ],
  urge: [comment('催办意见')],
  supervise: [
    text('comment', '督办意见', true),
    {
      key: 'feedbackDays',
      label: '反馈时限（工作日）',
      kind: 'number',
      required: false,
      min: 1,
      max: 30,
      initial: 3,
    },
  ],
  feedback: [text('content', '督办反馈', true)],
  instruct: [text('content', '批示内容', true)],
  close: [comment('归档说明')],
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
