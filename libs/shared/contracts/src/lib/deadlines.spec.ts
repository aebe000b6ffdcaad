import { ACTION_LABELS, SYSTEM_EVENTS } from './lifecycle';
import { DEADLINE_CLOCKS, TIMER_KIND_LABELS, TIMER_KINDS } from './deadlines';

describe('deadline vocabulary', () => {
  it('labels every timer kind, in Chinese', () => {
    expect(Object.keys(TIMER_KIND_LABELS).sort()).toEqual([...TIMER_KINDS].sort());
    for (const k of TIMER_KINDS) expect(TIMER_KIND_LABELS[k]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('the system events timers write to history are all labelled', () => {
    for (const e of ['pre-warning', 'sign-overdue', 'handle-overdue', 'auto-urge', 'escalate', 'callback-overdue', 'supervision-overdue'] as const) {
      expect(SYSTEM_EVENTS).toContain(e);
      expect(ACTION_LABELS[e]).toBeTruthy();
    }
    expect(DEADLINE_CLOCKS).toEqual(['working', 'natural']);
  });
});
