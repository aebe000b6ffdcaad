import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CALL_POP_EVENT } from '@hotline/contracts';
import { NotificationWriter } from '@hotline/server-notifications';
import { AppException, inTransaction } from '@hotline/server-platform';
import { applyDeltas, callDeltas, slotOf } from '@hotline/server-statistics';
import { agentKey, applyCtiEvent, callFacts, CtiEventError, parseCtiEvent, type CallState, type CtiEvent } from './cti-event';
import type { CallRow } from './entities';
import { stateOf, toCallPop } from './mappers';

export interface CtiResult {
  callId: string;
  /** false when the event repeated what was known */
  changed: boolean;
}

const DUPLICATE_KEY = 1062;

/**
 * The CTI endpoint's work: the token names the PBX, the event moves its call record on (in one transaction with
 * the summary cells the change adds or takes away), and an answer pops the answering agent's browser after commit.
 */
@Injectable()
export class CtiService {
  private readonly logger = new Logger(CtiService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly notices: NotificationWriter,
  ) {}

  async ingest(token: string, body: unknown): Promise<CtiResult> {
    const pbx = await this.pbxOf(token);
    let ev: CtiEvent;
    try {
      ev = parseCtiEvent(body);
    } catch (e) {
      if (e instanceof CtiEventError) throw new AppException('VALIDATION_FAILED', e.message, e.fields);
      throw e;
    }
    const key = agentKey(ev);
    const agentId = key ? await this.agentOf(key) : null;
    const arrived = new Date();
    // two events of one new call may race to create it: the loser finds the row on its second go
    for (let attempt = 0; ; attempt++) {
      try {
        const out = await inTransaction(this.ds, (em) => this.apply(em, pbx, ev, arrived, agentId, attempt));
        if (out.pop != null) await this.pop(out.pop, out.id, ev.callId, out.state);
        return { callId: ev.callId, changed: out.changed };
      } catch (e) {
        if (attempt < 3 && (e as { errno?: number; driverError?: { errno?: number } }).driverError?.errno === DUPLICATE_KEY) continue;
        if (attempt < 3 && (e as { errno?: number }).errno === DUPLICATE_KEY) continue;
        throw e;
      }
    }
  }

  private async apply(
    em: EntityManager,
    pbx: { id: number; platformId: number },
    ev: CtiEvent,
    arrived: Date,
    agentId: number | null,
    attempt: number,
  ): Promise<{ id: number; changed: boolean; pop: number | null; state: CallState }> {
    const [row]: CallRow[] = await em.query('SELECT * FROM call_record WHERE pbx_id = ? AND call_id = ? FOR UPDATE', [pbx.id, ev.callId]);
    const prev = row ? stateOf(row) : null;
    // a new row whose (called_at, caller_phone) an imported call already holds moves by a millisecond per attempt
    const { next, changed, pop } = applyCtiEvent(prev, ev, new Date(arrived.getTime() + (row ? 0 : attempt)), agentId);
    if (!changed) return { id: Number(row?.id), changed, pop: null, state: next };
    const facts = callFacts(next, pbx.platformId);
    const values = [
      next.direction,
      next.external,
      next.internal || null,
      next.queue,
      next.calledAt,
      next.answeredAt ? 1 : 0,
      next.answeredAt,
      next.hungUpAt,
      next.agentId,
      next.agentNumber,
      next.transfers,
      next.cause,
      next.recordingUrl,
      facts.counted ? 1 : 0,
    ];
    let id: number;
    if (row) {
      id = Number(row.id);
      await em.query(
        `UPDATE call_record SET direction = ?, caller_phone = ?, callee = ?, queue = ?, called_at = ?, answered = ?, answered_at = ?, hung_up_at = ?,
           agent_id = ?, agent_number = ?, transfers = ?, cause = ?, recording_url = ?, counted = ? WHERE id = ?`,
        [...values, id],
      );
    } else {
      const res: { insertId: number } = await em.query(
        `INSERT INTO call_record (direction, caller_phone, callee, queue, called_at, answered, answered_at, hung_up_at, agent_id, agent_number,
           transfers, cause, recording_url, counted, platform_id, pbx_id, call_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [...values, pbx.platformId, pbx.id, ev.callId],
      );
      id = Number(res.insertId);
    }
    const deltas = [...(prev ? callDeltas(callFacts(prev, pbx.platformId), -1) : []), ...callDeltas(facts, 1)];
    await applyDeltas(em, deltas, slotOf(em));
    return { id, changed, pop, state: next };
  }

  /** The PBX a token belongs to; a wrong token is a 404 (nothing is stored). */
  private async pbxOf(token: string): Promise<{ id: number; platformId: number }> {
    if (!/^[\w-]{16,64}$/.test(token)) throw new AppException('NOT_FOUND', 'no such CTI endpoint');
    const [row] = await this.ds.query('SELECT id, platform_id FROM cti_endpoint WHERE token = ?', [token]);
    if (!row) throw new AppException('NOT_FOUND', 'no such CTI endpoint');
    return { id: Number(row.id), platformId: Number(row.platform_id) };
  }

  /** The active agent a PBX number names: by phone extension first, then by username. */
  private async agentOf(key: string): Promise<number | null> {
    const rows: { id: number; ext: number }[] = await this.ds.query(
      'SELECT id, phone_extension = ? AS ext FROM app_user WHERE active = 1 AND (phone_extension = ? OR username = ?) ORDER BY ext DESC LIMIT 1',
      [key, key, key],
    );
    return rows.length ? Number(rows[0].id) : null;
  }

  private async pop(userId: number, id: number, callId: string, state: CallState): Promise<void> {
    try {
      await this.notices.signal({ userId, type: CALL_POP_EVENT, data: toCallPop(id, callId, state) });
    } catch (e) {
      // the call is stored; the agent can still take it from 我的来电
      this.logger.warn(`call pop for user ${userId} not sent: ${(e as Error).message}`);
    }
  }
}
