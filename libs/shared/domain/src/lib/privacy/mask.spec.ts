import { maskName, maskPhone } from './mask';

describe('masking confidential callers', () => {
  it.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['李', '李*'],
    ['', ''],
  ])('name %s → %s', (name, masked) => expect(maskName(name)).toBe(masked));

  it.each([
    ['13812345678', '138****5678'],
    ['0518-85551234', '051******1234'],
    ['85551234', '855*1234'],
    ['12345', '*2345'],
    ['110', '***'],
  ])('phone %s → %s', (phone, masked) => expect(maskPhone(phone)).toBe(masked));

  it('keeps null as null', () => {
    expect(maskName(null)).toBeNull();
    expect(maskPhone(undefined)).toBeNull();
  });

  it('never leaves the full number readable', () => {
    for (const p of ['13812345678', '051885551234', '18900001111']) expect(maskPhone(p)).not.toContain(p.slice(3, 7));
  });
});
