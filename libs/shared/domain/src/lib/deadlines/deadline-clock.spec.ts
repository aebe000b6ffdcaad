import { CN_HOLIDAYS } from '../calendar/holidays';
import { WorkCalendar } from '../calendar/work-calendar';
import { naturalClock, workingClock } from './deadline-clock';

const cst = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const cal = new WorkCalendar(CN_HOLIDAYS);

describe('workingClock', () => {
  const clock = workingClock(cal);

  it('reads durations in working time: a day is 7.5 office hours', () => {
    expect(clock.minutes('1d')).toBe(450);
    expect(clock.minutes('2h')).toBe(120);
    expect(clock.minutes('30m')).toBe(30);
    expect(clock.minutes('30s')).toBe(0.5);
    expect(clock.minutes({ amount: 2, unit: 'd' })).toBe(900);
  });

  it('adds over lunch, nights, weekends and the National Day holiday', () => {
    expect(clock.add(cst('2020-09-30 16:30'), 120)).toEqual(cst('2020-10-09 09:30'));
    expect(clock.between(cst('2020-09-30 16:30'), cst('2020-10-09 09:30'))).toBe(120);
  });

  it('before(): the instant that leaves the given working time, across the National Day holiday', () => {
    const due = cst('2020-10-09 09:30'); // 60 working minutes before it is 2020-09-30 17:30 (end of day)
    expect(clock.before(due, 60)).toEqual(cst('2020-09-30 17:30'));
    expect(clock.before(due, 90)).toEqual(cst('2020-09-30 17:00'));
    expect(clock.between(clock.before(due, 450 * 12), due)).toBe(450 * 12);
    // the Spring Festival of 2020 was extended to 2 February: 7 working days back from 6 February lands in January
    expect(clock.before(cst('2020-02-06 17:30'), 450 * 7)).toEqual(cst('2020-01-20 17:30'));
  });
});

describe('naturalClock', () => {
  it('runs round the clock; a day is 24 h unless compressed', () => {
    const clock = naturalClock();
    expect(clock.minutes('1d')).toBe(1440);
    expect(clock.add(cst('2020-10-01 10:00'), 90)).toEqual(cst('2020-10-01 11:30'));
    expect(clock.between(cst('2020-10-01 10:00'), cst('2020-10-02 10:00'))).toBe(1440);
    expect(clock.between(cst('2020-10-02 10:00'), cst('2020-10-01 10:00'))).toBe(0);
    expect(clock.before(cst('2020-10-01 12:00'), 60)).toEqual(cst('2020-10-01 11:00'));
  });

  it('a compressed day lets drills and tests play out days in seconds', () => {
    const clock = naturalClock(2 / 60); // a day of 2 s
    expect(clock.minutes('3d') * 60_000).toBe(6000);
    expect(clock.minutes('30s') * 60_000).toBe(30_000); // seconds stay seconds
    expect(() => naturalClock(0)).toThrow(RangeError);
  });
});
