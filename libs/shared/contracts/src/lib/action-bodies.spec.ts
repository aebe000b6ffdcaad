import { ACTION_BODIES, actionFieldSpec, DAYS_LIMITS, TEXT_LIMITS } from './action-bodies';
import { ORDER_ACTIONS } from './lifecycle';

describe('action bodies', () => {
  it('describe every action, with limits the API has always had', () => {
    expect(Object.keys(ACTION_BODIES).sort()).toEqual([...ORDER_ACTIONS].sort());
    expect(TEXT_LIMITS).toEqual({ long: 5000, comment: 2000, reason: 1000 });
    expect(DAYS_LIMITS).toEqual({ min: 1, max: 30 });
    expect(actionFieldSpec('request-extension', 'days')).toEqual({ kind: 'int', required: true, min: 1, max: 30 });
    expect(actionFieldSpec('callback', 'comment')).toEqual({ kind: 'text', required: false, maxLength: 1000 });
    expect(actionFieldSpec('supervise', 'comment')).toEqual({ kind: 'text', required: true, maxLength: 2000 });
    expect(actionFieldSpec('sign', 'comment')).toBeUndefined();
  });
});
