import { SATISFACTION_LEVELS, type OrderAction, type OrderStatus, type Role } from '@hotline/contracts';
import { decide, type WorkCalendar } from '@hotline/domain';
import { newOrderRow } from '@hotline/server-orders';
import { directAnswerColumns, type DirectAnswerColumns } from './direct-methods';
import type { Rnd } from './fit';
import { F_EXTENDED, F_INSTRUCTED, F_REOPENED, F_RETURNED, F_SENT_BACK, F_SIGN_LATE, F_SUPERVISED, F_URGED, type PlannedOrder } from './plan';

/**
 * Turns a planned order into the rows the real lifecycle would have left: the order row in its final state
 * and its history, one row per action, each allowed by the transition table from the status before it
 * (checked here with the same decide() the orders service uses), with deadlines from the working-day calendar.
 */

/** Default working-day limits, as the orders service applies them (libs/server/orders time-limits.ts). */
const HANDLE_DAYS: Record<string, number> = { consult: 1, help: 3, complaint: 5, report: 5, suggestion: 10, praise: 3, thanks: 3, other: 5 };
const SIGN_MINUTES = 120;
const CALLBACK_DAYS = 2;
const MIN = 60_000;
const HOUR = 60 * MIN;

export interface Actor {
  id: number | null;
  name: string;
  role: Role;
  unitId: number | null;
}

export interface Actors {
  agent: Actor;
  dispatcher: Actor;
  callback: Actor;
  supervisor: Actor;
  leader: Actor;
  unit(unitId: number): Actor;
}

export interface HistoryRow {
  action: OrderAction | 'create';
  from: OrderStatus | null;
  to: OrderStatus;
  actor: Actor;
  comment: string | null;
  data: Record<string, unknown> | null;
  at: Date;
}

export interface SupervisionRow {
  unitId: number;
  createdBy: number | null;
  comment: string;
  feedbackDueAt: Date;
  feedback: string;
  feedbackAt: Date;
  createdAt: Date;
}

/** The order row's lifecycle columns in their final state (the descriptive ones come from the plan). */
export interface LifecycleState extends DirectAnswerColumns {
  status: OrderStatus;
  resolution: 'direct' | 'dispatched';
  directAnswer: string | null;
  mainUnitId: number | null;
  dispatchedAt: Date | null;
  signedAt: Date | null;
  repliedAt: Date | null;
  reply: string | null;
  acceptedAt: Date | null;
  closedAt: Date;
  extensionCount: number;
  reworkCount: number;
  returnCount: number;
  urgeCount: number;
  superviseCount: number;
  instructCount: number;
  signDueAt: Date | null;
  handleDueAt: Date | null;
  callbackDueAt: Date | null;
  signOverdueAt: Date | null;
  handleOverdueAt: Date | null;
  callbackSatisfaction: string | null;
  callbackSolved: boolean | null;
  callbackComment: string | null;
  callbackAt: Date | null;
  updatedAt: Date;
}

export interface Texts {
  directAnswer(o: PlannedOrder): string;
  /** the person spoken to at the unit in a three-way call */
  threeWayPerson(o: PlannedOrder): string;
  reply(o: PlannedOrder): string;
}

export interface Lived {
  state: LifecycleState;
  history: HistoryRow[];
  supervisions: SupervisionRow[];
}

/** The end of the cohort year (China midnight of 1 January next): a late order finishes before it unless planned to carry over. */
export function yearEnd(year: number): Date {
  return new Date(Date.UTC(year + 1, 0, 1) - 8 * HOUR);
}

