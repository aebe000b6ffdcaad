/**
 * The order lifecycle vocabulary shared by api, worker and web.
 * Strings (not numeric enums) so that rows, logs, URLs and JSON read the same.
 */
export const ORDER_STATUSES = [
  'registered', // awaiting direct answer or dispatch
  'dispatched', // awaiting sign-for by the main unit
  'returning', // the unit asked to return it; awaiting the center's review
  'handling',
  'suspended',
  'replied', // the unit replied; awaiting the center's review
  'callback_pending',
  'closed',
  'merged', // merged (并单) into a master order
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_ACTIONS = [
  'direct-answer',
  'dispatch',
  'sign',
  'return',
  'approve-return',
  'reject-return',
  'request-extension',
  'approve-extension',
  'reject-extension',
  'suspend',
  'resume',
  'reply',
  'co-reply',
  'accept-reply',
  'send-back',
  'callback',
  'urge',
  'supervise',
  'feedback',
  'instruct',
  'close',
  'merge',
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/** History-only events that are not user actions on the lifecycle. */
export const SYSTEM_EVENTS = [
  'create',
  'pre-warning',
  'sign-overdue',
  'handle-overdue',
  'auto-urge',
  'escalate',
  'callback-overdue',
  'supervision-overdue',
] as const;
export type SystemEvent = (typeof SYSTEM_EVENTS)[number];

export const ROLES = ['agent', 'dispatcher', 'unit_handler', 'supervisor', 'callback_agent', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that belong to a member unit and so are confined to its orders. */
export const UNIT_ROLES: readonly Role[] = ['unit_handler'];

/** 好差评 five levels, best first (GB/T 39734-2020). */
export const SATISFACTION_LEVELS = ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];
export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
  very_dissatisfied: '非常不满意',
};
/** Counted as satisfied by the report's 满意率. */
export const SATISFIED_LEVELS: readonly Satisfaction[] = ['very_satisfied', 'satisfied', 'basically_satisfied'];

export const STATUS_LABELS: Record<OrderStatus, string> = {
  registered: '待处理',
  dispatched: '待签收',
  returning: '退单待审',
  handling: '办理中',
  suspended: '已挂起',
  replied: '待审核',
  callback_pending: '待回访',
  closed: '已办结',
  merged: '已并单',
};

export const ACTION_LABELS: Record<OrderAction | SystemEvent, string> = {
  create: '受理登记',
  'direct-answer': '直接办结',
  dispatch: '派单',
  sign: '签收',
  return: '申请退单',
  'approve-return': '同意退单',
  'reject-return': '驳回退单',
  'request-extension': '申请延期',
  'approve-extension': '同意延期',
  'reject-extension': '驳回延期',
  suspend: '挂起',
  resume: '恢复办理',
  reply: '办结回复',
  'co-reply': '协办回复',
  'accept-reply': '审核通过',
  'send-back': '退回重办',
  callback: '回访',
  urge: '催办',
  supervise: '督办',
  feedback: '督办反馈',
  instruct: '领导批示',
  close: '办结归档',
  merge: '并单',
  'pre-warning': '临期预警',
  'sign-overdue': '签收超时',
  'handle-overdue': '办理超期',
  'auto-urge': '自动催办',
  escalate: '超期升级督办',
  'callback-overdue': '回访超时',
  'supervision-overdue': '督办反馈超时',
};

export const ROLE_LABELS: Record<Role, string> = {
  agent: '话务员',
  dispatcher: '派单员',
  unit_handler: '承办单位',
  supervisor: '督办员',
  callback_agent: '回访员',
  leader: '中心领导',
  admin: '系统管理员',
};
