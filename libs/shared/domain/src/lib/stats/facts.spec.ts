import { STAT_MEASURES } from '@hotline/contracts';
import {
  addTotals,
  channelGroup,
  isZero,
  measuresOf,
  OPEN_FINISH_DAY,
  overdueEntryOf,
  satisfied,
  statDay,
  sumTotals,
  zeroTotals,
  type OrderFacts,
} from './facts';

const T0 = new Date('2020-03-02T01:00:00Z'); // 09:00 China time
const h = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

function order(over: Partial<OrderFacts> = {}): OrderFacts {
  return {
    createdAt: T0,
    platformId: 1,
    channel: 'phone',
    appealType: 'complaint',
    categoryId: 10,
    regionId: 2,
    mainUnitId: null,
    status: 'registered',
    resolution: null,
    signedAt: null,
    signDueAt: null,
    repliedAt: null,
    acceptedAt: null,
    handleDueAt: null,
    callbackAt: null,
    callbackSatisfaction: null,
    callbackSolved: null,
    returnCount: 0,
    reworkCount: 0,
    extensionCount: 0,
    superviseCount: 0,
    instructCount: 0,
    ...over,
  };
}

const dispatched = (over: Partial<OrderFacts> = {}) =>
  order({ status: 'handling', resolution: 'dispatched', mainUnitId: 5, signDueAt: h(2), signedAt: h(1), handleDueAt: h(120), ...over });
const finished = (over: Partial<OrderFacts> = {}) => dispatched({ status: 'callback_pending', repliedAt: h(100), acceptedAt: h(101), ...over });

/** Only the measures that are not zero, for readable expectations. */
function nonZero(o: OrderFacts) {
  return Object.fromEntries(Object.entries(measuresOf(o)).filter(([, v]) => v !== 0));
}

describe('measuresOf', () => {
  it('counts a fresh order as accepted only', () => {
    expect(nonZero(order())).toEqual({ accepted: 1 });
  });

  it('counts a direct answer as accepted, direct and closed', () => {
    expect(nonZero(order({ status: 'closed', resolution: 'direct' }))).toEqual({ accepted: 1, direct: 1, closed: 1 });
  });

  it('counts a direct answer under the method it recorded, and under none without one', () => {
    expect(nonZero(order({ status: 'closed', resolution: 'direct', directAnswerMethod: 'knowledge' }))).toEqual({
      accepted: 1,
      direct: 1,
      direct_knowledge: 1,
      closed: 1,
    });
    expect(measuresOf(order({ resolution: 'direct', directAnswerMethod: 'three-way' })).direct_three_way).toBe(1);
    expect(measuresOf(order({ resolution: 'direct', directAnswerMethod: 'other' })).direct_other).toBe(1);
    // a method left on an order later dispatched (the direct answer withdrawn) is not a direct answer
    expect(measuresOf(order({ resolution: 'dispatched', directAnswerMethod: 'knowledge' })).direct_knowledge).toBe(0);
  });

  it('counts a dispatched order and its signing', () => {
    expect(nonZero(dispatched())).toEqual({ accepted: 1, dispatched: 1, signed: 1, signed_on_time: 1 });
    expect(nonZero(dispatched({ signedAt: h(3) }))).toEqual({ accepted: 1, dispatched: 1, signed: 1 });
    expect(nonZero(dispatched({ status: 'dispatched', signedAt: null }))).toEqual({ accepted: 1, dispatched: 1 });
    expect(measuresOf(dispatched({ signDueAt: null })).signed_on_time).toBe(1);
  });

  it('finishes an order when the center accepts the reply, on time when the reply beat the deadline', () => {
    expect(nonZero(finished())).toMatchObject({ finished: 1, on_time: 1 });
    expect(measuresOf(finished({ repliedAt: h(120) })).on_time).toBe(1); // exactly at the deadline
    expect(nonZero(finished({ repliedAt: h(121) }))).toMatchObject({ finished: 1, late: 1 });
    expect(measuresOf(finished({ repliedAt: h(121) })).on_time).toBe(0);
    expect(measuresOf(finished({ handleDueAt: null })).on_time).toBe(1);
    expect(measuresOf(finished({ repliedAt: null })).late).toBe(1);
  });

  it('does not finish a replied order before the center accepts it, nor a direct one ever', () => {
    expect(measuresOf(dispatched({ status: 'replied', repliedAt: h(10) })).finished).toBe(0);
    expect(measuresOf(order({ resolution: 'direct', acceptedAt: h(1) })).finished).toBe(0);
  });

  it.each([
    ['very_satisfied', 'cb_very_satisfied'],
    ['satisfied', 'cb_satisfied'],
    ['basically_satisfied', 'cb_basic'],
    ['dissatisfied', 'cb_dissatisfied'],
    ['very_dissatisfied', 'cb_very_dissatisfied'],
  ] as const)('counts a %s callback in %s', (level, measure) => {
    const m = measuresOf(finished({ callbackAt: h(130), callbackSatisfaction: level, callbackSolved: true }));
    expect(m.callbacks).toBe(1);
    expect(m[measure]).toBe(1);
    expect(m.solved).toBe(1);
    expect(satisfied(m)).toBe(['very_satisfied', 'satisfied', 'basically_satisfied'].includes(level) ? 1 : 0);
  });

  it('ignores a callback without a rating and counts unsolved ones as not solved', () => {
    expect(measuresOf(finished({ callbackAt: h(130) })).callbacks).toBe(0);
    expect(measuresOf(finished({ callbackAt: h(130), callbackSatisfaction: 'dissatisfied', callbackSolved: false })).solved).toBe(0);
  });

  it('sums the per-order counters', () => {
    const m = measuresOf(dispatched({ returnCount: 2, reworkCount: 3, extensionCount: 1, superviseCount: 1, instructCount: 2 }));
    expect(m).toMatchObject({ returns: 2, reworks: 3, reworked: 1, extensions: 1, supervisions: 1, instructions: 2 });
  });

  it('counts merged and closed statuses', () => {
    expect(measuresOf(order({ status: 'merged' })).merged).toBe(1);
    expect(measuresOf(finished({ status: 'closed' })).closed).toBe(1);
  });

  it('gives every measure a number', () => {
    const m = measuresOf(finished());
    expect(Object.keys(m).sort()).toEqual([...STAT_MEASURES].sort());
    expect(Object.values(m).every((v) => Number.isInteger(v))).toBe(true);
  });
});

