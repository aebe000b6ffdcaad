import { newOrderRow } from '@hotline/server-orders';
import { timerChange, type TimerRow } from './timer-firing';

const at = new Date('2026-03-02T08:00:00Z');
const timer = (kind: TimerRow['kind'], deadlineAt: Date): TimerRow => ({
  id: 1,
  order_id: 7,
  kind,
  ref_id: 0,
  due_at: deadlineAt,
  deadline_at: deadlineAt,
  state: 'pending',
});
const order = (over: Partial<ReturnType<typeof newOrderRow>> = {}) =>
  Object.assign(newOrderRow(), { id: 7, number: '20260302000007', status: 'dispatched', urgeCount: 1 }, over);

describe('timerChange: what fired timers do to their order', () => {
  it('a pre-warning or an escalation changes no column (the row and its version stay) and leaves its line', () => {
    expect(timerChange(order(), [timer('handle-prewarn', at)], at)).toMatchObject({ patch: {}, lines: [{ action: 'pre-warning' }] });
    expect(timerChange(order(), [timer('escalate', at)], at)).toMatchObject({ patch: {}, lines: [{ action: 'escalate' }] });
  });

  it('overdue flags the order at the deadline itself, once, and urges it', () => {
    const deadline = new Date(at.getTime() - 5000);
    const c = timerChange(order(), [timer('sign-overdue', deadline)], at);
    expect(c.patch).toEqual({ signOverdueAt: deadline, urgeCount: 2 });
    expect(c.lines.map((l) => l.action)).toEqual(['sign-overdue', 'auto-urge']);
    expect(c.lines[1].comment).toMatch(/^系统自动催办：/);
    const earlier = new Date(0);
    expect(timerChange(order({ handleOverdueAt: earlier }), [timer('handle-overdue', deadline)], at).patch).toEqual({ handleOverdueAt: earlier, urgeCount: 2 });
  });
});
