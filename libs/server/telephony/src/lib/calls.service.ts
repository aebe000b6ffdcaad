import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  AGENT_STATES,
  WRAP_UP_SECONDS,
  type AgentBoardRow,
  type AgentLiveState,
  type AgentStateValue,
  type CallKpiReport,
  type CallKpis,
  type CallPage,
  type CallerSummary,
  type CallView,
  type MyAgentState,
  type WallboardView,
} from '@hotline/contracts';
import { addDays, chinaDay, chinaDayStart } from '@hotline/domain';
import type { AuthUser } from '@hotline/server-identity';
import { AppException, audit, inTransaction } from '@hotline/server-platform';
import { CALL_KPI_VALUES, SummaryReader, toPeriod } from '@hotline/server-statistics';
import type { CallKpiQueryDto, LinkCallDto, ListCallsDto } from './dto';
import type { CallRow } from './entities';
import { toCallKpis, toCallView } from './mappers';

/** Who sees every call; agents and callback agents see the calls they took or made. */
export const CALL_SUPERVISORS = ['supervisor', 'leader', 'admin', 'dispatcher'] as const;
export const CALL_ROLES = [...CALL_SUPERVISORS, 'agent', 'callback_agent'] as const;
/** A call still ringing after this long is taken for lost (its hangup never came). */
const STALE_RING_MINUTES = 60;

type KpiSums = Record<(typeof CALL_KPI_VALUES)[number], number>;

