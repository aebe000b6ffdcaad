import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DelayedError, type Job, type Queue } from 'bullmq';
import { deadlinesConfig, DeadlinesConfig } from './deadlines.config';
import { JobHandler, routeJobs } from './job-router';
import { OutboxRelay } from './outbox-relay';
import { Pruner, type PruneResult } from './pruner';
import { DEADLINE_JOBS, DEADLINE_QUEUES, jobsOfQueue, TIMER_LEAD_MS, type FireTimerData } from './queues';
import { Reconciler } from './reconciler';
import { TimerFiring } from './timer-firing';

/** Worker options must exist when the class is decorated, so they come from the environment directly (validated). */
function timerWorkerOptions() {
  const c = deadlinesConfig();
  // maxStalledCount 2: a job whose worker was killed comes back (a third stall means something else is wrong)
  return { concurrency: c.DEADLINES_CONCURRENCY, lockDuration: c.DEADLINES_LOCK_MS, stalledInterval: c.DEADLINES_STALLED_MS, maxStalledCount: 2 };
}

/** Fires timers. Each job is one timer id; everything else is reloaded from the database. */
@Processor(DEADLINE_QUEUES.timers, timerWorkerOptions())
export class TimersProcessor extends WorkerHost {
  private readonly routes: ReturnType<typeof routeJobs>;

  constructor(private readonly firing: TimerFiring) {
    super();
    this.routes = routeJobs(this, DEADLINE_QUEUES.timers, jobsOfQueue(DEADLINE_QUEUES.timers));
  }

  async process(job: Job, token?: string): Promise<unknown> {
    const handler = this.routes.get(job.name);
    if (!handler) throw new Error(`no handler for job "${job.name}" on ${DEADLINE_QUEUES.timers}`);
    return handler(job, token);
  }

  @JobHandler(DEADLINE_JOBS.fireTimer.name)
  async fireTimer(job: Job<FireTimerData>, token?: string): Promise<string> {
    const { outcome, dueAt } = await this.firing.fire(job.data.timerId);
    // another host's clock ran well ahead: wait for the due time on ours, never fire early
    if (outcome === 'early' && dueAt && token) {
      await job.moveToDelayed(dueAt.getTime() - TIMER_LEAD_MS, token);
      throw new DelayedError();
    }
    return outcome;
  }
}

/** The periodic sweeps: reconciler ticks, full rebuilds on demand, the outbox relay, and pruning old rows. */
@Processor(DEADLINE_QUEUES.sweeps, { concurrency: 2, maxStalledCount: 5 })
export class SweepsProcessor extends WorkerHost {
  private readonly routes: ReturnType<typeof routeJobs>;

  constructor(
    private readonly reconciler: Reconciler,
    private readonly relay: OutboxRelay,
    private readonly pruner: Pruner,
  ) {
    super();
    this.routes = routeJobs(this, DEADLINE_QUEUES.sweeps, jobsOfQueue(DEADLINE_QUEUES.sweeps));
  }

  async process(job: Job, token?: string): Promise<unknown> {
    const handler = this.routes.get(job.name);
    if (!handler) throw new Error(`no handler for job "${job.name}" on ${DEADLINE_QUEUES.sweeps}`);
    return handler(job, token);
  }

  @JobHandler(DEADLINE_JOBS.reconcile.name)
  reconcile(): Promise<unknown> {
    return this.reconciler.tick(false);
  }

  @JobHandler(DEADLINE_JOBS.reconcileFull.name)
  reconcileFull(): Promise<unknown> {
    return this.reconciler.tick(true);
  }

  @JobHandler(DEADLINE_JOBS.relayOutbox.name)
  relayOutbox(): Promise<number> {
    return this.relay.drain();
  }

  @JobHandler(DEADLINE_JOBS.prune.name)
  prune(): Promise<PruneResult> {
    return this.pruner.prune();
  }
}

/** How soon a scheduler lost with Redis is back (or the reconciler's tick, when shorter). */
const SCHEDULER_CHECK_MS = 5_000;
const SWEEP_JOB_OPTIONS = { removeOnComplete: 20, removeOnFail: 100 };

/**
 * Keeps the sweep schedulers in Redis. They are (re)written at start-up with the configured intervals, and
 * re-created within seconds if Redis loses them (a wipe would otherwise stop the very reconciler that repairs it).
 * A full reconcile runs at every start, so a worker that crashed leaves nothing behind.
 */
@Injectable()
export class SweepScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SweepScheduler.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectQueue(DEADLINE_QUEUES.sweeps) private readonly queue: Queue,
    private readonly settings: DeadlinesConfig,
  ) {}

  private get schedules() {
    return [
      { id: 'deadline-reconciler', job: DEADLINE_JOBS.reconcile.name, every: this.settings.DEADLINES_RECONCILE_EVERY_MS },
      { id: 'deadline-outbox-relay', job: DEADLINE_JOBS.relayOutbox.name, every: this.settings.DEADLINES_RELAY_EVERY_MS },
      { id: 'deadline-pruner', job: DEADLINE_JOBS.prune.name, every: this.settings.DEADLINES_PRUNE_EVERY_MS },
    ];
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const s of this.schedules) await this.queue.upsertJobScheduler(s.id, { every: s.every }, { name: s.job, data: {}, opts: SWEEP_JOB_OPTIONS });
    await this.queue.add(DEADLINE_JOBS.reconcileFull.name, {}, SWEEP_JOB_OPTIONS);
    const every = Math.min(SCHEDULER_CHECK_MS, this.settings.DEADLINES_RECONCILE_EVERY_MS);
    this.timer = setInterval(() => void this.restoreMissing().catch((e: Error) => this.logger.warn(`cannot check schedulers: ${e.message}`)), every);
    this.timer.unref();
    this.logger.log(`reconciler every ${this.settings.DEADLINES_RECONCILE_EVERY_MS} ms, outbox relay every ${this.settings.DEADLINES_RELAY_EVERY_MS} ms`);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async restoreMissing(): Promise<void> {
    for (const s of this.schedules) {
      if (await this.queue.getJobScheduler(s.id)) continue;
      await this.queue.upsertJobScheduler(s.id, { every: s.every }, { name: s.job, data: {}, opts: SWEEP_JOB_OPTIONS });
      // a missing scheduler means Redis lost data: rebuild now rather than at the next tick
      await this.queue.add(DEADLINE_JOBS.reconcileFull.name, {}, SWEEP_JOB_OPTIONS);
      this.logger.warn(`scheduler ${s.id} was missing from Redis and was restored`);
    }
  }
}
