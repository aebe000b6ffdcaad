import { CN_HOLIDAYS, CN_HOLIDAYS_PROVISIONAL_YEARS, HolidayEntry } from './holidays';

const FESTIVALS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节', '中秋国庆'];
const YEARS = Array.from({ length: 10 }, (_, i) => 2018 + i);

function weekday(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

function isWeekend(iso: string): boolean {
  return weekday(iso) === 0 || weekday(iso) === 6;
}

function yearOf(e: HolidayEntry): number {
  return Number(e.date.slice(0, 4));
}

/** 元旦 breaks that start in late December belong to the next year's notice. */
function noticeYearOf(e: HolidayEntry): number {
  return e.name.startsWith('元旦') && e.date.slice(5, 7) === '12' ? yearOf(e) + 1 : yearOf(e);
}

function find(date: string): HolidayEntry | undefined {
  return CN_HOLIDAYS.find((e) => e.date === date);
}

function kindsOf(dates: string[]): (string | undefined)[] {
  return dates.map((d) => find(d)?.kind);
}

describe('CN_HOLIDAYS table', () => {
  it('has no duplicate dates', () => {
    const dates = CN_HOLIDAYS.map((e) => e.date);
    expect(new Set(dates).size).toBe(dates.length);
  });

  it('is sorted by date', () => {
    const dates = CN_HOLIDAYS.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it('uses real calendar dates in YYYY-MM-DD form', () => {
    for (const e of CN_HOLIDAYS) {
      expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const [y, m, d] = e.date.split('-').map(Number);
      expect(new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10)).toBe(e.date);
    }
  });

  it('covers exactly 2018 through 2027', () => {
    const years = new Set(CN_HOLIDAYS.map(yearOf));
    expect([...years].sort()).toEqual(YEARS);
  });

  it.each(YEARS)('%i has a plausible number of holiday entries', (year) => {
    const count = CN_HOLIDAYS.filter((e) => e.kind === 'holiday' && yearOf(e) === year).length;
    expect(count).toBeGreaterThanOrEqual(20);
    expect(count).toBeLessThanOrEqual(40);
  });

  it.each(YEARS)('%i marks New Year, Labour Day and National Day 1–3 Oct as holidays', (year) => {
    expect(kindsOf([`${year}-01-01`, `${year}-05-01`, `${year}-10-01`, `${year}-10-02`, `${year}-10-03`])).toEqual(Array(5).fill('holiday'));
  });

  it('only ever turns a Saturday or Sunday into a make-up working day', () => {
    const workdays = CN_HOLIDAYS.filter((e) => e.kind === 'workday');
    expect(workdays.length).toBeGreaterThan(50);
    for (const e of workdays)
      expect({ date: e.date, weekend: isWeekend(e.date) }).toEqual({
        date: e.date,
        weekend: true,
      });
  });

  it('names every entry after its festival, in Chinese', () => {
    for (const e of CN_HOLIDAYS) {
      const festival = e.kind === 'workday' ? e.name.replace(/调休上班$/, '') : e.name;
      expect(FESTIVALS).toContain(festival);
      if (e.kind === 'workday') expect(e.name).toMatch(/调休上班$/);
    }
  });

  it('is immutable so a consumer cannot corrupt the shared table', () => {
    expect(Object.isFrozen(CN_HOLIDAYS)).toBe(true);
    expect(Object.isFrozen(CN_HOLIDAYS[0])).toBe(true);
  });

  // Each statutory day lost to a weekend is made up by a weekday off, and each
  // bridging weekday off is paid back by a make-up weekend day, so per notice the
  // weekdays off minus the make-up days equals the statutory days: 11 before the
  // 2024 revision, 13 after. This catches a missing or misplaced day in any year.
  it.each([
    [2018, 11],
    [2019, 11],
    [2020, 13], // 11 + 31 Jan (Fri) and the cancelled make-up Saturday 1 Feb
    [2021, 11],
    [2022, 11],
    [2023, 11],
    [2024, 11],
    [2025, 13],
    [2026, 13],
    [2027, 18], // provisional: make-up days not yet known, see holidays.ts
  ])('%i nets %i weekdays off after make-up days', (year, expected) => {
    const ofYear = CN_HOLIDAYS.filter((e) => noticeYearOf(e) === year);
    const weekdaysOff = ofYear.filter((e) => e.kind === 'holiday' && !isWeekend(e.date)).length;
    const makeUpDays = ofYear.filter((e) => e.kind === 'workday').length;
    expect(weekdaysOff - makeUpDays).toBe(expected);
  });

  describe('2020 Spring Festival extension (国办发明电〔2020〕1号)', () => {
    it('extends the break through 2 Feb', () => {
      expect(kindsOf(['2020-01-24', '2020-01-30', '2020-01-31', '2020-02-01', '2020-02-02'])).toEqual(Array(5).fill('holiday'));
    });

    it('cancels the make-up Saturday 1 Feb but keeps Sunday 19 Jan', () => {
      expect(CN_HOLIDAYS.some((e) => e.date === '2020-02-01' && e.kind === 'workday')).toBe(false);
      expect(find('2020-01-19')).toEqual({
        date: '2020-01-19',
        kind: 'workday',
        name: '春节调休上班',
      });
    });

    it('resumes work on Monday 3 Feb without any table entry', () => {
      expect(find('2020-02-03')).toBeUndefined();
    });
  });

  it('reflects the 2024 revision from 2025 (春节 from 除夕, 8 days)', () => {
    const spring2025 = CN_HOLIDAYS.filter((e) => e.name === '春节' && yearOf(e) === 2025).map((e) => e.date);
    expect(spring2025).toEqual(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04']);
    expect(kindsOf(['2025-01-26', '2025-02-08'])).toEqual(['workday', 'workday']);
    expect(kindsOf(['2025-05-01', '2025-05-05', '2025-04-27'])).toEqual(['holiday', 'holiday', 'workday']);
  });

  it('keeps 2024 除夕 (9 Feb) a working day: it was only encouraged as leave', () => {
    expect(find('2024-02-09')).toBeUndefined();
  });

  it('includes the combined 中秋国庆 breaks as 8 days', () => {
    for (const [from, year] of [
      ['2020-10-01', 2020],
      ['2023-09-29', 2023],
      ['2025-10-01', 2025],
    ] as const) {
      const combined = CN_HOLIDAYS.filter((e) => e.name === '中秋国庆' && e.kind === 'holiday' && yearOf(e) === year);
      expect(combined).toHaveLength(8);
      expect(combined[0].date).toBe(from);
    }
  });

  it('has the 2026 notice: 9-day Spring Festival and Sunday 4 Jan at work', () => {
    const spring2026 = CN_HOLIDAYS.filter((e) => e.name === '春节' && yearOf(e) === 2026);
    expect(spring2026.map((e) => e.date)).toHaveLength(9);
    expect(spring2026[0].date).toBe('2026-02-15');
    expect(kindsOf(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])).toEqual(Array(6).fill('workday'));
  });

  it('flags 2027 as provisional and invents no make-up working days for it', () => {
    expect(CN_HOLIDAYS_PROVISIONAL_YEARS).toEqual([2027]);
    expect(CN_HOLIDAYS.filter((e) => yearOf(e) === 2027 && e.kind === 'workday')).toEqual([]);
  });

  it('spans each holiday name over consecutive days only (no typos in ranges)', () => {
    const byNoticeAndName = new Map<string, string[]>();
    for (const e of CN_HOLIDAYS.filter((x) => x.kind === 'holiday')) {
      const key = `${noticeYearOf(e)}/${e.name}`;
      byNoticeAndName.set(key, [...(byNoticeAndName.get(key) ?? []), e.date]);
    }
    for (const [key, dates] of byNoticeAndName) {
      const days = dates.map((d) => Date.parse(`${d}T00:00:00Z`) / 86_400_000);
      const gaps = days.slice(1).map((d, i) => d - days[i]);
      expect({ key, gaps: gaps.filter((g) => g !== 1) }).toEqual({
        key,
        gaps: [],
      });
      expect({ key, length: dates.length <= 10 }).toEqual({
        key,
        length: true,
      });
    }
  });
});
