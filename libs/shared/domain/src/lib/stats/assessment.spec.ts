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

  it('leaves a rate with nothing to measure out of the score, re-weighting over the rates the unit has', () => {
    // no callbacks: satisfaction (35) is out; 20·0.9 + 35·0.8 + 5·1 + 5·1 = 56 of 65 → 56/65 × 100
    const [r] = assessUnits([unit({ signedOnTime: 90, onTime: 80, callbacks: 0, satisfied: 0 })]);
    expect(r).toMatchObject({ satisfactionRate: null, assessed: true, measured: ['signOnTime', 'onTime', 'returns', 'rework'] });
    expect(r.score).toBeCloseTo(Math.round((5600 / 65) * 100) / 100, 10);
    // a perfect unit stays perfect whatever it was measured on
    expect(assessUnits([unit({ callbacks: 0, satisfied: 0 })])[0].score).toBe(100);
  });

  it('does not score, rank or list a unit with nothing to measure (未参评), and leaves out units with no work at all', () => {
    const rows = assessUnits([
      unit({ unitId: 1 }),
      unit({ unitId: 2, onTime: 95 }),
      // dispatched to, returned one, signed and finished nothing: only the returns rate exists
      unit({ unitId: 7, received: 3, signed: 0, signedOnTime: 0, finished: 0, onTime: 0, callbacks: 0, satisfied: 0, returns: 1 }),
      // a unit whose every rate is "—"
      unit({ unitId: 8, received: 0, signed: 0, signedOnTime: 0, finished: 0, onTime: 0, callbacks: 0, satisfied: 0, returns: 0, reworked: 0 }),
    ]);
    expect(rows.map((r) => r.unitId)).toEqual([1, 2, 7]);
    expect(rows[2]).toMatchObject({
      assessed: false,
      measured: [],
      score: null,
      rank: null,
      list: null,
      signOnTimeRate: null,
      onTimeRate: null,
      satisfactionRate: null,
    });
    expect(rows.slice(0, 2).map((r) => [r.rank, r.list])).toEqual([
      [1, 'red'],
      [2, null],
    ]);
    // alone, with nothing measured, it is neither perfect nor on the red list
    const [alone] = assessUnits([unit({ unitId: 8, signed: 0, signedOnTime: 0, finished: 0, onTime: 0, callbacks: 0, satisfied: 0 })]);
    expect(alone).toMatchObject({ assessed: false, score: null, rank: null, list: null });
  });

  it('draws a red list only among enough assessed units, and never puts a unit on both lists', () => {
    const w = { ...DEFAULT_WEIGHTS, redCount: 5 };
    // one assessed unit is no league: no red list, and a weak one is still black
    expect(assessUnits([unit({})], w)[0].list).toBeNull();
    expect(assessUnits([unit({ onTime: 10 })], w)[0].list).toBe('black');
    // at most half of the assessed units are red
    const six = assessUnits(
      [1, 2, 3, 4, 5, 6].map((id) => unit({ unitId: id, onTime: 100 - id })),
      w,
    );
    expect(six.filter((r) => r.list === 'red').map((r) => r.unitId)).toEqual([1, 2, 3]);
    // when every unit is weak, the top of the ranking is black, not red
    const weak = assessUnits(
      [1, 2, 3, 4].map((id) => unit({ unitId: id, onTime: 40 - id })),
      w,
    );
    expect(weak.map((r) => r.list)).toEqual(['black', 'black', 'black', 'black']);
  });

  it('ranks on the share of the full score, puts the best on the red list and the weak on the black list', () => {
    const units = [
      unit({ unitId: 1, onTime: 50 }), // 82.5 of 100 → black
      unit({ unitId: 2, county: true, onTime: 90 }), // 144.75 of 150 = 96.5%
      unit({ unitId: 3, onTime: 95 }), // 98.25
      unit({ unitId: 4 }), // 100
    ];
    const rows = assessUnits(units, { ...DEFAULT_WEIGHTS, redCount: 2 });
    expect(rows.every((r) => r.assessed)).toBe(true);
    expect(rows.map((r) => [r.unitId, r.rank, r.list])).toEqual([
      [4, 1, 'red'],
      [3, 2, 'red'],
      [2, 3, null],
      [1, 4, 'black'],
    ]);
  });
});
