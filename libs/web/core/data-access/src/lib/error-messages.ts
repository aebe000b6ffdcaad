import { HttpErrorResponse } from '@angular/common/http';
import { ApiError, ErrorCode, FieldError } from '@hotline/contracts';

/** Codes the browser adds for failures that never reached the API's error filter. */
export type WebErrorCode = ErrorCode | 'NETWORK_ERROR';

export interface WebError extends Omit<ApiError, 'code'> {
  code: WebErrorCode;
}

export const ERROR_MESSAGES: Record<WebErrorCode, string> = {
  VALIDATION_FAILED: '提交内容不完整或格式有误',
  MALFORMED_JSON: '请求格式错误',
  UNKNOWN_REFERENCE: '引用的基础数据不存在，请刷新页面后重试',
  INVALID_CREDENTIALS: '用户名或密码错误',
  UNAUTHENTICATED: '登录已失效，请重新登录',
  FORBIDDEN_ROLE: '当前角色无权执行此操作',
  NOT_FOUND: '数据不存在或无权查看',
  ORDER_NOT_FOUND: '工单不存在或无权查看',
  STALE_VERSION: '工单已被他人修改，已刷新',
  INVALID_TRANSITION: '工单当前状态不允许此操作',
  PRECONDITION_FAILED: '不满足操作条件',
  DUPLICATE: '数据已存在，请勿重复提交',
  PAYLOAD_TOO_LARGE: '提交内容过大',
  UNSUPPORTED_MEDIA_TYPE: '不支持的请求格式',
  TOO_MANY_REQUESTS: '操作过于频繁，请稍后再试',
  INTERNAL: '服务器内部错误，请稍后重试',
  SERVICE_UNAVAILABLE: '服务暂不可用，请稍后重试',
  NETWORK_ERROR: '无法连接服务器，请检查网络',
};

/** Chinese names of request fields, for validation messages (`details[].field` is a dotted path). */
export const FIELD_LABELS: Record<string, string> = {
  channel: '来源渠道',
  appealType: '诉求类型',
  categoryId: '问题分类',
  regionId: '所属区域',
  platformId: '受理平台',
  caller: '来电人信息',
  'caller.name': '来电人',
  'caller.phone': '来电号码',
  'caller.confidential': '保密',
  address: '地址',
  content: '内容',
  topics: '专题',
  urgent: '紧急',
  version: '版本',
  answer: '答复内容',
  unitId: '承办单位',
  coUnitIds: '协办单位',
  comment: '意见',
  reason: '原因',
  days: '延期天数',
  satisfaction: '满意度',
  solved: '是否解决',
  reopen: '重新办理',
  feedbackDays: '反馈时限',
  masterId: '主工单',
  username: '用户名',
  password: '密码',
  displayName: '姓名',
  role: '角色',
  name: '名称',
  code: '编码',
  kind: '类型',
  parentId: '上级',
  defaultUnitId: '默认承办单位',
  active: '启用',
  date: '日期',
};

const STATUS_FALLBACK: Record<number, WebErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN_ROLE',
  404: 'NOT_FOUND',
  409: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNKNOWN_REFERENCE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

function isApiErrorBody(body: unknown): body is ApiError {
  return typeof body === 'object' && body !== null && typeof (body as ApiError).code === 'string';
}

/** Normalises whatever a failed call threw into the API's error shape. */
export function toWebError(err: unknown): WebError {
  if (err instanceof HttpErrorResponse) {
    if (isApiErrorBody(err.error) && err.error.code in ERROR_MESSAGES) {
      return { ...err.error, statusCode: err.error.statusCode ?? err.status };
    }
    if (err.status === 0) {
      return { statusCode: 0, code: 'NETWORK_ERROR', message: err.message };
    }
    const code = STATUS_FALLBACK[err.status] ?? 'INTERNAL';
    return { statusCode: err.status, code, message: err.message };
  }
  if (isApiErrorBody(err) && err.code in ERROR_MESSAGES) return err;
  return {
    statusCode: 0,
    code: 'INTERNAL',
    message: err instanceof Error ? err.message : String(err),
  };
}

const HAS_CHINESE = /[\u4e00-\u9fff]/;

function fieldList(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  const names = details
    .map((d) => (typeof d === 'object' && d !== null ? (d as { field?: unknown }).field : undefined))
    .filter((f): f is string => typeof f === 'string')
    .map(fieldLabel);
  return [...new Set(names)];
}

