import {
  addDays,
  bucketsOf,
  chinaDay,
  chinaDayStart,
  daysInPeriod,
  eachDay,
  eachMonth,
  isIsoDate,
  isLeapYear,
  lastOfMonth,
  monthPeriod,
  periodSegments,
  previousPeriod,
  shiftYears,
  yearPeriod,
} from './period';

describe('period arithmetic', () => {
  it('counts both ends: 2020 has 366 days, 2019 has 365, one day is 1', () => {
    expect(daysInPeriod(yearPeriod(2020))).toBe(366);
    expect(daysInPeriod(yearPeriod(2019))).toBe(365);
    expect(daysInPeriod(yearPeriod(2100))).toBe(365);
    expect(daysInPeriod(yearPeriod(2000))).toBe(366);
    expect(daysInPeriod({ from: '2020-03-05', to: '2020-03-05' })).toBe(1);
    expect(daysInPeriod(monthPeriod('2020-02'))).toBe(29);
    expect(daysInPeriod(monthPeriod('2019-02'))).toBe(28);
  });

  it('refuses a period that ends before it starts, and non-dates', () => {
    expect(() => daysInPeriod({ from: '2020-03-05', to: '2020-03-04' })).toThrow(RangeError);
    expect(() => daysInPeriod({ from: '2020-02-30', to: '2020-03-04' })).toThrow(RangeError);
    expect(() => monthPeriod('2020-13')).toThrow(RangeError);
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2019-02-29')).toBe(false);
    expect(isIsoDate('2019-2-1')).toBe(false);
  });

  it('knows leap years', () => {
    expect([1900, 2000, 2019, 2020, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, true, false]);
  });

  it('puts an instant on its China calendar day whatever the host time zone', () => {
    expect(chinaDay(new Date('2020-12-31T15:59:59.999Z'))).toBe('2020-12-31');
    expect(chinaDay(new Date('2020-12-31T16:00:00.000Z'))).toBe('2021-01-01');
    // the cached day names are the formatted ones, before 1970 too
    for (let ms = Date.UTC(1968, 0, 1); ms < Date.UTC(1972, 0, 1); ms += 3_599_999) {
      expect(chinaDay(new Date(ms))).toBe(new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10));
    }
    expect(() => chinaDay(new Date(Number.NaN))).toThrow(RangeError);
    expect(chinaDayStart('2021-01-01').toISOString()).toBe('2020-12-31T16:00:00.000Z');
  });

  it('adds days across months and years', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2021-01-01', -1)).toBe('2020-12-31');
    expect(lastOfMonth('2020-02-10')).toBe('2020-02-29');
    expect(lastOfMonth('2020-12-10')).toBe('2020-12-31');
  });

  it('compares a period with the same dates a year before', () => {
    expect(previousPeriod(yearPeriod(2020))).toEqual(yearPeriod(2019));
    expect(previousPeriod(yearPeriod(2020), 2)).toEqual(yearPeriod(2018));
    expect(previousPeriod(monthPeriod('2020-02'))).toEqual(monthPeriod('2019-02'));
    expect(previousPeriod(monthPeriod('2021-02'))).toEqual(monthPeriod('2020-02'));
    expect(previousPeriod({ from: '2020-02-29', to: '2020-03-10' })).toEqual({ from: '2019-02-28', to: '2019-03-10' });
    expect(previousPeriod({ from: '2020-01-20', to: '2020-02-15' })).toEqual({ from: '2019-01-20', to: '2019-02-15' });
    expect(shiftYears('2020-02-29', 4)).toBe('2016-02-29');
  });

  it('buckets a day into its day, month and year rows', () => {
    expect(bucketsOf('2020-07-15')).toEqual({ d: '2020-07-15', m: '2020-07-01', y: '2020-01-01' });
  });

  it('lists days and months of a period', () => {
    expect(eachDay({ from: '2020-02-27', to: '2020-03-01' })).toEqual(['2020-02-27', '2020-02-28', '2020-02-29', '2020-03-01']);
    expect(eachMonth({ from: '2019-11-15', to: '2020-02-01' })).toEqual(['2019-11', '2019-12', '2020-01', '2020-02']);
  });
});

describe('periodSegments', () => {
  it('reads a whole year from one year row', () => {
    expect(periodSegments(yearPeriod(2020))).toEqual([{ grain: 'y', from: '2020-01-01', to: '2020-01-01' }]);
  });

  it('reads three whole years as one run of year rows', () => {
    expect(periodSegments({ from: '2018-01-01', to: '2020-12-31' })).toEqual([{ grain: 'y', from: '2018-01-01', to: '2020-01-01' }]);
  });

  it('reads whole months from month rows and the edges from day rows', () => {
    expect(periodSegments({ from: '2020-01-20', to: '2020-04-10' })).toEqual([
      { grain: 'd', from: '2020-01-20', to: '2020-01-31' },
      { grain: 'm', from: '2020-02-01', to: '2020-03-01' },
      { grain: 'd', from: '2020-04-01', to: '2020-04-10' },
    ]);
  });

  it('mixes months, a year and months across year boundaries', () => {
    expect(periodSegments({ from: '2019-11-01', to: '2021-02-28' })).toEqual([
      { grain: 'm', from: '2019-11-01', to: '2019-12-01' },
      { grain: 'y', from: '2020-01-01', to: '2020-01-01' },
      { grain: 'm', from: '2021-01-01', to: '2021-02-01' },
    ]);
  });

  it('uses day rows only inside one month', () => {
    expect(periodSegments({ from: '2020-02-03', to: '2020-02-09' })).toEqual([{ grain: 'd', from: '2020-02-03', to: '2020-02-09' }]);
    expect(periodSegments({ from: '2020-02-01', to: '2020-02-29' })).toEqual([{ grain: 'm', from: '2020-02-01', to: '2020-02-01' }]);
  });

  it('covers every day exactly once (brute force over many periods)', () => {
    const starts = ['2019-12-30', '2020-01-01', '2020-01-15', '2020-02-29', '2020-12-31'];
    const lengths = [1, 2, 28, 31, 60, 366, 400, 800];
    for (const from of starts) {
      for (const n of lengths) {
        const to = addDays(from, n - 1);
        const covered: string[] = [];
        for (const s of periodSegments({ from, to })) {
          for (let b = s.from; b <= s.to; ) {
            const end = s.grain === 'd' ? b : s.grain === 'm' ? lastOfMonth(b) : `${b.slice(0, 4)}-12-31`;
            covered.push(...eachDay({ from: b, to: end }));
            b = addDays(end, 1);
          }
        }
        expect(covered).toEqual(eachDay({ from, to }));
      }
    }
  });
});
