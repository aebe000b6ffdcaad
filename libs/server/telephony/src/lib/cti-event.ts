import { CALL_DIRECTIONS, CTI_EVENTS, type CallDirection, type CtiEventName, type FieldError } from '@hotline/contracts';
import type { CallFacts } from '@hotline/server-statistics';

/**
 * Zammad's generic CTI push API, as PBX bridges (Asterisk AMI, FreeSWITCH ESL, 3CX …) send it: one event per
 * request, JSON or form-encoded. Two optional fields of ours: `recordingUrl`, and `at` (ISO time the event
 * happened, for bridges that replay; otherwise the time it arrived).
 */
export interface CtiEvent {
  event: CtiEventName;
  callId: string;
  from: string;
  to: string;
  direction: CallDirection;
  users: string[];
  queue: string;
  cause: string | null;
  answeringNumber: string | null;
  recordingUrl: string | null;
  at: Date | null;
}

const CALL_ID = /^[\w.:@+-]{1,64}$/;
const NUMBER = /^[\w+*#()\- .@]{0,32}$/;

export class CtiEventError extends Error {
  constructor(readonly fields: FieldError[]) {
    super(`invalid CTI event: ${fields.map((f) => f.field).join(', ')}`);
  }
}

/** Reads one pushed event; throws CtiEventError naming every field at fault. */
export function parseCtiEvent(raw: unknown): CtiEvent {
  if (raw == null || typeof raw !== 'object' || Array.isArray(raw))
    throw new CtiEventError([{ field: '', messages: ['body must be an object of CTI fields'] }]);
  const r = raw as Record<string, unknown>;
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, messages: [message] });
  const str = (k: string): string | null => {
    const v = r[k];
    if (v == null || v === '') return null;
    if (typeof v === 'string') return v.trim();
    if (typeof v === 'number') return String(v);
    fail(k, `${k} must be a string`);
    return null;
  };
  const event = str('event');
  if (!event) fail('event', 'event is required');
  else if (!(CTI_EVENTS as readonly string[]).includes(event)) fail('event', `unknown event; one of ${CTI_EVENTS.join(', ')}`);
  const callId = str('callId');
  if (!callId) fail('callId', 'callId is required');
  else if (!CALL_ID.test(callId)) fail('callId', 'callId: 1–64 letters, digits or . : @ + - _');
  const direction = str('direction');
  if (!direction) fail('direction', 'direction is required');
  else if (!(CALL_DIRECTIONS as readonly string[]).includes(direction)) fail('direction', "direction must be 'in' or 'out'");
  const num = (k: string) => {
    const v = str(k);
    if (v != null && !NUMBER.test(v)) fail(k, `${k}: at most 32 characters of a phone number or extension`);
    return v;
  };
  const from = num('from');
  const to = num('to');
  if (!from) fail('from', 'from is required');
  const answeringNumber = num('answeringNumber');
  const queue = str('queue') ?? '';
  if (queue.length > 64) fail('queue', 'queue: at most 64 characters');
  const cause = str('cause');
  if (cause != null && !/^[\w-]{1,32}$/.test(cause)) fail('cause', 'cause: at most 32 letters');
  const recordingUrl = str('recordingUrl');
  if (recordingUrl != null && (recordingUrl.length > 500 || !/^https?:\/\/\S+$/.test(recordingUrl)))
    fail('recordingUrl', 'recordingUrl: an http(s) URL of at most 500 characters');
  const atText = str('at');
  const at = atText == null ? null : new Date(atText);
  if (at && (Number.isNaN(at.getTime()) || !/^\d{4}-\d\d-\d\dT/.test(atText as string))) fail('at', 'at: an ISO 8601 time');
  const rawUsers = r['user'] ?? r['user[]'];
  const users = (Array.isArray(rawUsers) ? rawUsers : rawUsers == null || rawUsers === '' ? [] : [rawUsers]).map(String).filter(Boolean);
  if (users.length > 20 || users.some((u) => u.length > 64)) fail('user', 'user: at most 20 names of at most 64 characters');
  if (errors.length) throw new CtiEventError(errors);
  return {
    event: event as CtiEventName,
    callId: callId as string,
    from: from as string,
    to: to ?? '',
    direction: direction as CallDirection,
    users,
    queue,
    cause,
    answeringNumber,
    recordingUrl,
    at,
  };
}

