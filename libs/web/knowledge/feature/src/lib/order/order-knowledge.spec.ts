import { coverageLines } from '../dashboard/coverage-card';
import { canMakeArticle } from './order-knowledge';

describe('沉淀为知识', () => {
  const closed = { status: 'closed' as const, mainUnitId: 4, reply: '已处理', directAnswer: null };
  it('is offered on a closed order with a reply to the center and to the unit that answered', () => {
    expect(canMakeArticle(closed, 'dispatcher', null)).toBe(true);
    expect(canMakeArticle(closed, 'unit_handler', 4)).toBe(true);
    expect(canMakeArticle(closed, 'unit_handler', 5)).toBe(false);
    expect(canMakeArticle(closed, 'agent', null)).toBe(false);
    expect(canMakeArticle({ ...closed, status: 'handling' }, 'dispatcher', null)).toBe(false);
    expect(canMakeArticle({ ...closed, reply: null }, 'dispatcher', null)).toBe(false);
    expect(canMakeArticle({ ...closed, reply: null, directAnswer: '已答复' }, 'admin', null)).toBe(true);
  });
});

describe('知识库覆盖率 card', () => {
  it('leads with the consultations and lists the methods', () => {
    const lines = coverageLines({
      from: '2020-01-01',
      to: '2020-12-31',
      total: 487120,
      byMethod: { knowledge: 400000, 'three-way': 80000, other: 7120, unknown: 0 },
      coverage: 400000 / 487120,
      consultations: { total: 300000, withArticle: 291720, coverage: 0.9724 },
    });
    expect(lines.main).toBe('97.2%');
    expect(lines.sub).toContain('全部直办覆盖率 82.1%');
    expect(lines.methods).toBe('知识库 400,000 · 三方通话 80,000 · 其他 7,120');
    expect(coverageLines(null).main).toBe('—');
  });
});
