import type { JobsOptions } from 'bullmq';
import type { TimerKind } from '@hotline/contracts';

/**
 * Every queue and job name of the deadline machinery, registered once here. A processor routes each name to
 * exactly one handler (job-router.ts); a name without a handler, or with two, stops the worker at start-up.
 */
export const DEADLINE_QUEUES = {
  /** One delayed job per pending timer. */
  timers: 'deadline-timers',
  /** The periodic sweeps: reconciler and outbox relay. */
  sweeps: 'deadline-sweeps',
} as const;

export const DEADLINE_JOBS = {
  fireTimer: { name: 'fire-timer', queue: DEADLINE_QUEUES.timers },
  reconcile: { name: 'reconcile', queue: DEADLINE_QUEUES.sweeps },
  reconcileFull: { name: 'reconcile-full', queue: DEADLINE_QUEUES.sweeps },
  relayOutbox: { name: 'relay-outbox', queue: DEADLINE_QUEUES.sweeps },
  prune: { name: 'prune', queue: DEADLINE_QUEUES.sweeps },
} as const;

export function jobsOfQueue(queue: string): string[] {
  return Object.values(DEADLINE_JOBS)
    .filter((j) => j.queue === queue)
    .map((j) => j.name);
}

/** The outbox topic of timer changes written with an order's action. */
export const TIMER_OUTBOX_TOPIC = 'deadline.timers';

/** Job payloads carry ids only; the handler reloads everything else. */
export interface FireTimerData {
  timerId: number;
}

export interface TimerRef {
  id: number;
  orderId: number;
  kind: TimerKind;
  refId: number;
  dueAt: Date;
}

/**
 * Deterministic: the job of a timer is named by the timer's own unique key (order, kind, reference, due time), so
 * whoever adds it — the API after commit, the relay, the reconciler — adds the same job once.
 */
export function timerJobId(t: Pick<TimerRef, 'orderId' | 'kind' | 'refId' | 'dueAt'>): string {
  return `${t.orderId}.${t.kind}.${t.refId}.${t.dueAt.getTime()}`;
}

/**
 * A timer's job becomes ready this long before the timer is due; the worker holds it until the exact moment
 * (timer-firing.ts), so the queue's own pick-up latency is spent before the deadline, not after it.
 */
export const TIMER_LEAD_MS = 150;

export const FIRE_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 200 },
  removeOnFail: { count: 1000 },
};

/** Redis keys of the reconciler, under the deployment's queue prefix. */
export function reconcilerKeys(prefix: string) {
  return {
    /** Set after each full comparison; a Redis wipe removes it, and its absence starts a full rebuild. */
    reconciled: `${prefix}:deadlines:reconciled`,
    lastTick: `${prefix}:deadlines:last-tick`,
    lock: `${prefix}:deadlines:reconcile-lock`,
  };
}
