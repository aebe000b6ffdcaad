import assert from 'node:assert/strict';
import test from 'node:test';
import { callPlan, HOURLY } from './pbx-sim.mjs';

test('a day of calls looks like a hotline’s: busy by day, rings of seconds, a few callers giving up', () => {
  assert.equal(HOURLY.length, 24);
  const day = HOURLY.slice(8, 18).reduce((a, b) => a + b, 0);
  assert.ok(day / HOURLY.reduce((a, b) => a + b, 0) > 0.65, 'most calls come between 08:00 and 18:00');
  let seed = 1;
  const r = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const plans = Array.from({ length: 20000 }, () => callPlan(r));
  const abandoned = plans.filter((p) => p.abandoned).length / plans.length;
  assert.ok(abandoned > 0.01 && abandoned < 0.1, `abandon rate ${abandoned}`);
  const within15 = plans.filter((p) => !p.abandoned && p.ring <= 15).length / plans.length;
  assert.ok(within15 > 0.8, `answered within 15 s ${within15}`);
  assert.ok(plans.every((p) => p.ring >= 2 && p.ring <= 52 && p.talk >= 30));
});
