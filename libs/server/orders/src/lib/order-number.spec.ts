import { orderNumberDay, formatOrderNumber } from './order-number';

describe('order numbers', () => {
  it('use the China date, not the UTC one', () => {
    expect(orderNumberDay(new Date('2020-01-23T16:30:00Z'))).toBe('20200124');
    expect(orderNumberDay(new Date('2020-01-23T15:59:59Z'))).toBe('20200123');
  });
  it('pad the sequence to six digits', () => {
    expect(formatOrderNumber('20201126', 42)).toBe('20201126000042');
    expect(formatOrderNumber('20201126', 1234567)).toBe('202011261234567');
  });
});
