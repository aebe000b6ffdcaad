import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Role, TimerKind } from '@hotline/contracts';
import { TIMER_DEADLINE, TIMER_EFFECTS, timerApplies, type DeadlineFacts } from '@hotline/domain';
import { NotificationWriter, type NoticeDraft, type WrittenNotice } from '@hotline/server-notifications';
import { OrderWriter, WorkOrderEntity, type CommittedChange, type OrderWrite } from '@hotline/server-orders';
import { inTransaction } from '@hotline/server-platform';
import { noticeText } from './notice-text';

/**
 * fired: the effect happened now; already: it had happened (another attempt won); stale: the deadline moved or
 * the work finished, nothing to do; missing: no such timer; early: not due yet on this host's clock.
 */
export type FireOutcome = 'fired' | 'already' | 'stale' | 'missing' | 'early';

export interface FireResult {
  outcome: FireOutcome;
  /** For 'early': when it is due. */
  dueAt?: Date;
}

export interface TimerRow {
  id: number;
  order_id: number;
  kind: TimerKind;
  ref_id: number;
  due_at: Date;
  deadline_at: Date;
  state: string;
}

/** Timers in one transaction at most, and transactions under way at once (each holds a connection). */
const MAX_BATCH = 100;
const MAX_FLUSHES = 3;
/**
 * While a transaction is under way, due timers gather for up to WINDOW_MS (or until TARGET_BATCH of them) before
 * the next one starts: a few larger transactions fire a burst far sooner than many one-timer ones. An idle worker
 * starts at once.
 */
const WINDOW_MS = 3;
const TARGET_BATCH = 20;
/**
 * Jobs are handed to the worker a little before their due time (TIMER_LEAD_MS in queues.ts) so that Redis and
 * job pick-up cost nothing at the deadline; a timer picked up this much early or less is held here until it is
 * due, to the millisecond, then fired. Earlier than that (another host's clock ran ahead) goes back to the queue.
 */
export const HOLD_MAX_MS = 1000;

const ROLE_OF = { supervisors: 'supervisor', callback_agents: 'callback_agent' } as const satisfies Record<string, Role>;
const ledgerKey = (t: { order_id: number; kind: string; ref_id: number; due_at: Date }) =>
  `${Number(t.order_id)}|${t.kind}|${Number(t.ref_id)}|${t.due_at.getTime()}`;

interface Waiter {
  timerId: number;
  done(r: FireResult): void;
  fail(e: unknown): void;
}

interface Ready extends Waiter {
  head: TimerRow;
  since: number;
}

/**
 * What happens when timers come due. Each timer is a job of its own; firing goes in two steps.
 * 1. Look: the timers picked up in the same moment are read in one query; those no longer pending end here
 *    (most redelivered or outdated jobs), those not yet due are held until they are.
 * 2. Fire: timers due together share one transaction (group commit). It locks their orders in id order, re-checks
 *    every timer against its order as it is now, claims the effects in the ledger — whose unique key (order, kind,
 *    reference, due time) refuses a second claim whatever raced: a redelivered job, the reconciler, a restarted
 *    worker — then changes the orders through the orders writer (flags, urges, history lines as 'system', order
 *    events, the same order hooks as a user's action) and writes the notices, which are published after commit. A batch that fails is retried timer by timer, so one bad timer holds back no other.
 */
