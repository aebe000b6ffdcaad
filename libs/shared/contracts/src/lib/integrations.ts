/** Wire types of the integrations on the order-event stream (issue 14): dead letters, SMS, webhooks, Open311, exchange. */

export const DEAD_LETTER_STATUSES = ['parked', 'replay', 'replayed'] as const;
export type DeadLetterStatus = (typeof DEAD_LETTER_STATUSES)[number];

/** An order event a subscriber kept failing on, parked for an admin to replay. */
export interface DeadLetterView {
  id: number;
  subscriber: string;
  outboxId: number;
  topic: string;
  orderId: number;
  error: string | null;
  attempts: number;
  /** parked: waiting for an admin; replay: asked, the relay delivers it next tick; replayed: delivered. */
  status: DeadLetterStatus;
  eventAt: string;
  createdAt: string;
  replayedAt: string | null;
}

export const SMS_TEMPLATE_CODES = ['receipt', 'answered', 'callback'] as const;
export type SmsTemplateCode = (typeof SMS_TEMPLATE_CODES)[number];
/** The variables a template may use, as `{name}`. */
export const SMS_TEMPLATE_VARIABLES = ['number', 'answer', 'hotline'] as const;

export interface SmsTemplateView {
  code: SmsTemplateCode;
  name: string;
  body: string;
  enabled: boolean;
  version: number;
  updatedAt: string;
}

export interface SmsMessageView {
  id: number;
  phone: string;
  orderId: number | null;
  template: string;
  body: string;
  driver: string;
  /** sent | failed | skipped (opted out, rate-limited). */
  status: string;
  error: string | null;
  createdAt: string;
}

export interface WebhookView {
  id: number;
  url: string;
  /** Topics or prefixes ('order.' = every order event). */
  events: string[];
  createdAt: string;
}

export interface Open311KeyView {
  id: number;
  name: string;
  /** The first characters, to recognise a key; the key itself is shown once, when issued. */
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface Open311KeyIssued extends Open311KeyView {
  apiKey: string;
}

export const EXCHANGE_SOURCES = ['province', 'state_council'] as const;
export type ExchangeSource = (typeof EXCHANGE_SOURCES)[number];
/** normal: a transferred appeal; rectification: a 好差评 整改 order whose feedback is counted. */
export type ExchangeKind = 'normal' | 'rectification';

export interface ExchangeLinkView {
  orderId: number;
  orderNumber: string;
  source: ExchangeSource;
  upstreamNumber: string;
  upstreamDueAt: string | null;
  kind: ExchangeKind;
  feedbackAt: string | null;
  reports: { kind: string; at: string }[];
}

/** 好差评整改: how many rectification orders came down and how many have had their feedback sent back (已全部完成反馈). */
export interface RectificationSummary {
  total: number;
  fedBack: number;
  allFedBack: boolean;
}
