import { scrubUrl } from './scrub';

describe('scrubUrl', () => {
  it('masks personal query parameters and keeps the rest', () => {
    expect(scrubUrl('/api/orders?phone=13812345678&status=handling&q=%E5%BC%A0%E4%B8%89')).toBe('/api/orders?phone=***&status=handling&q=***');
  });
  it('leaves plain paths alone', () => {
    expect(scrubUrl('/api/orders/12')).toBe('/api/orders/12');
    expect(scrubUrl(undefined)).toBeUndefined();
  });
});
