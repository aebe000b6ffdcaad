import { CN_HOLIDAYS } from '../calendar/holidays';
import { WorkCalendar } from '../calendar/work-calendar';
import { resolvePolicy } from './policy';
import { bindTimeLimits } from './time-limits';
import { diffTimers, planTimers, runningDeadlines, TIMER_EFFECTS, timerApplies, timerKey, type DeadlineFacts } from './timers';

const T0 = new Date('2026-01-01T00:00:00Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);
const limits = bindTimeLimits(
  { ...resolvePolicy([], '*', false), clock: 'natural', dayLength: '10s', signLimit: '10s', handleLimit: '100s', longOverdueAfter: '5d' },
  new WorkCalendar(CN_HOLIDAYS),
);
const facts = (over: Partial<DeadlineFacts>): DeadlineFacts => ({
  status: 'registered',
  signDueAt: null,
  handleDueAt: null,
  callbackDueAt: null,
  callbackAt: null,
  openSupervisions: [],
  ...over,
});
const plan = (f: Partial<DeadlineFacts>, now = T0) => planTimers(facts(f), limits, now).map((p) => [p.kind, (p.dueAt.getTime() - T0.getTime()) / 1000]);

describe('which timers an order has', () => {
  it('a dispatched order: sign pre-warning and overdue, handling pre-warning, overdue and escalation', () => {
    expect(plan({ status: 'dispatched', signDueAt: at(10), handleDueAt: at(100) })).toEqual([
      ['sign-prewarn', 8],
      ['sign-overdue', 10],
      ['handle-prewarn', 80],
      ['handle-overdue', 100],
      ['escalate', 150],
    ]);
  });

  it('signed: the sign timers are gone; suspended: the handling clock stops; returning: it keeps running', () => {
    expect(plan({ status: 'handling', signDueAt: at(10), handleDueAt: at(100) }).map(([k]) => k)).toEqual(['handle-prewarn', 'handle-overdue', 'escalate']);
    expect(plan({ status: 'suspended', handleDueAt: at(100) })).toEqual([]);
    expect(plan({ status: 'returning', signDueAt: at(10), handleDueAt: at(100) }).map(([k]) => k)).toEqual(['handle-prewarn', 'handle-overdue', 'escalate']);
  });

  it('no pre-warning once the deadline has passed; the overdue timer is still planned (it fires at once)', () => {
    expect(plan({ status: 'dispatched', signDueAt: at(10) }, at(12))).toEqual([['sign-overdue', 10]]);
  });

  it('plans the same timers whenever it is asked, so keys never drift; inside the warning window the warning is due already', () => {
    const f = { status: 'handling' as const, handleDueAt: at(100) };
    expect(plan(f, at(0))).toEqual(plan(f, at(50)));
    expect(plan(f, at(90))).toEqual([
      ['handle-prewarn', 80],
      ['handle-overdue', 100],
      ['escalate', 150],
    ]);
  });

  it('callback until the callback is made; supervision feedback until answered, not after closing', () => {
    expect(plan({ status: 'callback_pending', callbackDueAt: at(50) })).toEqual([['callback-overdue', 50]]);
    expect(plan({ status: 'callback_pending', callbackDueAt: at(50), callbackAt: at(1) })).toEqual([]);
    const sup = [{ id: 7, feedbackDueAt: at(30) }];
    expect(planTimers(facts({ status: 'replied', openSupervisions: sup }), limits, T0)).toEqual([
      { kind: 'supervision-overdue', refId: 7, dueAt: at(30), deadlineAt: at(30) },
    ]);
    expect(plan({ status: 'closed', openSupervisions: sup })).toEqual([]);
  });

  it('nothing for registered, replied, closed or merged orders', () => {
    for (const status of ['registered', 'replied', 'closed', 'merged'] as const) expect(plan({ status, signDueAt: at(10), handleDueAt: at(100) })).toEqual([]);
  });
});

describe('re-checking a timer when it fires', () => {
  const overdue = { kind: 'handle-overdue' as const, refId: 0, deadlineAt: at(100) };

  it('stands while its deadline runs with the same due time', () => {
    expect(timerApplies(overdue, facts({ status: 'handling', handleDueAt: at(100) }))).toBe(true);
    expect(timerApplies({ ...overdue, kind: 'handle-prewarn' }, facts({ status: 'dispatched', signDueAt: at(10), handleDueAt: at(100) }))).toBe(true);
  });

  it('is a no-op after completion, after the deadline moved, and while suspended', () => {
    expect(timerApplies(overdue, facts({ status: 'replied', handleDueAt: at(100) }))).toBe(false);
    expect(timerApplies(overdue, facts({ status: 'handling', handleDueAt: at(200) }))).toBe(false);
    expect(timerApplies(overdue, facts({ status: 'suspended', handleDueAt: at(100) }))).toBe(false);
    expect(timerApplies({ kind: 'sign-overdue', refId: 0, deadlineAt: at(10) }, facts({ status: 'handling', signDueAt: at(10), handleDueAt: at(100) }))).toBe(
      false,
    );
    expect(
      timerApplies(
        { kind: 'supervision-overdue', refId: 7, deadlineAt: at(30) },
        facts({ status: 'handling', openSupervisions: [{ id: 8, feedbackDueAt: at(30) }] }),
      ),
    ).toBe(false);
  });
});

describe('diffTimers', () => {
  it('keeps what is planned, adds what is new, cancels what moved', () => {
    const pending = [
      { id: 1, kind: 'handle-overdue' as const, refId: 0, dueAt: at(100) },
      { id: 2, kind: 'escalate' as const, refId: 0, dueAt: at(150) },
    ];
    const planned = planTimers(facts({ status: 'handling', handleDueAt: at(120) }), limits, T0);
    const { add, cancel } = diffTimers(pending, planned);
    expect(add.map(timerKey)).toEqual(['handle-prewarn.0.' + at(100).getTime(), 'handle-overdue.0.' + at(120).getTime(), 'escalate.0.' + at(170).getTime()]);
    expect(cancel.map((c) => c.id)).toEqual([1, 2]);
    expect(diffTimers(planned, planned)).toEqual({ add: [], cancel: [] });
  });

  it('never adds again a timer that fired (its effect happened for that due time)', () => {
    const planned = planTimers(facts({ status: 'handling', handleDueAt: at(120) }), limits, T0);
    const [prewarn, ...rest] = planned;
    expect(diffTimers(rest, planned, [prewarn])).toEqual({ add: [], cancel: [] });
  });
});

describe('effects', () => {
  it('overdue flags the order, urges the unit and tells the supervisors; pre-warnings go to the unit only', () => {
    expect(TIMER_EFFECTS['handle-overdue']).toEqual({
      events: ['handle-overdue', 'auto-urge'],
      flag: 'handleOverdueAt',
      autoUrge: true,
      notify: ['unit', 'supervisors'],
    });
    expect(TIMER_EFFECTS['sign-overdue'].flag).toBe('signOverdueAt');
    expect(TIMER_EFFECTS['handle-prewarn']).toMatchObject({ events: ['pre-warning'], notify: ['unit'] });
    expect(TIMER_EFFECTS['callback-overdue'].notify).toEqual(['callback_agents']);
    expect(runningDeadlines(facts({ status: 'dispatched', signDueAt: at(1) }))).toEqual([{ name: 'sign', refId: 0, at: at(1) }]);
  });
});
