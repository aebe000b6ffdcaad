import { CN_HOLIDAYS } from '../calendar/holidays';
import { WorkCalendar } from '../calendar/work-calendar';
import { resolvePolicy, type TimeLimitPolicy } from './policy';
import { bindTimeLimits } from './time-limits';

const cst = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const cal = new WorkCalendar(CN_HOLIDAYS);
const complaint = bindTimeLimits(resolvePolicy([], 'complaint', false), cal);

describe('time limits on the working calendar', () => {
  it('dispatch on the eve of National Day 2020: sign by 10-09 09:30, handle in 5 working days', () => {
    const at = cst('2020-09-30 16:30');
    expect(complaint.signDue(at)).toEqual(cst('2020-10-09 09:30'));
    // 2020-10-10 (Saturday) is a make-up working day
    expect(complaint.handleDue(at)).toEqual(cst('2020-10-14 16:30'));
    expect(complaint.callbackDue(at)).toEqual(cst('2020-10-10 16:30'));
    expect(complaint.feedbackDue(at)).toEqual(cst('2020-10-12 16:30'));
    expect(complaint.feedbackDue(at, 1)).toEqual(cst('2020-10-09 16:30'));
  });

  it('an extension adds working days to the current deadline', () => {
    expect(complaint.extend(cst('2020-10-14 16:30'), 2)).toEqual(cst('2020-10-16 16:30'));
  });

  it('suspension keeps the working time that was left; resume counts it from now', () => {
    const left = complaint.leftAt(cst('2020-10-12 09:30'), cst('2020-10-14 16:30'));
    expect(left).toBe(390 + 450 + 390);
    expect(complaint.resumeDue(cst('2020-10-19 08:30'), left)).toEqual(cst('2020-10-21 15:30'));
  });

  it('pre-warns when 80 % of the limit is used: one working day before a 5-day deadline', () => {
    const due = cst('2020-10-14 16:30');
    expect(complaint.prewarnAt('handle', due)).toEqual(cst('2020-10-13 16:30'));
    // 2 h sign limit → 24 working minutes before the deadline, counted back over the holiday
    expect(complaint.prewarnAt('sign', cst('2020-10-09 09:30'))).toEqual(cst('2020-10-09 09:06'));
    expect(complaint.prewarnAt('sign', cst('2020-10-09 08:40'))).toEqual(cst('2020-09-30 17:16'));
    expect(bindTimeLimits({ ...complaint.policy, prewarnPercent: 0 }, cal).prewarnAt('handle', due)).toBeNull();
  });

  it('escalates 5 working days after the handling deadline', () => {
    expect(complaint.escalateAt(cst('2020-10-14 16:30'))).toEqual(cst('2020-10-21 16:30'));
  });
});

describe('time limits on the natural clock', () => {
  const drill: TimeLimitPolicy = { ...complaint.policy, clock: 'natural', dayLength: '2s', signLimit: '3s', handleLimit: '5s', longOverdueAfter: '1d' };
  const t = bindTimeLimits(drill, cal);
  const at = new Date('2020-10-01T00:00:00Z'); // a holiday, at midnight: the natural clock does not care

  it('counts plain time; days last dayLength', () => {
    expect(t.signDue(at).getTime() - at.getTime()).toBe(3000);
    expect(t.handleDue(at).getTime() - at.getTime()).toBe(5000);
    expect(t.extend(at, 1).getTime() - at.getTime()).toBe(2000);
    expect(t.escalateAt(at).getTime() - at.getTime()).toBe(2000);
    expect(t.prewarnAt('handle', t.handleDue(at))?.getTime()).toBe(at.getTime() + 4000);
  });
});
