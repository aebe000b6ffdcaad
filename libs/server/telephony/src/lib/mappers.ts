import type { CallLinkPurpose, CallPop, CallView, CallKpis } from '@hotline/contracts';
import type { CallState } from './cti-event';
import type { CallRow } from './entities';

const secs = (a: Date | null, b: Date | null) => (a && b ? Math.max(0, Math.round((b.getTime() - a.getTime()) / 1000)) : null);

export function toCallView(r: CallRow & { agent_name?: string | null; order_number?: string | null }): CallView {
  const answered = !!Number(r.answered);
  return {
    id: Number(r.id),
    callId: r.call_id,
    direction: r.direction,
    from: r.direction === 'out' ? (r.callee ?? '') : r.caller_phone,
    to: r.direction === 'out' ? r.caller_phone : r.callee,
    queue: r.queue,
    agentId: r.agent_id == null ? null : Number(r.agent_id),
    agentName: r.agent_name ?? null,
    agentNumber: r.agent_number,
    calledAt: r.called_at.toISOString(),
    answeredAt: r.answered_at ? r.answered_at.toISOString() : null,
    hungUpAt: r.hung_up_at ? r.hung_up_at.toISOString() : null,
    answered,
    abandoned: r.direction === 'in' && !answered && r.hung_up_at != null,
    waitSeconds: answered ? secs(r.called_at, r.answered_at) : secs(r.called_at, r.hung_up_at),
    talkSeconds: answered ? secs(r.answered_at, r.hung_up_at) : null,
    cause: r.cause,
    recordingUrl: r.recording_url,
    transfers: Number(r.transfers),
    orderId: r.order_id == null ? null : Number(r.order_id),
    orderNumber: r.order_number ?? null,
    linkPurpose: r.link_purpose as CallLinkPurpose | null,
    source: r.pbx_id == null ? 'import' : 'pbx',
  };
}

export function stateOf(r: CallRow): CallState {
  return {
    direction: r.direction,
    external: r.caller_phone,
    internal: r.callee ?? '',
    queue: r.queue,
    calledAt: r.called_at,
    answeredAt: r.answered_at,
    hungUpAt: r.hung_up_at,
    agentId: r.agent_id == null ? null : Number(r.agent_id),
    agentNumber: r.agent_number,
    transfers: Number(r.transfers),
    cause: r.cause,
    recordingUrl: r.recording_url,
  };
}

export function toCallPop(id: number, callId: string, s: CallState): CallPop {
  return {
    id,
    callId,
    from: s.external,
    to: s.internal || null,
    queue: s.queue,
    direction: s.direction,
    answeredAt: (s.answeredAt ?? s.calledAt).toISOString(),
  };
}

/** The figures of summed stat_call_kpi values. */
export function toCallKpis(v: { offered: number; answered: number; answered_15s: number; abandoned: number; wait_s: number; talk_s: number }): CallKpis {
  const rate = (n: number, d: number) => (d > 0 ? n / d : null);
  return {
    offered: v.offered,
    answered: v.answered,
    abandoned: v.abandoned,
    answeredIn15s: v.answered_15s,
    answerRate: rate(v.answered, v.offered),
    answeredIn15sRate: rate(v.answered_15s, v.offered),
    abandonRate: rate(v.abandoned, v.offered),
    avgWaitSeconds: rate(v.wait_s, v.offered),
    avgTalkSeconds: rate(v.talk_s, v.answered),
  };
}
