import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { ORDER_EVENT_SETTLE_MS, OrderEventRelay, type RelayTick } from '@hotline/server-orders';

export const ORDER_EVENTS_QUEUE = 'order-events';
const RELAY_JOB = 'relay-order-events';
const SCHEDULER_ID = 'order-events-relay';
/**
 * The relay ticks eagerly: an event whose ids below are all committed reaches its subscribers within about this; one
 * behind a gap (a transaction in flight or rolled back) within the settle window (order-event-relay.ts).
 */
const RELAY_EVERY_MS = 200;
const JOB_OPTIONS = { removeOnComplete: 20, removeOnFail: 100 };

/**
 * The order-event stream's relay: every tick hands the outbox to each registered subscriber from its position and
 * deletes what all have passed. One at a time in a worker (concurrency 1); a second worker process only duplicates
 * some deliveries, which subscribers tolerate (at least once).
 */
@Processor(ORDER_EVENTS_QUEUE, { concurrency: 1 })
export class OrderEventsProcessor extends WorkerHost {
  constructor(private readonly relay: OrderEventRelay) {
    super();
  }

  async process(job: Job): Promise<RelayTick> {
    if (job.name !== RELAY_JOB) throw new Error(`no handler for job "${job.name}" on ${ORDER_EVENTS_QUEUE}`);
    return this.relay.tick(ORDER_EVENT_SETTLE_MS, { eager: true });
  }
}

@Injectable()
export class OrderEventsScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OrderEventsScheduler.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(@InjectQueue(ORDER_EVENTS_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule();
    // a Redis wipe takes the scheduler with it; put it back rather than let the outbox grow
    this.timer = setInterval(() => void this.restore().catch((e: Error) => this.logger.warn(`cannot check the order-events scheduler: ${e.message}`)), 5_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private schedule() {
    return this.queue.upsertJobScheduler(SCHEDULER_ID, { every: RELAY_EVERY_MS }, { name: RELAY_JOB, data: {}, opts: JOB_OPTIONS });
  }

  private async restore(): Promise<void> {
    if (!(await this.queue.getJobScheduler(SCHEDULER_ID))) await this.schedule();
  }
}
