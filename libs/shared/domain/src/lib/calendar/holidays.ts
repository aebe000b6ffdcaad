export interface HolidayEntry {
  /** Local (China) calendar date, YYYY-MM-DD. */
  date: string;
  /** 'holiday': a day off; 'workday': a weekend day turned into a working day (调休上班). */
  kind: 'holiday' | 'workday';
  name: string;
}

/**
 * One festival's arrangement as a State Council notice states it: an inclusive
 * range of days off plus the weekend days that become working days. Writing the
 * table this way mirrors the notices line by line, so a reviewer can check it
 * against the official text instead of against ~300 expanded dates.
 */
interface Arrangement {
  name: string;
  off: readonly [from: string, to: string];
  workdays?: readonly string[];
}

const DAY_MS = 86_400_000;

/**
 * Years whose arrangement is not yet an official notice. Timers falling in these
 * years must be re-checked once the notice is published (usually Oct–Dec of the
 * preceding year), so callers can surface the uncertainty.
 */
export const CN_HOLIDAYS_PROVISIONAL_YEARS: readonly number[] = Object.freeze([2027]);

const ARRANGEMENTS: Readonly<Record<number, readonly Arrangement[]>> = {
  // 国办发明电〔2017〕12号. The 元旦 break started 2017-12-30 (a weekend); the
  // table starts at 2018-01-01 because earlier dates fall back to plain weekdays.
  2018: [
    { name: '元旦', off: ['2018-01-01', '2018-01-01'] },
    {
      name: '春节',
      off: ['2018-02-15', '2018-02-21'],
      workdays: ['2018-02-11', '2018-02-24'],
    },
    {
      name: '清明节',
      off: ['2018-04-05', '2018-04-07'],
      workdays: ['2018-04-08'],
    },
    {
      name: '劳动节',
      off: ['2018-04-29', '2018-05-01'],
      workdays: ['2018-04-28'],
    },
    { name: '端午节', off: ['2018-06-16', '2018-06-18'] },
    { name: '中秋节', off: ['2018-09-22', '2018-09-24'] },
    {
      name: '国庆节',
      off: ['2018-10-01', '2018-10-07'],
      workdays: ['2018-09-29', '2018-09-30'],
    },
  ],
  // 国办发明电〔2018〕15号, 劳动节 as revised by 国办发明电〔2019〕2号.
  2019: [
    {
      name: '元旦',
      off: ['2018-12-30', '2019-01-01'],
      workdays: ['2018-12-29'],
    },
    {
      name: '春节',
      off: ['2019-02-04', '2019-02-10'],
      workdays: ['2019-02-02', '2019-02-03'],
    },
    { name: '清明节', off: ['2019-04-05', '2019-04-07'] },
    {
      name: '劳动节',
      off: ['2019-05-01', '2019-05-04'],
      workdays: ['2019-04-28', '2019-05-05'],
    },
    { name: '端午节', off: ['2019-06-07', '2019-06-09'] },
    { name: '中秋节', off: ['2019-09-13', '2019-09-15'] },
    {
      name: '国庆节',
      off: ['2019-10-01', '2019-10-07'],
      workdays: ['2019-09-29', '2019-10-12'],
    },
  ],
  // 国办发明电〔2019〕16号, 春节 as extended by 国办发明电〔2020〕1号 (COVID-19):
  // the break ran to 2 Feb and the planned make-up Saturday 1 Feb was cancelled.
  2020: [
    { name: '元旦', off: ['2020-01-01', '2020-01-01'] },
    {
      name: '春节',
      off: ['2020-01-24', '2020-02-02'],
      workdays: ['2020-01-19'],
    },
    { name: '清明节', off: ['2020-04-04', '2020-04-06'] },
    {
      name: '劳动节',
      off: ['2020-05-01', '2020-05-05'],
      workdays: ['2020-04-26', '2020-05-09'],
    },
    {
      name: '端午节',
      off: ['2020-06-25', '2020-06-27'],
      workdays: ['2020-06-28'],
    },
    {
      name: '中秋国庆',
      off: ['2020-10-01', '2020-10-08'],
      workdays: ['2020-09-27', '2020-10-10'],
    },
  ],
  // 国办发明电〔2020〕27号
  2021: [
    { name: '元旦', off: ['2021-01-01', '2021-01-03'] },
    {
      name: '春节',
      off: ['2021-02-11', '2021-02-17'],
      workdays: ['2021-02-07', '2021-02-20'],
    },
    { name: '清明节', off: ['2021-04-03', '2021-04-05'] },
    {
      name: '劳动节',
      off: ['2021-05-01', '2021-05-05'],
      workdays: ['2021-04-25', '2021-05-08'],
    },
    { name: '端午节', off: ['2021-06-12', '2021-06-14'] },
    {
      name: '中秋节',
      off: ['2021-09-19', '2021-09-21'],
      workdays: ['2021-09-18'],
    },
    {
      name: '国庆节',
      off: ['2021-10-01', '2021-10-07'],
      workdays: ['2021-09-26', '2021-10-09'],
    },
  ],
  // 国办发明电〔2021〕11号
  2022: [
    { name: '元旦', off: ['2022-01-01', '2022-01-03'] },
    {
      name: '春节',
      off: ['2022-01-31', '2022-02-06'],
      workdays: ['2022-01-29', '2022-01-30'],
    },
    {
      name: '清明节',
      off: ['2022-04-03', '2022-04-05'],
      workdays: ['2022-04-02'],
    },
    {
      name: '劳动节',
      off: ['2022-04-30', '2022-05-04'],
      workdays: ['2022-04-24', '2022-05-07'],
    },
    { name: '端午节', off: ['2022-06-03', '2022-06-05'] },
    { name: '中秋节', off: ['2022-09-10', '2022-09-12'] },
    {
      name: '国庆节',
      off: ['2022-10-01', '2022-10-07'],
      workdays: ['2022-10-08', '2022-10-09'],
    },
  ],
  // 国办发明电〔2022〕16号
  2023: [
    { name: '元旦', off: ['2022-12-31', '2023-01-02'] },
    {
      name: '春节',
      off: ['2023-01-21', '2023-01-27'],
      workdays: ['2023-01-28', '2023-01-29'],
    },
    { name: '清明节', off: ['2023-04-05', '2023-04-05'] },
    {
      name: '劳动节',
      off: ['2023-04-29', '2023-05-03'],
      workdays: ['2023-04-23', '2023-05-06'],
    },
    {
      name: '端午节',
      off: ['2023-06-22', '2023-06-24'],
      workdays: ['2023-06-25'],
    },
    {
      name: '中秋国庆',
      off: ['2023-09-29', '2023-10-06'],
      workdays: ['2023-10-07', '2023-10-08'],
    },
  ],
  // 国办发明电〔2023〕7号. 除夕 (9 Feb) was only "encouraged" off, so it stays a working day.
  2024: [
    { name: '元旦', off: ['2023-12-30', '2024-01-01'] },
    {
      name: '春节',
      off: ['2024-02-10', '2024-02-17'],
      workdays: ['2024-02-04', '2024-02-18'],
    },
    {
      name: '清明节',
      off: ['2024-04-04', '2024-04-06'],
      workdays: ['2024-04-07'],
    },
    {
      name: '劳动节',
      off: ['2024-05-01', '2024-05-05'],
      workdays: ['2024-04-28', '2024-05-11'],
    },
    { name: '端午节', off: ['2024-06-08', '2024-06-10'] },
    {
      name: '中秋节',
      off: ['2024-09-15', '2024-09-17'],
      workdays: ['2024-09-14'],
    },
    {
      name: '国庆节',
      off: ['2024-10-01', '2024-10-07'],
      workdays: ['2024-09-29', '2024-10-12'],
    },
  ],
  // 国办发明电〔2024〕12号, the first year under the 2024 revision of
  // 《全国年节及纪念日放假办法》 (+1 day each for 春节 and 劳动节).
  2025: [
    { name: '元旦', off: ['2025-01-01', '2025-01-01'] },
    {
      name: '春节',
      off: ['2025-01-28', '2025-02-04'],
      workdays: ['2025-01-26', '2025-02-08'],
    },
    { name: '清明节', off: ['2025-04-04', '2025-04-06'] },
    {
      name: '劳动节',
      off: ['2025-05-01', '2025-05-05'],
      workdays: ['2025-04-27'],
    },
    { name: '端午节', off: ['2025-05-31', '2025-06-02'] },
    {
      name: '中秋国庆',
      off: ['2025-10-01', '2025-10-08'],
      workdays: ['2025-09-28', '2025-10-11'],
    },
  ],
  // 国务院办公厅关于2026年部分节假日安排的通知 (issued 2025-11-04).
  2026: [
    {
      name: '元旦',
      off: ['2026-01-01', '2026-01-03'],
      workdays: ['2026-01-04'],
    },
    {
      name: '春节',
      off: ['2026-02-15', '2026-02-23'],
      workdays: ['2026-02-14', '2026-02-28'],
    },
    { name: '清明节', off: ['2026-04-04', '2026-04-06'] },
    {
      name: '劳动节',
      off: ['2026-05-01', '2026-05-05'],
      workdays: ['2026-05-09'],
    },
    { name: '端午节', off: ['2026-06-19', '2026-06-21'] },
    { name: '中秋节', off: ['2026-09-25', '2026-09-27'] },
    {
      name: '国庆节',
      off: ['2026-10-01', '2026-10-07'],
      workdays: ['2026-09-20', '2026-10-10'],
    },
  ],
  // PROVISIONAL — no official 2027 notice was available when this table was
  // written. The days off follow the standing principles stated in the 2025
  // notice (春节 8 days from 除夕, 劳动节 5 days, 国庆节 7 days from 1 Oct, the
  // other festivals joined to the weekend, or the single day when it is a
  // Wednesday) applied to the 2027 dates (除夕 5 Feb, 清明 5 Apr, 端午 9 Jun,
  // 中秋 15 Sep). The make-up working days (expected: 2 for 春节, 1 for 劳动节,
  // 2 for 国庆节) cannot be derived from those principles and are left out, so
  // until the notice is entered 2027 has ~5 fewer working days than it will.
  2027: [
    { name: '元旦', off: ['2027-01-01', '2027-01-03'] },
    { name: '春节', off: ['2027-02-05', '2027-02-12'] },
    { name: '清明节', off: ['2027-04-03', '2027-04-05'] },
    { name: '劳动节', off: ['2027-05-01', '2027-05-05'] },
    { name: '端午节', off: ['2027-06-09', '2027-06-09'] },
    { name: '中秋节', off: ['2027-09-15', '2027-09-15'] },
    { name: '国庆节', off: ['2027-10-01', '2027-10-07'] },
  ],
};

function isoToUtcMs(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function utcMsToIso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function expandRange(from: string, to: string): string[] {
  const days: string[] = [];
  for (let ms = isoToUtcMs(from); ms <= isoToUtcMs(to); ms += DAY_MS) {
    days.push(utcMsToIso(ms));
  }
  return days;
}

function expandArrangement(a: Arrangement): HolidayEntry[] {
  const off = expandRange(a.off[0], a.off[1]).map((date): HolidayEntry => ({ date, kind: 'holiday', name: a.name }));
  const work = (a.workdays ?? []).map(
    (date): HolidayEntry => ({
      date,
      kind: 'workday',
      name: `${a.name}调休上班`,
    }),
  );
  return [...off, ...work];
}

/**
 * Chinese public-holiday arrangements (国务院办公厅 notices) for 2018–2027,
 * sorted by date. Dates are China-local calendar days.
 */
export const CN_HOLIDAYS: readonly HolidayEntry[] = Object.freeze(
  Object.values(ARRANGEMENTS)
    .flat()
    .flatMap(expandArrangement)
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((e) => Object.freeze(e)),
);
