import { callerHistoryPhone, toQueryParams } from './order-query';

describe('caller history trigger', () => {
  it('fires only from seven digits on', () => {
    expect(callerHistoryPhone('')).toBeNull();
    expect(callerHistoryPhone('138')).toBeNull();
    expect(callerHistoryPhone('123456')).toBeNull();
    expect(callerHistoryPhone('1234567')).toBe('1234567');
    expect(callerHistoryPhone('138 1234 5678')).toBe('13812345678');
    expect(callerHistoryPhone('0518-8561234')).toBe('05188561234');
  });
});

describe('toQueryParams', () => {
  it('keeps filters, trims text and adds paging', () => {
    expect(
      toQueryParams(
        {
          number: ' 2024 ',
          status: ['handling'],
          phone: '138-1',
          overdue: true,
        },
        2,
        50,
      ),
    ).toEqual({
      number: '2024',
      status: ['handling'],
      phone: '1381',
      overdue: true,
      page: 2,
      pageSize: 50,
    });
  });
});
