import { ORDER_ACTIONS, OrderDetail } from '@hotline/contracts';
import { ACTION_FIELDS, ACTION_ORDER, buildActionBody, initialValues, needsDialog, sortActions, validateAction } from './action-forms';

describe('action forms', () => {
  it('covers every action and orders every button', () => {
    for (const a of ORDER_ACTIONS) {
      expect(ACTION_FIELDS[a]).toBeDefined();
      expect(ACTION_ORDER).toContain(a);
    }
  });

  it('runs sign on a click and opens a dialog for the rest', () => {
    expect(needsDialog('sign')).toBe(false);
    expect(needsDialog('reply')).toBe(true);
  });

  it('requires the reason of a return', () => {
    expect(validateAction('return', { reason: '  ' }, null)).toBe('请填写退单理由');
    expect(validateAction('return', { reason: '非本单位职责' }, null)).toBeNull();
    expect(buildActionBody('return', { reason: ' 非本单位职责 ' })).toEqual({
      reason: '非本单位职责',
    });
  });

  it('bounds extension days to 1..30 working days', () => {
    expect(validateAction('request-extension', { days: 31, reason: 'x' }, null)).toMatch(/1–30/);
    expect(validateAction('request-extension', { days: 0, reason: 'x' }, null)).toMatch(/1–30/);
    expect(buildActionBody('request-extension', { days: '5', reason: 'x' })).toEqual({ days: 5, reason: 'x' });
  });

  it('sends reopen only for a dissatisfied callback', () => {
    expect(
      buildActionBody('callback', {
        satisfaction: 'satisfied',
        solved: true,
        comment: '',
        reopen: true,
      }),
    ).toEqual({
      satisfaction: 'satisfied',
      solved: true,
    });
    expect(
      buildActionBody('callback', {
        satisfaction: 'dissatisfied',
        solved: false,
        comment: '未处理',
        reopen: true,
      }),
    ).toEqual({
      satisfaction: 'dissatisfied',
      solved: false,
      comment: '未处理',
      reopen: true,
    });
    expect(validateAction('callback', { satisfaction: null, solved: true }, null)).toBe('请填写满意度');
    expect(validateAction('callback', { satisfaction: 'satisfied', solved: null }, null)).toBe('请填写是否解决');
  });

  it('sends the direct answer’s method, and the three-way call’s unit and person only for a three-way call', () => {
    expect(buildActionBody('direct-answer', { answer: ' 已答复 ', method: 'other', threeWayUnitId: 4, threeWayPerson: '张科长' })).toEqual({
      answer: '已答复',
      method: 'other',
    });
    expect(buildActionBody('direct-answer', { answer: '已答复', method: 'three-way', threeWayUnitId: 4, threeWayPerson: ' 张科长 ' })).toEqual({
      answer: '已答复',
      method: 'three-way',
      threeWayUnitId: 4,
      threeWayPerson: '张科长',
    });
    expect(buildActionBody('direct-answer', { answer: '已答复', method: null })).toEqual({ answer: '已答复' });
  });

  it('needs a comment to close an order that had no callback', () => {
    const noCallback = { callback: null } as OrderDetail;
    const withCallback = {
      callback: {
        satisfaction: 'satisfied',
        solved: true,
        comment: null,
        at: '',
      },
    } as OrderDetail;
    expect(validateAction('close', { comment: '' }, noCallback)).toBe('请填写归档说明');
    expect(validateAction('close', { comment: '' }, withCallback)).toBeNull();
  });

  it('drops the main unit from the co-units and empty co-units of a dispatch', () => {
    expect(
      buildActionBody('dispatch', {
        unitId: 4,
        coUnitIds: [4, 7],
        comment: '',
      }),
    ).toEqual({ unitId: 4, coUnitIds: [7] });
    expect(buildActionBody('dispatch', { unitId: 4, coUnitIds: [4] })).toEqual({
      unitId: 4,
    });
  });

  it('starts from defaults', () => {
    expect(initialValues('dispatch', { unitId: 9 })).toEqual({
      unitId: 9,
      coUnitIds: [],
      comment: null,
    });
    expect(initialValues('supervise')).toEqual({
      comment: null,
      feedbackDays: 3,
    });
  });

  it('puts the main action first and refusals last', () => {
    expect(sortActions(['reject-return', 'urge', 'approve-return'])).toEqual(['approve-return', 'urge', 'reject-return']);
  });
});
