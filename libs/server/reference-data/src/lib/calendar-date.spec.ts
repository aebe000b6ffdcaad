import { isCalendarDate } from './reference-admin.service';

describe('isCalendarDate', () => {
  it.each(['2020-02-29', '2027-12-31', '2024-01-01'])('accepts %s', (d) => expect(isCalendarDate(d)).toBe(true));
  it.each(['2027-02-30', '2021-02-29', '2027-13-01', '2027-1-1', 'x', ''])('refuses %s', (d) => expect(isCalendarDate(d)).toBe(false));
});