@Injectable()
export class TimerFiring {
  private readonly logger = new Logger(TimerFiring.name);
  private looking: Waiter[] = [];
  private readonly ready: Ready[] = [];
  private flushes = 0;
  private windowTimer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly notices: NotificationWriter,
    private readonly writer: OrderWriter,
  ) {}

  fire(timerId: number): Promise<FireResult> {
    return new Promise<FireResult>((done, fail) => {
      if (!this.looking.length) setImmediate(() => void this.look());
      this.looking.push({ timerId: Number(timerId), done, fail });
    });
  }

  private async look(): Promise<void> {
    const batch = this.looking;
    this.looking = [];
    try {
      const ids = [...new Set(batch.map((w) => w.timerId))];
      const heads: TimerRow[] = await this.ds.query('SELECT id, order_id, kind, ref_id, due_at, deadline_at, state FROM deadline_timer WHERE id IN (?)', [ids]);
      const byId = new Map(heads.map((h) => [Number(h.id), h]));
      for (const w of batch) {
        const h = byId.get(w.timerId);
        const wait = h ? h.due_at.getTime() - Date.now() : 0;
        if (!h) w.done({ outcome: 'missing' });
        else if (h.state !== 'pending') w.done({ outcome: h.state === 'fired' ? 'already' : 'stale' });
        else if (wait > HOLD_MAX_MS) w.done({ outcome: 'early', dueAt: h.due_at });
        else if (wait > 0) setTimeout(() => this.enqueue(w, h), wait);
        else this.enqueue(w, h);
      }
    } catch (e) {
      for (const w of batch) w.fail(e);
    }
  }

  private enqueue(w: Waiter, head: TimerRow): void {
    this.ready.push({ ...w, head, since: Date.now() });
    this.pump();
  }

  private pump(): void {
    while (this.flushes < MAX_FLUSHES && this.ready.length) {
      const waited = Date.now() - this.ready[0].since;
      if (this.flushes > 0 && this.ready.length < TARGET_BATCH && waited < WINDOW_MS) {
        this.windowTimer ??= setTimeout(() => {
          this.windowTimer = null;
          this.pump();
        }, WINDOW_MS - waited);
        return;
      }
      const batch = this.ready.splice(0, MAX_BATCH);
      this.flushes++;
      void this.settle(batch).finally(() => {
        this.flushes--;
        this.pump();
      });
    }
  }

  private async settle(batch: Ready[]): Promise<void> {
    try {
      const results = await this.commit(batch.map((w) => w.head));
      for (const w of batch) w.done(results.get(w.timerId) ?? { outcome: 'missing' });
    } catch (e) {
      if (new Set(batch.map((w) => w.timerId)).size === 1) {
        for (const w of batch) w.fail(e);
        return;
      }
      this.logger.warn(`a batch of ${batch.length} timers failed (${(e as Error).message}); firing them one by one`);
      for (const w of batch) {
        await this.commit([w.head]).then(
          (r) => w.done(r.get(w.timerId) ?? { outcome: 'missing' }),
          (err) => w.fail(err),
        );
      }
    }
  }

  /** One transaction for timers that are due (their rows as read just before). */
  private async commit(heads: TimerRow[]): Promise<Map<number, FireResult>> {
    const due = [...new Map(heads.map((h) => [Number(h.id), h])).values()];
    let written: WrittenNotice[] = [];
    let changes: CommittedChange[] = [];
    const decided = await inTransaction(this.ds, async (em) => {
      const result = new Map<number, FireResult>();
      const orderIds = [...new Set(due.map((t) => Number(t.order_id)))].sort((a, b) => a - b);
      // the orders first, in id order (so two batches never wait on each other in a circle), then their timers:
      // the same order of locks as an action's transaction
      const orders = await em.find(WorkOrderEntity, { where: { id: In(orderIds) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      const states: { id: number; state: string }[] = await em.query('SELECT id, state FROM deadline_timer WHERE id IN (?) FOR UPDATE', [due.map((t) => t.id)]);
      const supervisions: { id: number; order_id: number; feedback_due_at: Date }[] = due.some((t) => TIMER_DEADLINE[t.kind] === 'supervision')
        ? await em.query('SELECT id, order_id, feedback_due_at FROM supervision WHERE order_id IN (?) AND feedback_at IS NULL', [orderIds])
        : [];
      const claimed = new Set<string>(
        (await em.query('SELECT order_id, kind, ref_id, due_at FROM deadline_effect WHERE order_id IN (?)', [orderIds])).map(ledgerKey),
      );
      const orderById = new Map(orders.map((o) => [Number(o.id), o]));
      const stateById = new Map(states.map((s) => [Number(s.id), s.state]));
      const at = new Date();

      const fire: { t: TimerRow; o: WorkOrderEntity }[] = [];
      const fired: number[] = [];
      const stale: number[] = [];
      for (const t of due) {
        const id = Number(t.id);
        const o = orderById.get(Number(t.order_id));
        const state = stateById.get(id);
        if (!o || !state) result.set(id, { outcome: 'missing' });
        else if (state !== 'pending') result.set(id, { outcome: state === 'fired' ? 'already' : 'stale' });
        else if (!timerApplies({ kind: t.kind, refId: Number(t.ref_id), deadlineAt: t.deadline_at }, facts(o, supervisions))) {
          stale.push(id);
          result.set(id, { outcome: 'stale' });
        } else if (claimed.has(ledgerKey(t))) {
          // the effect happened but the timer was not marked (a lost write): mark it, do nothing else
          fired.push(id);
          result.set(id, { outcome: 'already' });
        } else {
          claimed.add(ledgerKey(t));
          fire.push({ t, o });
          fired.push(id);
          result.set(id, { outcome: 'fired' });
        }
      }
      if (fire.length) {
        // the unique key is the guarantee; the check above only spares a failed statement
        await em.query('INSERT INTO deadline_effect (order_id, kind, ref_id, due_at, deadline_at, timer_id, fired_at) VALUES ?', [
          fire.map(({ t }) => [t.order_id, t.kind, t.ref_id, t.due_at, t.deadline_at, t.id, at]),
        ]);
        ({ written, changes } = await this.apply(em, fire, at));
      }
      if (fired.length) await em.query(`UPDATE deadline_timer SET state = 'fired', updated_at = ? WHERE id IN (?)`, [at, fired]);
      if (stale.length) await em.query(`UPDATE deadline_timer SET state = 'cancelled', updated_at = ? WHERE id IN (?)`, [at, stale]);
      return result;
    });
    await this.writer.committed(changes);
    if (written.length) await this.notices.publish(written).catch((e: Error) => this.logger.warn(`${written.length} notices not published: ${e.message}`));
    return decided;
  }

  /**
   * The effects as order changes, one per order through the orders writer (flags and urges with a version-checked
   * UPDATE, history lines as the system, their events, the order hooks), then the notices.
   */
  private async apply(em: EntityManager, fire: { t: TimerRow; o: WorkOrderEntity }[], at: Date) {
    const byOrder = new Map<number, { o: WorkOrderEntity; timers: TimerRow[] }>();
    for (const { t, o } of fire) {
      const entry = byOrder.get(Number(o.id)) ?? { o, timers: [] };
      entry.timers.push(t);
      byOrder.set(Number(o.id), entry);
    }
    const changes: CommittedChange[] = [];
    for (const { o, timers } of byOrder.values()) {
      const { patch, lines } = timerChange(o, timers, at);
      // a pre-warning or an escalation sets no column: the order and its version stay as they were, as a user sees them
      changes.push((await this.writer.update(em, { before: o, patch, actor: null, at, lines, keepVersionIfUnchanged: true })).change);
    }
    const drafts: NoticeDraft[] = fire.map(({ t, o }) => {
      const effect = TIMER_EFFECTS[t.kind];
      const text = noticeText(t.kind, o.number, t.deadline_at);
      return {
        kind: effect.events[0],
        orderId: Number(o.id),
        orderNumber: o.number,
        title: text.title,
        body: text.body,
        unitId: effect.notify.includes('unit') ? o.mainUnitId : null,
        roles: effect.notify.filter((a): a is keyof typeof ROLE_OF => a in ROLE_OF).map((a) => ROLE_OF[a]),
      };
    });
    return { written: await this.notices.writeMany(em, drafts, at), changes };
  }
}

/**
 * What an order's fired timers do to it: the overdue flags (the moment it went overdue is the deadline itself, however
 * late the timer ran; the first one stays), one urge per auto-urge, and a history line per event of each effect.
 */
export function timerChange(o: WorkOrderEntity, timers: readonly TimerRow[], at: Date): Pick<OrderWrite, 'patch' | 'lines'> {
  const patch: Partial<WorkOrderEntity> = {};
  const lines: OrderWrite['lines'] = [];
  let urges = 0;
  for (const t of timers) {
    const effect = TIMER_EFFECTS[t.kind];
    if (effect.flag === 'signOverdueAt') patch.signOverdueAt = o.signOverdueAt ?? patch.signOverdueAt ?? t.deadline_at;
    if (effect.flag === 'handleOverdueAt') patch.handleOverdueAt = o.handleOverdueAt ?? patch.handleOverdueAt ?? t.deadline_at;
    if (effect.autoUrge) urges++;
    const text = noticeText(t.kind, o.number, t.deadline_at);
    const data = {
      timer: t.kind,
      deadline: TIMER_DEADLINE[t.kind],
      deadlineAt: t.deadline_at.toISOString(),
      dueAt: t.due_at.toISOString(),
      lateMs: at.getTime() - t.due_at.getTime(),
    };
    for (const event of effect.events) lines.push({ action: event, comment: event === 'auto-urge' ? `系统自动催办：${text.body}` : text.title, data });
  }
  if (urges) patch.urgeCount = o.urgeCount + urges;
  return { patch, lines };
}

function facts(o: WorkOrderEntity, supervisions: readonly { id: number; order_id: number; feedback_due_at: Date }[]): DeadlineFacts {
  return {
    status: o.status,
    signDueAt: o.signDueAt,
    handleDueAt: o.handleDueAt,
    callbackDueAt: o.callbackDueAt,
    callbackAt: o.callbackAt,
    openSupervisions: supervisions.filter((s) => Number(s.order_id) === Number(o.id)).map((s) => ({ id: Number(s.id), feedbackDueAt: s.feedback_due_at })),
  };
}
