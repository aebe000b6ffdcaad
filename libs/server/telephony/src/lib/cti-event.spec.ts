import { applyCtiEvent, callFacts, parseCtiEvent, type CallState, type CtiEvent } from './cti-event';
import { callDeltas } from '@hotline/server-statistics';

const t0 = new Date('2026-12-05T01:00:00.000Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);
const ev = (e: Partial<Record<string, unknown>>): CtiEvent => parseCtiEvent({ callId: 'c1', from: '13800001111', to: '12345', direction: 'in', ...e });

/** Runs events in the given order, each arriving at its time; returns the final state and who was popped. */
function run(events: [CtiEvent, number, number | null][]): { s: CallState | null; pops: number[] } {
  let s: CallState | null = null;
  const pops: number[] = [];
  for (const [e, sec, agent] of events) {
    const r = applyCtiEvent(s, e, at(sec), agent);
    s = r.next;
    if (r.pop != null) pops.push(r.pop);
  }
  return { s, pops };
}

describe('Zammad CTI events', () => {
  it('reads JSON and form fields alike (user[] as one value or many)', () => {
    expect(parseCtiEvent({ event: 'newCall', callId: 'a', from: '138', to: '12345', direction: 'in', 'user[]': 'agent' }).users).toEqual(['agent']);
    expect(parseCtiEvent({ event: 'answer', callId: 'a', from: '138', direction: 'in', user: ['a', 'b'], answeringNumber: '8001' })).toMatchObject({
      users: ['a', 'b'],
      answeringNumber: '8001',
      to: '',
    });
  });

  it('names every field at fault', () => {
    expect(() => parseCtiEvent({ event: 'ring', direction: 'sideways', from: '138' })).toThrow(/event, callId, direction/);
    expect(() => parseCtiEvent([])).toThrow();
    expect(() => parseCtiEvent({ event: 'hangup', callId: 'x', from: '1', direction: 'in', recordingUrl: 'ftp://x' })).toThrow(/recordingUrl/);
  });

  it('a normal call: rings, answered by the agent (who is popped), hung up', () => {
    const { s, pops } = run([
      [ev({ event: 'newCall', queue: '12345' }), 0, null],
      [ev({ event: 'answer', answeringNumber: '8001' }), 6, 7],
      [ev({ event: 'hangup', cause: 'normalClearing' }), 100, null],
    ]);
    expect(pops).toEqual([7]);
    expect(s).toMatchObject({ calledAt: at(0), answeredAt: at(6), hungUpAt: at(100), agentId: 7, queue: '12345', transfers: 0 });
    expect(callDeltas(callFacts(s as CallState, 1))[1].values).toEqual([1, 1, 1, 0, 6, 94]);
  });

  it('abandoned: never answered, counted with its wait', () => {
    const { s } = run([
      [ev({ event: 'newCall' }), 0, null],
      [ev({ event: 'hangup', cause: 'cancel' }), 20, null],
    ]);
    expect(callDeltas(callFacts(s as CallState, 1))[1].values).toEqual([1, 0, 0, 1, 20, 0]);
  });

  it('a repeated event changes nothing; a hangup before its answer still ends answered', () => {
    const first = applyCtiEvent(null, ev({ event: 'newCall' }), at(0), null);
    expect(applyCtiEvent(first.next, ev({ event: 'newCall' }), at(3), null).changed).toBe(false);
    const { s, pops } = run([
      [ev({ event: 'newCall' }), 0, null],
      [ev({ event: 'hangup', cause: 'normalClearing' }), 40, null],
      [ev({ event: 'answer', answeringNumber: '8001' }), 41, 7],
    ]);
    expect(s).toMatchObject({ answeredAt: at(40), hungUpAt: at(40), agentId: 7 });
    expect(pops).toEqual([]); // the call is over: nothing to pop
  });

  it('a transfer: answered again by another agent, who is popped too', () => {
    const { s, pops } = run([
      [ev({ event: 'newCall' }), 0, null],
      [ev({ event: 'answer', answeringNumber: '8001' }), 5, 7],
      [ev({ event: 'answer', answeringNumber: '8001' }), 6, 7],
      [ev({ event: 'answer', answeringNumber: '8002' }), 30, 8],
      [ev({ event: 'hangup' }), 90, null],
    ]);
    expect(pops).toEqual([7, 8]);
    expect(s).toMatchObject({ agentId: 8, transfers: 1, answeredAt: at(5) });
  });

  it('an outbound call belongs to the dialling agent and is not an offered call', () => {
    const out = (e: string) => parseCtiEvent({ event: e, callId: 'o1', from: '8001', to: '13900002222', direction: 'out' });
    const { s, pops } = run([
      [out('newCall'), 0, 7],
      [out('answer'), 8, 7],
      [out('hangup'), 60, 7],
    ]);
    expect(pops).toEqual([]);
    expect(s).toMatchObject({ external: '13900002222', internal: '8001', agentId: 7 });
    expect(callDeltas(callFacts(s as CallState, 1))).toEqual([]);
  });

  it('a bridge replaying with `at` gets its own times', () => {
    const { s } = run([[ev({ event: 'newCall', at: '2026-12-05T00:59:50.000Z' }), 0, null]]);
    expect(s?.calledAt.toISOString()).toBe('2026-12-05T00:59:50.000Z');
  });
});
