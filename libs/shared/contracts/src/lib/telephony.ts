/** Telephony: the CTI push API's vocabulary (Zammad's generic CTI), call records, the pop, the wallboard. */

export const CTI_EVENTS = ['newCall', 'answer', 'hangup'] as const;
export type CtiEventName = (typeof CTI_EVENTS)[number];
export const CALL_DIRECTIONS = ['in', 'out'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/** What an agent links a call to: the order taken on it, a callback to the citizen, a call to a unit, a three-way call. */
export const CALL_LINK_PURPOSES = ['intake', 'callback', 'unit', 'three-way'] as const;
export type CallLinkPurpose = (typeof CALL_LINK_PURPOSES)[number];
export const CALL_LINK_LABELS: Record<CallLinkPurpose, string> = { intake: '来电受理', callback: '回访', unit: '联系承办单位', 'three-way': '三方通话' };

/** 示闲 / 示忙 as the agent sets it; on a call and wrap-up (话后整理) are derived from the calls. */
export const AGENT_STATES = ['free', 'busy', 'offline'] as const;
export type AgentStateValue = (typeof AGENT_STATES)[number];
export type AgentLiveState = AgentStateValue | 'on-call' | 'wrap-up';
export const AGENT_STATE_LABELS: Record<AgentLiveState, string> = {
  free: '示闲',
  busy: '示忙',
  offline: '离线',
  'on-call': '通话中',
  'wrap-up': '话后整理',
};
/** Seconds after a call during which its agent counts as in wrap-up. */
export const WRAP_UP_SECONDS = 30;

export interface CallView {
  id: number;
  callId: string | null;
  direction: CallDirection;
  from: string;
  to: string | null;
  queue: string;
  agentId: number | null;
  agentName: string | null;
  agentNumber: string | null;
  calledAt: string;
  answeredAt: string | null;
  hungUpAt: string | null;
  answered: boolean;
  /** ended inbound call never answered */
  abandoned: boolean;
  waitSeconds: number | null;
  talkSeconds: number | null;
  cause: string | null;
  recordingUrl: string | null;
  transfers: number;
  orderId: number | null;
  orderNumber: string | null;
  linkPurpose: CallLinkPurpose | null;
  source: 'pbx' | 'import';
}

export interface CallPage {
  items: CallView[];
  total: number;
  page: number;
  pageSize: number;
}

/** Sent over the user's event stream (event `call-pop`) when a call they answer connects. */
export interface CallPop {
  id: number;
  callId: string;
  from: string;
  to: string | null;
  queue: string;
  direction: CallDirection;
  answeredAt: string;
}
export const CALL_POP_EVENT = 'call-pop';

export interface AgentBoardRow {
  userId: number;
  displayName: string;
  extension: string | null;
  state: AgentLiveState;
  since: string | null;
  callsToday: number;
}

export interface WallboardView {
  at: string;
  waiting: number;
  longestWaitSeconds: number;
  agents: AgentBoardRow[];
  counts: Record<AgentLiveState, number>;
  today: CallKpis;
}

export interface CallKpis {
  offered: number;
  answered: number;
  abandoned: number;
  answeredIn15s: number;
  /** 接通率: answered / offered; null without calls */
  answerRate: number | null;
  answeredIn15sRate: number | null;
  abandonRate: number | null;
  avgWaitSeconds: number | null;
  avgTalkSeconds: number | null;
}

export interface CallKpiRow extends CallKpis {
  /** the day (YYYY-MM-DD), hour (0–23), agent id or queue name, by the breakdown asked for */
  key: string;
  label: string;
}

export interface CallKpiReport {
  from: string;
  to: string;
  by: 'day' | 'hour' | 'agent' | 'queue';
  total: CallKpis;
  rows: CallKpiRow[];
}

export interface TelephonyAdminView {
  pbxs: { id: number; name: string; endpoint: string; token: string; platformId: number; rotatedAt: string | null }[];
  /** the first PBX's endpoint (what a bridge is configured with) */
  endpoint: string;
  extensions: { userId: number; username: string; displayName: string; role: string; extension: string | null }[];
}

export interface MyAgentState {
  state: AgentLiveState;
  set: AgentStateValue;
  extension: string | null;
}

/** Beside the popped intake: who is calling, from what the center already knows of the number. */
export interface CallerSummary {
  phone: string;
  /** earlier orders from this number (a repeat caller has at least one) */
  orders: number;
  openOrders: number;
  /** earlier inbound calls from this number, this one excluded */
  calls: number;
  /** the caller asked for confidentiality on an earlier order */
  confidential: boolean;
  /** open ones first, then the latest */
  recent: { id: number; number: string; status: string; createdAt: string; contentPreview: string; confidential: boolean }[];
}
