import { chinaDay, yearPeriod } from '@hotline/domain';
import { dateToIso, isWholeYear, isoToDate, lastDays, presetPeriod, previousMonth } from './period';

describe('report periods', () => {
  it('dates an instant on the China calendar, not the browser’s', () => {
    // 2020-12-31 17:00 UTC is already 1 January 2021 in China
    expect(chinaDay(new Date('2020-12-31T17:00:00Z'))).toBe('2021-01-01');
    expect(chinaDay(new Date('2020-12-31T15:59:59Z'))).toBe('2020-12-31');
  });

  it('turns the presets into inclusive periods ending today', () => {
    expect(presetPeriod('month', '2020-06-18')).toEqual({ from: '2020-06-01', to: '2020-06-18' });
    expect(presetPeriod('year', '2020-06-18')).toEqual({ from: '2020-01-01', to: '2020-06-18' });
    expect(presetPeriod('lastYear', '2021-01-05')).toEqual({ from: '2020-01-01', to: '2020-12-31' });
  });

  it('knows a whole year from any other period', () => {
    expect(isWholeYear(yearPeriod(2020))).toBe(true);
    expect(isWholeYear({ from: '2020-01-01', to: '2020-12-30' })).toBe(false);
    expect(isWholeYear({ from: '2020-01-01', to: '2021-12-31' })).toBe(false);
  });

  it('picks the month before for the assessment, across a year end', () => {
    expect(previousMonth('2021-01-10')).toBe('2020-12');
    expect(previousMonth('2020-07-01')).toBe('2020-06');
  });

  it('counts the last n days inclusive, across a leap day', () => {
    expect(lastDays(30, '2020-03-01')).toEqual({ from: '2020-02-01', to: '2020-03-01' });
    expect(lastDays(1, '2020-03-01')).toEqual({ from: '2020-03-01', to: '2020-03-01' });
  });

  it('round-trips a picker date by its local calendar day', () => {
    expect(dateToIso(isoToDate('2020-02-29'))).toBe('2020-02-29');
    expect(dateToIso(new Date(2020, 0, 5, 23, 59))).toBe('2020-01-05');
  });
});