export interface ErrorMessageOptions {
  /** A plain 404 in an order context means the caller may not see that order. */
  context?: 'order';
}

/**
 * The sentence shown to the user for an error. The code decides it; a server message is appended
 * only when it is already Chinese (a precondition such as "没有待审核的延期申请" helps the agent,
 * an English stack message does not).
 */
export function errorMessage(err: unknown, options: ErrorMessageOptions = {}): string {
  const e = toWebError(err);
  let code = e.code;
  if (options.context === 'order' && code === 'NOT_FOUND') code = 'ORDER_NOT_FOUND';
  const base = ERROR_MESSAGES[code];
  if (code === 'VALIDATION_FAILED') {
    const fields = fieldList(e.details);
    if (fields.length) return `${base}：${fields.join('、')}`;
  }
  if (code === 'UNKNOWN_REFERENCE') {
    const field = (e.details as { field?: string } | undefined)?.field;
    if (field) return `${base}（${FIELD_LABELS[field] ?? field}）`;
  }
  if (e.message && HAS_CHINESE.test(e.message) && e.message !== base && code !== 'STALE_VERSION') {
    return `${base}：${e.message}`;
  }
  return base;
}

/** A request field's Chinese name; a dotted path falls back to its last segment. */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? FIELD_LABELS[field.split('.').pop() ?? field] ?? field;
}

/**
 * The API's validation messages are English (class-validator and the services' own rules); these
 * are the ones a form can trigger, in Chinese. Anything else reads "<label>格式不正确".
 */
const RULE_MESSAGES: [RegExp, (label: string, m: RegExpMatchArray) => string][] = [
  [/lowercase letters, digits (and|or) _/, (l) => `${l}须以小写字母开头，只含小写字母、数字和下划线`],
  [/characters without \//, (l) => `${l}为 1–64 个字符，不能含“/”`],
  [/would create a cycle/, () => '不能选择本单位或其下级作为上级'],
  [/parent is already level 3/, () => '分类最多三级，所选上级已是三级分类'],
  [/required for unit_handler/, () => '承办单位用户必须选择所属单位'],
  [/YYYY-MM-DD/, (l) => `${l}格式应为 YYYY-MM-DD`],
  [/longer than or equal to 1 characters/, (l) => `请填写${l}`],
  [/longer than or equal to (\d+) characters/, (l, m) => `${l}至少 ${m[1]} 个字符`],
  [/shorter than or equal to (\d+) characters/, (l, m) => `${l}最多 ${m[1]} 个字符`],
  [/should not exist/, (l) => `不允许提交${l}`],
  [/must be one of the following values/, (l) => `${l}的取值不在允许范围内`],
];

function detailList(details: unknown): FieldError[] {
  const one = (d: unknown): FieldError | null => {
    if (typeof d !== 'object' || d === null) return null;
    const { field, messages } = d as { field?: unknown; messages?: unknown };
    if (typeof field !== 'string') return null;
    return {
      field,
      messages: Array.isArray(messages) ? messages.filter((m): m is string => typeof m === 'string') : [],
    };
  };
  const list = Array.isArray(details) ? details.map(one) : [one(details)];
  return list.filter((d): d is FieldError => d !== null);
}

function fieldMessage(code: WebErrorCode, d: FieldError): string {
  const label = fieldLabel(d.field);
  if (code === 'DUPLICATE') return `${label}已存在`;
  if (code === 'UNKNOWN_REFERENCE') return `所选${label}不存在或已停用`;
  if (code !== 'VALIDATION_FAILED') return ERROR_MESSAGES[code];
  const chinese = d.messages.find((m) => HAS_CHINESE.test(m));
  if (chinese) return chinese;
  for (const m of d.messages)
    for (const [pattern, say] of RULE_MESSAGES) {
      const match = m.match(pattern);
      if (match) return say(label, match);
    }
  return `${label}格式不正确`;
}

/**
 * What a form should show beside each field the API named: `details` is `[{ field, messages }]` for
 * validation, `{ field }` for a duplicate or an unknown reference. Keys are the API's field paths
 * (`caller.phone`), values Chinese sentences; empty when the error names no field.
 */
export function fieldErrors(err: unknown): Record<string, string> {
  const e = toWebError(err);
  const out: Record<string, string> = {};
  for (const d of detailList(e.details)) out[d.field] ??= fieldMessage(e.code, d);
  return out;
}
