import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import type Redis from 'ioredis';
import { OrderTextIndex } from '@hotline/server-orders';
import { REDIS } from '@hotline/server-platform';

export const MAINTENANCE_QUEUE = 'maintenance';
export const HEARTBEAT_KEY = 'worker:heartbeat';
/** One at a time across workers: a second worker starting while the first fills finds the job there and adds none. */
export const TEXT_FILL_JOB_ID = 'order-text-fill';

/**
 * The maintenance queue:
 * - `heartbeat` proves the worker is consuming jobs, not merely connected: a job scheduler tick every 30 s writes the
 *   time into Redis, which the health endpoint reads;
 * - `order-text-fill`, queued at every worker start, gives the orders that have no text-search terms theirs (orders
 *   stored before the text index existed, or by a tool that bypassed it), with the index in place: search finds them
 *   once filled. A first fill of millions is faster as `cli search-rebuild`, which drops and rebuilds the index.
 */
@Processor(MAINTENANCE_QUEUE)
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger('OrderTextFill');

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly text: OrderTextIndex,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === 'heartbeat') return this.redis.set(HEARTBEAT_KEY, new Date().toISOString(), 'EX', 300);
    if (job.name === 'order-text-fill') {
      const r = await this.text.rebuild({ dropIndexAbove: Number.POSITIVE_INFINITY });
      if (r.filled) this.logger.log(`gave ${r.filled} orders their text-search terms in ${r.ms} ms`);
      return r;
    }
    throw new Error(`no handler for job ${job.name}`);
  }
}

@Injectable()
export class MaintenanceScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('HeartbeatScheduler');
  private timer: NodeJS.Timeout | null = null;
  constructor(@InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule();
    // a Redis wipe takes the scheduler with it; put it back rather than fall silent
    this.timer = setInterval(() => void this.restore().catch((e: Error) => this.logger.warn(`cannot check the heartbeat scheduler: ${e.message}`)), 15_000);
    this.timer.unref();
    this.logger.log('heartbeat scheduled every 30 s');
    await this.queue.add(
      'order-text-fill',
      {},
      { jobId: TEXT_FILL_JOB_ID, removeOnComplete: true, removeOnFail: 20, attempts: 3, backoff: { type: 'exponential', delay: 30_000 } },
    );
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private schedule() {
    return this.queue.upsertJobScheduler('heartbeat', { every: 30_000 }, { name: 'heartbeat', opts: { removeOnComplete: 10, removeOnFail: 50 } });
  }

  private async restore(): Promise<void> {
    if (!(await this.queue.getJobScheduler('heartbeat'))) await this.schedule();
  }
}
