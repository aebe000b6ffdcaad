import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import type Redis from 'ioredis';
import { REDIS } from '@hotline/server-platform';

export const MAINTENANCE_QUEUE = 'maintenance';
export const HEARTBEAT_KEY = 'worker:heartbeat';

/**
 * Proves the worker is consuming jobs, not merely connected: a job scheduler tick every 30 s
 * writes the time into Redis, which the health endpoint reads.
 */
@Processor(MAINTENANCE_QUEUE)
export class HeartbeatProcessor extends WorkerHost {
  constructor(@Inject(REDIS) private readonly redis: Redis) {
    super();
  }

  async process(job: Job): Promise<void> {
    if (job.name !== 'heartbeat') throw new Error(`no handler for job ${job.name}`);
    await this.redis.set(HEARTBEAT_KEY, new Date().toISOString(), 'EX', 300);
  }
}

@Injectable()
export class HeartbeatScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HeartbeatScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  constructor(@InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule();
    // a Redis wipe takes the scheduler with it; put it back rather than fall silent
    this.timer = setInterval(() => void this.restore().catch((e: Error) => this.logger.warn(`cannot check the heartbeat scheduler: ${e.message}`)), 15_000);
    this.timer.unref();
    this.logger.log('heartbeat scheduled every 30 s');
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