@Injectable()
export class CallsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reader: SummaryReader,
  ) {}

  async list(user: AuthUser, q: ListCallsDto): Promise<CallPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...p: unknown[]) => (where.push(sql), params.push(...p));
    if (!(CALL_SUPERVISORS as readonly string[]).includes(user.role)) add('c.agent_id = ?', user.id);
    if (q.from) add('c.called_at >= ?', chinaDayStart(q.from.slice(0, 10)));
    if (q.to) add('c.called_at < ?', chinaDayStart(addDays(q.to.slice(0, 10), 1)));
    if (q.direction) add('c.direction = ?', q.direction);
    if (q.status === 'answered') add('c.answered = 1');
    if (q.status === 'abandoned') add("c.answered = 0 AND c.hung_up_at IS NOT NULL AND c.direction = 'in'");
    if (q.status === 'live') add('c.hung_up_at IS NULL AND c.pbx_id IS NOT NULL');
    if (q.agentId) add('c.agent_id = ?', q.agentId);
    if (q.queue) add('c.queue = ?', q.queue);
    if (q.phone) add('c.caller_phone = ?', q.phone.replace(/[^\d+]/g, ''));
    if (q.orderId) add('c.order_id = ?', q.orderId);
    if (q.callId) add('c.call_id = ?', q.callId);
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const [{ total }] = await this.ds.query(`SELECT COUNT(*) AS total FROM call_record c ${w}`, params);
    const rows = await this.ds.query(
      `SELECT c.*, u.display_name AS agent_name, o.number AS order_number FROM call_record c
         LEFT JOIN app_user u ON u.id = c.agent_id LEFT JOIN work_order o ON o.id = c.order_id
         ${w} ORDER BY c.called_at DESC, c.id DESC LIMIT ? OFFSET ?`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    return { items: rows.map(toCallView), total: Number(total), page, pageSize };
  }

  /** Links a call to an order (an agent their own calls; supervisors any), with an audit row. */
  async link(user: AuthUser, id: number, dto: LinkCallDto): Promise<CallView> {
    await inTransaction(this.ds, async (em) => {
      const [call]: CallRow[] = await em.query('SELECT * FROM call_record WHERE id = ? FOR UPDATE', [id]);
      if (!call || (!(CALL_SUPERVISORS as readonly string[]).includes(user.role) && Number(call.agent_id) !== user.id))
        throw new AppException('NOT_FOUND', 'no such call');
      const [order] = await em.query('SELECT id FROM work_order WHERE id = ?', [dto.orderId]);
      if (!order) throw new AppException('UNKNOWN_REFERENCE', 'no such order', [{ field: 'orderId', messages: ['no such order'] }]);
      if (call.order_id != null && Number(call.order_id) !== dto.orderId)
        throw new AppException('DUPLICATE', 'the call is linked to another order', [{ field: 'orderId', messages: ['already linked to another order'] }]);
      await em.query('UPDATE call_record SET order_id = ?, link_purpose = ? WHERE id = ?', [dto.orderId, dto.purpose, id]);
      await audit(em, user, 'call', id, 'link', { orderId: dto.orderId, purpose: dto.purpose, callId: call.call_id });
    });
    return this.view(id);
  }

  async view(id: number): Promise<CallView> {
    const [row] = await this.ds.query(
      `SELECT c.*, u.display_name AS agent_name, o.number AS order_number FROM call_record c
         LEFT JOIN app_user u ON u.id = c.agent_id LEFT JOIN work_order o ON o.id = c.order_id WHERE c.id = ?`,
      [id],
    );
    if (!row) throw new AppException('NOT_FOUND', 'no such call');
    return toCallView(row);
  }

  /** The caller's history for the pop: earlier orders (open ones first), repeat count, confidentiality. */
  async caller(phone: string): Promise<CallerSummary> {
    const digits = phone.replace(/[^\d+]/g, '');
    if (digits.length < 3) throw new AppException('VALIDATION_FAILED', 'phone: at least 3 digits', [{ field: 'phone', messages: ['at least 3 digits'] }]);
    const open = "o.status NOT IN ('closed', 'merged')";
    const [[agg], recent, [calls]] = await Promise.all([
      this.ds.query(
        `SELECT COUNT(*) AS n, COALESCE(SUM(${open}), 0) AS open_n, COALESCE(MAX(o.caller_confidential), 0) AS conf FROM work_order o WHERE o.caller_phone = ?`,
        [digits],
      ),
      this.ds.query(
        `SELECT o.id, o.number, o.status, o.created_at, o.caller_confidential, LEFT(o.content, 80) AS preview FROM work_order o
          WHERE o.caller_phone = ? ORDER BY ${open} DESC, o.created_at DESC LIMIT 10`,
        [digits],
      ),
      this.ds.query("SELECT GREATEST(COUNT(*) - 1, 0) AS n FROM call_record WHERE caller_phone = ? AND direction = 'in'", [digits]),
    ]);
    return {
      phone: digits,
      orders: Number(agg.n),
      openOrders: Number(agg.open_n),
      calls: Number(calls.n),
      confidential: !!Number(agg.conf),
      recent: recent.map((r: Record<string, unknown>) => ({
        id: Number(r['id']),
        number: String(r['number']),
        status: String(r['status']),
        createdAt: (r['created_at'] as Date).toISOString(),
        contentPreview: String(r['preview'] ?? ''),
        confidential: !!Number(r['caller_confidential']),
      })),
    };
  }

  async myState(user: AuthUser): Promise<MyAgentState> {
    const board = await this.agents(new Date(), [user.id]);
    const [ext] = await this.ds.query('SELECT phone_extension FROM app_user WHERE id = ?', [user.id]);
    const [set] = await this.ds.query('SELECT state FROM agent_state WHERE user_id = ?', [user.id]);
    return { state: board[0]?.state ?? 'offline', set: (set?.state as AgentStateValue) ?? 'offline', extension: ext?.phone_extension ?? null };
  }

  async setState(user: AuthUser, state: AgentStateValue): Promise<MyAgentState> {
    if (!AGENT_STATES.includes(state)) throw new AppException('VALIDATION_FAILED', 'unknown state', [{ field: 'state', messages: ['unknown state'] }]);
    await inTransaction(this.ds, async (em) => {
      await em.query(
        'INSERT INTO agent_state (user_id, state, changed_at) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE state = VALUES(state), changed_at = VALUES(changed_at)',
        [user.id, state, new Date()],
      );
      await audit(em, user, 'agent_state', user.id, 'set', { state });
    });
    return this.myState(user);
  }

  /** 坐席监控: calls waiting now, every agent's state, today's figures from the summary table. */
  async wallboard(): Promise<WallboardView> {
    const now = new Date();
    const [wait] = await this.ds.query(
      `SELECT COUNT(*) AS n, MIN(called_at) AS oldest FROM call_record
        WHERE counted = 0 AND direction = 'in' AND answered = 0 AND hung_up_at IS NULL AND pbx_id IS NOT NULL AND called_at > ?`,
      [new Date(now.getTime() - STALE_RING_MINUTES * 60_000)],
    );
    const agents = await this.agents(now);
    const counts = { free: 0, busy: 0, offline: 0, 'on-call': 0, 'wrap-up': 0 } as Record<AgentLiveState, number>;
    for (const a of agents) counts[a.state]++;
    const today = chinaDay(now);
    return {
      at: now.toISOString(),
      waiting: Number(wait.n),
      longestWaitSeconds: wait.oldest ? Math.max(0, Math.round((now.getTime() - new Date(wait.oldest).getTime()) / 1000)) : 0,
      agents: agents.filter((a) => a.state !== 'offline' || a.callsToday > 0),
      counts,
      today: await this.totals(today, today),
    };
  }

  /** answeredIn15sRate, abandon rate, average wait and talk time, by day, hour, agent or queue. */
  async kpis(q: CallKpiQueryDto): Promise<CallKpiReport> {
    const period = toPeriod(q.from.slice(0, 10), q.to.slice(0, 10));
    const by = q.by ?? 'day';
    const where = q.platformId ? { platform_id: q.platformId } : undefined;
    const values = CALL_KPI_VALUES;
    type Row = KpiSums & { bucket?: string; hour?: number; agent_id?: number; queue?: string };
    const rows: Row[] =
      by === 'day'
        ? await this.reader.series<Row>({ table: 'stat_call_kpi', period, where, values, bucket: 'day' })
        : await this.reader.sum<Row>({ table: 'stat_call_kpi', period, where, values, groupBy: [{ hour: 'hour', agent: 'agent_id', queue: 'queue' }[by]] });
    const names = new Map<number, string>();
    if (by === 'agent') {
      const ids = rows.map((r) => Number(r.agent_id)).filter((x) => x > 0);
      if (ids.length)
        for (const u of await this.ds.query('SELECT id, display_name FROM app_user WHERE id IN (?)', [ids])) names.set(Number(u.id), u.display_name);
    }
    const keyOf = (r: Row) => String(by === 'day' ? r.bucket : by === 'hour' ? r.hour : by === 'agent' ? r.agent_id : r.queue);
    const labelOf = (r: Row) =>
      by === 'hour'
        ? `${String(r.hour).padStart(2, '0')}时`
        : by === 'agent'
          ? (names.get(Number(r.agent_id)) ?? (Number(r.agent_id) ? `#${r.agent_id}` : '未接/导入'))
          : by === 'queue'
            ? r.queue || '（无队列）'
            : String(r.bucket);
    return {
      from: period.from,
      to: period.to,
      by,
      total: await this.totals(period.from, period.to, q.platformId),
      rows: rows
        .filter((r) => Number(r.offered) > 0)
        .map((r) => ({ key: keyOf(r), label: labelOf(r), ...toCallKpis(r) }))
        .sort((a, b) => (by === 'hour' ? Number(a.key) - Number(b.key) : a.key < b.key ? -1 : 1)),
    };
  }

  private async totals(from: string, to: string, platformId?: number): Promise<CallKpis> {
    const [sums] = await this.reader.sum<KpiSums>({
      table: 'stat_call_kpi',
      period: { from, to },
      where: platformId ? { platform_id: platformId } : undefined,
      values: CALL_KPI_VALUES,
    });
    return toCallKpis(sums ?? { offered: 0, answered: 0, answered_15s: 0, abandoned: 0, wait_s: 0, talk_s: 0 });
  }

  /** Agents (and callback agents) with their live state: on a call, in wrap-up, else as they set it. */
  private async agents(now: Date, only?: number[]): Promise<AgentBoardRow[]> {
    const dayStart = chinaDayStart(chinaDay(now));
    const rows: {
      id: number;
      display_name: string;
      phone_extension: string | null;
      state: string | null;
      changed_at: Date | null;
      on_call_since: Date | null;
      last_end: Date | null;
      calls: number;
    }[] = await this.ds.query(
      `SELECT u.id, u.display_name, u.phone_extension, s.state, s.changed_at,
          (SELECT MIN(c.answered_at) FROM call_record c WHERE c.agent_id = u.id AND c.answered = 1 AND c.hung_up_at IS NULL AND c.called_at > ?) AS on_call_since,
          (SELECT MAX(c.hung_up_at) FROM call_record c WHERE c.agent_id = u.id AND c.called_at >= ?) AS last_end,
          (SELECT COUNT(*) FROM call_record c WHERE c.agent_id = u.id AND c.called_at >= ?) AS calls
        FROM app_user u LEFT JOIN agent_state s ON s.user_id = u.id
        WHERE u.active = 1 AND u.role IN ('agent', 'callback_agent')${only ? ' AND u.id IN (?)' : ''} ORDER BY u.id`,
      [new Date(now.getTime() - STALE_RING_MINUTES * 60_000), dayStart, dayStart, ...(only ? [only] : [])],
    );
    return rows.map((r) => {
      const wrapUntil = r.last_end ? new Date(r.last_end).getTime() + WRAP_UP_SECONDS * 1000 : 0;
      const state: AgentLiveState = r.on_call_since ? 'on-call' : wrapUntil > now.getTime() ? 'wrap-up' : ((r.state as AgentStateValue | null) ?? 'offline');
      const since = r.on_call_since ?? (state === 'wrap-up' ? r.last_end : r.changed_at);
      return {
        userId: Number(r.id),
        displayName: r.display_name,
        extension: r.phone_extension,
        state,
        since: since ? new Date(since).toISOString() : null,
        callsToday: Number(r.calls),
      };
    });
  }
}
