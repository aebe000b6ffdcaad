import { handlerProblems, JobHandler, routeJobs } from './job-router';
import { DEADLINE_JOBS, DEADLINE_QUEUES, jobsOfQueue, timerJobId } from './queues';

describe('job routing', () => {
  it('accepts one handler per registered job', async () => {
    class Ok {
      @JobHandler('a') async a() {
        return 'A';
      }
      @JobHandler('b') async b() {
        return 'B';
      }
    }
    const routes = routeJobs(new Ok(), 'q', ['a', 'b']);
    await expect(routes.get('b')?.({} as never)).resolves.toBe('B');
  });

  it('refuses a job without a handler, a job with two, and a handler of an unknown job', () => {
    class Bad {
      @JobHandler('a') async a1() {
        return 1;
      }
      @JobHandler('a') async a2() {
        return 2;
      }
      @JobHandler('zz') async z() {
        return 3;
      }
    }
    expect(() => routeJobs(new Bad(), 'q', ['a', 'b'])).toThrow(/has 2 handlers: a1, a2[\s\S]*"b" of queue "q" has no handler[\s\S]*z handles "zz"/);
  });

  it('keeps subclasses from leaking handlers into their parent', () => {
    class Parent {
      @JobHandler('a') async a() {
        return 1;
      }
    }
    class Child extends Parent {
      @JobHandler('b') async b() {
        return 2;
      }
    }
    expect(() => routeJobs(new Parent(), 'q', ['a'])).not.toThrow();
    expect(handlerProblems('q', ['a'], [])).toEqual(['job "a" of queue "q" has no handler']);
    expect(new Child()).toBeInstanceOf(Parent);
  });
});

describe('deadline queues', () => {
  it('registers every job once, on its queue', () => {
    expect(jobsOfQueue(DEADLINE_QUEUES.timers)).toEqual([DEADLINE_JOBS.fireTimer.name]);
    expect(jobsOfQueue(DEADLINE_QUEUES.sweeps)).toEqual(['reconcile', 'reconcile-full', 'relay-outbox', 'prune']);
    const names = Object.values(DEADLINE_JOBS).map((j) => j.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('names a timer job by the timer key, without the ":" BullMQ refuses', () => {
    const id = timerJobId({ orderId: 42, kind: 'handle-overdue', refId: 0, dueAt: new Date(1_700_000_000_123) });
    expect(id).toBe('42.handle-overdue.0.1700000000123');
    expect(id).not.toContain(':');
  });
});
