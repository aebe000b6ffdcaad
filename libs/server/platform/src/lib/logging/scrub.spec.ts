import { scrubUrl } from './scrub';

describe('scrubUrl', () => {
  it('masks personal query parameters and keeps the rest', () => {
    expect(scrubUrl('/api/orders?phone=13812345678&status=handling&q=%E5%BC%A0%E4%B8%89')).toBe('/api/orders?phone=***&status=handling&q=***');
  });
  it('masks tokens in the URL, whatever the parameter is called', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9.c2lnbmF0dXJl';
    expect(scrubUrl(`/api/notifications/stream?access_token=${jwt}`)).toBe('/api/notifications/stream?access_token=***');
    expect(scrubUrl(`/api/x?token=${jwt}&page=2&refresh_token=a&Token=b`)).toBe('/api/x?token=***&page=2&refresh_token=***&Token=***');
    expect(scrubUrl(`/api/x?access_token=${jwt}&access_token=${jwt}`)).not.toContain(jwt);
  });
  it('leaves plain paths alone', () => {
    expect(scrubUrl('/api/orders/12')).toBe('/api/orders/12');
    expect(scrubUrl(undefined)).toBeUndefined();
  });
});
