import { timerPayload } from './outbox-relay';

describe('timerPayload: a timer row of the outbox as the relay reads it', () => {
  it('reads what the deadline hook writes', () => {
    expect(timerPayload(JSON.stringify({ schedule: [3, 4], unschedule: ['t:1'] }))).toEqual({ schedule: [3, 4], unschedule: ['t:1'] });
  });

  it('passes over a row without a payload, with broken JSON or of another shape, instead of throwing on it', () => {
    for (const raw of [null, '', '{', 'null', '42', '{"schedule":"x"}', '{"schedule":[1,"2",null],"unschedule":[5,"t:9"]}']) {
      const p = timerPayload(raw);
      expect(p.schedule.every(Number.isInteger)).toBe(true);
      expect(p.unschedule.every((x) => typeof x === 'string')).toBe(true);
    }
    expect(timerPayload('{"schedule":[1,"2",null],"unschedule":[5,"t:9"]}')).toEqual({ schedule: [1], unschedule: ['t:9'] });
  });
});
