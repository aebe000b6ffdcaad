import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { DEADLINE_JOBS, DEADLINE_QUEUES, FIRE_JOB_OPTIONS, TIMER_LEAD_MS, timerJobId, type FireTimerData, type TimerRef } from './queues';

const CHUNK = 1000;
/** Job states in which a timer's job is still to run. */
const WAITING_STATES = ['delayed', 'waiting', 'active', 'prioritized', 'paused', 'waiting-children'] as const;

/** The timers queue as the deadline code sees it: jobs named by their timer, payloads of ids only. */
@Injectable()
export class TimerQueue {
  private lost = false;

  constructor(@InjectQueue(DEADLINE_QUEUES.timers) private readonly queue: Queue<FireTimerData>) {
    // followed from the start: ioredis reports each failed (re)connection attempt as 'close', and 'ready' once back
    queue.on('ioredis:close', () => (this.lost = true));
    queue.client.then(
      (client) => {
        this.lost = client.status !== 'ready';
        client.on('ready', () => (this.lost = false));
      },
      () => undefined, // the queue reports its own connection errors
    );
  }

  /**
   * The queue's connection has dropped and is not back: an add now would sit in the client's offline queue until
   * Redis returns. While the first connection is still being made this is false (it usually succeeds at once).
   */
  get connectionLost(): boolean {
    return this.lost;
  }

  /** Adds one delayed job per timer; a job that exists already is left alone (same deterministic id). */
  async schedule(timers: readonly TimerRef[]): Promise<void> {
    for (let i = 0; i < timers.length; i += CHUNK) {
      const now = Date.now();
      await this.queue.addBulk(
        timers.slice(i, i + CHUNK).map((t) => ({
          name: DEADLINE_JOBS.fireTimer.name,
          data: { timerId: Number(t.id) },
          // ready TIMER_LEAD_MS before the due time; the worker holds it until the exact moment
          opts: { ...FIRE_JOB_OPTIONS, jobId: timerJobId(t), timestamp: now, delay: Math.max(0, t.dueAt.getTime() - TIMER_LEAD_MS - now) },
        })),
      );
    }
  }

  /** Best effort: a job left behind is a no-op when it fires (its timer is no longer pending). */
  async remove(jobIds: readonly string[]): Promise<void> {
    for (const id of jobIds) await this.queue.remove(id).catch(() => 0);
  }

  /** The timers whose job is not in Redis (one pipelined EXISTS per timer). */
  async missing(timers: readonly TimerRef[]): Promise<TimerRef[]> {
    if (!timers.length) return [];
    const client = (await this.queue.client) as unknown as Redis;
    const pipe = client.pipeline();
    for (const t of timers) pipe.exists(this.queue.toKey(timerJobId(t)));
    const res = (await pipe.exec()) ?? [];
    return timers.filter((_, i) => res[i]?.[1] === 0);
  }

  /** Jobs still to run, for the reconciler's cheap comparison with the pending rows. */
  async waitingCount(): Promise<number> {
    const counts = await this.queue.getJobCounts(...WAITING_STATES);
    return Object.values(counts).reduce((a, b) => a + b, 0);
  }
}
