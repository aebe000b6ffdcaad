import { assessUnits, DEFAULT_WEIGHTS, fullScore, type UnitMonth } from './assessment';

const unit = (over: Partial<UnitMonth>): UnitMonth => ({
  unitId: 1,
  unitName: 'u',
  county: false,
  received: 100,
  signed: 100,
  signedOnTime: 100,
  finished: 100,
  onTime: 100,
  callbacks: 10,
  satisfied: 10,
  returns: 0,
  reworked: 0,
  ...over,
});

describe('assessUnits', () => {
  it('gives 100 points (150 for counties) for perfect work', () => {
    expect(fullScore(DEFAULT_WEIGHTS, false)).toBe(100);
    expect(fullScore(DEFAULT_WEIGHTS, true)).toBe(150);
    const [a, b] = assessUnits([unit({ unitId: 1 }), unit({ unitId: 2, county: true })]);
    expect([a.score, b.score].sort()).toEqual([100, 150]);
  });

  it('scores each rate by its weight, returns and rework against the unit', () => {
    const [r] = assessUnits([unit({ signedOnTime: 90, onTime: 80, satisfied: 5, returns: 10, reworked: 20 })]);
    // 20·0.9 + 35·0.8 + 35·0.5 + 5·(1−0.1) + 5·(1−0.2)
    expect(r.score).toBeCloseTo(18 + 28 + 17.5 + 4.5 + 4, 10);
    expect(r).toMatchObject({ signOnTimeRate: 0.9, onTimeRate: 0.8, satisfactionRate: 0.5, returnRate: 0.1, reworkRate: 0.2 });
  });

  it('gives full marks for a rate with nothing to measure, and leaves out units with no work', () => {
    const rows = assessUnits([unit({ callbacks: 0, satisfied: 0 }), unit({ unitId: 9, received: 0, finished: 0 })]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ satisfactionRate: null, score: 100 });
  });

  it('ranks on the share of the full score, puts the best on the red list and the weak on the black list', () => {
    const units = [
      unit({ unitId: 1, onTime: 50 }), // 82.5 of 100 → black
      unit({ unitId: 2, county: true, onTime: 90 }), // 144.75 of 150 = 96.5%
      unit({ unitId: 3, onTime: 95 }), // 98.25
      unit({ unitId: 4 }), // 100
    ];
    const rows = assessUnits(units, { ...DEFAULT_WEIGHTS, redCount: 2 });
    expect(rows.map((r) => [r.unitId, r.rank, r.list])).toEqual([
      [4, 1, 'red'],
      [3, 2, 'red'],
      [2, 3, null],
      [1, 4, 'black'],
    ]);
  });
});