/** One call as the events so far have left it. */
export interface CallState {
  direction: CallDirection;
  /** the citizen's (external) number: `from` of an inbound call, `to` of an outbound one */
  external: string;
  /** the hotline's side: the dialled number of an inbound call, the agent's extension of an outbound one */
  internal: string;
  queue: string;
  calledAt: Date;
  answeredAt: Date | null;
  hungUpAt: Date | null;
  agentId: number | null;
  agentNumber: string | null;
  transfers: number;
  cause: string | null;
  recordingUrl: string | null;
}

export interface Applied {
  next: CallState;
  changed: boolean;
  /** the agent whose browser should pop: someone newly answering it */
  pop: number | null;
}

/** Who answered (or, outbound, who dialled): the number or name that names an agent. */
export function agentKey(ev: CtiEvent): string | null {
  if (ev.direction === 'out') return ev.from || ev.users[0] || null;
  return ev.answeringNumber || (ev.event === 'answer' ? ev.users[0] || null : null);
}

const min = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);
const max = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

/**
 * The next state of a call after one event, whatever order the events come in and however often: a repeated
 * event changes nothing, an answer after its hangup still makes the call answered (at the hangup at the latest),
 * a second answer by another agent is a transfer.
 */
export function applyCtiEvent(prev: CallState | null, ev: CtiEvent, arrivedAt: Date, agentId: number | null): Applied {
  const at = ev.at ?? arrivedAt;
  const base: CallState = prev ?? {
    direction: ev.direction,
    external: ev.direction === 'in' ? ev.from : ev.to,
    internal: ev.direction === 'in' ? ev.to : ev.from,
    queue: ev.queue,
    calledAt: at,
    answeredAt: null,
    hungUpAt: null,
    agentId: null,
    agentNumber: null,
    transfers: 0,
    cause: null,
    recordingUrl: null,
  };
  const next: CallState = { ...base };
  let pop: number | null = null;
  if (!next.queue && ev.queue) next.queue = ev.queue;
  if (ev.recordingUrl) next.recordingUrl = ev.recordingUrl;
  if (ev.direction === 'out' && next.agentId == null && agentId != null) {
    next.agentId = agentId;
    next.agentNumber = agentKey(ev);
  }
  // a call began no later than any of its events: a late newCall, or an answer replayed with its own time, moves the start earlier
  next.calledAt = min(next.calledAt, next.hungUpAt ? min(at, next.hungUpAt) : at);
  if (ev.event === 'newCall') {
    // nothing more: the start is all a newCall says
  } else if (ev.event === 'answer') {
    const number = agentKey(ev);
    if (next.answeredAt == null) {
      next.answeredAt = max(next.calledAt, next.hungUpAt ? min(at, next.hungUpAt) : at);
      if (ev.direction === 'in') {
        next.agentId = agentId;
        next.agentNumber = number;
        if (agentId != null && next.hungUpAt == null) pop = agentId;
      }
    } else if (ev.direction === 'in' && number != null && number !== next.agentNumber) {
      // answered again by someone else: transferred to them
      next.transfers = base.transfers + 1;
      next.agentId = agentId;
      next.agentNumber = number;
      if (agentId != null && next.hungUpAt == null) pop = agentId;
    }
  } else if (next.hungUpAt == null) {
    next.hungUpAt = max(at, next.answeredAt ?? next.calledAt);
    next.cause = ev.cause;
  }
  return { next, changed: !prev || !sameState(prev, next), pop };
}

function sameState(a: CallState, b: CallState): boolean {
  return (Object.keys(a) as (keyof CallState)[]).every((k) => {
    const x = a[k];
    const y = b[k];
    return x instanceof Date && y instanceof Date ? x.getTime() === y.getTime() : x === y;
  });
}

/** The call as the summary tables count it: an inbound call once it has ended. */
export function callFacts(s: CallState, platformId: number): CallFacts {
  return {
    platformId,
    calledAt: s.calledAt,
    answered: s.answeredAt != null,
    answeredAt: s.answeredAt,
    hungUpAt: s.hungUpAt,
    agentId: s.agentId,
    queue: s.queue,
    counted: s.direction === 'in' && s.hungUpAt != null,
  };
}
