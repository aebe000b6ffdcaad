import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import type { DeadlineOpsView, FailedJobView, OrderEventSubscriberView, ReconcilerRunView } from '@hotline/contracts';
import { subscriberLag } from '@hotline/server-orders';
import { AppConfig, REDIS } from '@hotline/server-platform';
import { DeadlinesConfig } from './deadlines.config';
import { DeadlineRepairEntity } from './entities';
import { toRepairView } from './mappers';
import { DEADLINE_JOBS, DEADLINE_QUEUES, reconcilerKeys, TIMER_OUTBOX_TOPIC } from './queues';

const COUNTED = ['waiting', 'delayed', 'active', 'prioritized', 'paused', 'failed', 'completed'] as const;
const FAILED_SHOWN = 20;

/** What admins see of the machinery: queue depths, failed jobs, timers and the reconciler's last repair. */
@Injectable()
export class DeadlineOpsService {
  private readonly keys: ReturnType<typeof reconcilerKeys>;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @InjectQueue(DEADLINE_QUEUES.timers) private readonly timers: Queue,
    @InjectQueue(DEADLINE_QUEUES.sweeps) private readonly sweeps: Queue,
    private readonly settings: DeadlinesConfig,
    config: AppConfig,
  ) {
    this.keys = reconcilerKeys(config.QUEUE_PREFIX);
  }

  async status(): Promise<DeadlineOpsView & { eventSubscribers: OrderEventSubscriberView[] }> {
    const now = new Date();
    const queues = [this.timers, this.sweeps];
    const [counts, failed, [timerRow], [outboxRow], lastTickRaw, lastRepair, eventSubscribers] = await Promise.all([
      Promise.all(queues.map((q) => q.getJobCounts(...COUNTED))),
      Promise.all(queues.map((q) => q.getFailed(0, FAILED_SHOWN - 1))),
      this.ds.query(
        `SELECT COUNT(*) AS pending, COALESCE(SUM(due_at <= ?), 0) AS due_unfired, MIN(due_at) AS next_due FROM deadline_timer WHERE state = 'pending'`,
        [new Date(now.getTime() - this.settings.DEADLINES_GRACE_MS)],
      ),
      this.ds.query('SELECT COUNT(*) AS n FROM outbox WHERE topic = ? AND processed_at IS NULL', [TIMER_OUTBOX_TOPIC]),
      this.redis.get(this.keys.lastTick),
      this.ds.manager.find(DeadlineRepairEntity, { order: { id: 'DESC' }, take: 1 }),
      subscriberLag(this.ds, now),
    ]);
    const failedJobs: FailedJobView[] = failed
      .flatMap((jobs, i) =>
        jobs.filter(Boolean).map((j) => ({
          queue: queues[i].name,
          id: String(j.id),
          name: j.name,
          failedReason: j.failedReason,
          attemptsMade: j.attemptsMade,
          failedAt: j.finishedOn ? new Date(j.finishedOn).toISOString() : null,
        })),
      )
      .sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''))
      .slice(0, FAILED_SHOWN);
    return {
      queues: queues.map((q, i) => ({ name: q.name, counts: counts[i] })),
      failedJobs,
      timers: {
        pending: Number(timerRow.pending),
        dueUnfired: Number(timerRow.due_unfired),
        nextDueAt: timerRow.next_due ? new Date(timerRow.next_due).toISOString() : null,
      },
      outboxPending: Number(outboxRow.n),
      reconciler: {
        lastTickAt: lastTickRaw ? (JSON.parse(lastTickRaw) as ReconcilerRunView).finishedAt : null,
        lastTick: lastTickRaw ? (JSON.parse(lastTickRaw) as ReconcilerRunView) : null,
        lastRepair: lastRepair[0] ? toRepairView(lastRepair[0]) : null,
      },
      // the order-event stream's readers: how far each is behind (the outbox rows it has yet to pass)
      eventSubscribers,
      generatedAt: now.toISOString(),
    };
  }

  /** Asks the worker for a full comparison of every pending timer with Redis now. */
  async reconcileNow(): Promise<{ queued: true }> {
    await this.sweeps.add(DEADLINE_JOBS.reconcileFull.name, {}, { removeOnComplete: 20, removeOnFail: 100 });
    return { queued: true };
  }
}
