import { currentDeadline, formatCountdown } from './countdown';

const now = Date.parse('2020-06-01T08:00:00Z');
const at = (ms: number) => new Date(now + ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('formatCountdown', () => {
  it('shows nothing without a deadline', () => {
    expect(formatCountdown(null, now)).toEqual({ text: '—', level: 'none' });
    expect(formatCountdown('not a date', now)).toEqual({
      text: '—',
      level: 'none',
    });
  });

  it('counts days and hours when far away', () => {
    expect(formatCountdown(at(2 * DAY + 3 * HOUR + 10 * MIN), now)).toEqual({
      text: '剩余 2天3小时',
      level: 'ok',
    });
    expect(formatCountdown(at(3 * DAY), now)).toEqual({
      text: '剩余 3天',
      level: 'ok',
    });
  });

  it('turns "soon" within 24 hours and counts hours and minutes', () => {
    expect(formatCountdown(at(DAY), now).level).toBe('soon');
    expect(formatCountdown(at(5 * HOUR + 7 * MIN), now)).toEqual({
      text: '剩余 5小时7分',
      level: 'soon',
    });
    expect(formatCountdown(at(2 * HOUR), now)).toEqual({
      text: '剩余 2小时',
      level: 'soon',
    });
    expect(formatCountdown(at(42 * MIN), now)).toEqual({
      text: '剩余 42分钟',
      level: 'soon',
    });
    expect(formatCountdown(at(20_000), now)).toEqual({
      text: '剩余 不足1分钟',
      level: 'soon',
    });
  });

  it('says how long it is overdue', () => {
    expect(formatCountdown(at(-90 * MIN), now)).toEqual({
      text: '超期 1小时30分',
      level: 'overdue',
    });
    expect(formatCountdown(at(-(4 * DAY + HOUR)), now)).toEqual({
      text: '超期 4天1小时',
      level: 'overdue',
    });
  });
});

describe('currentDeadline', () => {
  const o = { signDueAt: 's', handleDueAt: 'h', callbackDueAt: 'c' };
  it('follows the step the order is in', () => {
    expect(currentDeadline({ ...o, status: 'dispatched' })).toEqual({
      label: '签收时限',
      dueAt: 's',
    });
    expect(currentDeadline({ ...o, status: 'handling' })).toEqual({
      label: '办理时限',
      dueAt: 'h',
    });
    expect(currentDeadline({ ...o, status: 'callback_pending' })).toEqual({
      label: '回访时限',
      dueAt: 'c',
    });
    expect(currentDeadline({ ...o, status: 'closed' }).dueAt).toBeNull();
  });
});