export function live(o: PlannedOrder, createdAt: Date, year: number, cal: WorkCalendar, actors: Actors, texts: Texts, rnd: Rnd): Lived {
  const history: HistoryRow[] = [];
  const supervisions: SupervisionRow[] = [];
  let status: OrderStatus = 'registered';
  let t = createdAt.getTime();
  const at = () => new Date(t);
  const after = (minMs: number, maxMs: number) => (t += Math.round(minMs + rnd() * (maxMs - minMs)));
  const step = (
    action: OrderAction | 'create',
    actor: Actor,
    comment: string | null,
    data: Record<string, unknown> | null,
    ctx: Parameters<typeof decide>[3] = {},
  ) => {
    let to: OrderStatus = 'registered';
    if (action !== 'create') {
      const d = decide(status, action, actor.role, { hasComment: !!comment, ...ctx });
      if (!d.ok) throw new Error(`generator: ${action} by ${actor.role} refused in ${status}: ${d.reason}`);
      to = d.to;
    }
    history.push({ action, from: action === 'create' ? null : status, to, actor, comment, data, at: at() });
    status = to;
  };

  step('create', actors.agent, null, { channel: o.channel, appealType: o.type });
  if (o.direct) {
    after(MIN, 20 * MIN);
    const answer = texts.directAnswer(o);
    // the history line carries the record as the live action's does
    const record = directAnswerColumns(o, () => texts.threeWayPerson(o));
    step('direct-answer', actors.agent, answer, record.directAnswerMethod ? { ...record } : null);
    return {
      history,
      supervisions,
      state: { ...blank(at()), ...record, status, resolution: 'direct', directAnswer: answer, closedAt: at(), updatedAt: at() },
    };
  }

  const s = { ...blank(at()), resolution: 'dispatched' as const };
  const handleDays = HANDLE_DAYS[o.type] ?? 5;
  const dispatch = (unitId: number) => {
    step('dispatch', actors.dispatcher, null, { unitId, coUnitIds: [], redispatch: false });
    s.mainUnitId = unitId;
    s.dispatchedAt = at();
    s.signedAt = null;
    s.signDueAt = cal.addWorkingMinutes(at(), SIGN_MINUTES);
    s.handleDueAt = cal.addWorkingDays(at(), handleDays);
  };

  after(5 * MIN, 90 * MIN);
  if (o.flags & F_RETURNED && o.wrongUnitId) {
    dispatch(o.wrongUnitId);
    after(20 * MIN, 2 * HOUR);
    const reason = '经核实，该事项不属于本单位职责范围，请重新派单。';
    step('return', actors.unit(o.wrongUnitId), reason, { unitId: o.wrongUnitId });
    s.returnCount++;
    after(30 * MIN, 3 * HOUR);
    step('approve-return', actors.dispatcher, '同意退单，改派责任单位。', { returnedBy: o.wrongUnitId, reason });
    s.mainUnitId = null;
    after(5 * MIN, HOUR);
  }
  dispatch(o.unitId);
  const unit = actors.unit(o.unitId);

  // signing: in time for most, after the limit for a few (never so late the handling limit cannot be kept)
  if (o.flags & F_SIGN_LATE) {
    s.signOverdueAt = s.signDueAt;
    const room = ((s.handleDueAt as Date).getTime() - (s.signDueAt as Date).getTime()) * 0.3;
    t = (s.signDueAt as Date).getTime() + Math.round(Math.min((10 + rnd() * 590) * MIN, room));
  } else {
    t = cal.addWorkingMinutes(at(), 5 + rnd() * (SIGN_MINUTES - 10)).getTime();
  }
  step('sign', unit, null, null);
  s.signedAt = at();

  if (o.flags & F_EXTENDED) {
    after(10 * MIN, 2 * HOUR);
    const days = 3 + Math.floor(rnd() * 3);
    step('request-extension', unit, '需协调多个部门，申请延期办理。', { days });
    after(10 * MIN, 2 * HOUR);
    const from = s.handleDueAt as Date;
    const to = cal.addWorkingDays(from, days);
    step('approve-extension', actors.dispatcher, null, { days, fromDueAt: from.toISOString(), toDueAt: to.toISOString() }, { hasPendingExtension: true });
    s.handleDueAt = to;
    s.extensionCount++;
  }

  const replyContent = texts.reply(o);
  /** When the reply comes: inside the limit, or after it — before the year is out unless planned to carry over. */
  const replyTime = (onTime: boolean, kind: 0 | 1 | 2 | 3): number => {
    const due = (s.handleDueAt as Date).getTime();
    const end = yearEnd(year).getTime();
    if (onTime) return t + Math.max(MIN, Math.round((0.05 + 0.9 * rnd()) * (due - t)));
    if (kind === 2) return Math.max(end, due) + Math.round((1 + rnd() * 60) * 24 * HOUR);
    if (kind === 3) return Math.max(end, due) + Math.round((366 + rnd() * 90) * 24 * HOUR);
    let r = due + Math.round((30 + rnd() * 4 * 24 * 60) * MIN);
    if (due < end && r >= end) r = due + Math.max(MIN, Math.round((end - due) * (0.1 + 0.8 * rnd())));
    return r;
  };
  const reply = (when: number, onTime: boolean) => {
    t = when;
    step('reply', unit, replyContent, null);
    s.repliedAt = at();
    s.reply = replyContent;
    if (!onTime) s.handleOverdueAt = s.handleDueAt;
  };
  const accept = () => {
    after(10 * MIN, 8 * HOUR);
    step('accept-reply', actors.dispatcher, null, null);
    s.acceptedAt = at();
    s.callbackDueAt = cal.addWorkingDays(at(), CALLBACK_DAYS);
  };

  if (o.flags & F_SENT_BACK) {
    reply(replyTime(true, 0), true);
    after(HOUR, 24 * HOUR);
    step('send-back', actors.dispatcher, '答复内容未说明处理结果，请重新办理。', { previousReply: s.reply });
    s.reworkCount++;
    s.reply = null;
    s.repliedAt = null;
    s.handleDueAt = cal.addWorkingDays(at(), handleDays);
    s.handleOverdueAt = null;
  }

  // what happens while the unit works on it, at random moments before the reply
  const finalReply = replyTime(o.late === 0, o.late);
  const events: ((when: number) => void)[] = [];
  if (o.flags & F_URGED)
    events.push((when) => {
      t = when;
      step('urge', actors.supervisor, '请加快办理进度，按时反馈。', { unitId: o.unitId });
      s.urgeCount++;
    });
  if (o.flags & F_SUPERVISED)
    events.push((when) => {
      t = when;
      const due = cal.addWorkingDays(at(), 3);
      const comment = '该诉求群众反映强烈，请主要负责同志亲自督办，限期反馈办理情况。';
      step('supervise', actors.supervisor, comment, { unitId: o.unitId, feedbackDueAt: due.toISOString() });
      const opened = at();
      t += Math.round((finalReply - t) * (0.2 + 0.6 * rnd()));
      const feedback = '已成立专班现场核查，正在按要求整改，将按时反馈结果。';
      step('feedback', unit, feedback, null, { hasOpenSupervision: true });
      supervisions.push({ unitId: o.unitId, createdBy: actors.supervisor.id, comment, feedbackDueAt: due, feedback, feedbackAt: at(), createdAt: opened });
      s.superviseCount++;
    });
  if (o.flags & F_INSTRUCTED)
    events.push((when) => {
      t = when;
      step('instruct', actors.leader, '请相关单位高度重视，抓紧办理，确保群众满意。', null);
      s.instructCount++;
    });
  const span = finalReply - t;
  const moments = events.map(() => t + Math.max(1000, Math.round(rnd() * span * 0.8))).sort((a, b) => a - b);
  events.forEach((ev, i) => ev(Math.max(moments[i], t + 1000)));
  reply(Math.max(finalReply, t + 1000), o.late === 0);
  accept();

  if (o.callback >= 0 && o.flags & F_REOPENED) {
    after(2 * HOUR, 24 * HOUR);
    step(
      'callback',
      actors.callback,
      '市民表示问题仍未解决。',
      { satisfaction: 'dissatisfied', solved: false, reopen: true, previousReply: s.reply },
      { reopen: true, dissatisfied: true },
    );
    s.reworkCount++;
    s.reply = null;
    s.repliedAt = null;
    s.acceptedAt = null;
    s.callbackDueAt = null;
    s.handleDueAt = cal.addWorkingDays(at(), handleDays);
    s.handleOverdueAt = null;
    reply(replyTime(true, 0), true);
    accept();
  }

  if (o.callback >= 0) {
    after(2 * HOUR, 40 * HOUR);
    const level = SATISFACTION_LEVELS[o.callback];
    const comment = o.callback < 3 ? '市民对办理结果表示认可。' : '市民对办理结果不满意。';
    step('callback', actors.callback, comment, { satisfaction: level, solved: o.solved, reopen: false }, { dissatisfied: o.callback >= 3 });
    Object.assign(s, { callbackSatisfaction: level, callbackSolved: o.solved, callbackComment: comment, callbackAt: at() });
    after(MIN, 30 * MIN);
    step('close', actors.callback, null, { withoutCallback: false }, { callbackDone: true });
  } else {
    after(HOUR, 48 * HOUR);
    step('close', actors.dispatcher, '已按规定答复，无需回访，予以办结。', { withoutCallback: true });
  }
  return { history, supervisions, state: { ...s, status, closedAt: at(), updatedAt: at() } };
}

/** The lifecycle columns at their starting values: a new order's row (the orders lib's one definition of it). */
function blank(now: Date): Omit<LifecycleState, 'resolution' | 'status'> & { status: OrderStatus } {
  return { ...newOrderRow(), closedAt: now, updatedAt: now };
}
