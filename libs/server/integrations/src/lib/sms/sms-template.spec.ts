import { renderSms, unknownVariables } from './sms-template';

describe('SMS templates', () => {
  it('fills the variables, cuts a long answer, leaves nothing of an unknown one', () => {
    expect(renderSms('工单{number}已受理，请拨打{hotline}', { number: '20261205000001', hotline: '12345' })).toBe('工单20261205000001已受理，请拨打12345');
    expect(renderSms('{answer}', { answer: '很'.repeat(80) })).toBe(`${'很'.repeat(60)}…`);
    expect(renderSms('{number}{answer}', { number: 'N' })).toBe('N');
  });

  it('names what is not a variable', () => {
    expect(unknownVariables('工单{number}，{phone}，{ansewr}')).toEqual(['phone', 'ansewr']);
    expect(unknownVariables('工单{number}')).toEqual([]);
  });
});
