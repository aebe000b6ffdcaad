import { isoDate } from './holidays/holidays-page';
import { timeLimitFormProblem } from './time-limits/time-limits-page';
import { flattenTree } from './tree-rows';
import { UserEdit, userFormProblem } from './users/users-page';

describe('admin forms', () => {
  const user: UserEdit = {
    existing: null,
    username: 'zhang',
    password: 'longenough',
    displayName: '张三',
    role: 'agent',
    unitId: null,
    active: true,
  };
  const existing = {
    id: 3,
    username: 'zhang',
    displayName: '张',
    role: 'agent' as const,
    unitId: null,
    unitName: null,
    version: 2,
  };

  it('checks a user form against the API’s rules, in Chinese', () => {
    expect(userFormProblem(user)).toBeNull();
    expect(userFormProblem({ ...user, role: 'unit_handler' })).toBe('承办单位用户必须选择所属单位');
    expect(userFormProblem({ ...user, password: '' })).toBe('请设置初始密码');
    expect(userFormProblem({ ...user, existing, password: '' })).toBeNull();
    expect(userFormProblem({ ...user, password: 'short' })).toBe('密码至少 8 位');
    expect(userFormProblem({ ...user, username: 'Zhang San' })).toMatch(/小写字母/);
  });

  it('flattens a tree depth first with depths', () => {
    const tree = [
      { n: 'a', c: [{ n: 'b', c: [{ n: 'c', c: [] }] }] },
      { n: 'd', c: [] },
    ];
    expect(flattenTree(tree, (x) => x.c).map((r) => `${r.item.n}${r.depth}`)).toEqual(['a0', 'b1', 'c2', 'd0']);
  });

  it('formats a holiday date in local time', () => {
    expect(isoDate(new Date(2020, 9, 1))).toBe('2020-10-01');
  });

  it('checks a time-limit form: durations, day length and pre-warning share', () => {
    const f = {
      appealType: '*',
      urgent: false,
      clock: 'working' as const,
      dayLength: null,
      signLimit: '2h',
      handleLimit: '0.5d',
      callbackLimit: '2d',
      feedbackLimit: '3d',
      prewarnPercent: 80,
      longOverdueAfter: '5d',
    };
    expect(timeLimitFormProblem(f)).toBeNull();
    expect(timeLimitFormProblem({ ...f, handleLimit: '5天' })).toMatch(/办理时限格式不正确/);
    expect(timeLimitFormProblem({ ...f, clock: 'natural', dayLength: 'x' })).toMatch(/一天时长/);
    expect(timeLimitFormProblem({ ...f, prewarnPercent: 100 })).toMatch(/预警比例/);
  });
});