describe('totals', () => {
  it('adds, subtracts and sums', () => {
    const a = measuresOf(finished());
    const t = sumTotals([a, a]);
    expect(t.accepted).toBe(2);
    addTotals(t, a, -1);
    expect(t).toEqual(a);
    expect(isZero(addTotals(t, a, -1))).toBe(true);
    expect(isZero(zeroTotals())).toBe(true);
  });
});

describe('channel groups and days', () => {
  it('puts the collectors apart from the public', () => {
    expect(channelGroup('patrol')).toBe('collector');
    expect(channelGroup('video')).toBe('collector');
    expect(channelGroup('phone')).toBe('public');
    expect(channelGroup('state_council')).toBe('public');
    expect(channelGroup('something-new')).toBe('public');
  });

  it('counts an order on its China day', () => {
    expect(statDay({ createdAt: new Date('2020-12-31T16:30:00Z') })).toBe('2021-01-01');
  });
});

describe('overdueEntryOf', () => {
  it('leaves out orders finished on time, direct answers and orders without a deadline', () => {
    expect(overdueEntryOf(finished())).toBeNull();
    expect(overdueEntryOf(order({ resolution: 'direct' }))).toBeNull();
    expect(overdueEntryOf(dispatched({ handleDueAt: null }))).toBeNull();
  });

  it('enters late finished orders by due day and finish (reply) day', () => {
    const o = finished({
      handleDueAt: new Date('2020-03-06T09:30:00Z'),
      repliedAt: new Date('2020-03-09T02:00:00Z'),
      acceptedAt: new Date('2020-03-10T02:00:00Z'),
    });
    expect(overdueEntryOf(o)).toEqual({ dueDay: '2020-03-06', finishDay: '2020-03-09' });
  });

  it('enters open orders with the open finish day, due or not', () => {
    expect(overdueEntryOf(dispatched())).toEqual({ dueDay: '2020-03-07', finishDay: OPEN_FINISH_DAY });
    expect(overdueEntryOf(dispatched({ status: 'replied', repliedAt: h(200) }))).toEqual({ dueDay: '2020-03-07', finishDay: OPEN_FINISH_DAY });
  });
});
