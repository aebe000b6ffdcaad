import { CN_HOLIDAYS, HolidayEntry } from './holidays';
import { prng } from '../random/prng';
import { DEFAULT_WORKING_PERIODS, WorkCalendar, WorkingPeriod } from './work-calendar';

/** An instant given as China wall-clock time, independent of the process TZ. */
function cst(local: string): Date {
  const iso = local.replace(' ', 'T');
  return new Date(`${iso.length === 16 ? `${iso}:00` : iso}+08:00`);
}

/** Renders an instant as China wall-clock time for readable assertions. */
function fmt(d: Date): string {
  const shifted = new Date(d.getTime() + 8 * 3_600_000).toISOString();
  const base = `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
  const seconds = shifted.slice(17, 23);
  return seconds === '00.000' ? base : `${base}:${seconds.replace(/\.000$/, '')}`;
}

const cal = new WorkCalendar(CN_HOLIDAYS);
const MIN = 60_000;

describe('WorkCalendar', () => {
  describe('configuration', () => {
    it('defaults to 08:30–12:00 and 13:30–17:30, i.e. 7.5 hours a day', () => {
      expect(DEFAULT_WORKING_PERIODS).toEqual([
        { start: '08:30', end: '12:00' },
        { start: '13:30', end: '17:30' },
      ]);
      expect(cal.workingMinutesPerDay()).toBe(450);
    });

    it.each<[string, WorkingPeriod[]]>([
      ['no periods', []],
      ['start after end', [{ start: '12:00', end: '08:30' }]],
      ['empty period', [{ start: '09:00', end: '09:00' }]],
      [
        'unsorted periods',
        [
          { start: '13:30', end: '17:30' },
          { start: '08:30', end: '12:00' },
        ],
      ],
      [
        'overlapping periods',
        [
          { start: '08:30', end: '12:00' },
          { start: '11:00', end: '17:30' },
        ],
      ],
      ['single-digit hour', [{ start: '8:30', end: '12:00' }]],
      ['hour 25', [{ start: '08:30', end: '25:00' }]],
      ['minute 60', [{ start: '08:60', end: '12:00' }]],
      ['24:00 as a start', [{ start: '24:00', end: '24:00' }]],
      ['24:30 as an end', [{ start: '20:00', end: '24:30' }]],
      ['not a time', [{ start: 'morning', end: '12:00' }]],
    ])('rejects %s', (_label, periods) => {
      expect(() => new WorkCalendar([], periods)).toThrow(Error);
    });

    it('accepts touching periods and a period ending at 24:00', () => {
      const c = new WorkCalendar(
        [],
        [
          { start: '08:00', end: '12:00' },
          { start: '12:00', end: '13:00' },
          { start: '22:00', end: '24:00' },
        ],
      );
      expect(c.workingMinutesPerDay()).toBe(420);
      expect(fmt(c.addWorkingMinutes(cst('2024-03-08 23:00'), 90))).toBe('2024-03-11 08:30');
    });

    it.each([1000, -900, 480.5, NaN])('rejects utcOffsetMinutes %p', (offset) => {
      expect(() => new WorkCalendar([], DEFAULT_WORKING_PERIODS, offset)).toThrow(RangeError);
    });

    it.each<[string, HolidayEntry[]]>([
      ['an impossible date', [{ date: '2020-02-30', kind: 'holiday', name: 'x' }]],
      ['a badly formatted date', [{ date: '2020-2-3', kind: 'holiday', name: 'x' }]],
      ['an unknown kind', [{ date: '2020-02-03', kind: 'vacation' as 'holiday', name: 'x' }]],
      [
        'contradicting duplicates',
        [
          { date: '2020-02-01', kind: 'holiday', name: 'x' },
          { date: '2020-02-01', kind: 'workday', name: 'y' },
        ],
      ],
    ])('rejects a holiday table with %s', (_label, table) => {
      expect(() => new WorkCalendar(table)).toThrow(Error);
    });

    it('is not affected by later mutation of the periods passed in', () => {
      const periods = [{ start: '09:00', end: '10:00' }];
      const c = new WorkCalendar([], periods);
      periods[0].end = '17:00';
      expect(c.workingMinutesPerDay()).toBe(60);
    });
  });

  describe('isWorkingDay', () => {
    it.each([
      ['2024-03-08 10:00', true], // Friday
      ['2024-03-09 10:00', false], // Saturday
      ['2024-03-10 10:00', false], // Sunday
      ['2024-10-01 10:00', false], // 国庆节
      ['2024-09-14 10:00', true], // make-up Saturday
      ['2024-02-04 10:00', true], // make-up Sunday
      ['2020-01-19 10:00', true], // make-up Sunday kept in 2020
      ['2020-02-01 10:00', false], // make-up Saturday cancelled by the 2020 extension
      ['2020-01-31 10:00', false], // added by the 2020 extension
      ['2020-02-03 10:00', true],
      ['2017-10-02 10:00', true], // before the table: plain weekdays
      ['2030-02-04 10:00', true], // after the table: plain weekdays (a Monday)
      ['2030-02-02 10:00', false], // after the table: Saturday
    ])('%s → %p', (local, expected) => {
      expect(cal.isWorkingDay(cst(local))).toBe(expected);
    });

    it('decides the day in China time, not in UTC or the process TZ', () => {
      // Friday 23:30 UTC is already Saturday 07:30 in China.
      const instant = new Date('2024-03-08T23:30:00Z');
      expect(cal.isWorkingDay(instant)).toBe(false);
      expect(new WorkCalendar(CN_HOLIDAYS, DEFAULT_WORKING_PERIODS, 0).isWorkingDay(instant)).toBe(true);
      // Monday 00:10 in China is still Sunday in UTC.
      expect(cal.isWorkingDay(cst('2024-03-11 00:10'))).toBe(true);
    });
  });

  describe('addWorkingMinutes / Hours / Days across a weekend', () => {
    const friday1500 = cst('2024-03-08 15:00');

    it.each([
      [1, '2024-03-08 16:00'],
      [2.5, '2024-03-08 17:30'], // exactly the end of Friday
      [3, '2024-03-11 09:00'],
      [4, '2024-03-11 10:00'],
      [6, '2024-03-11 12:00'], // 2.5 h on Friday + 3.5 h fill Monday morning exactly
      [6.5, '2024-03-11 14:00'],
      [7.5, '2024-03-11 15:00'],
    ])('Friday 15:00 + %p working hours → %s', (hours, expected) => {
      expect(fmt(cal.addWorkingHours(friday1500, hours))).toBe(expected);
    });

    it.each([
      [1, '2024-03-11 15:00'],
      [3, '2024-03-13 15:00'],
      [5, '2024-03-15 15:00'],
      [10, '2024-03-22 15:00'],
      [15, '2024-03-29 15:00'],
      [0.5, '2024-03-11 09:45'], // 225 min: 150 on Friday, 75 on Monday
    ])('Friday 15:00 + %p working days → %s', (days, expected) => {
      expect(fmt(cal.addWorkingDays(friday1500, days))).toBe(expected);
    });

    it('counts one working day from a Saturday as the end of the next working day', () => {
      expect(fmt(cal.addWorkingDays(cst('2024-03-09 10:00'), 1))).toBe('2024-03-11 17:30');
      expect(fmt(cal.addWorkingDays(cst('2024-03-09 10:00'), 2))).toBe('2024-03-12 17:30');
    });

    it('treats addWorkingDays as a multiple of the working-day length', () => {
      const t = cst('2024-03-06 10:17:23');
      expect(cal.addWorkingDays(t, 3)).toEqual(cal.addWorkingMinutes(t, 3 * 450));
      expect(cal.addWorkingHours(t, 2)).toEqual(cal.addWorkingMinutes(t, 120));
    });
  });

  describe('holidays and make-up days', () => {
    it('skips the whole 2020 Spring Festival extension', () => {
      expect(fmt(cal.addWorkingDays(cst('2020-01-23 16:00'), 1))).toBe('2020-02-03 16:00');
      expect(cal.workingMinutesBetween(cst('2020-01-23 16:00'), cst('2020-02-03 16:00'))).toBe(450);
    });

    it('works on the make-up Sunday 19 Jan 2020', () => {
      expect(fmt(cal.addWorkingMinutes(cst('2020-01-17 17:00'), 60))).toBe('2020-01-19 09:00');
    });

    it('counts a make-up Saturday as working, then skips the holiday after it', () => {
      // Fri 13 Sep 2024 → Sat 14 Sep (make-up) → 15–17 Sep 中秋节 → Wed 18 Sep.
      expect(fmt(cal.addWorkingMinutes(cst('2024-09-13 17:00'), 60))).toBe('2024-09-14 09:00');
      expect(fmt(cal.addWorkingMinutes(cst('2024-09-14 17:00'), 60))).toBe('2024-09-18 09:00');
      expect(fmt(cal.addWorkingDays(cst('2024-09-13 10:00'), 2))).toBe('2024-09-18 10:00');
    });

    it('skips the 2025 Spring Festival (28 Jan–4 Feb) and works the Saturday after it', () => {
      expect(fmt(cal.addWorkingDays(cst('2025-01-27 10:00'), 1))).toBe('2025-02-05 10:00');
      expect(fmt(cal.addWorkingDays(cst('2025-02-07 10:00'), 1))).toBe('2025-02-08 10:00');
      expect(fmt(cal.addWorkingDays(cst('2025-01-24 10:00'), 1))).toBe('2025-01-26 10:00');
    });

    it('spans the whole 国庆 golden week in 15 working days', () => {
      // From Mon 23 Sep 2024: 29 Sep (Sun) and 12 Oct (Sat) are working, 1–7 Oct are not.
      expect(fmt(cal.addWorkingDays(cst('2024-09-23 09:00'), 15))).toBe('2024-10-17 09:00');
    });

    it('falls back to plain weekdays outside the table', () => {
      expect(fmt(cal.addWorkingDays(cst('2031-01-31 15:00'), 1))).toBe('2031-02-03 15:00');
    });
  });

  describe('period boundaries', () => {
    it('lands on 12:00, not 13:30, when the morning is used up exactly', () => {
      expect(fmt(cal.addWorkingMinutes(cst('2024-03-11 08:30'), 210))).toBe('2024-03-11 12:00');
      expect(fmt(cal.addWorkingMinutes(cst('2024-03-11 11:00'), 60))).toBe('2024-03-11 12:00');
    });

    it('lands on 17:30, not the next morning, when the afternoon is used up exactly', () => {
      expect(fmt(cal.addWorkingMinutes(cst('2024-03-11 13:30'), 240))).toBe('2024-03-11 17:30');
      expect(fmt(cal.addWorkingDays(cst('2024-03-11 08:30'), 1))).toBe('2024-03-11 17:30');
    });

    it('continues after lunch from 12:00', () => {
      expect(fmt(cal.addWorkingMinutes(cst('2024-03-11 12:00'), 1))).toBe('2024-03-11 13:31');
    });

    it('continues the next working morning from 17:30', () => {
      expect(fmt(cal.addWorkingMinutes(cst('2024-03-08 17:30'), 1))).toBe('2024-03-11 08:31');
    });

    it('returns the very same instant for zero minutes, even outside working time', () => {
      for (const local of ['2024-03-11 12:00', '2024-03-09 03:00', '2024-03-11 10:00:05.123']) {
        const t = cst(local);
        expect(cal.addWorkingMinutes(t, 0).getTime()).toBe(t.getTime());
        expect(cal.addWorkingDays(t, 0).getTime()).toBe(t.getTime());
      }
    });
  });

  describe('starting outside working time', () => {
    it.each([
      ['2024-03-11 12:30', 30, '2024-03-11 14:00'], // lunch break
      ['2024-03-11 13:29', 1, '2024-03-11 13:31'],
      ['2024-03-11 06:00', 30, '2024-03-11 09:00'], // early morning
      ['2024-03-11 00:00', 30, '2024-03-11 09:00'], // local midnight
      ['2024-03-11 20:00', 30, '2024-03-12 09:00'], // evening
      ['2024-03-08 23:59', 30, '2024-03-11 09:00'], // Friday night
      ['2024-03-10 12:00', 450, '2024-03-11 17:30'], // Sunday
    ])('%s + %p min → %s', (from, minutes, expected) => {
      expect(fmt(cal.addWorkingMinutes(cst(from), minutes))).toBe(expected);
    });
  });

  describe('sub-minute precision', () => {
    it('keeps the seconds of the start instant', () => {
      expect(fmt(cal.addWorkingMinutes(cst('2024-03-11 11:59:30'), 1))).toBe('2024-03-11 13:30:30');
      expect(fmt(cal.addWorkingMinutes(cst('2024-03-11 09:00:00.250'), 1))).toBe('2024-03-11 09:01:00.250');
    });

    it('accepts fractional minutes (seconds-scale timers in tests)', () => {
      expect(fmt(cal.addWorkingMinutes(cst('2024-03-08 17:29:45'), 0.5))).toBe('2024-03-11 08:30:15');
      expect(fmt(cal.addWorkingMinutes(cst('2024-03-11 09:00'), 1 / 60))).toBe('2024-03-11 09:00:01');
    });

    it('measures fractional minutes between instants', () => {
      expect(cal.workingMinutesBetween(cst('2024-03-11 11:59:30'), cst('2024-03-11 13:30:30'))).toBe(1);
      expect(cal.workingMinutesBetween(cst('2024-03-11 09:00'), cst('2024-03-11 09:00:30'))).toBe(0.5);
    });
  });

  describe('input validation', () => {
    const t = cst('2024-03-11 09:00');

    it.each([-1, -0.001, NaN, Infinity])('rejects %p minutes with RangeError', (m) => {
      expect(() => cal.addWorkingMinutes(t, m)).toThrow(RangeError);
    });

    it('rejects negative hours and days with RangeError', () => {
      expect(() => cal.addWorkingHours(t, -1)).toThrow(RangeError);
      expect(() => cal.addWorkingDays(t, -1)).toThrow(RangeError);
    });

    it('rejects invalid dates with RangeError', () => {
      const bad = new Date('not a date');
      expect(() => cal.addWorkingMinutes(bad, 1)).toThrow(RangeError);
      expect(() => cal.isWorkingDay(bad)).toThrow(RangeError);
      expect(() => cal.workingMinutesBetween(bad, t)).toThrow(RangeError);
      expect(() => cal.nextWorkingInstant(bad)).toThrow(RangeError);
    });
  });

  describe('workingMinutesBetween', () => {
    it.each([
      ['2024-03-08 15:00', '2024-03-11 15:00', 450],
      ['2024-03-11 08:30', '2024-03-11 17:30', 450],
      ['2024-03-11 11:00', '2024-03-11 14:00', 90],
      ['2024-03-11 12:10', '2024-03-11 13:20', 0], // inside lunch
      ['2024-03-09 00:00', '2024-03-10 23:59', 0], // weekend
      ['2024-03-08 20:00', '2024-03-11 08:30', 0], // night over a weekend
      ['2024-09-30 09:00', '2024-10-08 09:00', 420 + 30], // 1–7 Oct 国庆 contribute nothing
    ])('%s → %s = %p min', (a, b, expected) => {
      expect(cal.workingMinutesBetween(cst(a), cst(b))).toBe(expected);
    });

    it('is 0 when b is not after a', () => {
      expect(cal.workingMinutesBetween(cst('2024-03-11 10:00'), cst('2024-03-11 10:00'))).toBe(0);
      expect(cal.workingMinutesBetween(cst('2024-03-11 11:00'), cst('2024-03-11 10:00'))).toBe(0);
    });

    it('counts a year of working days consistently with the holiday table', () => {
      const minutes = cal.workingMinutesBetween(cst('2025-01-01 00:00'), cst('2026-01-01 00:00'));
      // 261 weekdays − 18 weekday holidays + 5 make-up days = 248 working days in 2025.
      expect(minutes / 450).toBe(248);
    });
  });

  describe('nextWorkingInstant', () => {
    it.each([
      ['2024-03-11 09:15:10', '2024-03-11 09:15:10'], // inside: unchanged
      ['2024-03-11 08:30', '2024-03-11 08:30'], // a period start is working time
      ['2024-03-11 07:00', '2024-03-11 08:30'],
      ['2024-03-11 12:00', '2024-03-11 13:30'], // a period end is not
      ['2024-03-11 12:45', '2024-03-11 13:30'],
      ['2024-03-11 17:30', '2024-03-12 08:30'],
      ['2024-03-08 18:00', '2024-03-11 08:30'],
      ['2024-03-09 10:00', '2024-03-11 08:30'],
      ['2020-01-23 18:00', '2020-02-03 08:30'],
      ['2024-09-13 18:00', '2024-09-14 08:30'], // make-up Saturday
    ])('%s → %s', (from, expected) => {
      expect(fmt(cal.nextWorkingInstant(cst(from)))).toBe(expected);
    });
  });

  describe('properties over seeded random samples', () => {
    const random = prng(12345);
    const rangeStart = cst('2018-01-01 00:00').getTime();
    const rangeEnd = cst('2027-12-31 00:00').getTime();
    const randomInstant = () => new Date(rangeStart + Math.floor(random() * (rangeEnd - rangeStart)));
    // Integer milliseconds expressed as minutes: what callers pass for second-scale timers.
    const randomMinutes = (max: number) => Math.floor(random() * max * MIN) / MIN;

    it('workingMinutesBetween inverts addWorkingMinutes', () => {
      for (let i = 0; i < 5000; i++) {
        const t = randomInstant();
        const m = randomMinutes(i % 10 === 0 ? 200_000 : 5_000);
        const end = cal.addWorkingMinutes(t, m);
        const back = cal.workingMinutesBetween(t, end);
        expect({ t: t.toISOString(), m, back: Math.round(back * MIN) }).toEqual({
          t: t.toISOString(),
          m,
          back: Math.round(m * MIN),
        });
      }
    });

    it('addWorkingMinutes(a, between(a, b)) is the earliest instant with the same working time as b', () => {
      for (let i = 0; i < 3000; i++) {
        const a = randomInstant();
        const b = new Date(a.getTime() + Math.floor(random() * 30 * 86_400_000));
        const between = cal.workingMinutesBetween(a, b);
        const reached = cal.addWorkingMinutes(a, between);
        expect(reached.getTime()).toBeLessThanOrEqual(b.getTime());
        expect(cal.workingMinutesBetween(reached, b)).toBe(0);
        // When working time runs right up to b, nothing earlier can match, so b itself is reached.
        const workingUpToB = cal.workingMinutesBetween(new Date(b.getTime() - 1), b) > 0;
        if (between > 0 && workingUpToB) expect(reached.getTime()).toBe(b.getTime());
      }
    });

    it('is additive: adding m1 then m2 equals adding m1 + m2', () => {
      for (let i = 0; i < 3000; i++) {
        const t = randomInstant();
        const m1 = randomMinutes(3_000);
        const m2 = randomMinutes(3_000);
        const stepwise = cal.addWorkingMinutes(cal.addWorkingMinutes(t, m1), m2);
        const direct = cal.addWorkingMinutes(t, Math.round((m1 + m2) * MIN) / MIN);
        if (m2 > 0) expect(stepwise.getTime()).toBe(direct.getTime());
      }
    });

    it('agrees with a brute-force minute-by-minute count', () => {
      const isWorkingMinute = (instant: number): boolean => {
        const d = new Date(instant);
        if (!cal.isWorkingDay(d)) return false;
        const local = new Date(instant + 8 * 3_600_000);
        const minuteOfDay = local.getUTCHours() * 60 + local.getUTCMinutes();
        return (minuteOfDay >= 510 && minuteOfDay < 720) || (minuteOfDay >= 810 && minuteOfDay < 1050);
      };
      for (let i = 0; i < 150; i++) {
        const a = Math.floor(randomInstant().getTime() / MIN) * MIN;
        const span = Math.floor(random() * 6 * 1440) * MIN;
        let expected = 0;
        for (let t = a; t < a + span; t += MIN) if (isWorkingMinute(t)) expected++;
        expect(cal.workingMinutesBetween(new Date(a), new Date(a + span))).toBe(expected);
      }
    });

    it('never moves backwards when more time is added', () => {
      for (let i = 0; i < 2000; i++) {
        const t = randomInstant();
        const m1 = randomMinutes(10_000);
        const m2 = m1 + randomMinutes(100);
        expect(cal.addWorkingMinutes(t, m2).getTime()).toBeGreaterThanOrEqual(cal.addWorkingMinutes(t, m1).getTime());
      }
    });
  });

  describe('performance', () => {
    it('handles 100,000 fifteen-working-day deadlines quickly', () => {
      const base = cst('2024-01-01 00:00').getTime();
      const started = process.hrtime.bigint();
      let checksum = 0;
      for (let i = 0; i < 100_000; i++) {
        checksum += cal.addWorkingDays(new Date(base + i * 997_000), 15).getTime() % 7;
      }
      const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
      expect(checksum).toBeGreaterThan(0);
      // Typically ~100 ms; the bound only guards against an accidental minute loop.
      expect(elapsedMs).toBeLessThan(3000);
    });
  });
});
